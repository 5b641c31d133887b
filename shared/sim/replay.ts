// Rebuilding a game from its configuration and its log: the same config and actions always give the same state.
import { ActionSchema, type Action } from './actions.js';
import { createGame, reduce } from './reducer.js';
import type { GameConfig, GameState } from './state.js';

/** The state after applying a log to a state; a logged action that is refused means the log is corrupt. */
export function replayFrom(state: GameState, log: readonly unknown[]): GameState {
  let current = state;
  for (const [index, raw] of log.entries()) {
    const action: Action = ActionSchema.parse(raw);
    const result = reduce(current, action);
    if (!result.ok) {
      throw new Error(`log entry ${index} (${action.type}) was refused on replay: ${result.code}`);
    }
    current = result.state;
  }
  return current;
}

/** The state of a game rebuilt from its configuration and its whole log. */
export function replay(config: GameConfig, log: readonly unknown[]): GameState {
  return replayFrom(createGame(config), log);
}

/** The state of a game at `version`: its first `version` logged actions replayed (a replay's scrub). */
export function replayTo(config: GameConfig, log: readonly unknown[], version: number): GameState {
  if (version < 0 || version > log.length) throw new RangeError(`version ${version} is outside 0–${log.length}`);
  return replay(config, log.slice(0, version));
}
