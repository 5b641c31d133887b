// What a run reads of the candidate's latency (GAME.md §7, rollout jitter): the p99 of the frames it measures —
// per cohort for a stratified run, pooled for a random one — only where the candidate runs now. Shadow mode
// cannot run on hardware without compute headroom (Edge Guardian's gen 1), so there a run has no latency
// evidence until a live stage reaches it. The host reads every cohort's true latency.
import type { LatencyEvidence } from '../../../../protocol/views.js';
import { CANARY_TRACKS, LATENCY_PERCENTILE } from '../../../constants.js';
import type { TrackId } from '../../../tracks.js';
import type { Run } from '../types.js';
import { latencyQuantile, pooledMix, shareAbove, type LatencyMix } from './model.js';

/** Where a run measures a cohort's latency now, or why it does not. */
export function latencyEvidence(track: TrackId, run: Run, index: number): LatencyEvidence {
  if (run.outcome === 'rolled-back') return 'ended';
  if (run.cohorts[index]!.excluded) return 'rolled-back';
  if (run.stage >= 0) return 'live';
  return CANARY_TRACKS[track].cohorts[index]!.shadow ? 'shadow' : 'no-shadow';
}

const measures = (evidence: LatencyEvidence) => evidence === 'shadow' || evidence === 'live';

/** A run's latency readings: per cohort (null where it measures nothing) and pooled over what it measures. */
export function runLatency(track: TrackId, run: Run, mixes: readonly LatencyMix[]) {
  const spec = CANARY_TRACKS[track];
  const evidence = run.cohorts.map((_, i) => latencyEvidence(track, run, i));
  const cohorts = evidence.map((e, i) => ({ evidence: e, p99Ms: measures(e) ? latencyQuantile(mixes[i]!, LATENCY_PERCENTILE) : null }));
  const measured = spec.cohorts.flatMap((cohort, i) => (measures(evidence[i]!) ? [{ traffic: cohort.share, mix: mixes[i]! }] : []));
  return { cohorts, p99Ms: measured.length > 0 ? latencyQuantile(pooledMix(measured), LATENCY_PERCENTILE) : null };
}

/** The highest p99 a run shows its team: per cohort for a stratified run, pooled for a random one. */
export function shownP99(run: Run, readings: ReturnType<typeof runLatency>): number | null {
  if (run.config.cohortMode === 'random') return readings.p99Ms;
  const values = readings.cohorts.flatMap((c) => (c.p99Ms === null ? [] : [c.p99Ms]));
  return values.length > 0 ? Math.max(...values) : null;
}

/** A cohort's true latency (host only): its p99 and the share of its frames past the budget. */
export function latencyTruth(track: TrackId, mix: LatencyMix) {
  return { p99Ms: latencyQuantile(mix, LATENCY_PERCENTILE), pastBudget: shareAbove(mix, CANARY_TRACKS[track].latencyBudgetMs) };
}
