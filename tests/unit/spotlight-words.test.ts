// The spotlight in words and bars (src/lib/spotlight/spotlight-words.ts): the host reads what is on the
// projector; the bars share the answers among the teams that answered and mark a revealed lock's right one.
import { describe, expect, it } from 'vitest';
import type { SpotlightView } from '../../shared/protocol/views.js';
import { choiceBars, spotlightTitle } from '../../src/lib/spotlight/spotlight-words.js';

const choices = (counts: number[], correct: 'a' | 'b' | 'c' | 'd' | null, of: 'lock' | 'reflection' = 'lock'): Extract<SpotlightView, { kind: 'choices' }> => ({
  kind: 'choices',
  part: 3,
  of,
  prompt: 'Why?',
  options: (['a', 'b', 'c', 'd'] as const).map((choice, i) => ({ choice, text: choice.toUpperCase(), count: counts[i]! })),
  answered: counts.reduce((a, b) => a + b, 0),
  correct,
});

describe('the spotlight', () => {
  it('names what is on the projector', () => {
    expect(spotlightTitle({ kind: 'reflection', part: 2, prompt: '', teamName: 'Wombats', choice: 'a', option: '', text: '' })).toBe(
      "Wombats's reflection (Part 2)",
    );
    expect(spotlightTitle(choices([1, 0, 0, 0], null, 'reflection'))).toBe("how the teams chose in Part 3's reflection");
    expect(spotlightTitle({ kind: 'debrief', section: 'ledgers' })).toBe("the debrief's Governance ledgers");
    expect(spotlightTitle({ kind: 'debrief', section: null })).toBe('the whole debrief, in turn');
  });

  it('shares the bars among the teams that answered, the right one marked', () => {
    expect(choiceBars(choices([1, 3, 0, 0], 'b'))).toEqual([
      { choice: 'a', count: 1, share: 0.25, right: false },
      { choice: 'b', count: 3, share: 0.75, right: true },
      { choice: 'c', count: 0, share: 0, right: false },
      { choice: 'd', count: 0, share: 0, right: false },
    ]);
    expect(choiceBars(choices([0, 0, 0, 0], null)).every((b) => b.share === 0 && !b.right)).toBe(true);
  });
});
