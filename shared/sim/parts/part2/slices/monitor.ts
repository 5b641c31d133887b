// A team's tools against the app-OS skew (GAME.md §7) — its monitors and a remedy per slice — and what the skew
// costs it: user-hours below 60 FPS, accuracy given up to the lighter variant, monitoring dollars. The costs
// accumulate as expected values every tick (no draws), so the outcome depends on decisions, not on luck.
import type { ErrorCode } from '../../../../protocol/errors.js';
import type { OsVersion, SliceAction, SliceLevel } from '../../../../protocol/views.js';
import { APP_OS_SKEW, SKEW_OPS, SLICE_MONITORING } from '../../../constants.js';
import type { SliceState } from '../types.js';
import { OS_VERSIONS, USERS_PER_REGION, remedyOf, rolloutOf, sliceFps, type RegionTruth } from './model.js';
import { updateShareHours } from './rollout.js';

/** Dollars per simulated hour of a level's monitors (the global one is free). */
export const monitorCostPerHour = (level: SliceLevel) => SLICE_MONITORING.series[level] * SLICE_MONITORING.costPerSeriesHour;

export const withLevel = (slices: SliceState, level: SliceLevel): SliceState => ({ ...slices, level });

/** A remedy on one slice, decided at simulated hour `at`, or the rule that refuses it. */
export function decideSlice(
  slices: SliceState,
  decision: { region: number; os: OsVersion; action: SliceAction },
  skewAt: number | null,
  at: number,
): SliceState | ErrorCode {
  const { region, os, action } = decision;
  if (skewAt === null) return 'skew/none';
  const current = remedyOf(slices.remedies, region, os);
  if (current?.action === 'rollback') return 'skew/rolled-back';
  if (action === 'rollback' && os === 'current') return 'skew/current-os';
  if ((current?.action ?? 'none') === action) return 'skew/no-change';
  const others = slices.remedies.filter((r) => r !== current);
  return {
    ...slices,
    remedies: action === 'none' ? others : [...others, { region, os, action, at }],
    decisions: [...slices.decisions, { at, region, os, action }],
  };
}

/**
 * The slices' toll after `hours` from `from`: monitors cost every hour; once the update rolls out, each slice
 * below 60 FPS adds its user-hours, and each slice on the lighter variant its user-hours × the accuracy points
 * it gives up. `truth` is read only when the skew struck.
 */
export function advanceSlices(slices: SliceState, truth: () => readonly RegionTruth[], skewAt: number | null, from: number, hours: number): SliceState {
  const to = from + hours;
  const monitorCost = slices.monitorCost + monitorCostPerHour(slices.level) * hours;
  if (skewAt === null || to <= skewAt) return monitorCost === slices.monitorCost ? slices : { ...slices, monitorCost };
  const start = Math.max(from, skewAt);
  let below = 0;
  let given = 0;
  truth().forEach((region, index) => {
    const onUpdate = updateShareHours(rolloutOf(region, index, skewAt, slices.remedies), start, to);
    for (const os of OS_VERSIONS) {
      const remedy = remedyOf(slices.remedies, index, os)?.action ?? null;
      const userHours = USERS_PER_REGION * (os === 'update' ? onUpdate : to - start - onUpdate);
      if (sliceFps(region, os, remedy) < APP_OS_SKEW.targetFps) below += userHours;
      if (remedy === 'lighter') given += userHours * APP_OS_SKEW.lighterAccuracyPoints;
    }
  });
  return { ...slices, monitorCost, userHoursBelow: slices.userHoursBelow + below, accuracyGivenUp: slices.accuracyGivenUp + given };
}

/** The hour of the team's first remedy (lighter or rollback) on a slice the update made bad, or null. */
export function detectedAt(slices: SliceState, truth: readonly RegionTruth[]): number | null {
  return slices.decisions.find((d) => d.action !== 'none' && d.os === 'update' && truth[d.region]!.bad)?.at ?? null;
}

/** User-hours below 60 FPS from the strike to `now` had the team done nothing: every bad slice, never treated. */
export function untreatedUserHours(truth: readonly RegionTruth[], skewAt: number, now: number): number {
  return truth.reduce((sum, region, index) => {
    if (!region.bad) return sum;
    return sum + USERS_PER_REGION * updateShareHours(rolloutOf(region, index, skewAt, []), skewAt, now);
  }, 0);
}

/** 1 at nothing, 0 at the reference or beyond (1 while the reference is still 0). */
const spared = (value: number, reference: number) => (reference > 0 ? Math.max(0, 1 - value / reference) : 1);

/** The skew's outcome at simulated hour `now`, 0–100 (docs/scoring.md). */
export function skewOps(slices: SliceState, truth: readonly RegionTruth[], skewAt: number, now: number): number {
  const delay = (detectedAt(slices, truth) ?? now) - skewAt;
  const accuracyRef = APP_OS_SKEW.users * APP_OS_SKEW.lighterAccuracyPoints * Math.max(0, now - skewAt);
  const costRef = monitorCostPerHour('slice') * SLICE_MONITORING.referenceHours;
  const points =
    SKEW_OPS.userHours * spared(slices.userHoursBelow, untreatedUserHours(truth, skewAt, now)) +
    SKEW_OPS.delay * spared(delay, APP_OS_SKEW.delayLimitHours) +
    SKEW_OPS.accuracy * spared(slices.accuracyGivenUp, accuracyRef) +
    SKEW_OPS.monitoring * spared(slices.monitorCost, costRef);
  return Math.round(points);
}
