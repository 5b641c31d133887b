// Walking a stored game's log through the pure core, one action at a time, so that an export can read the
// state each decision was taken in. A long game (a simulated clock logs a tick every real second) is thousands
// of actions: the walk hands the event loop back every few hundred, so an export asked for during a live game
// never holds up that game's (or another's) ticks.
import { performance } from 'node:perf_hooks';
import { ActionSchema, type Action } from '../../shared/sim/actions.js';
import { createGame, reduce } from '../../shared/sim/reducer.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';
import type { StoredAction } from '../store/store.js';

/** The longest the walk keeps the event loop before it lets sockets and timers run. */
const TURN_MS = 20;

/** What the walk shows of each logged action: the state before it, the action, its stored row and the state
 *  after it (what the action recorded, such as a canary decision's evidence). */
export type LogVisitor = (before: GameState, action: Action, entry: StoredAction, after: GameState) => void;

/** The state after the whole log; throws when an entry is refused (a corrupt log, or one of other rules). */
export async function walkLog(config: GameConfig, log: readonly StoredAction[], visit: LogVisitor = () => {}): Promise<GameState> {
  let state = createGame(config);
  let turnStart = performance.now();
  for (const [index, entry] of log.entries()) {
    if (performance.now() - turnStart >= TURN_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      turnStart = performance.now();
    }
    const action = ActionSchema.parse(entry.action);
    const result = reduce(state, action);
    if (!result.ok) throw new Error(`log entry ${index} (${action.type}) was refused on replay: ${result.code}`);
    visit(state, action, entry, result.state);
    state = result.state;
  }
  return state;
}
