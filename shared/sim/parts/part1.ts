// Part 1 rules: a team locks one prediction of N* (once, any member), then reflects. The truth is N* of the
// team's track under the game's cost settings.
import type { ErrorCode } from '../../protocol/errors.js';
import { PART1_PREDICTION_MAX, PART1_PREDICTION_MIN, REFLECTION_MAX } from '../../protocol/limits.js';
import type { ActionOf } from '../actions.js';
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

/** The seated team of a player acting in a part, or why the player cannot act. */
function actingTeam(state: GameState, playerId: string): { teamId: string; part: TeamPartState } | ErrorCode {
  const player = state.players.find((p) => p.id === playerId);
  if (!player || player.kicked || player.teamId === null) return 'team/none';
  const part = state.part1?.teams[player.teamId];
  if (!part) return 'team/none';
  return { teamId: player.teamId, part };
}

function withTeam(state: GameState, teamId: string, part: TeamPartState): Omit<GameState, 'version'> {
  return { ...state, part1: { ...state.part1!, teams: { ...state.part1!.teams, [teamId]: part } } };
}

export function lockPrediction(state: GameState, action: ActionOf<'team/lock-prediction'>): PartResult {
  if (action.by.role !== 'player') return { ok: false, code: 'auth/forbidden' };
  if (state.phase !== 'part1' || state.step !== 'play') return { ok: false, code: 'phase/closed' };
  if (state.paused) return { ok: false, code: 'game/paused' };
  const acting = actingTeam(state, action.by.playerId);
  if (typeof acting === 'string') return { ok: false, code: acting };
  if (acting.part.prediction !== null) return { ok: false, code: 'lock/already-locked' };
  const value = action.value;
  if (!Number.isInteger(value) || value < PART1_PREDICTION_MIN || value > PART1_PREDICTION_MAX) {
    return { ok: false, code: 'lock/out-of-range' };
  }
  return {
    ok: true,
    state: withTeam(state, acting.teamId, { ...acting.part, prediction: value, lockedBy: action.by.playerId }),
  };
}

export function reflect(state: GameState, action: ActionOf<'team/reflect'>): PartResult {
  if (action.by.role !== 'player') return { ok: false, code: 'auth/forbidden' };
  if (state.phase !== 'part1' || state.step !== 'reflect') return { ok: false, code: 'phase/closed' };
  if (state.paused) return { ok: false, code: 'game/paused' };
  const acting = actingTeam(state, action.by.playerId);
  if (typeof acting === 'string') return { ok: false, code: acting };
  if (action.text.length > REFLECTION_MAX) return { ok: false, code: 'intent/invalid' };
  const reflection = { choice: action.choice, text: action.text, by: action.by.playerId };
  return { ok: true, state: withTeam(state, acting.teamId, { ...acting.part, reflection }) };
}
