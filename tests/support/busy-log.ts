// The log of a busy finished game, built with the real reducer (every action checked as it is logged): a full
// class joins (default 40 teams of 30 players), Part 2 runs for 900 ticks with every team on a canary and a
// promotion every few minutes, and the host walks it to the debrief. The debrief bench measures on it, and the
// server tests store it as a finished game to scrub a replay of a big game.
import { createHash } from 'node:crypto';
import type { Action } from '../../shared/sim/actions.js';
import { createGame, reduce } from '../../shared/sim/reducer.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';

const HOST = { role: 'host' } as const;

export interface BusyLogOptions {
  playersPerTeam?: number;
  /** Part 2 ticks of ten simulated minutes each; 900 is a 15-minute Part 2 at 1× with one tick a second. */
  ticks?: number;
}

/** The log and the versions of its promotions (a "what if" branches at one). */
export function busyLog(config: GameConfig, { playersPerTeam = 30, ticks = 900 }: BusyLogOptions = {}): { log: Action[]; promotions: number[] } {
  const teams = config.teamCount;
  let state: GameState = createGame(config);
  const log: Action[] = [];
  const promotions: number[] = [];
  const push = (action: Action) => {
    const result = reduce(state, action);
    if (!result.ok) throw new Error(`${action.type}: ${result.code}`);
    state = result.state;
    log.push(action);
    return state.version;
  };
  for (let i = 0; i < teams * playersPerTeam; i++) {
    const tokenHash = createHash('sha256').update(`p${i}`).digest('hex');
    push({ type: 'player/join', by: { role: 'guest' }, nickname: `player${i}`, tokenHash, studentId: null });
  }
  push({ type: 'host/set-settings', by: HOST, timerMinutes: null });
  push({ type: 'host/start', by: HOST, at: 0 });
  for (let i = 0; i < 4; i++) push({ type: 'host/next', by: HOST, at: 0 });
  for (let t = 0; t < teams; t++) {
    const by = { role: 'player', playerId: `p${t + 1}` } as const;
    push({ type: 'team/lock-prediction', by, part: 2, value: 3000 });
    push({ type: 'team/start-run', by, config: { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: t % 3 === 0 ? 'stratified' : 'random', sprt: t % 2 === 0 } });
  }
  for (let i = 0; i < ticks; i++) {
    push({ type: 'sim/tick', by: { role: 'system' }, hours: 1 / 6 });
    // Every few minutes a team promotes (while its run still stands).
    if (i % 20 === 10) {
      const by = { role: 'player', playerId: `p${((i / 20) % teams) + 1 | 0}` } as const;
      if (reduce(state, { type: 'team/promote', by }).ok) promotions.push(push({ type: 'team/promote', by }));
    }
  }
  for (let i = 0; i < 6; i++) push({ type: 'host/next', by: HOST, at: 0 });
  return { log, promotions };
}
