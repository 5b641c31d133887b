// Builders for logged actions, so that tests read like the game.
import { createHash } from 'node:crypto';
import type { Action } from '../../shared/sim/actions.js';
import type { TrackId } from '../../shared/sim/tracks.js';
import { createGame, reduce, type ReduceResult } from '../../shared/sim/reducer.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';

/** The state after actions that must all be accepted (a refusal fails the test with its code). */
export function applyAll(state: GameState, actions: Action[]): GameState {
  return actions.reduce((s, action) => {
    const result = reduce(s, action);
    if (!result.ok) throw new Error(`${action.type} refused: ${result.code}`);
    return result.state;
  }, state);
}

/** 'accepted', or the refusal's code. */
export const outcome = (result: ReduceResult): string => (result.ok ? 'accepted' : result.code);

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

export const AT = 1_795_000_000_000;
export const player = (playerId: string) => ({ role: 'player', playerId }) as const;
export const setSettings = (changes: Omit<Extract<Action, { type: 'host/set-settings' }>, 'type' | 'by'>): Action => ({
  type: 'host/set-settings',
  by: HOST,
  ...changes,
});
export const start = (at = AT): Action => ({ type: 'host/start', by: HOST, at });
export const next = (at = AT): Action => ({ type: 'host/next', by: HOST, at });
export const reveal = (at = AT): Action => ({ type: 'host/reveal', by: HOST, at });
export const pause = (at = AT): Action => ({ type: 'host/pause', by: HOST, at });
export const resume = (at = AT): Action => ({ type: 'host/resume', by: HOST, at });
export const extend = (minutes: number, at = AT): Action => ({ type: 'host/extend-timer', by: HOST, at, minutes });
export const expire = (at: number): Action => ({ type: 'timer/expire', by: { role: 'system' }, at });
export const lock = (playerId: string, value: number): Action => ({
  type: 'team/lock-prediction',
  by: player(playerId),
  part: 1,
  value,
});
export const reflectAs = (playerId: string, choice: 'a' | 'b' | 'c' | 'd' = 'a', text = 'Because N².'): Action => ({
  type: 'team/reflect',
  by: player(playerId),
  part: 1,
  choice,
  text,
});

export const tick = (hours: number): Action => ({ type: 'sim/tick', by: { role: 'system' }, hours });
export const lock2 = (playerId: string, value: number): Action => ({ type: 'team/lock-prediction', by: player(playerId), part: 2, value });
export const startRunAs = (playerId: string, config: Partial<Extract<Action, { type: 'team/start-run' }>['config']> = {}): Action => ({
  type: 'team/start-run',
  by: player(playerId),
  config: { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'random', sprt: false, ...config },
});
export const promoteAs = (playerId: string): Action => ({ type: 'team/promote', by: player(playerId) });
export const rollbackAs = (playerId: string, cohortId: string | null = null): Action => ({ type: 'team/rollback', by: player(playerId), cohortId });
/** A team's own Part 2 clock set running (it starts with the first run): a run started and rolled back at once,
 *  from shadow mode, so no decision is due and the clock runs on between runs. */
export const clockRunningAs = (playerId: string): Action[] => [startRunAs(playerId), rollbackAs(playerId)];
/** The host's speed: simulated hours per real second × the part's pace. */
export const setSpeed = (speed: number): Action => ({ type: 'host/set-speed', by: HOST, speed });
export const crisisAt = (
  crisis: Extract<Action, { type: 'host/crisis' }>['crisis'],
  target: Extract<Action, { type: 'host/crisis' }>['target'],
  inHours: number | null = null,
): Action => ({ type: 'host/crisis', by: HOST, crisis, target, inHours });
export const lock3 = (playerId: string, value: 'a' | 'b' | 'c' | 'd'): Action => ({ type: 'team/lock-prediction', by: player(playerId), part: 3, value });
export const deployAs = (playerId: string, version: 'v1' | 'v2'): Action => ({ type: 'team/deploy-upstream', by: player(playerId), version });
export const retrainAs = (playerId: string, on = true): Action => ({ type: 'team/retrain', by: player(playerId), on });
export const policyAs = (playerId: string, policy: 'loose' | 'strict'): Action => ({ type: 'team/set-policy', by: player(playerId), policy });
export const checkAs = (playerId: string): Action => ({ type: 'team/consistency-check', by: player(playerId) });
export const answerAs = (playerId: string, answer: 'refuse' | 'approve' | 'approve-pinned'): Action => ({
  type: 'team/answer-challenge',
  by: player(playerId),
  answer,
});
