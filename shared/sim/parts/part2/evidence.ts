// How the evidence in hand judges a canary decision (GAME.md §5 "the ops score rewards evidence, not luck"):
// the score, the views and the phone's confirmation before shipping all read these. No hidden truth here.
// The evidence itself is recorded once, on the run, when the team decides (run.ts); everything that tells a
// decision afterwards — the score, the debrief's timeline and talking points, the per-decision CSV — reads
// that record (decisionRecorded, shipDecision) instead of reading the run again.
import { CANARY_STAGES } from '../../constants.js';
import { failuresTooMany } from './canary-stats.js';
import { activeRun } from './run.js';
import type { DecisionEvidence, Run, RunDecision, TeamPart2 } from './types.js';

/** Whether the failures seen are more than the run's target rate would give (canary-stats.ts): the Confidence
 *  Clock climbs back after each failure, the failures stay evidence. Decisions recorded before rules v6 lack the
 *  requests watched and are judged as they were. */
export function failuresAboveTarget(e: DecisionEvidence): boolean {
  if (e.requests === undefined || e.rate === undefined) return false;
  // A recorded decision's evidence never changes and every state after it shares the object, while the score
  // judges every decision again at every tick: the test (a sum of up to a few thousand terms) runs once per record.
  let judged = judgedEvidence.get(e);
  if (judged === undefined) {
    judged = failuresTooMany(e.failures, e.requests, e.rate, e.target);
    judgedEvidence.set(e, judged);
  }
  return judged;
}

const judgedEvidence = new WeakMap<DecisionEvidence, boolean>();

/** Whether the evidence backs promoting: the Confidence Clock at the target, or the SPRT's "promote" — never
 *  against the SPRT's "roll back", nor with more failures seen than the target rate would give. */
export function promoteBacked(e: DecisionEvidence): boolean {
  if (failuresAboveTarget(e)) return false;
  return e.sprt === 'promote' || (e.confidence >= e.target && e.sprt !== 'rollback');
}

/** How the evidence judges rolling back a whole run: failures seen or the SPRT's "roll back" back it; without a
 *  failure it is cautious below the target and against the evidence at or above it. */
export function rollbackJudgement(e: DecisionEvidence): 'backed' | 'cautious' | 'against-evidence' {
  if (e.failures > 0 || e.sprt === 'rollback') return 'backed';
  return e.confidence >= e.target || e.sprt === 'promote' ? 'against-evidence' : 'cautious';
}

/** Whether promoting from `stage` ships to the whole fleet (from 50 %). */
export function promoteShips(stage: number): boolean {
  return stage + 1 === CANARY_STAGES.length - 1;
}

/** The promotion that shipped a run to the whole fleet, with its evidence; undefined when it did not ship. */
export function shipDecision(decisions: readonly RunDecision[]): RunDecision | undefined {
  return decisions.find((d) => d.kind === 'promote' && promoteShips(d.stage));
}

/** How a shipped run's ship was backed, from its decisions; null when it did not ship. */
export function shipEvidence(decisions: readonly RunDecision[]): 'backed' | 'without-evidence' | null {
  const ship = shipDecision(decisions);
  return ship ? (promoteBacked(ship.evidence) ? 'backed' : 'without-evidence') : null;
}

/**
 * The canary decision one step recorded on a team's fleet (`before` and `after` the step), with the run it was
 * taken on as the step left it; null when the step recorded none (not a promote, extend or roll back).
 */
export function decisionRecorded(before: TeamPart2 | undefined, after: TeamPart2 | undefined): { run: Run; decision: RunDecision } | null {
  const was = before ? activeRun(before) : null;
  if (!was || !after) return null;
  // A decision is taken on the run in progress, which keeps its number (its place in the list).
  const run = after.runs[was.number - 1];
  // A snapshot from before rules v5 may lack the list: a decision the step added is one beyond what it had.
  const count = was.decisions?.length ?? 0;
  const decision = run?.decisions?.[count];
  return run && decision ? { run, decision } : null;
}
