// The debrief's tables, from what the views already carry: podiums per track (only where a track has more than
// one team: a podium of one says nothing). Every team's prediction against the truth is shared/sim/debrief/predictions.ts.
// Pure, for tests. Relative imports (not `$shared`): tests load this file without Vite.
import type { Debrief } from '../../../shared/protocol/debrief.js';
import type { LeaderboardRow } from '../../../shared/protocol/views.js';
import type { TrackId } from '../../../shared/sim/tracks.js';
import { byTrack, overall } from '../components/leaderboard.js';

/** The top three of each track that has more than one team. */
export function trackPodiums(rows: LeaderboardRow[]): { track: TrackId; rows: LeaderboardRow[] }[] {
  return byTrack(rows)
    .filter((group) => group.rows.length > 1)
    .map((group) => ({ track: group.track, rows: group.rows.slice(0, 3) }));
}

/** The overall top three (tied teams share a rank, so their places may read "1st, 1st, 3rd"). */
export function podium(rows: LeaderboardRow[]): LeaderboardRow[] {
  return overall(rows).slice(0, 3);
}

/** The debrief of teams `from` to `to` (exclusive) only, with their entries: one projected page of stories or charts. */
export function debriefOfTeams(debrief: Debrief, from: number, to: number): Debrief {
  const teams = debrief.teams.slice(from, to);
  const ids = new Set(teams.map((t) => t.id));
  return { ...debrief, teams, entries: debrief.entries.filter((e) => ids.has(e.teamId)) };
}
