// What a run configuration will take before it starts (GAME.md §5): n*(C, p), the shadow window t_shadow and
// T_release against the one-week limit. Computed in the browser from the fleet's public spec — the same rules
// as the server's planned window (shared/sim/parts/part2/run.ts), without the hidden truth that the track
// constants also hold (so CANARY_TRACKS is deliberately not imported here).
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { RunView, TeamPart2 } from '../../../../../shared/protocol/views.js';
import { CANARY_STAGES, LIVE_STAGE_HOURS } from '../../../../../shared/sim/constants.js';
import {
  RELEASE_LIMIT_HOURS,
  requiredCleanRequests,
  shadowHours,
  sprtCleanRequestsToPromote,
  sprtPlan,
} from '../../../../../shared/sim/parts/part2/canary-stats.js';

export type FleetView = NonNullable<TeamPart2['fleet']>;
export type FleetSpec = FleetView['spec'];
export type RunConfig = RunView['config'];

/** Hours of live stages before the candidate ships: each stage up to 50 % is watched LIVE_STAGE_HOURS. */
export const LIVE_STAGES_HOURS = (CANARY_STAGES.length - 1) * LIVE_STAGE_HOURS;

export interface RunPlan {
  /** n*(C, p): clean requests the zero-failure test needs (per cohort when stratified). */
  needed: number;
  /** The share of judged traffic the window is planned on: all shadowable cohorts, or the slowest cohort. */
  watchedShare: number;
  /** Stratified: the cohort whose traffic sets the window (the smallest shadowable one); else null. */
  slowestCohort: string | null;
  /** Judged requests per hour the candidate sees in that share: R · share · f. */
  watchedPerHour: number;
  shadowHours: number;
  /** Σ of the live stages (1 → 5 → 25 → 50 %, then ship). */
  stageHours: number;
  releaseHours: number;
  withinLimit: boolean;
  /** Cohorts shadow mode cannot reach (Edge Guardian's oldest hardware): they get no evidence until 1 % live. */
  unshadowed: string[];
  /**
   * With SPRT: clean requests (pooled) and shadow hours to a promote verdict when nothing fails, and how many
   * clean requests one failure undoes (ln(p₁/p₀) against one clean step).
   */
  sprt: { clean: number; shadowHours: number; failureWeight: number } | null;
}

/** The share of judged traffic shadow mode can watch (cohorts where the candidate can run in shadow). */
export function shadowableShare(spec: FleetSpec): number {
  return spec.cohorts.reduce((sum, c) => (c.shadow ? sum + c.share : sum), 0);
}

/** The plan of a configuration on a fleet: what the server will wait for, and whether it fits in a week. */
export function planRun(spec: FleetSpec, config: RunConfig): RunPlan {
  const needed = requiredCleanRequests(config.confidence, config.rate);
  const pooled = shadowableShare(spec);
  const shadowed = spec.cohorts.filter((c) => c.shadow);
  // Stratified: n* in every slice, so the smallest shadowable cohort sets the window (as the server plans it).
  const slowest = config.cohortMode === 'stratified' && shadowed.length > 0
    ? shadowed.reduce((min, c) => (c.share < min.share ? c : min))
    : null;
  const watchedShare = slowest ? slowest.share : pooled;
  const watchedPerHour = spec.requestsPerHour * watchedShare * config.shadowFraction;
  // No shadowable traffic at all: the server plans one live-stage window instead.
  const shadow = watchedShare > 0 ? shadowHours(needed, spec.requestsPerHour * watchedShare, config.shadowFraction) : LIVE_STAGE_HOURS;
  const releaseHours = shadow + LIVE_STAGES_HOURS;
  let sprt: RunPlan['sprt'] = null;
  if (config.sprt) {
    // The SPRT pools the evidence of every cohort the stage reaches, whatever the cohort selection.
    const test = sprtPlan(config.confidence, config.rate);
    const clean = sprtCleanRequestsToPromote(test);
    sprt = {
      clean,
      shadowHours: pooled > 0 ? shadowHours(clean, spec.requestsPerHour * pooled, config.shadowFraction) : LIVE_STAGE_HOURS,
      failureWeight: test.failureStep / -test.cleanStep,
    };
  }
  return {
    needed,
    watchedShare,
    slowestCohort: slowest?.name ?? null,
    watchedPerHour,
    shadowHours: shadow,
    stageHours: LIVE_STAGES_HOURS,
    releaseHours,
    withinLimit: releaseHours <= RELEASE_LIMIT_HOURS,
    unshadowed: spec.cohorts.filter((c) => !c.shadow).map((c) => c.name),
    sprt,
  };
}

/** Confidence targets offered in the form; the track's own target is always among them. */
export function confidenceChoices(target: number): number[] {
  return [...new Set([0.8, 0.9, 0.95, 0.99, 0.999, target])].sort((a, b) => a - b);
}

/** Failure rates offered in the form, as 1 in N; the track's own target is always among them. */
export function rateChoices(target: number): number[] {
  const denominators = [100, 500, 1_000, 5_000, 10_000, 100_000, Math.round(1 / target)];
  return [...new Set(denominators)].sort((a, b) => a - b).map((d) => 1 / d);
}
