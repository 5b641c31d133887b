// What a team, the projector and the host read of the app-OS skew (GAME.md §7, §9). A team sees FPS only as its
// monitors measure it — the global mean always, regions, OS versions or slices if it pays for them — with noise
// that grows as a series covers fewer users. The projector gets the team's own readings in brief; the host every
// slice's true users and FPS, and which slices the update made bad.
import type { FleetTile, SkewTruth, SliceSeries, SlicesView } from '../../../../protocol/views.js';
import { APP_OS_SKEW } from '../../../constants.js';
import { deriveSeed } from '../../../rng.js';
import type { TrackId } from '../../../tracks.js';
import type { SliceState } from '../types.js';
import { ALL_SERIES, GLOBAL_SERIES, seriesIndex, seriesKeys, seriesTotals, slicesAt, type RegionTruth, type SeriesKey, type SeriesTotal } from './model.js';
import { detectedAt, monitorCostPerHour, skewOps } from './monitor.js';

type Where = { seed: number; track: TrackId; skewAt: number | null; now: number };

/**
 * A series' noise this simulated hour, in [−1, 1] (triangular: the sum of two uniforms, minus 1). Each uniform is
 * a hash of the seed, the track, the hour and the series' place in ALL_SERIES: a reading is a pure function of the
 * state, does not depend on the level a team chose, and teams on a track with the same monitors read the same.
 */
function noiseOf(where: Where, index: number): number {
  const label = `fps:${where.track}:${Math.floor(where.now)}:${index}`;
  return (deriveSeed(where.seed, `${label}:a`) + deriveSeed(where.seed, `${label}:b`)) / 2 ** 32 - 1;
}

const { maxNoiseFps, noiseFps, noiseUsers, targetFps } = APP_OS_SKEW;

/** The noise's half-width for a series covering `users`: ±0.5 FPS at 1,000 users, ∝ 1/√users, at most ±5. */
const noiseWidth = (users: number) => Math.min(maxNoiseFps, noiseFps * Math.sqrt(noiseUsers / users));

function nameOf(key: SeriesKey): string {
  const os = key.os === null ? null : key.os === 'update' ? 'OS update' : 'current OS';
  if (key.region === null) return os === null ? 'Whole fleet' : os[0]!.toUpperCase() + os.slice(1);
  return os === null ? `Region ${key.region + 1}` : `Region ${key.region + 1} · ${os}`;
}

/** The names of ALL_SERIES, in its order. */
const NAMES = ALL_SERIES.map(nameOf);

/** What a team's monitors read now: the global series and the series of its level. */
function readings(state: SliceState, truth: readonly RegionTruth[], where: Where) {
  const totals = seriesTotals(slicesAt(truth, where.skewAt, state.remedies, where.now));
  const read = (key: SeriesKey) => measure(key, seriesIndex(key), totals, where);
  return { global: read(GLOBAL_SERIES), series: seriesKeys(state.level).map(read) };
}

function measure(key: SeriesKey, index: number, totals: readonly SeriesTotal[], where: Where): SliceSeries {
  const { users, fps: truth } = totals[index]!;
  // A series that covers less than one user measures nothing.
  const fps = truth === null || users < 1 ? null : truth + noiseOf(where, index) * noiseWidth(users);
  return { region: key.region, os: key.os, name: NAMES[index]!, users: Math.round(users), fps, below: fps !== null && fps < targetFps };
}

/** The team's instrument: the global mean and the series of its level, as measured now. */
export function slicesView(state: SliceState, truth: readonly RegionTruth[], where: Where): SlicesView {
  return {
    level: state.level,
    costPerHour: monitorCostPerHour(state.level),
    monitorCost: state.monitorCost,
    targetFps,
    updateAt: where.skewAt,
    ...readings(state, truth, where),
    remedies: state.remedies.map((r) => ({ ...r })),
    decisions: state.decisions.map((d) => ({ ...d })),
    accuracyGivenUp: state.accuracyGivenUp,
  };
}

/** The skew on the projector's tile: only what the team's own monitors read. */
export function skewTile(state: SliceState, truth: readonly RegionTruth[], where: Where): FleetTile['skew'] {
  const { global, series } = readings(state, truth, where);
  const all = [global, ...series];
  const measured = all.flatMap((s) => (s.fps === null ? [] : [s.fps]));
  return {
    struck: where.skewAt !== null,
    level: state.level,
    globalFps: global.fps,
    worstFps: measured.length > 0 ? Math.min(...measured) : null,
    below: all.filter((s) => s.below).length,
    remedies: state.remedies.length,
  };
}

/** The skew's hidden truth on a team's fleet, once it struck (host only). */
export function skewTruthView(state: SliceState, truth: readonly RegionTruth[], where: Where): SkewTruth | null {
  if (where.skewAt === null) return null;
  const slices = slicesAt(truth, where.skewAt, state.remedies, where.now);
  const detected = detectedAt(state, truth);
  return {
    at: where.skewAt,
    slices: slices.map((s) => ({
      region: s.region,
      os: s.os,
      users: s.users,
      fps: s.fps,
      below: s.users > 0 && s.fps < targetFps,
      bad: s.os === 'update' && truth[s.region]!.bad,
      remedy: s.remedy,
    })),
    globalFps: seriesTotals(slices)[0]!.fps!,
    userHoursBelow: state.userHoursBelow,
    accuracyGivenUp: state.accuracyGivenUp,
    detectedAt: detected,
    delayHours: (detected ?? where.now) - where.skewAt,
    score: skewOps(state, truth, where.skewAt, where.now),
  };
}
