// Part 2's state when it begins.
import { deriveSeed, rngFromSeed } from '../../rng.js';
import type { Team } from '../../state.js';
import type { TrackId } from '../../tracks.js';
import type { FleetEffects, Part2State, TeamPart2 } from './types.js';

export const NO_EFFECTS: FleetEffects = { jitter: false, trafficMultiplier: 1, trafficUntil: 0, driftFactor: 1 };

/** A team's fleet before its first run; its stream of draws is seeded from its track, as for every team on it. */
export function newTeamPart2(gameSeed: number, track: TrackId): TeamPart2 {
  return {
    prediction: null,
    lockedBy: null,
    reflection: null,
    runs: [],
    effects: NO_EFFECTS,
    rng: rngFromSeed(deriveSeed(gameSeed, `fleet:${track}`)),
  };
}

export function startPart2(gameSeed: number, teams: readonly Team[]): Part2State {
  const state: Part2State = { hours: 0, teams: {}, crises: [], revealed: false };
  for (const team of teams) state.teams[team.id] = newTeamPart2(gameSeed, team.track);
  return state;
}
