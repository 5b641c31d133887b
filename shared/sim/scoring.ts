// Scores and the leaderboard (GAME.md §8; docs/scoring.md). One module, so that every audience and every
// replay computes the same numbers from the same state: learning points from every part's lock and
// reflection, ops points from every part that simulates outcomes.
import type { LeaderboardRow } from '../protocol/views.js';
import { lockScore } from './calibration.js';
import { REFLECTION_POINTS } from './constants.js';
import { contextOf, partSlice } from './parts/context.js';
import { PARTS } from './parts/registry.js';
import type { GameState, Team } from './state.js';

/** A team's learning score: revealed locks plus submitted reflections, over every part played so far. */
export function learningScore(state: GameState, team: Team): number {
  let points = 0;
  for (const part of PARTS) {
    const slice = partSlice(state, part);
    const mine = slice?.teams[team.id];
    if (!slice || !mine) continue;
    if (slice.revealed) points += lockScore(mine.prediction, part.answer(contextOf(state), team));
    if (mine.reflection) points += REFLECTION_POINTS;
  }
  return points;
}

/** A team's ops score: the outcomes of its fleet in the parts that simulate one, each normalized per track. */
export function opsScore(state: GameState, team: Team): number {
  let points = 0;
  for (const part of PARTS) {
    const slice = partSlice(state, part);
    if (slice && part.ops) points += part.ops(slice, contextOf(state), team);
  }
  return points;
}

/** States are never mutated, so a leaderboard computed once per state serves every audience's view of it. */
const leaderboards = new WeakMap<GameState, LeaderboardRow[]>();

/**
 * Every team ranked by total (learning + ops), then learning — deterministic, and never by speed (GAME.md §1: no
 * bonus for answering fast). Teams equal on both share their rank ("1, 1, 3"), overall and in their track: a
 * medal is never decided by a team's number. They are listed in team order.
 */
export function leaderboard(state: GameState): LeaderboardRow[] {
  let rows = leaderboards.get(state);
  if (!rows) {
    rows = rankTeams(state);
    leaderboards.set(state, rows);
  }
  return rows;
}

function rankTeams(state: GameState): LeaderboardRow[] {
  const rows = state.teams.map((team, index) => {
    const learning = learningScore(state, team);
    const ops = opsScore(state, team);
    return { index, team, learning, ops, total: learning + ops };
  });
  rows.sort((a, b) => b.total - a.total || b.learning - a.learning || a.index - b.index);
  // A rank is 1 + the teams strictly ahead: the last row seen overall and per track tells whether this one ties it.
  type Seen = { row: (typeof rows)[number]; rank: number; count: number };
  const tied = (a: Seen | undefined, row: (typeof rows)[number]) => a !== undefined && a.row.total === row.total && a.row.learning === row.learning;
  let overall: Seen | undefined;
  const perTrack = new Map<string, Seen>();
  return rows.map((row, position) => {
    const rank = tied(overall, row) ? overall!.rank : position + 1;
    overall = { row, rank, count: position + 1 };
    const inTrack = perTrack.get(row.team.track);
    const count = (inTrack?.count ?? 0) + 1;
    const trackRank = tied(inTrack, row) ? inTrack!.rank : count;
    perTrack.set(row.team.track, { row, rank: trackRank, count });
    return {
      rank,
      trackRank,
      teamId: row.team.id,
      name: row.team.name,
      track: row.team.track,
      learning: row.learning,
      ops: row.ops,
      total: row.total,
    };
  });
}
