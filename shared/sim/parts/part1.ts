// Part 1's truth and start. A team locks one prediction of N* (locks.ts); the truth is N* of the team's track
// under the game's cost settings.
import type { ErrorCode } from '../../protocol/errors.js';
import { TRACK_HETEROGENEITY } from '../constants.js';
import type { GameState, Part1State, TeamPartState } from '../state.js';
import type { TrackId } from '../tracks.js';
import { breakEvenModels } from './roi-model.js';

export type PartResult = { ok: true; state: Omit<GameState, 'version'> } | { ok: false; code: ErrorCode };

/** The hidden truth of Part 1 for a track: N* at the track's heterogeneity and the game's cost settings. */
export function truthForTrack(state: GameState, track: TrackId): number {
  const { capex, engineerCost } = state.settings;
  // breakEvenModels is null only for h ≤ 0; every track's h is ≥ 1.
  return breakEvenModels(TRACK_HETEROGENEITY[track], { capex, engineerCost }) ?? 0;
}

/** Part 1's state when it begins: every team with nothing locked. */
export function startPart1(state: GameState): Part1State {
  const teams: Record<string, TeamPartState> = {};
  for (const team of state.teams) teams[team.id] = { prediction: null, lockedBy: null, reflection: null };
  return { teams, revealed: false };
}
