// The lobby in the reducer: a guest joins, the host arranges teams, tracks, settings and the room.
import { MAX_PLAYERS_PER_GAME, NICKNAME_MAX, TEAM_NAME_MAX, displayLength, nameKey, normalizeDisplayName } from '../protocol/limits.js';
import type { ActionOf } from './actions.js';
import { balancePlayers, findPlayer, movedPlayerIds, reseatOrphans, resizeTeams, smallestTeamId, teamSizes } from './lobby.js';
import type { ErrorCode } from '../protocol/errors.js';
import type { GameEvent, GameState, RuleResult } from './state.js';


export type LobbyAction = ActionOf<
  | 'host/set-team-count'
  | 'host/set-ask-student-id'
  | 'host/move-player'
  | 'host/rename-team'
  | 'host/set-track'
  | 'host/lock-room'
  | 'host/kick'
  | 'host/balance-teams'
  | 'host/set-settings'
  | 'host/set-speed'
>;

const refuse = (code: ErrorCode): RuleResult => ({ ok: false, code });

/** True when a display name is already in its canonical form and within the length limit. */
function isCleanName(name: string, max: number): boolean {
  return name === normalizeDisplayName(name) && displayLength(name) >= 1 && displayLength(name) <= max;
}

/** Changes that shape the teams (their number, their tracks) are for the lobby only. */
const inLobby = (state: GameState) => state.phase === 'lobby';

function movedEvents(playerIds: string[]): GameEvent[] {
  return playerIds.length > 0 ? [{ type: 'players-moved', playerIds }] : [];
}

export function join(state: GameState, action: ActionOf<'player/join'>): RuleResult {
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
  return { ok: true, state: { ...state, players: [...state.players, player] }, events: [{ type: 'player-joined', playerId, teamId }] };
}

/** The host's changes to the teams, the settings and the room. */
export function reduceLobby(state: GameState, action: LobbyAction): RuleResult {
  switch (action.type) {
    case 'host/set-speed':
      // The speed of the simulated clock may change at any time, a clock running or not.
      return { ok: true, state: { ...state, settings: { ...state.settings, simSpeed: action.speed } } };
    case 'host/set-settings': {
      // Settings shape every team's truth: they may change until the first part begins.
      if (state.phase !== 'lobby' && state.phase !== 'briefing') return refuse('phase/closed');
      const { type: _type, by: _by, ...changes } = action;
      return { ok: true, state: { ...state, settings: { ...state.settings, ...changes } } };
    }
    case 'host/set-team-count': {
      if (!inLobby(state)) return refuse('phase/closed');
      const teams = resizeTeams(state.teams, action.count);
      const players = reseatOrphans(teams, state.players);
      const settings = { ...state.settings, teamCount: action.count };
      return { ok: true, state: { ...state, settings, teams, players }, events: movedEvents(movedPlayerIds(state.players, players)) };
    }
    case 'host/set-ask-student-id':
      return { ok: true, state: { ...state, settings: { ...state.settings, askStudentId: action.ask } } };
    case 'host/balance-teams': {
      if (!inLobby(state)) return refuse('phase/closed');
      const players = balancePlayers(state.teams, state.players);
      return { ok: true, state: { ...state, players }, events: movedEvents(movedPlayerIds(state.players, players)) };
    }
    case 'host/move-player': {
      const player = findPlayer(state, action.playerId);
      if (!player) return refuse('player/unknown');
      if (player.kicked) return refuse('player/kicked');
      if (!state.teams.some((team) => team.id === action.teamId)) return refuse('team/unknown');
      const players = state.players.map((p) => (p.id === player.id ? { ...p, teamId: action.teamId } : p));
      return { ok: true, state: { ...state, players }, events: movedEvents([player.id]) };
    }
    case 'host/rename-team': {
      if (!state.teams.some((team) => team.id === action.teamId)) return refuse('team/unknown');
      if (!isCleanName(action.name, TEAM_NAME_MAX)) return refuse('team/name-invalid');
      const teams = state.teams.map((t) => (t.id === action.teamId ? { ...t, name: action.name } : t));
      return { ok: true, state: { ...state, teams } };
    }
    case 'host/set-track': {
      if (!inLobby(state)) return refuse('phase/closed');
      if (!state.teams.some((team) => team.id === action.teamId)) return refuse('team/unknown');
      const teams = state.teams.map((t) => (t.id === action.teamId ? { ...t, track: action.track } : t));
      return { ok: true, state: { ...state, teams } };
    }
    case 'host/lock-room':
      return { ok: true, state: { ...state, roomLocked: action.locked } };
    case 'host/kick': {
      const player = findPlayer(state, action.playerId);
      if (!player) return refuse('player/unknown');
      if (player.kicked) return refuse('player/kicked');
      const players = state.players.map((p) => (p.id === player.id ? { ...p, teamId: null, kicked: true } : p));
      return { ok: true, state: { ...state, players }, events: [{ type: 'player-kicked', playerId: player.id }] };
    }
  }
}
