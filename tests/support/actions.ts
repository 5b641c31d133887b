// Builders for logged actions, so that tests read like the game.
import { createHash } from 'node:crypto';
import type { Action } from '../../shared/sim/actions.js';
import type { TrackId } from '../../shared/sim/tracks.js';
import { createGame } from '../../shared/sim/reducer.js';
import type { GameConfig } from '../../shared/sim/state.js';

export const HOST = { role: 'host' } as const;
export const GUEST = { role: 'guest' } as const;

export const CONFIG: GameConfig = { code: 'TEST42', seed: 20261128, teamCount: 4, askStudentId: false };

export const newGame = (config: Partial<GameConfig> = {}) => createGame({ ...CONFIG, ...config });

/** A stable fake token hash per nickname (64 hex digits). */
export function tokenHashFor(nickname: string): string {
  return createHash('sha256').update(`seat:${nickname}`).digest('hex');
}

export const join = (nickname: string, studentId: string | null = null): Extract<Action, { type: 'player/join' }> => ({
  type: 'player/join',
  by: GUEST,
  nickname,
  tokenHash: tokenHashFor(nickname),
  studentId,
});
export const setTeamCount = (count: number): Action => ({ type: 'host/set-team-count', by: HOST, count });
export const move = (playerId: string, teamId: string): Action => ({ type: 'host/move-player', by: HOST, playerId, teamId });
export const rename = (teamId: string, name: string): Action => ({ type: 'host/rename-team', by: HOST, teamId, name });
export const setTrack = (teamId: string, track: TrackId): Action => ({ type: 'host/set-track', by: HOST, teamId, track });
export const lockRoom = (locked: boolean): Action => ({ type: 'host/lock-room', by: HOST, locked });
export const kick = (playerId: string): Action => ({ type: 'host/kick', by: HOST, playerId });
export const balance = (): Action => ({ type: 'host/balance-teams', by: HOST });
