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
  // 1 in 100,000 on the newer generations; 1 in 500 on the oldest (GAME.md §5): there, every failure is a
  // frame past the 10 ms loop (CANDIDATE_LATENCY).
  'edge-guardian': { rateFactors: [0.1, 0.1, 20] },
  // Good in eight regions; two, drawn from the seed, where the OS update changed the NPU power policy.
  'mobile-nomad': { rateFactors: Array.from({ length: 10 }, () => 0.05), randomBad: { count: 2, rateFactor: 4 } },
  // Subtly bad everywhere: 1.6 × the Hardware Lead's 1 in 500.
  'tiny-pioneer': { rateFactors: [1.6, 1.6] },
};

/** Each cohort's hidden rate is further multiplied by a factor drawn from the track's seed in this range: it
 *  varies the numbers between games without turning a good cohort bad or a bad one good. */
export const TRUTH_JITTER = { min: 0.8, max: 1.25 } as const;

/** The body of the candidate's latency on one cohort: log-normal around `medianMs`. A `sigma` of null sets it
 *  so that the cohort's whole hidden failure rate is frames past the track's latency budget. */
export interface LatencyBody {
  medianMs: number;
  sigma: number | null;
}

const same = (count: number, body: LatencyBody): LatencyBody[] => Array.from({ length: count }, () => ({ ...body }));

/**
 * The candidate's latency per cohort (*teaching*), in the order of CANARY_TRACKS[track].cohorts. Each body
 * misses its budget far less often than the cohort fails (tests/unit/rollout-jitter.test.ts checks it), except
 * Edge Guardian's oldest hardware, where the heavier perception model just fits the 10 ms loop: p99 ≈ 9 ms and
 * its 1 in 500 failures are all late frames.
 */
export const CANDIDATE_LATENCY: Readonly<Record<TrackId, LatencyBody[]>> = {
  // Against a 500 ms time to first token.
  'cloud-titan': [
    { medianMs: 180, sigma: 0.2 },
    { medianMs: 200, sigma: 0.2 },
    { medianMs: 220, sigma: 0.2 },
  ],
  'edge-guardian': [
    { medianMs: 3, sigma: 0.2 },
    { medianMs: 4, sigma: 0.2 },
    { medianMs: 6, sigma: null },
  ],
  // Against one frame at 60 FPS (16.7 ms).
  'mobile-nomad': same(10, { medianMs: 7, sigma: 0.2 }),
  'tiny-pioneer': [
    { medianMs: 4, sigma: 0.2 },
    { medianMs: 4.5, sigma: 0.2 },
  ],
};
