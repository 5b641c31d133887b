// The lock and the reflection of every part (GAME.md §3): any member of a team locks the team's prediction
// once, while the part is in play; any member reflects during the reflect step. One set of rules, with each
// part's range and where its team states live.
import type { ErrorCode } from '../../protocol/errors.js';
import {
  PART1_PREDICTION_MAX,
  PART1_PREDICTION_MIN,
  PART2_PREDICTION_MAX,
  PART2_PREDICTION_MIN,
  REFLECTION_MAX,
} from '../../protocol/limits.js';
import type { ActionOf } from '../actions.js';
import type { GameState, PartNumber, Phase, TeamPartState } from '../state.js';
import type { PartResult } from './part1.js';

interface PartRules {
  phase: Phase;
  min: number;
  max: number;
  teams(state: GameState): Record<string, TeamPartState> | null;
  /** The state with one team's part state replaced (keeping whatever else the part stores per team). */
  withTeam(state: GameState, teamId: string, part: TeamPartState): Omit<GameState, 'version'>;
}

const RULES: Record<PartNumber, PartRules> = {
  1: {
    phase: 'part1',
    min: PART1_PREDICTION_MIN,
    max: PART1_PREDICTION_MAX,
    teams: (state) => state.part1?.teams ?? null,
    withTeam: (state, teamId, part) => ({
      ...state,
      part1: { ...state.part1!, teams: { ...state.part1!.teams, [teamId]: part } },
    }),
  },
  2: {
    phase: 'part2',
    min: PART2_PREDICTION_MIN,
    max: PART2_PREDICTION_MAX,
    teams: (state) => state.part2?.teams ?? null,
    withTeam: (state, teamId, part) => ({
      ...state,
      part2: { ...state.part2!, teams: { ...state.part2!.teams, [teamId]: { ...state.part2!.teams[teamId]!, ...part } } },
    }),
  },
};

/** The team a player acts for in a part, with its part state, or why the player cannot act. */
export function actingTeam(
  state: GameState,
  part: PartNumber,
  playerId: string,
): { teamId: string; part: TeamPartState } | ErrorCode {
  const player = state.players.find((p) => p.id === playerId);
  if (!player || player.kicked || player.teamId === null) return 'team/none';
  const teamPart = RULES[part].teams(state)?.[player.teamId];
  if (!teamPart) return 'team/none';
  return { teamId: player.teamId, part: teamPart };
}

/** Checks that a player may act for a team in a part's step; returns the team or the refusal. */
function mayAct(state: GameState, part: PartNumber, by: ActionOf<'team/lock-prediction'>['by'], step: 'play' | 'reflect') {
  if (by.role !== 'player') return 'auth/forbidden' as const;
  if (state.phase !== RULES[part].phase || state.step !== step) return 'phase/closed' as const;
  if (state.paused) return 'game/paused' as const;
  return actingTeam(state, part, by.playerId);
}

export function lockPrediction(state: GameState, action: ActionOf<'team/lock-prediction'>): PartResult {
  const acting = mayAct(state, action.part, action.by, 'play');
  if (typeof acting === 'string') return { ok: false, code: acting };
  if (acting.part.prediction !== null) return { ok: false, code: 'lock/already-locked' };
  const { min, max } = RULES[action.part];
  if (!Number.isInteger(action.value) || action.value < min || action.value > max) {
    return { ok: false, code: 'lock/out-of-range' };
  }
  const playerId = action.by.role === 'player' ? action.by.playerId : '';
  const locked = { ...acting.part, prediction: action.value, lockedBy: playerId };
  return { ok: true, state: RULES[action.part].withTeam(state, acting.teamId, locked) };
}

export function reflect(state: GameState, action: ActionOf<'team/reflect'>): PartResult {
  const acting = mayAct(state, action.part, action.by, 'reflect');
  if (typeof acting === 'string') return { ok: false, code: acting };
  if (action.text.length > REFLECTION_MAX) return { ok: false, code: 'intent/invalid' };
  const playerId = action.by.role === 'player' ? action.by.playerId : '';
  const reflection = { choice: action.choice, text: action.text, by: playerId };
  return { ok: true, state: RULES[action.part].withTeam(state, acting.teamId, { ...acting.part, reflection }) };
}

/** A team's lock in a part, for gating a part's instruments behind it. */
export function hasLocked(state: GameState, part: PartNumber, teamId: string): boolean {
  return (RULES[part].teams(state)?.[teamId]?.prediction ?? null) !== null;
}
