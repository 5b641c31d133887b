// The game as a pure function: reduce(state, action) gives the next state or a refusal code. No I/O, no clock,
// no Math.random: the server is the only caller that advances a real game, tests and replays are the others.
import type { ErrorCode } from '../protocol/errors.js';
import {
  GAME_CODE_PATTERN,
  MAX_PLAYERS_PER_GAME,
  NICKNAME_MAX,
  TEAM_NAME_MAX,
  displayLength,
  nameKey,
  normalizeDisplayName,
} from '../protocol/limits.js';
import type { Action } from './actions.js';
import {
  balancePlayers,
  findPlayer,
  movedPlayerIds,
  reseatOrphans,
  resizeTeams,
  smallestTeamId,
  teamSizes,
} from './lobby.js';
import { rngFromSeed } from './rng.js';
import type { GameConfig, GameState } from './state.js';
import { ENGINEER_COST_PER_HOUR, PLATFORM_CAPEX, SIM_SPEED_DEFAULT } from './constants.js';
import { TIMER_MINUTES_DEFAULT } from '../protocol/limits.js';
import * as flow from './flow.js';
import type { PartResult } from './parts/part1.js';
import { lockPrediction, reflect } from './parts/locks.js';
import * as part2 from './parts/part2/reduce.js';

/** What happened, for the server to act on outside the state (move sockets between rooms, close a seat). */
export type GameEvent =
  | { type: 'player-joined'; playerId: string; teamId: string }
  | { type: 'players-moved'; playerIds: string[] }
  | { type: 'player-kicked'; playerId: string }
  /** Only the simulated clock moved: audiences get a light, volatile tick instead of full views. */
  | { type: 'sim-ticked' };

export type ReduceResult =
  | { ok: true; state: GameState; events: GameEvent[] }
  | { ok: false; code: ErrorCode };

/** The state of a new game in the lobby. */
export function createGame(config: GameConfig): GameState {
  if (!GAME_CODE_PATTERN.test(config.code)) throw new Error(`invalid game code ${config.code}`);
  return {
    code: config.code,
    seed: config.seed >>> 0,
    version: 0,
    rng: rngFromSeed(config.seed),
    phase: 'lobby',
    step: null,
    paused: false,
    timer: null,
    roomLocked: false,
    settings: {
      teamCount: config.teamCount,
      askStudentId: config.askStudentId,
      capex: PLATFORM_CAPEX,
      engineerCost: ENGINEER_COST_PER_HOUR,
      timerMinutes: TIMER_MINUTES_DEFAULT,
      autoAdvance: false,
      simSpeed: SIM_SPEED_DEFAULT,
    },
    teams: resizeTeams([], config.teamCount),
    players: [],
    part1: null,
    part2: null,
  };
}

const refuse = (code: ErrorCode): ReduceResult => ({ ok: false, code });

function accept(state: GameState, next: Omit<GameState, 'version'>, events: GameEvent[] = []): ReduceResult {
  return { ok: true, state: { ...next, version: state.version + 1 }, events };
}

/** True when a display name is already in its canonical form and within the length limit. */
function isCleanName(name: string, max: number): boolean {
  return name === normalizeDisplayName(name) && displayLength(name) >= 1 && displayLength(name) <= max;
}

function fromPart(state: GameState, result: PartResult, events: GameEvent[] = []): ReduceResult {
  return result.ok ? accept(state, result.state, events) : result;
}

/** The next state after one action, or the code of the rule that refuses it. */
export function reduce(state: GameState, action: Action): ReduceResult {
  switch (action.type) {
    case 'player/join':
      return join(state, action);
    case 'team/lock-prediction':
      return fromPart(state, lockPrediction(state, action));
    case 'team/reflect':
      return fromPart(state, reflect(state, action));
    case 'timer/expire':
      return action.by.role === 'system' ? fromPart(state, flow.expireTimer(state, action)) : refuse('auth/forbidden');
    case 'sim/tick':
      return fromPart(state, part2.tick(state, action), [{ type: 'sim-ticked' }]);
    case 'team/start-run':
    case 'team/extend':
    case 'team/promote':
    case 'team/rollback':
      return fromPart(state, part2.teamDecision(state, action));
    default:
      return action.by.role === 'host' ? reduceHost(state, action) : refuse('auth/forbidden');
  }
}

type HostAction = Exclude<
  Action,
  {
    type:
      | 'player/join'
      | 'team/lock-prediction'
      | 'team/reflect'
      | 'timer/expire'
      | 'sim/tick'
      | 'team/start-run'
      | 'team/extend'
      | 'team/promote'
      | 'team/rollback';
  }
>;

/** Changes that shape the teams (their number, their tracks) are for the lobby only. */
const inLobby = (state: GameState) => state.phase === 'lobby';

