// A replay's position in a game's log: the state at any version, reached from the furthest state it knows at or
// before it (where it stands, or a kept one). States are kept every `every` versions as the cursor passes them,
// so a scrub backwards replays fewer than `every` actions, and so does a scrub forwards over ground covered
// before (a replay closed and opened again starts at 0 but keeps what it passed). Pure but for its own memory;
// the server runs it.
import { finish, replaySteps } from '../replay.js';
import { createGame } from '../reducer.js';
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

  /** Moves to `version` (0 to last) at once. */
  seek(version: number): GameState {
    return finish(this.seekSteps(() => version));
  }

  /**
   * Moves to the version `target()` names, in steps (`replaySteps`: a seek across a big game replays a second of
   * it, and the server serves everyone else in between). The target is read again after each stretch of the
   * log between two kept states: a newer target (a host still dragging the slider) takes over from wherever the
   * cursor stands, and what was replayed towards the older one is kept, not thrown away. The cursor always
   * stands on an exact state of the log, so work left unfinished leaves it usable.
   */
  *seekSteps(target: () => number): Generator<void, GameState, void> {
    for (;;) {
      const version = target();
      if (!Number.isInteger(version) || version < 0 || version > this.last) {
        throw new RangeError(`version ${version} is outside 0–${this.last}`);
      }
      if (version === this.#state.version) return this.#state;
      const from = this.#start(version);
      // Up to the next kept state at most, so it is kept and the target is read again there.
      const until = Math.min(version, (Math.floor(from.version / this.#every) + 1) * this.#every);
      const state = yield* replaySteps(from, this.#log.slice(from.version, until));
      if (state.version % this.#every === 0) this.#kept.set(state.version, state);
      this.#state = state;
    }
  }

  /** The furthest state known at or before `version`: where the cursor stands, or the kept state before it. */
  #start(version: number): GameState {
    const current = this.#state.version <= version ? this.#state : null;
    // Every multiple of `every` up to the furthest version reached was kept on the way there.
    for (let at = Math.floor(version / this.#every) * this.#every; at > (current?.version ?? -1); at -= this.#every) {
      const kept = this.#kept.get(at);
      if (kept) return kept;
    }
    return current ?? this.#kept.get(0)!;
  }
}
