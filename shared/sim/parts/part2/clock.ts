// Each team's own simulated clock (GAME.md §5 "the clock must not punish talking"): it starts with the team's
// first run and holds while a run waits on a decision ("decision due"), so discussion costs no simulated time.
// The part's clock (Part2State.hours) only schedules the host's crises; a fleet's evidence, exposure, costs,
// monitors and crisis hours all count on its team's clock.
import { activeRun } from './run.js';
import type { TeamPart2 } from './types.js';

/** Why a team's clock stands or runs: before its first run, held on a decision, or running. */
export type TeamClockState = 'not-started' | 'held' | 'running';

export function teamClockState(fleet: TeamPart2): TeamClockState {
  if (fleet.runs.length === 0) return 'not-started';
  return activeRun(fleet)?.outcome === 'holding' ? 'held' : 'running';
}

/**
 * How many of the part clock's `hours` the team's clock advances: none while it stands, and a running run's
 * clock stops exactly where its window ends (the run then holds for the team's decision).
 */
export function teamStep(fleet: TeamPart2, hours: number): number {
  if (teamClockState(fleet) !== 'running') return 0;
  const run = activeRun(fleet);
  if (run?.outcome === 'running') return Math.max(0, Math.min(hours, run.windowEndsAt - fleet.hours));
  return hours;
}
