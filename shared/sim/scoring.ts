// Scores and the leaderboard (GAME.md §8; docs/scoring.md). One module, so that every audience and every
// replay computes the same numbers from the same state.
import type { LeaderboardRow } from '../protocol/views.js';
import { calibrationScore } from './calibration.js';
import { REFLECTION_POINTS } from './constants.js';
import { truthForTrack } from './parts/part1.js';
import type { GameState, Team, TeamPartState } from './state.js';
import { requiredCleanRequests } from './parts/canary-stats.js';
import { part2OpsScore } from './parts/part2/score.js';
import { baseCohortRates } from './parts/part2/truth.js';

/** The answer of Part 2's lock, the same for every track: n*(0.95, 1/1000) = 2995. */
export const PART2_ACTUAL = requiredCleanRequests(0.95, 1 / 1000);

/** Learning points of one part: its lock once revealed, plus a submitted reflection. */
function partLearning(part: TeamPartState | undefined, revealed: boolean, actual: () => number): number {
  if (!part) return 0;
  const lock = revealed && part.prediction !== null ? calibrationScore(part.prediction, actual()) : 0;
  return lock + (part.reflection ? REFLECTION_POINTS : 0);
}

/** A team's learning score: revealed locks plus submitted reflections, over every part played so far. */
export function learningScore(state: GameState, team: Team): number {
  const part1 = partLearning(state.part1?.teams[team.id], state.part1?.revealed ?? false, () =>
    truthForTrack(state, team.track),
  );
  const part2 = partLearning(state.part2?.teams[team.id], state.part2?.revealed ?? false, () => PART2_ACTUAL);
  return part1 + part2;
}

/** A team's ops score: the outcomes of its fleet in Part 2's simulation, normalized per track. */
export function opsScore(state: GameState, team: Team): number {
  const fleet = state.part2?.teams[team.id];
  if (!fleet) return 0;
  return part2OpsScore(fleet, team.track, baseCohortRates(state.seed, team.track), state.part2!.hours);
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
