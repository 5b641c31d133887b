// The hidden truth of Part 2: the candidate's failure rate in every cohort of a track's fleet, drawn from the
// track's seed (so every team on a track faces the same candidate), then changed by the crises that hit a
// team. Only the host ever sees these numbers.
import { CANARY_TRACKS, ROLLOUT_JITTER } from '../../constants.js';
import { CANDIDATE_TRUTH, TRUTH_JITTER } from './candidate.server.js';
import { deriveSeed, nextFloat, nextInt, rngFromSeed } from '../../rng.js';
import type { TrackId } from '../../tracks.js';
import type { TeamEffects } from '../../crises/effects.js';
import { STALLED_PAST_BUDGET, stalls } from './latency/truth.server.js';

/** The candidate's failure rate per cohort of a track, before any crisis (same order as the cohorts). */
export function baseCohortRates(gameSeed: number, track: TrackId): number[] {
  const spec = CANARY_TRACKS[track];
  const truth = CANDIDATE_TRUTH[track];
  let rng = rngFromSeed(deriveSeed(gameSeed, `canary:${track}`));
  const bad = new Set<number>();
  while (truth.randomBad && bad.size < truth.randomBad.count) {
    const [index, next] = nextInt(rng, 0, spec.cohorts.length - 1);
    rng = next;
    bad.add(index);
  }
  return spec.cohorts.map((_, index) => {
    const [u, next] = nextFloat(rng);
    rng = next;
    const jitter = TRUTH_JITTER.min + u * (TRUTH_JITTER.max - TRUTH_JITTER.min);
    const factor = bad.has(index) ? truth.randomBad!.rateFactor : truth.rateFactors[index]!;
    return spec.targetRate * factor * jitter;
  });
}

/**
 * The rates a team's fleet really has, after the crises that hit it. Rollout jitter stalls a share s of the last
 * cohort's frames; a stalled frame fails when it misses the latency budget (a share q of them, ≈ 1) and otherwise
 * as often as any frame there: p' = p + s·q·(1 − p) — the latency model's frames past the budget
 * (latency/truth.server.ts), on top of the failures the cohort had.
 */
export function cohortRates(base: readonly number[], effects: TeamEffects): number[] {
  return base.map((rate, index) =>
    stalls(effects, index, base.length) ? rate + ROLLOUT_JITTER.tailShare * STALLED_PAST_BUDGET * (1 - rate) : rate,
  );
}

/** True when the candidate's rate exceeds the stakeholder's target p in a cohort: shipping it there regresses. */
export function isBadCohort(track: TrackId, rate: number): boolean {
  return rate > CANARY_TRACKS[track].targetRate;
}
