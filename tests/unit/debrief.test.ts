// The personal debrief reads only the team's own view at the debrief: every part's prediction against the
// truth, Part 2's runs and Part 3's ledger (the golden game: Night Owls, team 1).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOBODY_ONLINE, projectTeam } from '../../shared/sim/project.js';
import { replay } from '../../shared/sim/replay.js';
import type { Action } from '../../shared/sim/actions.js';
import type { GameConfig } from '../../shared/sim/state.js';
import { LAB_INVARIANT, PART_TAKEAWAYS, predictionRows, runLines } from '../../src/lib/play/debrief.js';

const golden = JSON.parse(readFileSync(new URL('./golden/game-log.json', import.meta.url), 'utf8')) as { config: GameConfig; log: Action[] };

describe('the personal debrief', () => {
  const state = replay(golden.config, golden.log);
  const view = projectTeam(state, 't1', NOBODY_ONLINE)!;

  it('lists the team’s prediction against the truth for every part', () => {
    const rows = predictionRows(view);
    expect(rows.map((r) => r.part)).toEqual([1, 2, 3]);
    // Part 2: Night Owls predicted 3000 against n* = 2995.
    expect(rows[1]).toMatchObject({ predicted: '3,000', actual: '2,995', good: true });
    expect(rows[2]!.actual).toMatch(/^answer [a-d]$/i);
    expect(rows[2]!.verdict).toBe('right');
  });

  it('lists Part 2’s runs with how each ended, and Part 3’s ledger is in the view', () => {
    const lines = runLines(view);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('shipped'))).toBe(true);
    expect(view.part3!.ensemble!.ledger.length).toBeGreaterThan(0);
  });

  it('states the chapter’s invariant and a takeaway per part', () => {
    expect(LAB_INVARIANT).toContain('O(N²) dependencies');
    expect(Object.keys(PART_TAKEAWAYS)).toEqual(['1', '2', '3']);
  });
});
