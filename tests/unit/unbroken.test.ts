// The terms a line must not break inside (src/lib/components/unbroken.ts): the pieces join back to the text, so
// what is read out and matched stays the plain text, and only the terms are marked to keep.
import { describe, expect, it } from 'vitest';
import { unbrokenPieces } from '../../src/lib/components/unbroken.js';

describe('unbrokenPieces', () => {
  it('marks each "training-serving", in any case, and joins back to the text', () => {
    const text = 'Training-serving PSI 0.00; the training-serving skew (training-serving PSI < 0.1)';
    const pieces = unbrokenPieces(text);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.keep).map((p) => p.text)).toEqual(['Training-serving', 'training-serving', 'training-serving']);
    expect(pieces[0]).toEqual({ text: 'Training-serving', keep: true });
  });

  it('leaves a text without the terms as one plain piece (and an empty text as none)', () => {
    expect(unbrokenPieces('v1 → v2 PSI 0.32 · act (≥ 0.25)')).toEqual([{ text: 'v1 → v2 PSI 0.32 · act (≥ 0.25)', keep: false }]);
    expect(unbrokenPieces('a long-lived pipeline')).toEqual([{ text: 'a long-lived pipeline', keep: false }]);
    expect(unbrokenPieces('')).toEqual([]);
  });
});
