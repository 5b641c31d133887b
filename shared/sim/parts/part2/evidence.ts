// How the evidence in hand judges a canary decision (GAME.md §5 "the ops score rewards evidence, not luck"):
// the score, the views and the phone's confirmation before shipping all read these. No hidden truth here.
import { CANARY_STAGES } from '../../constants.js';
import type { DecisionEvidence, RunDecision } from './types.js';

/** Whether the evidence backs promoting: the Confidence Clock at the target, or the SPRT's "promote" (never
 *  against the SPRT's "roll back"). */
export function promoteBacked(e: DecisionEvidence): boolean {
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

/** How a shipped run's ship was backed, from its decisions; null when it did not ship. */
export function shipEvidence(decisions: readonly RunDecision[]): 'backed' | 'without-evidence' | null {
  const ship = decisions.find((d) => d.kind === 'promote' && promoteShips(d.stage));
  return ship ? (promoteBacked(ship.evidence) ? 'backed' : 'without-evidence') : null;
}
