// Part 2's statistics (GAME.md §5): how many clean requests a canary must watch, the confidence after n clean
// requests, the shadow and release times, and Wald's sequential probability ratio test. Pure functions.

/**
 * n*(C, p) = ⌈ln(1 − C) / ln(1 − p)⌉: the number of requests that must all succeed for confidence C that the
 * failure rate is below p (the exact zero-failure binomial bound — not the rule of three, not Poisson).
 * C and p in (0, 1).
 */
export function requiredCleanRequests(confidence: number, rate: number): number {
  const target = Math.log1p(-confidence); // ln(1 − C)
  const perRequest = Math.log1p(-rate); // ln(1 − p), accurate for small p
  let n = Math.max(1, Math.ceil(target / perRequest));
  // Floating point can put an exact boundary one off: settle it on the defining inequality (1 − p)^n ≤ 1 − C.
  while (n > 1 && (n - 1) * perRequest <= target) n -= 1;
  while (n * perRequest > target) n += 1;
  return n;
}

/** C(n) = 1 − (1 − p)^n: the Confidence Clock after n clean requests, in [0, 1). */
export function confidenceAfter(cleanRequests: number, rate: number): number {
  if (cleanRequests <= 0) return 0;
  return -Math.expm1(cleanRequests * Math.log1p(-rate));
}

/**
 * Whether `failures` in `requests` are more than a failure rate of `rate` would give at confidence C: the exact
 * one-sided binomial test P(X ≥ failures | requests, rate) < 1 − C. The Confidence Clock counts only the clean
 * requests since the last failure, so it climbs back after each one; these are the failures it forgets. None
 * are never too many.
 */
export function failuresTooMany(failures: number, requests: number, rate: number, confidence: number): boolean {
  if (failures <= 0 || requests <= 0) return false;
  if (failures > requests) return true;
  // P(X ≥ k) < α ⇔ P(X ≤ k − 1) > 1 − α: sum the pmf in log space (n·ln(1 − p) underflows at scale) and stop as
  // soon as the sum passes 1 − α, which it does within a few deviations of n·p, however many failures there were.
  const alpha = 1 - confidence;
  const logRatio = Math.log(rate) - Math.log1p(-rate);
  let logPmf = requests * Math.log1p(-rate);
  let cdf = 0;
  for (let i = 0; i < failures; i++) {
    cdf += Math.exp(logPmf);
    if (cdf > 1 - alpha) return true;
    logPmf += Math.log(requests - i) - Math.log(i + 1) + logRatio;
  }
  return false;
}

/** t_shadow = n / (R · f): hours to observe n judged requests at R judged requests per hour, shadow fraction f. */
export function shadowHours(requests: number, requestsPerHour: number, shadowFraction: number): number {
  return requests / (requestsPerHour * shadowFraction);
}

/** T_release = t_shadow + Σ stage durations, in hours. */
export function releaseHours(shadow: number, stageHours: readonly number[]): number {
  return stageHours.reduce((sum, hours) => sum + hours, shadow);
}

/** The release limit: one week (GAME.md §5). */
export const RELEASE_LIMIT_HOURS = 168;

/** Wald's SPRT of H0: rate p0 = p/10 against H1: rate p1 = p, with α = 0.05 and β = 1 − C. */
export interface SprtPlan {
  /** Added to the log-likelihood ratio by each clean request: ln((1 − p1)/(1 − p0)) < 0. */
  cleanStep: number;
  /** Added by each failure: ln(p1/p0) = ln 10 > 0. */
  failureStep: number;
  /** Promote (accept H0) at or below: ln(β/(1 − α)). */
  promoteAt: number;
  /** Roll back (reject H0) at or above: ln((1 − β)/α). */
  rollbackAt: number;
}

export const SPRT_ALPHA = 0.05;
/** H0's rate as a fraction of the target rate p. */
export const SPRT_H0_FRACTION = 0.1;

export function sprtPlan(confidence: number, rate: number): SprtPlan {
  const p1 = rate;
  const p0 = rate * SPRT_H0_FRACTION;
  const beta = 1 - confidence;
  return {
    cleanStep: Math.log1p(-p1) - Math.log1p(-p0),
    failureStep: Math.log(p1 / p0),
    promoteAt: Math.log(beta / (1 - SPRT_ALPHA)),
    rollbackAt: Math.log((1 - beta) / SPRT_ALPHA),
  };
}

/** The log-likelihood ratio after more evidence: `clean` clean requests and `failures` failures. */
export function sprtUpdate(plan: SprtPlan, llr: number, clean: number, failures: number): number {
  return llr + clean * plan.cleanStep + failures * plan.failureStep;
}

export type SprtDecision = 'promote' | 'rollback' | 'continue';

/** What the SPRT says at a log-likelihood ratio. */
export function sprtDecision(plan: SprtPlan, llr: number): SprtDecision {
  if (llr <= plan.promoteAt) return 'promote';
  if (llr >= plan.rollbackAt) return 'rollback';
  return 'continue';
}

/** Clean requests the SPRT needs to promote when nothing fails. */
export function sprtCleanRequestsToPromote(plan: SprtPlan): number {
  return Math.ceil(plan.promoteAt / plan.cleanStep);
}
