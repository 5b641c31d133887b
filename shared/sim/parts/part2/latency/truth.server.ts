// The hidden truth of the candidate's latency: per cohort, the body of its frames (candidate.server.ts) and,
// once rollout jitter strikes, the stalled tail on the track's last cohort. Server-side only: a team reads a
// cohort's latency only where its run measures it, the host every cohort's.
import { CANARY_TRACKS, ROLLOUT_JITTER } from '../../../constants.js';
import type { TeamEffects } from '../../../crises/effects.js';
import type { TrackId } from '../../../tracks.js';
import { CANDIDATE_LATENCY } from '../candidate.server.js';
import { shareAbove, sigmaForShareAbove, type LatencyMix, type LatencyPart } from './model.js';

/** The frames rollout jitter stalls, for a budget of `budgetMs`: log-normal around 10 budgets. */
function stallTail(budgetMs: number): LatencyPart {
  const { tailShare, tailMedianBudgets, tailSigma } = ROLLOUT_JITTER;
  return { weight: tailShare, medianMs: tailMedianBudgets * budgetMs, sigma: tailSigma };
}

/** The share of stalled frames that miss the budget (the same on every track: the tail scales with it). */
export const STALLED_PAST_BUDGET = shareAbove([{ ...stallTail(1), weight: 1 }], 1);

/** Whether rollout jitter stalls a cohort: the track's last (its oldest or most fragile hardware). */
export const stalls = (effects: TeamEffects, index: number, count: number) => effects.jitter && index === count - 1;

/** The ordinary frames of cohort `index`, given its hidden failure rate before crises. */
function bodyOf(track: TrackId, index: number, baseRate: number): LatencyPart {
  const { medianMs, sigma } = CANDIDATE_LATENCY[track][index]!;
  const budget = CANARY_TRACKS[track].latencyBudgetMs;
  return { weight: 1, medianMs, sigma: sigma ?? sigmaForShareAbove(medianMs, budget, baseRate) };
}

/** The candidate's latency per cohort after crises, from the cohorts' hidden rates before crises. */
export function cohortLatency(track: TrackId, baseRates: readonly number[], effects: TeamEffects): LatencyMix[] {
  return baseRates.map((rate, index) => {
    const body = bodyOf(track, index, rate);
    if (!stalls(effects, index, baseRates.length)) return [body];
    const tail = stallTail(CANARY_TRACKS[track].latencyBudgetMs);
    return [{ ...body, weight: 1 - tail.weight }, tail];
  });
}
