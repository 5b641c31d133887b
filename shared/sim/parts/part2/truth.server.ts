// The hidden truth of Part 2: the candidate's failure rate in every cohort of a track's fleet, drawn from the
// track's seed (so every team on a track faces the same candidate), then changed by the crises that hit a
// team. Only the host ever sees these numbers.
import { CANARY_TRACKS, JITTER_RATE_FACTOR } from '../../constants.js';
import { CANDIDATE_TRUTH, TRUTH_JITTER } from './candidate.server.js';
import { deriveSeed, nextFloat, nextInt, rngFromSeed } from '../../rng.js';
import type { TrackId } from '../../tracks.js';
import type { TeamEffects } from '../../crises/effects.js';

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

/** The rates a team's fleet really has, after the crises that hit it. */
export function cohortRates(base: readonly number[], effects: TeamEffects): number[] {
  if (!effects.jitter) return [...base];
  return base.map((rate, index) => (index === base.length - 1 ? Math.min(1, rate * JITTER_RATE_FACTOR) : rate));
}

/** True when the candidate's rate exceeds the stakeholder's target p in a cohort: shipping it there regresses. */
export function isBadCohort(track: TrackId, rate: number): boolean {
  return rate > CANARY_TRACKS[track].targetRate;
}
