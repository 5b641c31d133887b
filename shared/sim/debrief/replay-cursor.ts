// A replay's position in a game's log: the state at any version, reached forward from where it stands or from
// the nearest kept state before it. States are kept every `every` versions as the cursor passes them, so a
// scrub backwards replays fewer than `every` actions. Pure but for its own memory; the server runs it.
import { ActionSchema } from '../actions.js';
import { createGame, reduce } from '../reducer.js';
import type { GameConfig, GameState } from '../state.js';

export class ReplayCursor {
  readonly #log: readonly unknown[];
  readonly #every: number;
  readonly #kept = new Map<number, GameState>();
  #state: GameState;

  constructor(config: GameConfig, log: readonly unknown[], every = 100) {
    this.#log = log;
    this.#every = every;
    this.#state = createGame(config);
    this.#kept.set(0, this.#state);
  }

  get state(): GameState {
    return this.#state;
  }

  /** The log's last version. */
  get last(): number {
    return this.#log.length;
  }

  /** Moves to `version` (0 to last). */
  seek(version: number): GameState {
    if (version < 0 || version > this.last) throw new RangeError(`version ${version} is outside 0–${this.last}`);
    let state = this.#state;
    if (version < state.version) {
      // Every multiple of `every` up to the furthest version reached was kept on the way there.
      state = this.#kept.get(Math.floor(version / this.#every) * this.#every)!;
    }
    while (state.version < version) {
      const result = reduce(state, ActionSchema.parse(this.#log[state.version]));
      if (!result.ok) throw new Error(`log entry ${state.version + 1} was refused on replay: ${result.code}`);
      state = result.state;
      if (state.version % this.#every === 0) this.#kept.set(state.version, state);
    }
    this.#state = state;
    return state;
  }
}
