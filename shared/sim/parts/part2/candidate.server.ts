// The hidden truth of Part 2 (*teaching* constants, docs/model.md): how often the candidate model fails in each
// cohort of each track, as a multiple of the track's target rate p. Server-side only: nothing under src/
// imports this module (a test checks the built pages), so no browser ever receives these numbers; only the
// host's view carries the resulting rates.
import type { TrackId } from '../../tracks.js';

export interface CandidateTruth {
  /** Per cohort, in the order of CANARY_TRACKS[track].cohorts. */
  rateFactors: number[];
  /** Cohorts made bad at random from the track's seed (Mobile Nomad's regions hit by the OS update). */
  randomBad?: { count: number; rateFactor: number };
}

export const CANDIDATE_TRUTH: Readonly<Record<TrackId, CandidateTruth>> = {
  // A good candidate: about 1 in 10,000 to 1 in 20,000, well under the CFO's 1 in 1,000.
  'cloud-titan': { rateFactors: [0.05, 0.05, 0.1] },
  // 1 in 100,000 on the newer generations; 1 in 500 on the oldest (GAME.md §5).
  'edge-guardian': { rateFactors: [0.1, 0.1, 20] },
  // Good in eight regions; two, drawn from the seed, where the OS update changed the NPU power policy.
  'mobile-nomad': { rateFactors: Array.from({ length: 10 }, () => 0.05), randomBad: { count: 2, rateFactor: 4 } },
  // Subtly bad everywhere: 1.6 × the Hardware Lead's 1 in 500.
  'tiny-pioneer': { rateFactors: [1.6, 1.6] },
};

/** Each cohort's hidden rate is further multiplied by a factor drawn from the track's seed in this range: it
 *  varies the numbers between games without turning a good cohort bad or a bad one good. */
export const TRUTH_JITTER = { min: 0.8, max: 1.25 } as const;
