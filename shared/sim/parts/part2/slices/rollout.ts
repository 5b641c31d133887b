// How the OS update spreads through one region (GAME.md §7): the share of its devices on the update grows
// linearly from the strike to a cap; a rollback halts it and returns the devices to the current OS over the air.
// The share is piecewise linear in time, so its integral — device-hours on the update, hence user-hours below
// 60 FPS — is exact by the trapezoid rule over its breakpoints: expected values, no draws.
import { APP_OS_SKEW } from '../../../constants.js';

/** When the update reached a region, and when (if ever) the team rolled the region's update slice back. */
export interface RegionRollout {
  start: number;
  hoursToCap: number;
  rollbackAt: number | null;
}

/** The share rolling out from the start, ignoring any rollback. */
function spreading(region: RegionRollout, t: number): number {
  if (t <= region.start) return 0;
  return Math.min(APP_OS_SKEW.updateCap, (APP_OS_SKEW.updateCap * (t - region.start)) / region.hoursToCap);
}

/** The share of a region's devices on the update at simulated hour t (0–cap). */
export function updateShare(region: RegionRollout, t: number): number {
  const back = region.rollbackAt;
  if (back === null || t <= back) return spreading(region, t);
  return Math.max(0, spreading(region, back) - APP_OS_SKEW.rollbackSharePerHour * (t - back));
}

/** ∫ share dt over [a, b]: device-hours on the update per device of the region. */
export function updateShareHours(region: RegionRollout, a: number, b: number): number {
  if (b <= a) return 0;
  const capAt = region.start + region.hoursToCap;
  const back = region.rollbackAt;
  const gone = back === null ? null : back + spreading(region, back) / APP_OS_SKEW.rollbackSharePerHour;
  const breaks = [region.start, capAt, back, gone].filter((t): t is number => t !== null && t > a && t < b);
  const points = [a, ...breaks.sort((x, y) => x - y), b];
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    const [t0, t1] = [points[i - 1]!, points[i]!];
    sum += ((updateShare(region, t0) + updateShare(region, t1)) / 2) * (t1 - t0);
  }
  return sum;
}
