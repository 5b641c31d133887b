// The debrief's tables, from what the views already carry: podiums per track (only where a track has more than
// one team: a podium of one says nothing) and every team's prediction against the truth for every lock.
// Pure, for tests. Relative imports (not `$shared`): tests load this file without Vite.
import type { LeaderboardRow, ScreenView } from '../../../shared/protocol/views.js';
import type { TrackId } from '../../../shared/sim/tracks.js';
import { byTrack, overall } from '../components/leaderboard.js';

/** The top three of each track that has more than one team. */
export function trackPodiums(rows: LeaderboardRow[]): { track: TrackId; rows: LeaderboardRow[] }[] {
  return byTrack(rows)
    .filter((group) => group.rows.length > 1)
    .map((group) => ({ track: group.track, rows: group.rows.slice(0, 3) }));
}

/** The overall top three. */
export function podium(rows: LeaderboardRow[]): LeaderboardRow[] {
  return overall(rows).slice(0, 3);
}

export interface LockCell {
  /** "60", "B" or null when the team never locked. */
  predicted: string | null;
  actual: string;
  good: boolean;
  /** "×1.22", "right", "wrong" or "not locked". */
  verdict: string;
}

export interface PredictionLine {
  teamId: string;
  name: string;
  track: TrackId;
  /** By part number; absent for a part not revealed. */
  cells: Partial<Record<1 | 2 | 3, LockCell>>;
}

const number = (n: number) => n.toLocaleString('en-US');

/** Every team's locks against the truth, for every part the host revealed. */
export function predictionLines(view: ScreenView): { parts: (1 | 2 | 3)[]; lines: PredictionLine[] } {
  const lines: PredictionLine[] = view.teams.map((t) => ({ teamId: t.id, name: t.name, track: t.track, cells: {} }));
  const line = (teamId: string) => lines.find((l) => l.teamId === teamId);
  const parts: (1 | 2 | 3)[] = [];
  for (const part of [1, 2] as const) {
    const results = view[`part${part}`]?.results;
    if (!results) continue;
    parts.push(part);
    for (const r of results) {
      const cell = line(r.teamId);
      if (!cell) continue;
      const { predicted, actual, ratio, within30 } = r.reveal;
      cell.cells[part] = {
        predicted: predicted === null ? null : number(predicted),
        actual: number(actual),
        good: within30,
        verdict: predicted === null ? 'not locked' : `×${(ratio ?? 0).toFixed(2)}`,
      };
    }
  }
  const part3 = view.part3?.results;
  if (part3) {
    parts.push(3);
    for (const r of part3.teams) {
      const cell = line(r.teamId);
      if (!cell) continue;
      const { predicted, actual, correct } = r.reveal;
      cell.cells[3] = {
        predicted: predicted === null ? null : predicted.toUpperCase(),
        actual: actual.toUpperCase(),
        good: correct,
        verdict: predicted === null ? 'not locked' : correct ? 'right' : 'wrong',
      };
    }
  }
  return { parts, lines };
}