function reduceHost(state: GameState, action: HostAction): ReduceResult {
  switch (action.type) {
    case 'host/start':
      return fromPart(state, flow.start(state));
    case 'host/next':
      return fromPart(state, flow.next(state, action));
    case 'host/reveal':
      return fromPart(state, flow.reveal(state));
    case 'host/pause':
      return fromPart(state, flow.pause(state, action));
    case 'host/resume':
      return fromPart(state, flow.resume(state, action));
    case 'host/extend-timer':
      return fromPart(state, flow.extendTimer(state, action));
    case 'host/crisis':
      return fromPart(state, part2.crisis(state, action));
    case 'host/set-speed':
      // The speed of the simulated clock may change at any time, Part 2 running or not.
      return accept(state, { ...state, settings: { ...state.settings, simSpeed: action.speed } });
    case 'host/set-settings': {
      // Settings shape every team's truth: they may change until the first part begins.
      if (state.phase !== 'lobby' && state.phase !== 'briefing') return refuse('phase/closed');
      const { type: _type, by: _by, ...changes } = action;
      return accept(state, { ...state, settings: { ...state.settings, ...changes } });
    }
    case 'host/set-team-count': {
      if (!inLobby(state)) return refuse('phase/closed');
      const teams = resizeTeams(state.teams, action.count);
      const players = reseatOrphans(teams, state.players);
      const moved = movedPlayerIds(state.players, players);
      const settings = { ...state.settings, teamCount: action.count };
      return accept(state, { ...state, settings, teams, players }, movedEvents(moved));
    }
    case 'host/set-ask-student-id':
      return accept(state, { ...state, settings: { ...state.settings, askStudentId: action.ask } });
    case 'host/balance-teams': {
      if (!inLobby(state)) return refuse('phase/closed');
      const players = balancePlayers(state.teams, state.players);
      return accept(state, { ...state, players }, movedEvents(movedPlayerIds(state.players, players)));
    }
    case 'host/move-player': {
      const player = findPlayer(state, action.playerId);
      if (!player) return refuse('player/unknown');
      if (player.kicked) return refuse('player/kicked');
      if (!state.teams.some((team) => team.id === action.teamId)) return refuse('team/unknown');
      const players = state.players.map((p) => (p.id === player.id ? { ...p, teamId: action.teamId } : p));
      return accept(state, { ...state, players }, movedEvents([player.id]));
    }
    case 'host/rename-team': {
      if (!state.teams.some((team) => team.id === action.teamId)) return refuse('team/unknown');
      if (!isCleanName(action.name, TEAM_NAME_MAX)) return refuse('team/name-invalid');
      const teams = state.teams.map((t) => (t.id === action.teamId ? { ...t, name: action.name } : t));
      return accept(state, { ...state, teams });
    }
    case 'host/set-track': {
      if (!inLobby(state)) return refuse('phase/closed');
      if (!state.teams.some((team) => team.id === action.teamId)) return refuse('team/unknown');
      const teams = state.teams.map((t) => (t.id === action.teamId ? { ...t, track: action.track } : t));
      return accept(state, { ...state, teams });
    }
    case 'host/lock-room':
      return accept(state, { ...state, roomLocked: action.locked });
    case 'host/kick': {
      const player = findPlayer(state, action.playerId);
      if (!player) return refuse('player/unknown');
      if (player.kicked) return refuse('player/kicked');
      const players = state.players.map((p) => (p.id === player.id ? { ...p, teamId: null, kicked: true } : p));
      return accept(state, { ...state, players }, [{ type: 'player-kicked', playerId: player.id }]);
    }
  }
}

function movedEvents(playerIds: string[]): GameEvent[] {
  return playerIds.length > 0 ? [{ type: 'players-moved', playerIds }] : [];
}

function join(state: GameState, action: Extract<Action, { type: 'player/join' }>): ReduceResult {
  if (action.by.role !== 'guest') return refuse('auth/forbidden');
  if (state.roomLocked) return refuse('game/room-locked');
  if (state.players.length >= MAX_PLAYERS_PER_GAME) return refuse('game/full');
  if (!isCleanName(action.nickname, NICKNAME_MAX)) return refuse('nickname/invalid');
  const key = nameKey(action.nickname);
  if (state.players.some((p) => nameKey(p.nickname) === key)) return refuse('nickname/taken');
  if (state.players.some((p) => p.tokenHash === action.tokenHash)) return refuse('auth/invalid-token');
  const teamId = smallestTeamId(state.teams, teamSizes(state.teams, state.players));
  const playerId = `p${state.players.length + 1}`;
  const player = {
    id: playerId,
    nickname: action.nickname,
    teamId,
    tokenHash: action.tokenHash,
    studentId: state.settings.askStudentId ? action.studentId : null,
    kicked: false,
  };
  return accept(state, { ...state, players: [...state.players, player] }, [
    { type: 'player-joined', playerId, teamId },
  ]);
}
