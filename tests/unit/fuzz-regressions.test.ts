// Named seeds of the game fuzz (tests/unit/fuzz.test.ts, `npm run fuzz`). When the fuzz reports a failing
// seed, add it here under a name that says what broke:
//   - while the bug is open in shared/: `it.fails(...)` with a comment giving the seed, the step and action
//     from the failure message, and what broke, so that the test turns red the day the bug is fixed;
//   - once fixed: a plain `it(...)`, kept forever.
// A rule the core breaks today is checked only with `{ strict: true }` (invariants.ts, checkOpenBugs), so that
// the fuzz stays green for everything else; its seed is kept here as `it.fails`.
// The pinned seed 36 keeps one game that aims Part 2 crises at every kind of target, now and later, and rolls
// back single cohorts; if a change to the generator makes it stop doing so, pick another seed that does (the
// assertions say what it must cover).
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { runFuzzGame } from '../support/fuzz/runner.js';

type Crisis = Extract<Action, { type: 'host/crisis' }>;

describe('fuzz regressions', () => {
  it('seed 36: Part 2 crises at all teams, a track and a team, now and scheduled, with per-cohort rollbacks', () => {
    const report = runFuzzGame(36);
    expect(report.stages.at(-1)).toBe('debrief');
    const crises = report.log.filter((a): a is Crisis => a.type === 'host/crisis');
    expect(new Set(crises.map((c) => c.target.kind))).toEqual(new Set(['all', 'track', 'team']));
    expect(new Set(crises.map((c) => c.crisis))).toEqual(new Set(['rollout-jitter', 'world-drifted', 'traffic-spike']));
    expect(crises.some((c) => c.inHours === null)).toBe(true);
    expect(crises.filter((c) => c.inHours !== null && c.inHours > 0).length).toBeGreaterThanOrEqual(2);
    expect(report.crises.fired).toBeGreaterThanOrEqual(5);
    expect(report.log.some((a) => a.type === 'team/rollback' && a.cohortId !== null)).toBe(true);
  });

  // OPEN BUG in shared/sim/parts/part2 (tick.ts / crises.ts fireDueCrises): a scheduled crisis fires only at
  // the start of the first tick that begins at or after its hour, so the tick that crosses its hour runs
  // without it, its recorded hour becomes the tick's start, and one scheduled after the last tick of Part 2
  // never fires. Seed 4, step 29: team t1 locked 2995 in Part 2; the host aimed "traffic-spike" at team t1
  // with inHours 10.1377…; then sim/tick of 11.695… hours: the clock reads 11.695 h, the crisis is still
  // unfired (traffic ×1 for the last 1.56 h instead of ×3). Turn this into `it` once the tick splits at due
  // crises (and move the check out of checkOpenBugs so that every seed enforces it).
  it.fails('seed 4: a crisis scheduled for hour 10.14 has not fired when a tick takes the clock to 11.70 h', () => {
    try {
      runFuzzGame(4, { strict: true });
    } catch (error) {
      // Only the known failure counts as the expected one: anything else ends the test normally, which
      // `it.fails` reports as a failure, so that it surfaces.
      if (/step 29, .*crisis traffic-spike scheduled for simulated hour 10\.13\d* has not fired/s.test(String(error))) throw error;
    }
  });
});
