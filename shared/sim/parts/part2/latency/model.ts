// The latency of the candidate's inference (GAME.md §7, rollout jitter): per hardware cohort a mixture of
// log-normal parts — the body of ordinary frames and, under jitter, a tail of stalled ones. A frame served past
// the track's latency budget is a failure, so the share past the budget is part of the cohort's failure rate.
// Pure arithmetic, computed in closed form from the distribution (no per-request draws): latency is measured
// on every frame the candidate runs, so a reading is the distribution's own quantile.
import { memoized } from '../../../memo.js';
import { normalTail, normalTailInverse } from '../../../normal.js';

/** One log-normal part of a mixture: `weight` of the frames, ln(latency) ~ N(ln(medianMs), sigma²). */
export interface LatencyPart {
  weight: number;
  medianMs: number;
  sigma: number;
}

/** A mixture whose weights add up to 1. */
export type LatencyMix = readonly LatencyPart[];

/** The share of frames slower than `ms`: Σ weight · P(Z > ln(ms/median)/σ). */
export function shareAbove(mix: LatencyMix, ms: number): number {
  return mix.reduce((sum, part) => sum + part.weight * normalTail(Math.log(ms / part.medianMs) / part.sigma), 0);
}

/** The log-normal σ whose share past `budgetMs` is `share`, for a body with median `medianMs` < budget. */
export function sigmaForShareAbove(medianMs: number, budgetMs: number, share: number): number {
  return Math.log(budgetMs / medianMs) / normalTailInverse(share);
}

/**
 * The q-quantile of a mixture in ms (q = 0.99: the p99). A mixture's quantile lies between its parts' own
 * quantiles at q (closed form: median · e^(σ·z_q)), so bisection in log ms starts from that bracket and stops at a
 * relative precision of 1e-7.
 */
export const latencyQuantile = memoized(
  1024,
  (mix: LatencyMix, q: number) => `${q}|${mix.map((p) => `${p.weight}:${p.medianMs}:${p.sigma}`).join('|')}`,
  quantileOf,
);

function quantileOf(mix: LatencyMix, q: number): number {
  const z = normalTailInverse(1 - q);
  const parts = mix.filter((part) => part.weight > 0);
  const own = parts.map((part) => Math.log(part.medianMs) + part.sigma * z);
  let lo = Math.min(...own);
  let hi = Math.max(...own);
  while (hi - lo > 1e-7) {
    const mid = (lo + hi) / 2;
    if (shareAbove(parts, Math.exp(mid)) > 1 - q) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/** The latency of pooled traffic: the cohorts' mixtures weighted by their traffic (weights normalized), equal
 *  parts merged (ten regions with one body make one part). */
export function pooledMix(cohorts: ReadonlyArray<{ traffic: number; mix: LatencyMix }>): LatencyMix {
  const total = cohorts.reduce((sum, c) => sum + c.traffic, 0);
  if (total <= 0) return [];
  const parts: LatencyPart[] = [];
  for (const c of cohorts) {
    for (const part of c.mix) {
      const weight = (part.weight * c.traffic) / total;
      const same = parts.find((p) => p.medianMs === part.medianMs && p.sigma === part.sigma);
      if (same) same.weight += weight;
      else parts.push({ ...part, weight });
    }
  }
  return parts;
}
