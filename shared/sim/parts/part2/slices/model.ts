// The app-OS skew's slices — region × OS version — at a simulated hour: how many users each holds and its FPS
// after the team's remedy; and the series each monitor level aggregates them into (users-weighted mean FPS).
// Pure functions of the hidden truth (truth.server.ts), the strike hour and the team's remedies.
import type { OsVersion, SliceLevel } from '../../../../protocol/views.js';
import { APP_OS_SKEW } from '../../../constants.js';
import type { SliceRemedy } from '../types.js';
import { updateShare, type RegionRollout } from './rollout.js';

/** One region's hidden truth (drawn in truth.server.ts). */
export interface RegionTruth {
  /** FPS of the model on the current OS and on the update. */
  baseFps: number;
  updateFps: number;
  /** The update throttles the model below 60 FPS here. */
  bad: boolean;
  /** Simulated hours from the strike until the region's update share reaches its cap. */
  hoursToCap: number;
}

export const OS_VERSIONS: readonly OsVersion[] = ['current', 'update'];
export const USERS_PER_REGION = APP_OS_SKEW.users / APP_OS_SKEW.regions;

export interface Slice {
  region: number;
  os: OsVersion;
  /** Active users now (an expected value). */
  users: number;
  /** True FPS under the slice's remedy. */
  fps: number;
  remedy: SliceRemedy['action'] | null;
}

export const remedyOf = (remedies: readonly SliceRemedy[], region: number, os: OsVersion) =>
  remedies.find((r) => r.region === region && r.os === os) ?? null;

/** How the update spreads in a region: from the strike, halted when the team rolled its update slice back. */
export function rolloutOf(truth: RegionTruth, region: number, skewAt: number, remedies: readonly SliceRemedy[]): RegionRollout {
  const back = remedyOf(remedies, region, 'update');
  return { start: skewAt, hoursToCap: truth.hoursToCap, rollbackAt: back?.action === 'rollback' ? back.at : null };
}

/** A slice's FPS: its region's on that OS version, ×1.2 under the lighter variant. */
export function sliceFps(truth: RegionTruth, os: OsVersion, remedy: Slice['remedy']): number {
  const fps = os === 'update' ? truth.updateFps : truth.baseFps;
  return remedy === 'lighter' ? fps * APP_OS_SKEW.lighterFpsFactor : fps;
}

/** Every slice at hour t, region by region, the current OS first. Before the strike nobody is on the update. */
export function slicesAt(truth: readonly RegionTruth[], skewAt: number | null, remedies: readonly SliceRemedy[], t: number): Slice[] {
  return truth.flatMap((region, index) => {
    const share = skewAt === null ? 0 : updateShare(rolloutOf(region, index, skewAt, remedies), t);
    return OS_VERSIONS.map((os) => {
      const remedy = remedyOf(remedies, index, os)?.action ?? null;
      const users = USERS_PER_REGION * (os === 'update' ? share : 1 - share);
      return { region: index, os, users, fps: sliceFps(region, os, remedy), remedy };
    });
  });
}

/** A series of FPS: the region and OS version it covers (null: all). */
export interface SeriesKey {
  region: number | null;
  os: OsVersion | null;
}

const regionKeys = (): SeriesKey[] => Array.from({ length: APP_OS_SKEW.regions }, (_, region) => ({ region, os: null }));

/** The series a monitor level adds to the global one. */
export function seriesKeys(level: SliceLevel): SeriesKey[] {
  switch (level) {
    case 'global':
      return [];
    case 'region':
      return regionKeys();
    case 'os':
      return OS_VERSIONS.map((os) => ({ region: null, os }));
    case 'slice':
      return regionKeys().flatMap(({ region }) => OS_VERSIONS.map((os) => ({ region, os })));
  }
}

export const GLOBAL_SERIES: SeriesKey = { region: null, os: null };

/** Every series any level can measure, in one fixed order: the global one, the regions, the OS versions, the
 *  slices (region by region, the current OS first, as slicesAt lists them). A series' noise draw is its place
 *  here, so it does not depend on the level a team chose. */
export const ALL_SERIES: readonly SeriesKey[] = [GLOBAL_SERIES, ...seriesKeys('region'), ...seriesKeys('os'), ...seriesKeys('slice')];

const { regions: REGIONS } = APP_OS_SKEW;
const osIndex = (os: OsVersion) => (os === 'update' ? 1 : 0);

/** A series' place in ALL_SERIES. */
export function seriesIndex(key: SeriesKey): number {
  if (key.region === null) return key.os === null ? 0 : 1 + REGIONS + osIndex(key.os);
  return key.os === null ? 1 + key.region : 3 + REGIONS + 2 * key.region + osIndex(key.os);
}

export interface SeriesTotal {
  users: number;
  /** Users-weighted mean FPS, null while the series covers nobody. */
  fps: number | null;
}

/** Every series of ALL_SERIES at once, in one pass over the slices: the users each covers and their mean FPS. */
export function seriesTotals(slices: readonly Slice[]): SeriesTotal[] {
  const users = ALL_SERIES.map(() => 0);
  const frames = ALL_SERIES.map(() => 0);
  for (const slice of slices) {
    const o = osIndex(slice.os);
    for (const i of [0, 1 + slice.region, 1 + REGIONS + o, 3 + REGIONS + 2 * slice.region + o]) {
      users[i] = users[i]! + slice.users;
      frames[i] = frames[i]! + slice.users * slice.fps;
    }
  }
  return users.map((u, i) => ({ users: u, fps: u > 0 ? frames[i]! / u : null }));
}

/** The users a series covers and their users-weighted mean FPS (null while it covers nobody). */
export function aggregate(slices: readonly Slice[], key: SeriesKey): SeriesTotal {
  return seriesTotals(slices)[seriesIndex(key)]!;
}
