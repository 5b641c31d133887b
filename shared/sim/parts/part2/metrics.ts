// What the instruments read off a run: the Confidence Clock, the release time, drift staleness, the SPRT's
// verdict. Derived from the run and the clock, never stored.
import { CANARY_TRACKS } from '../../constants.js';
import type { TrackId } from '../../tracks.js';
import { confidenceAfter, sprtDecision, sprtPlan, type SprtDecision } from './canary-stats.js';
import type { TeamEffects } from '../../crises/effects.js';
import type { Run } from './types.js';

/** Whether the current stage of a run reaches a cohort (shadow mode cannot run everywhere). */
export function stageCovers(track: TrackId, run: Run, cohortIndex: number): boolean {
  if (run.cohorts[cohortIndex]!.excluded) return false;
  return run.stage >= 0 || CANARY_TRACKS[track].cohorts[cohortIndex]!.shadow;
}

/**
 * The Confidence Clock: C(n) with n the clean requests since the last failure — pooled for a random canary,
 * the weakest cohort for a stratified one (a per-slice guarantee needs n* in every slice, and a cohort the
 * stage cannot reach stays at 0).
 */
export function runConfidence(run: Run): number {
  return confidenceAfter(runClean(run), run.config.rate);
}

/** n behind the Confidence Clock: the pooled clean requests of a random canary, the weakest cohort's of a
 *  stratified one (the Math Peek substitutes it: inverting C(n) loses n once C saturates). */
export function runClean(run: Run): number {
  if (run.config.cohortMode === 'random') return run.pooledClean;
  return Math.min(...run.cohorts.filter((c) => !c.excluded).map((c) => c.clean));
}

/** Confidence per cohort (for the stratified breakdown). */
export function cohortConfidences(run: Run): number[] {
  return run.cohorts.map((c) => confidenceAfter(c.clean, run.config.rate));
}

/** T_release so far: simulated hours from the start of the run to its end (or now). */
export function runReleaseHours(run: Run, now: number): number {
  return (run.endedAt ?? now) - run.startedAt;
}

/** Drift staleness = 1 − exp(−T_release/τ), with τ shrunk by "the world drifted". */
export function runStaleness(track: TrackId, run: Run, effects: TeamEffects, now: number): number {
  const tau = CANARY_TRACKS[track].driftTauHours * effects.driftFactor;
  return -Math.expm1(-runReleaseHours(run, now) / tau);
}

/** Total judged requests a run has watched. */
export function runRequests(run: Run): number {
  return run.cohorts.reduce((sum, c) => sum + c.requests, 0);
}

/** Total failures a run has seen. */
export function runFailures(run: Run): number {
  return run.cohorts.reduce((sum, c) => sum + c.failures, 0);
}

/** The SPRT's verdict on a run's evidence so far. */
export function runSprtDecision(run: Run): SprtDecision {
  return sprtDecision(sprtPlan(run.config.confidence, run.config.rate), run.llr);
}
