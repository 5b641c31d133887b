// Team bookkeeping: who sits where, and how seats are balanced. Pure helpers used by the reducer.
import type { GameState, Player, Team } from './state.js';
import { trackForTeamIndex } from './tracks.js';

/** The default name of the team at a 0-based position. */
export function defaultTeamName(index: number): string {
  return `Team ${index + 1}`;
}

/** Teams for a new team count: existing teams are kept (with their names and tracks), new ones added. */
export function resizeTeams(teams: readonly Team[], count: number): Team[] {
  const kept = teams.slice(0, count);
  for (let i = kept.length; i < count; i++) {
    kept.push({ id: `t${i + 1}`, name: defaultTeamName(i), track: trackForTeamIndex(i) });
  }
  return kept;
}

/** Seated (not kicked) players per team id, every team present. */
export function teamSizes(teams: readonly Team[], players: readonly Player[]): Map<string, number> {
  const sizes = new Map<string, number>(teams.map((team) => [team.id, 0]));
  for (const player of players) {
    if (player.teamId !== null && sizes.has(player.teamId)) {
      sizes.set(player.teamId, sizes.get(player.teamId)! + 1);
    }
  }
  return sizes;
}

/** The team with the fewest seated players; ties go to the team listed first. */
export function smallestTeamId(teams: readonly Team[], sizes: ReadonlyMap<string, number>): string {
  let best = teams[0]!;
  for (const team of teams) {
    if (sizes.get(team.id)! < sizes.get(best.id)!) best = team;
  }
  return best.id;
}

/** The players with every seat whose team no longer exists moved to the smallest remaining team, in join order. */
export function reseatOrphans(teams: readonly Team[], players: readonly Player[]): Player[] {
  const valid = new Set(teams.map((team) => team.id));
  const sizes = teamSizes(teams, players);
  return players.map((player) => {
    if (player.teamId === null || valid.has(player.teamId)) return player;
    const teamId = smallestTeamId(teams, sizes);
    sizes.set(teamId, sizes.get(teamId)! + 1);
    return { ...player, teamId };
  });
}

/**
 * The players rebalanced so that team sizes differ by at most one, moving as few as possible: the most
 * recent joiner of the largest team moves to the smallest team until the sizes are even.
 */
export function balancePlayers(teams: readonly Team[], players: readonly Player[]): Player[] {
  const result = players.slice();
  const sizes = teamSizes(teams, result);
  for (;;) {
    let largest = teams[0]!;
    for (const team of teams) if (sizes.get(team.id)! > sizes.get(largest.id)!) largest = team;
    const smallest = smallestTeamId(teams, sizes);
    if (sizes.get(largest.id)! - sizes.get(smallest)! <= 1) return result;
    const index = result.findLastIndex((player) => player.teamId === largest.id);
    result[index] = { ...result[index]!, teamId: smallest };
    sizes.set(largest.id, sizes.get(largest.id)! - 1);
    sizes.set(smallest, sizes.get(smallest)! + 1);
  }
}

/** The ids of players whose team changed between two player lists of the same game. */
export function movedPlayerIds(before: readonly Player[], after: readonly Player[]): string[] {
  return after.filter((player, i) => before[i]?.teamId !== player.teamId).map((player) => player.id);
}

/** Looks a player up by id. */
export function findPlayer(state: GameState, playerId: string): Player | undefined {
  return state.players.find((player) => player.id === playerId);
}
