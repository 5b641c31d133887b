// Which leaderboard rows to show, overall and per track. Pure, so the rules (top N, own team always shown)
// are testable without a DOM.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { LeaderboardRow } from '../../../shared/protocol/views.js';
import { TRACK_IDS, type TrackId } from '../../../shared/sim/tracks.js';

export interface ShownRows {
  rows: LeaderboardRow[];
  /** Index in `rows` of a row shown out of order (the highlighted team below the cut), or -1. */
  gapBefore: number;
  /** Rows left out. */
  hidden: number;
}

/**
 * The first `limit` rows in order, plus the highlighted team's row when it falls below the cut, so that a
 * team always finds itself. `limit` null shows every row.
 */
export function topRows(sorted: LeaderboardRow[], limit: number | null, highlightTeamId?: string): ShownRows {
  if (limit === null || sorted.length <= limit) return { rows: sorted, gapBefore: -1, hidden: 0 };
  const rows = sorted.slice(0, limit);
  const own = sorted.findIndex((r) => r.teamId === highlightTeamId);
  if (own >= limit) {
    rows.push(sorted[own]!);
    return { rows, gapBefore: limit, hidden: sorted.length - rows.length };
  }
  return { rows, gapBefore: -1, hidden: sorted.length - rows.length };
}

/** Rows in overall order (by rank). */
export function overall(rows: LeaderboardRow[]): LeaderboardRow[] {
  return [...rows].sort((a, b) => a.rank - b.rank);
}

/** The tracks in play, in the fixed track order, each with its teams by track rank. */
export function byTrack(rows: LeaderboardRow[]): { track: TrackId; rows: LeaderboardRow[] }[] {
  return TRACK_IDS.map((track) => ({
    track,
    rows: rows.filter((r) => r.track === track).sort((a, b) => a.trackRank - b.trackRank),
  })).filter((group) => group.rows.length > 0);
}

/**
 * How many rows the projector's overall board shows in a window of this size (CSS px): its type is
 * max(1.1rem, 1.35vw) and a two-line row about 3.1 of those; the board gets about 60 % of the height below the
 * top bar and the question (`share`: less when a crisis banner takes some of it). Between 3 and 10 rows.
 */
export function projectedRowLimit(width: number, height: number, share = 0.6): number {
  const type = Math.max(17.6, 0.0135 * width);
  const rows = Math.floor((share * height - 3.5 * type) / (3.1 * type));
  return Math.min(10, Math.max(3, rows));
}
