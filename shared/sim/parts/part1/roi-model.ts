// Part 1, the platform ROI audit (GAME.md §4): yearly operations cost of N models at heterogeneity h, run by
// hand or on a platform, and the break-even model count N*. Pure functions over numbers.
import {
  ENGINEER_COST_PER_HOUR,
  MANUAL_HOURS,
  PLATFORM_CAPEX,
  PLATFORM_HOURS,
  TEAM_CAPACITY_HOURS,
} from '../../constants.js';

export interface CostParams {
  /** Platform capex in dollars, counted in the first year. */
  capex: number;
  /** Engineer cost in dollars per hour. */
  engineerCost: number;
}

export const DEFAULT_COST_PARAMS: CostParams = { capex: PLATFORM_CAPEX, engineerCost: ENGINEER_COST_PER_HOUR };

/** N ln N, with 0 ln 0 = 0 (its limit) so that nothing returns NaN at N = 0. */
function nLogN(n: number): number {
  return n > 0 ? n * Math.log(n) : 0;
}

/** The three parts of manual operations work, in engineer-hours per year. */
export function manualHourComponents(n: number, h: number) {
  return {
    alerts: MANUAL_HOURS.perModelAlerts * n,
    deployment: MANUAL_HOURS.deploymentLogFactor * nLogN(n),
    dependencies: MANUAL_HOURS.dependencyQuadratic * h * n * n,
  };
}

/** H_manual(N, h) = 20·N + N·ln N + 0.5·h·N², engineer-hours per year. */
export function manualHours(n: number, h: number): number {
  const c = manualHourComponents(n, h);
  return c.alerts + c.deployment + c.dependencies;
}

/** H_platform(N) = 2·N + 3·N·ln N, engineer-hours per year. */
export function platformHours(n: number): number {
  return PLATFORM_HOURS.perModelAlerts * n + PLATFORM_HOURS.deploymentLogFactor * nLogN(n);
}

/** Yearly cost of running N models by hand, dollars (Toil_manual). */
export function manualCost(n: number, h: number, params: CostParams = DEFAULT_COST_PARAMS): number {
  return params.engineerCost * manualHours(n, h);
}

/** First-year cost of running N models on the platform, capex included, dollars. */
export function platformCost(n: number, params: CostParams = DEFAULT_COST_PARAMS): number {
  return params.capex + params.engineerCost * platformHours(n);
}

/** ROI_platform(N) = Toil_manual − (Capex + Toil_platform), dollars in the first year. */
export function platformRoi(n: number, h: number, params: CostParams = DEFAULT_COST_PARAMS): number {
  return manualCost(n, h, params) - platformCost(n, params);
}

/** Upper bound of the search for N*: the slider's range is 1–500, the search goes far beyond it. */
export const BREAK_EVEN_SEARCH_LIMIT = 1_000_000;

/**
 * N*: the smallest whole N ≥ 1 with ROI_platform(N) > 0 — the model count from which the platform pays for
 * itself in its first year. Null when it does not within BREAK_EVEN_SEARCH_LIMIT (only for h ≤ 0).
 */
export function breakEvenModels(h: number, params: CostParams = DEFAULT_COST_PARAMS): number | null {
  // For h ≥ 0.5 ROI rises with N (dROI/dN ∝ 16 − 2·ln N + h·N > 0), so N* is a threshold: double N until
  // ROI is positive, then bisect the last doubling.
  let high = 1;
  while (platformRoi(high, h, params) <= 0) {
    high *= 2;
    if (high > BREAK_EVEN_SEARCH_LIMIT) return null;
  }
  let low = Math.floor(high / 2); // ROI(low) ≤ 0, or low = 0
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (platformRoi(mid, h, params) > 0) high = mid;
    else low = mid;
  }
  return high;
}

/** True when manual operations of N models exceed what the team can do in a year without a platform. */
export function isToilOverload(n: number, h: number): boolean {
  return manualHours(n, h) > TEAM_CAPACITY_HOURS;
}
