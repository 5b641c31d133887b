// The app-OS skew instrument's rules (GAME.md §7): the monitor levels with their cost, the measured series laid
// out as a region × OS matrix, the lesson (the global mean green while slices are red), what each remedy costs a
// slice, and the remedies in words. Everything comes from the team's SlicesView (FPS as its monitors measure it)
// and the public constants; nothing here knows which regions the update throttles.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { OsVersion, SliceLevel, SliceSeries, SlicesView } from '../../../../../shared/protocol/views.js';
import { APP_OS_SKEW, SLICE_MONITORING } from '../../../../../shared/sim/constants.js';
import * as fmt from '../../../format.js';

export interface LevelOption {
  level: SliceLevel;
  label: string;
  /** Series the level adds to the global mean, and their price. */
  series: number;
  costPerHour: number;
  does: string;
}

const LEVEL_WORDS: Record<SliceLevel, { label: string; does: string }> = {
  global: { label: 'Global mean only', does: 'One number for the whole fleet.' },
  region: { label: 'Per region', does: 'Ten regions, each averaged over both OS versions.' },
  os: { label: 'Per OS version', does: 'Current OS and the update, each averaged over all regions.' },
  slice: { label: 'Region × OS', does: 'Every region on each OS version: twenty slices.' },
};

export const SLICE_LEVELS: readonly SliceLevel[] = ['global', 'region', 'os', 'slice'];

/** The four monitor levels, each with its series and dollars per simulated hour. */
export function levelOptions(): LevelOption[] {
  return SLICE_LEVELS.map((level) => {
    const series = SLICE_MONITORING.series[level];
    return { level, ...LEVEL_WORDS[level], series, costPerHour: series * SLICE_MONITORING.costPerSeriesHour };
  });
}

/** A level's price in words: "free", "$20 / h". */
export const costWords = (costPerHour: number) => (costPerHour > 0 ? `${fmt.dollars(costPerHour)} / h` : 'free');

/** FPS as read: "58.3 FPS", "52.0 FPS"; "no users" while a series covers nobody. `unit: false` for a column whose
 *  head says FPS. */
export function fpsWords(fps: number | null, unit = true): string {
  return fps === null ? 'no users' : `${fmt.fixed(fps, 1)}${unit ? ' FPS' : ''}`;
}

/** A slice's short OS name for the matrix's columns. */
export const OS_LABELS: Record<OsVersion, string> = { current: 'Current OS', update: 'OS update' };

export interface MatrixRow {
  region: number;
  name: string;
  current: SliceSeries | null;
  update: SliceSeries | null;
}

/** Region × OS series as one row per region (the matrix of the slice level); other levels give no rows. */
export function sliceMatrix(series: readonly SliceSeries[]): MatrixRow[] {
  const rows = new Map<number, MatrixRow>();
  for (const s of series) {
    if (s.region === null || s.os === null) continue;
    const row = rows.get(s.region) ?? { region: s.region, name: `Region ${s.region + 1}`, current: null, update: null };
    row[s.os] = s;
    rows.set(s.region, row);
  }
  return [...rows.values()].sort((a, b) => a.region - b.region);
}

export interface SkewLesson {
  tone: 'ok' | 'warn' | 'danger';
  text: string;
  /** Monitored series reading below the target now. */
  below: number;
}

/** The lesson of the instrument in one line: the global mean against what the team's slices read. */
export function skewLesson(slices: Pick<SlicesView, 'level' | 'global' | 'series' | 'targetFps' | 'updateAt'>): SkewLesson {
  const below = slices.series.filter((s) => s.below).length;
  const globalOk = slices.global.fps !== null && !slices.global.below;
  const target = slices.targetFps;
  if (slices.updateAt === null) return { tone: 'ok', text: `No OS update is rolling out: every slice runs as before.`, below };
  if (!globalOk) return { tone: 'danger', text: `The global mean itself is below ${target} FPS.`, below };
  if (below > 0) {
    return {
      tone: 'danger',
      text: `The global mean is green at ${fpsWords(slices.global.fps)} — yet ${below} of your ${slices.series.length} monitored series ${below === 1 ? 'reads' : 'read'} below ${target} FPS.`,
      below,
    };
  }
  if (slices.level === 'global') {
    return { tone: 'warn', text: `The global mean is green — but an average over 100,000 glasses can hide slices below ${target} FPS. Only finer monitors can tell.`, below };
  }
  return { tone: 'ok', text: `Every series you monitor reads ${target} FPS or more.`, below };
}

export interface RemedyCost {
  lighter: string;
  rollback: string | null;
}

/** What each remedy costs one slice of `users` users on `os`: accuracy for the lighter variant, time for a rollback. */
export function remedyCosts(os: OsVersion, users: number | null): RemedyCost {
  const points = APP_OS_SKEW.lighterAccuracyPoints;
  const who = users === null ? 'every user it serves' : `its ${fmt.count(users)} users`;
  const lighter = `Holds ${APP_OS_SKEW.targetFps} FPS (×${APP_OS_SKEW.lighterFpsFactor} frames), costs ${points} accuracy points for ${who}, every hour it runs.`;
  if (os === 'current') return { lighter, rollback: null };
  const share = users === null ? APP_OS_SKEW.updateCap : users / (APP_OS_SKEW.users / APP_OS_SKEW.regions);
  const hours = share / APP_OS_SKEW.rollbackSharePerHour;
  return {
    lighter,
    rollback: `Final: devices return to the current OS at 1/${1 / APP_OS_SKEW.rollbackSharePerHour} of the region an hour (≈ ${fmt.duration(hours)} here), below ${APP_OS_SKEW.targetFps} FPS until they are back; no accuracy lost.`,
  };
}

export const REMEDY_LABELS = { lighter: 'Lighter variant', rollback: 'Rolled back' } as const;

/** The slice's name as the server's series call it: "Region 3 · OS update". */
export function sliceName(region: number, os: OsVersion): string {
  return `Region ${region + 1} · ${os === 'update' ? 'OS update' : 'current OS'}`;
}

/** The team's remedies now, in the order it decided them, in words. */
export function remedyLines(slices: Pick<SlicesView, 'remedies'>): { key: string; text: string; since: string }[] {
  return slices.remedies
    .toSorted((a, b) => a.at - b.at)
    .map((r) => ({ key: `${r.region}:${r.os}`, text: `${sliceName(r.region, r.os)}: ${REMEDY_LABELS[r.action].toLowerCase()}`, since: fmt.simClock(r.at) }));
}

/** Accuracy given up, points × user-hours, in words: "36,000 point-user-hours (≈ 3 points for 12,000 user-hours)". */
export function accuracyWords(pointUserHours: number): string {
  if (pointUserHours <= 0) return 'none';
  const userHours = pointUserHours / APP_OS_SKEW.lighterAccuracyPoints;
  return `${fmt.count(pointUserHours)} point·user-hours (${APP_OS_SKEW.lighterAccuracyPoints} points for ${fmt.count(userHours)} user-hours)`;
}
