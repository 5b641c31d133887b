// Named seeds of the game fuzz (tests/unit/fuzz.test.ts, `npm run fuzz`). When the fuzz reports a failing
// seed, add it here under a name that says what broke:
//   - while the bug is open in shared/: `it.fails(...)` with a comment giving the seed, the step and action
//     from the failure message, and what broke, so that the test turns red the day the bug is fixed;
//   - once fixed: a plain `it(...)`, kept forever.
// The pinned seed 36 keeps one game that aims Part 2 crises at every kind of target, now and later, and rolls
// back single cohorts; if a change to the generator makes it stop doing so, pick another seed that does (the
// assertions say what it must cover).
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { enterPart } from '../../shared/sim/flow.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import { AT, applyAll, crisisAt, join, newGame, tick } from '../support/actions.js';
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

  // Found by the fuzz (seed 4 of an earlier generator): a scheduled crisis struck only at the start of the first
  // tick that began at or after its hour, so the tick that crossed its hour ran without it, its recorded hour
  // became the tick's start, and one due after a part's last tick never struck. A tick now splits at due crises.
  it('a crisis scheduled for hour 0.5 has struck, at hour 0.5, once a tick takes the clock to 1 h', () => {
    const lobby = applyAll(newGame(), [join('ada')]);
    const inPart2 = { ...enterPart({ ...lobby, phase: 'briefing' }, part2, AT), version: lobby.version };
    const state = applyAll(inPart2, [crisisAt('traffic-spike', { kind: 'all' }, 0.5), tick(1)]);
    expect(state.crises[0]).toMatchObject({ fired: true, at: 0.5 });
  });
});
