// All live games of this process: created here, rebuilt here from the store on start.
import { TEAM_COUNT_DEFAULT } from '../../shared/protocol/limits.js';
import { createGame } from '../../shared/sim/reducer.js';
import { replayFrom } from '../../shared/sim/replay.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';
import type { GameStore } from '../store/store.js';
import { hashToken, newGameCode, newSeed, newToken } from '../tokens.js';
import { Room, type Clock, type RoomListener } from './room.js';

/** How often part timers are checked: a timer ends at most this late. */
export const TIMER_SWEEP_MS = 250;

export interface NewGameOptions {
  teamCount?: number;
  askStudentId?: boolean;
}

export class Rooms {
  readonly #store: GameStore;
  readonly #rooms = new Map<string, Room>();
  readonly #listener: RoomListener;
  readonly #maxRooms: number;
  readonly #clock: Clock;
  /** One sweep for every room's part timer and simulated clock: robust to many rooms and to the clock jumping. */
  readonly #sweep: ReturnType<typeof setInterval>;

  constructor(store: GameStore, listener: RoomListener, maxRooms: number, clock: Clock = Date.now) {
    this.#store = store;
    this.#clock = clock;
    this.#sweep = setInterval(() => {
      for (const room of this.#rooms.values()) {
        room.expireTimerIfDue();
        room.advanceSimulation();
      }
    }, TIMER_SWEEP_MS);
    this.#sweep.unref();
    this.#listener = listener;
    this.#maxRooms = maxRooms;
  }

  get size(): number {
    return this.#rooms.size;
  }

  get(code: string): Room | undefined {
    return this.#rooms.get(code);
  }

  /** Rebuilds every unfinished game from its latest snapshot and the log after it; returns how many. */
  restore(): number {
    for (const stored of this.#store.loadUnfinished()) {
      const start = (stored.snapshot?.state as GameState | undefined) ?? createGame(stored.config);
      const state = replayFrom(start, stored.actions.map((entry) => entry.action));
      this.#add(new Room(this.#store, this.#clock, stored.config, stored.hostTokenHash, state, stored.idemKeys));
    }
    return this.#rooms.size;
  }

  /** A new game in the lobby and its host token (returned once, stored only as a hash); null when full. */
  create(options: NewGameOptions, now: Date): { room: Room; hostToken: string } | null {
    if (this.#rooms.size >= this.#maxRooms) return null;
    const hostToken = newToken();
    for (;;) {
      const config: GameConfig = {
        code: newGameCode(),
        seed: newSeed(),
        teamCount: options.teamCount ?? TEAM_COUNT_DEFAULT,
        askStudentId: options.askStudentId ?? false,
      };
      if (this.#rooms.has(config.code)) continue;
      const hostTokenHash = hashToken(hostToken);
      if (!this.#store.createGame(config, hostTokenHash, now.toISOString(), RULES_VERSION)) continue;
      const room = new Room(this.#store, this.#clock, config, hostTokenHash, createGame(config), []);
      this.#add(room);
      return { room, hostToken };
    }
  }

  /** Stops the timer sweep (on shutdown). */
  stop(): void {
    clearInterval(this.#sweep);
  }

  #add(room: Room): void {
    room.listen(this.#listener);
    this.#rooms.set(room.code, room);
  }
}
