// Rebuilding a game from its configuration and its log: the same config and actions always give the same state.
import { ActionSchema, type Action } from './actions.js';
import { createGame, reduce } from './reducer.js';
import type { GameConfig, GameState } from './state.js';

/** How many logged actions a stepwise replay applies between two pauses (a Part 2 tick costs up to a millisecond). */
export const REPLAY_STEP_ACTIONS = 8;

/**
 * The state after applying a log to a state, in steps: it pauses (yields) every `every` actions so that the
 * server can serve everyone else between them while it replays a whole game (a debrief's "what if", a replay's
 * seek: `ReplayCursor.seekSteps`; the server runs them with `inSlices`). A logged action that is refused means the
 * log is corrupt. `parsed` collects the actions as parsed on the way (a branch's log starts with them); `applied`
 * is told of each action with the state it gave (the debrief's timeline notes what each step did: `walkSteps`).
 * `finish` runs it to the end at once.
 */
export function* replaySteps(
  state: GameState,
  log: readonly unknown[],
  {
    every = REPLAY_STEP_ACTIONS,
    parsed,
    applied,
  }: { every?: number; parsed?: Action[]; applied?: (action: Action, after: GameState) => void } = {},
): Generator<void, GameState, void> {
  let current = state;
  for (const [index, raw] of log.entries()) {
    const action: Action = ActionSchema.parse(raw);
    parsed?.push(action);
    const result = reduce(current, action);
    if (!result.ok) {
      // Numbered in the whole game's log (a state's version counts the actions behind it), wherever this part starts.
      throw new Error(`log entry ${current.version} (${action.type}) was refused on replay: ${result.code}`);
    }
    current = result.state;
    applied?.(action, current);
    if ((index + 1) % every === 0) yield;
  }
  return current;
}

/** Runs stepwise work to its end without pausing. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The state after applying a log to a state; a logged action that is refused means the log is corrupt. */
export function replayFrom(state: GameState, log: readonly unknown[]): GameState {
  return finish(replaySteps(state, log));
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
