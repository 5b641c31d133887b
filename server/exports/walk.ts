// Walking a stored game's log through the pure core, one action at a time, so that an export can read the
// state each decision was taken in. A long game (a simulated clock logs a tick every real second) is thousands
// of actions: the walk runs in slices like every replay on the server (`replaySteps` run by `inSlices`), so an
// export asked for during a live game never holds up that game's (or another's) ticks.
import type { Action } from '../../shared/sim/actions.js';
import { createGame } from '../../shared/sim/reducer.js';
import { replaySteps } from '../../shared/sim/replay.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';
import { inSlices } from '../replay/slices.js';
import type { StoredAction } from '../store/store.js';

/** What the walk shows of each logged action: the state before it, the action, its stored row and the state
 *  after it (what the action recorded, such as a canary decision's evidence). */
export type LogVisitor = (before: GameState, action: Action, entry: StoredAction, after: GameState) => void;

/** The state after the whole log; throws when an entry is refused (a corrupt log, or one of other rules). */
export async function walkLog(config: GameConfig, log: readonly StoredAction[], visit: LogVisitor = () => {}): Promise<GameState> {
  let before = createGame(config);
  let index = 0;
  const applied = (action: Action, after: GameState) => {
    visit(before, action, log[index++]!, after);
    before = after;
  };
  return inSlices(replaySteps(before, log.map((entry) => entry.action), { applied }));
}
