// How a run reads in words on the player page: its state, what "Promote" will do next, and what a holding
// run asks of the team. Pure, so the words are the same wherever a run is shown.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { RunView } from '../../../../../shared/protocol/views.js';
import { CANARY_STAGES } from '../../../../../shared/sim/constants.js';
import * as fmt from '../../../format.js';
import { stageShare } from '../stages.js';

export type RunOutcome = RunView['outcome'];

/** Whether a run still takes decisions (or is still rolling back). */
export function isActive(run: RunView | undefined | null): run is RunView {
  return !!run && (run.outcome === 'running' || run.outcome === 'holding' || run.outcome === 'rolling-back');
}

export const OUTCOME_WORDS: Readonly<Record<RunOutcome, string>> = {
  running: 'Running',
  holding: 'Decision due',
  'rolling-back': 'Rolling back',
  'rolled-back': 'Rolled back',
  shipped: 'Shipped',
};

/** What "Promote" does from a stage: the next live share, or shipping from 50 %. */
export function promoteWords(stage: number): string {
  const next = stage + 1;
  if (next >= CANARY_STAGES.length - 1) return 'Ship to 100 % of the fleet.';
  return `Next stage: ${stageShare(next)} of live traffic.`;
}

/** Why a holding run waits for the team: the SPRT's verdict, or the end of the watched window. */
export function holdingReason(run: RunView): string {
  if (run.sprt?.decision === 'promote') return 'SPRT verdict: promote — the evidence says the rate is below p.';
  if (run.sprt?.decision === 'rollback') return 'SPRT verdict: roll back — the failures say the rate is above p.';
  return `The ${run.stage < 0 ? 'shadow' : stageShare(run.stage)} window ended at ${fmt.hours(run.windowEndsAt)}.`;
}

/**
 * One line on an ended run: how long it took, and the team clock's hour when that differs ("Run 2 shipped to
 * 100 % after 41 h (team clock 57 h): …"; never "at 25 h after 25 h").
 */
export function endedSummary(run: RunView): string {
  const clock = run.endedAt === null || fmt.hours(run.endedAt) === fmt.hours(run.releaseHours) ? '' : ` (team clock ${fmt.hours(run.endedAt)})`;
  const verb =
    run.outcome !== 'shipped' ? 'was rolled back' : run.shipEvidence === 'without-evidence' ? 'shipped to 100 % without evidence' : 'shipped to 100 %';
  return `Run ${run.number} ${verb} after ${fmt.hours(run.releaseHours)}${clock}: ${fmt.plural(run.failures, 'failure')} seen, ${fmt.plural(run.exposure, 'bad answer')} served.`;
}

/** Where the team's own clock stands (GAME.md §5 "the clock must not punish talking"), from the team's view. */
export type TeamClock = 'not-started' | 'held' | 'running';

/** What waiting costs now, under the simulated clock: nothing before the first run or while a decision is due. */
export function teamClockWords(clock: TeamClock, hoursPerSecond: number): string {
  switch (clock) {
    case 'not-started':
      return 'Your clock starts with your first run — talk it through first: that costs no simulated time.';
    case 'held':
      return 'Clock held while you decide — waiting costs no simulated time.';
    case 'running':
      return `Clock running: each real second ≈ ${fmt.decimal(hoursPerSecond, 2)} simulated h.`;
  }
}
