// The stage stepper's pure logic (src/lib/parts/part2/stages.ts): one source for the compact chips (tiles,
// the host's rows) and the player's labelled boxes.
import { describe, expect, it } from 'vitest';
import { STAGE_INDEXES, rolledBack, stageChip, stepState } from '../../src/lib/parts/part2/stages.js';

describe('the stage stepper', () => {
  it('marks the steps before the stage done, the stage current and the rest ahead', () => {
    expect(STAGE_INDEXES.map((s) => stepState(s, 1, 'running'))).toEqual(['done', 'done', 'current', 'ahead', 'ahead', 'ahead']);
    expect(STAGE_INDEXES.map((s) => stepState(s, -1, 'holding'))).toEqual(['current', 'ahead', 'ahead', 'ahead', 'ahead', 'ahead']);
  });

  it('has done every step of a shipped run, and none without a run', () => {
    expect(STAGE_INDEXES.every((s) => stepState(s, 2, 'shipped') === 'done')).toBe(true);
    expect(STAGE_INDEXES.every((s) => stepState(s, null, null) === 'ahead')).toBe(true);
  });

  it('says a rollback and writes the chips as S then the live shares', () => {
    expect(rolledBack('rolled-back')).toBe(true);
    expect(rolledBack('rolling-back')).toBe(true);
    expect(rolledBack('running')).toBe(false);
    expect(rolledBack(null)).toBe(false);
    expect(STAGE_INDEXES.map(stageChip)).toEqual(['S', '1', '5', '25', '50', '100']);
  });
});
