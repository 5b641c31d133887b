// Scores and the leaderboard (GAME.md §8; docs/scoring.md). One module, so that every audience and every
// replay computes the same numbers from the same state.
import type { LeaderboardRow, NumericReveal } from '../protocol/views.js';
import { CLOSE_PREDICTION_TOLERANCE, REFLECTION_POINTS } from './constants.js';
import { truthForTrack } from './parts/part1.js';
import type { GameState, Team } from './state.js';

/** Learning score of a numeric lock: round(100 · max(0, 1 − |log10(predicted / actual)|)), 0–100. */
export function calibrationScore(predicted: number, actual: number): number {
  if (!(predicted > 0) || !(actual > 0)) return 0;
  return Math.round(100 * Math.max(0, 1 - Math.abs(Math.log10(predicted / actual))));
}

/** Predicted against actual, as every audience reads a revealed numeric lock. */
export function revealNumeric(predicted: number | null, actual: number): NumericReveal {
  if (predicted === null) return { predicted, actual, ratio: null, within30: false, score: 0 };
  const ratio = actual / predicted;
  return {
    predicted,
    actual,
    ratio,
    within30: Math.abs(ratio - 1) < CLOSE_PREDICTION_TOLERANCE,
    score: calibrationScore(predicted, actual),
  };
}

/** A team's learning score: revealed locks plus submitted reflections. */
export function learningScore(state: GameState, team: Team): number {
  const part = state.part1?.teams[team.id];
  if (!part) return 0;
  let score = part.reflection ? REFLECTION_POINTS : 0;
  if (state.part1!.revealed && part.prediction !== null) {
    score += calibrationScore(part.prediction, truthForTrack(state, team.track));
  }
  return score;
}

/** A team's ops score: outcomes of its fleet in the simulation (Part 2 on); none yet in Part 1. */
export function opsScore(_state: GameState, _team: Team): number {
  return 0;
}

/** States are never mutated, so a leaderboard computed once per state serves every audience's view of it. */
const leaderboards = new WeakMap<GameState, LeaderboardRow[]>();

/**
 * Every team ranked by total (learning + ops), then learning, then team order — deterministic, and never
 * by speed (GAME.md §1: no bonus for answering fast).
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
  const perTrack = new Map<string, number>();
  return rows.map((row, position) => {
    const trackRank = (perTrack.get(row.team.track) ?? 0) + 1;
    perTrack.set(row.team.track, trackRank);
    return {
      rank: position + 1,
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
