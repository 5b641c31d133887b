// The game as a pure function: reduce(state, action) gives the next state or a refusal code. No I/O, no clock,
// no Math.random: the server is the only caller that advances a real game, tests and replays are the others.
// The reducer only routes: the lobby, the flow, the crises and the parts each rule on their own actions.
import type { ErrorCode } from '../protocol/errors.js';
import { GAME_CODE_PATTERN, SIM_SPEED_DEFAULT, TIMER_MINUTES_DEFAULT } from '../protocol/limits.js';
import type { Action } from './actions.js';
import { ENGINEER_COST_PER_HOUR, PLATFORM_CAPEX } from './constants.js';
import { aimCrisis } from './crises/aim.js';
import * as flow from './flow.js';
import { setSpotlight } from './spotlight.js';
import { join, reduceLobby, type LobbyAction } from './lobby-actions.js';
import { resizeTeams } from './lobby.js';
import { agree, lockPrediction, partOfAction, propose, reflect, teamAction, tick } from './part-actions.js';
import { rngFromSeed } from './rng.js';
import type { GameConfig, GameEvent, GameState, RuleResult } from './state.js';

export type { GameEvent };

export type ReduceResult = { ok: true; state: GameState; events: GameEvent[] } | { ok: false; code: ErrorCode };

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
    parts: {},
    crises: [],
    effects: {},
    proposals: {},
  };
}

/** A rule's verdict as the reducer's result: the next version, or the refusal. */
function settle(state: GameState, result: RuleResult, events: GameEvent[] = []): ReduceResult {
  if (!result.ok) return result;
  return { ok: true, state: { ...result.state, version: state.version + 1 }, events: [...(result.events ?? []), ...events] };
}

const forbidden: ReduceResult = { ok: false, code: 'auth/forbidden' };

/** The next state after one action, or the code of the rule that refuses it. */
export function reduce(state: GameState, action: Action): ReduceResult {
  switch (action.type) {
    case 'player/join':
      return settle(state, join(state, action));
    case 'team/lock-prediction':
      return settle(state, lockPrediction(state, action));
    case 'team/reflect':
      return settle(state, reflect(state, action));
    case 'team/propose':
      return settle(state, propose(state, action));
    case 'team/agree':
      return settle(state, agree(state, action));
    case 'timer/expire':
      return action.by.role === 'system' ? settle(state, flow.expireTimer(state, action)) : forbidden;
    case 'sim/tick':
      return settle(state, tick(state, action), [{ type: 'sim-ticked' }]);
  }
  const part = partOfAction(action.type);
  if (part) return settle(state, teamAction(state, part, action));
  if (action.by.role !== 'host') return forbidden;
  switch (action.type) {
    case 'host/start':
      return settle(state, flow.start(state));
    case 'host/next':
      return settle(state, flow.next(state, action));
    case 'host/reveal':
      return settle(state, flow.reveal(state));
    case 'host/warn':
      return settle(state, flow.warn(state, action));
    case 'host/pause':
      return settle(state, flow.pause(state, action));
    case 'host/resume':
      return settle(state, flow.resume(state, action));
    case 'host/extend-timer':
      return settle(state, flow.extendTimer(state, action));
    case 'host/crisis':
      return settle(state, aimCrisis(state, action));
    case 'host/spotlight':
      return settle(state, setSpotlight(state, action));
    default:
      return settle(state, reduceLobby(state, action as LobbyAction));
  }
}
