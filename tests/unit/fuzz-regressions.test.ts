// Named seeds of the game fuzz (tests/unit/fuzz.test.ts, `npm run fuzz`). When the fuzz reports a failing
// seed, add it here under a name that says what broke:
//   - while the bug is open in shared/: `it.fails(...)` with a comment giving the seed, the step and action
//     from the failure message, and what broke, so that the test turns red the day the bug is fixed;
//   - once fixed: a plain `it(...)`, kept forever.
// No seed has failed so far. The pinned seed below keeps one game that aims Part 2 crises at every kind of
// target, now and later, and rolls back single cohorts; if a change to the generator makes it stop doing
// so, pick another seed that does (the assertions say what it must cover).
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { runFuzzGame } from '../support/fuzz/runner.js';

type Crisis = Extract<Action, { type: 'host/crisis' }>;

describe('fuzz regressions', () => {
  it('seed 107: Part 2 crises at all teams, a track and a team, now and scheduled, with per-cohort rollbacks', () => {
    const report = runFuzzGame(107);
    expect(report.stages.at(-1)).toBe('debrief');
    const crises = report.log.filter((a): a is Crisis => a.type === 'host/crisis');
    expect(new Set(crises.map((c) => c.target.kind))).toEqual(new Set(['all', 'track', 'team']));
    expect(new Set(crises.map((c) => c.crisis))).toEqual(new Set(['rollout-jitter', 'world-drifted', 'traffic-spike']));
    expect(crises.some((c) => c.inHours === null)).toBe(true);
    expect(crises.filter((c) => (c.inHours ?? 0) > 0).length).toBeGreaterThanOrEqual(2);
    expect(report.crises.fired).toBeGreaterThanOrEqual(5);
    expect(report.log.some((a) => a.type === 'team/rollback' && a.cohortId !== null)).toBe(true);
  });
});
