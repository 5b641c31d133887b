// All live games of this process: created here, rebuilt here from the store on start.
import { TEAM_COUNT_DEFAULT } from '../../shared/protocol/limits.js';
import { createGame } from '../../shared/sim/reducer.js';
import { finish, replaySteps } from '../../shared/sim/replay.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';
import type { GameStore, StoredGame } from '../store/store.js';
import { inSlices, SLICE_MS } from '../replay/slices.js';
import { hashToken, newGameCode, newSeed, newToken } from '../tokens.js';
import { MIGRATIONS, upgradeLog, type LogMigration } from './migrations.js';
import { Room, type AppliedListener, type Clock, type RoomListener } from './room.js';

/** How often part timers are checked: a timer ends at most this late. */
export const TIMER_SWEEP_MS = 250;

/** A lobby nobody is connected to and nothing happened in for this long is closed: its game slot is freed. */
export const LOBBY_IDLE_MS_DEFAULT = 2 * 60 * 60 * 1000;

/**
 * A finished game nobody is connected to and nothing happened in for this long is dropped from memory: its
 * rows stay, and it is loaded again from the store the next time its host or a projector connects.
 */
export const FINISHED_IDLE_MS_DEFAULT = 10 * 60 * 1000;

export interface RoomsOptions {
  /** See LOBBY_IDLE_MS_DEFAULT. */
  lobbyIdleMs?: number;
  /** See FINISHED_IDLE_MS_DEFAULT. */
  finishedIdleMs?: number;
  /** Told of a finished game that could not be loaded on demand, and why (the server logs it). */
  onUnreadable?: (code: string, reason: string) => void;
  /** Told of a room dropped from memory (closed, deleted, or finished and idle): its replay must stop. */
  onDropped?: (room: Room) => void;
  /** Told of every action every room accepts (the debrief's timeline follows the games this way). */
  onApplied?: AppliedListener;
  /** Told of a finished game loaded from the store, and how long it took (the server logs it). */
  onLoaded?: (code: string, ms: number) => void;
  /** How long one slice of a finished game's load may hold the event loop (server/replay/slices.ts). */
  sliceMs?: number;
}

export interface NewGameOptions {
  teamCount?: number;
  askStudentId?: boolean;
}

/** A stored game left out of the live rooms on restore, and why (for the log now, for its host later). */
export interface RefusedGame {
  code: string;
  reason: string;
}

export interface RestoreResult {
  /** Live rooms after the restore. */
  restored: number;
  refused: RefusedGame[];
}

/**
 * A game found by its code: in memory, or a finished one loaded from the store. `game/ended` is a finished game
 * that did not reach its debrief (a lobby closed after it stood idle): it has nothing to show and must not run
 * again. `game/unreadable` is a stored game this server could not replay (`reason` says why, for the log).
 */
export type FoundRoom =
  | { ok: true; room: Room; loaded: boolean }
  | { ok: false; code: 'game/unknown' | 'game/ended' }
  | { ok: false; code: 'game/unreadable'; reason: string };

/** A game a guest may join, or why not (Rooms.forGuest). */
export type GuestRoom = { ok: true; room: Room } | { ok: false; code: 'game/unknown' | 'game/ended' };

/** The rules this server plays and the migrations it knows; tests may pass others. */
export interface Rules {
  version: number;
  migrations: Readonly<Record<number, LogMigration>>;
}

const CURRENT_RULES: Rules = { version: RULES_VERSION, migrations: MIGRATIONS };

type Rebuilt = { ok: true; state: GameState; idemKeys: string[] } | { ok: false; reason: string };

/** A new game and its secrets, each returned once: the host token, the recovery link's and the co-host link's. */
export interface CreatedGame {
  room: Room;
  hostToken: string;
  recoveryToken: string;
  cohostToken: string;
}

/** A finished game being loaded from the store: everyone who asks for it meanwhile waits for this one load. */
interface Load {
  found: Promise<FoundRoom>;
  /** Deleted while it loaded (the host's delete, retention): its rows are gone, so it must not come back. */
  deleted: boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class Rooms {
  readonly #store: GameStore;
  readonly #rooms = new Map<string, Room>();
  readonly #listener: RoomListener;
  readonly #maxRooms: number;
  readonly #clock: Clock;
  readonly #rules: Rules;
  readonly #refused: RefusedGame[] = [];
  readonly #lobbyIdleMs: number;
  readonly #finishedIdleMs: number;
  readonly #onApplied: AppliedListener | undefined;
  readonly #onUnreadable: (code: string, reason: string) => void;
  readonly #onDropped: (room: Room) => void;
  readonly #onLoaded: (code: string, ms: number) => void;
  readonly #sliceMs: number;
  /** Finished games being loaded now, by code. */
  readonly #loading = new Map<string, Load>();
  /** One sweep for every room's part timer and simulated clock: robust to many rooms and to the clock jumping. */
  readonly #sweep: ReturnType<typeof setInterval>;

  constructor(
    store: GameStore,
    listener: RoomListener,
    maxRooms: number,
    clock: Clock = Date.now,
    rules: Rules = CURRENT_RULES,
    options: RoomsOptions = {},
  ) {
    this.#store = store;
    this.#clock = clock;
    this.#rules = rules;
    this.#lobbyIdleMs = options.lobbyIdleMs ?? LOBBY_IDLE_MS_DEFAULT;
    this.#finishedIdleMs = options.finishedIdleMs ?? FINISHED_IDLE_MS_DEFAULT;
    this.#onApplied = options.onApplied;
    this.#onUnreadable = options.onUnreadable ?? (() => {});
    this.#onDropped = options.onDropped ?? (() => {});
    this.#onLoaded = options.onLoaded ?? (() => {});
    this.#sliceMs = options.sliceMs ?? SLICE_MS;
    this.#sweep = setInterval(() => {
      const now = this.#clock();
      for (const room of this.#rooms.values()) {
        if (room.state.phase === 'lobby' && room.idleSince(now, this.#lobbyIdleMs)) {
          this.#closeIdleLobby(room, now);
          continue;
        }
        if (room.finished) {
          // A finished game has no timer and no clock; kept only while someone looks at it.
          if (room.idleSince(now, this.#finishedIdleMs)) this.#drop(room);
          continue;
        }
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

  /** Every live room (e.g. to hold part timers through a restart). */
  all(): Room[] {
    return [...this.#rooms.values()];
  }

  get(code: string): Room | undefined {
    return this.#rooms.get(code);
  }

  /**
   * The game of a code: the live room, or else a finished game read again from the store (its debrief, exports,
   * replay and "what if" after a restart, or after it was dropped from memory). Its log is replayed by the pure
   * core as a restore does, but in slices (server/replay/slices.ts): a forty-team game takes up to a second, and
   * every other game on this server keeps its answers meanwhile. Everyone asking for the game while it loads
   * (its host's consoles and projector connecting at once after a restart) waits for the one load. A finished
   * room has no timer and no simulated clock, so nothing ticks. It counts against the cap like any finished
   * room: the oldest finished one makes way for it.
   */
  find(code: string): Promise<FoundRoom> {
    const live = this.#rooms.get(code);
    if (live) return Promise.resolve({ ok: true, room: live, loaded: false });
    const loading = this.#loading.get(code);
    if (loading) return loading.found;
    const load: Load = { found: Promise.resolve({ ok: false, code: 'game/unknown' }), deleted: false };
    load.found = this.#load(code, load).finally(() => this.#loading.delete(code));
    this.#loading.set(code, load);
    return load.found;
  }

  async #load(code: string, load: Load): Promise<FoundRoom> {
    const started = performance.now();
    let stored: StoredGame | null;
    try {
      stored = this.#store.loadFinished(code);
    } catch (error) {
      return this.#unreadable(code, `game ${code} could not be read: ${messageOf(error)}`);
    }
    if (!stored) return { ok: false, code: 'game/unknown' };
    const rebuilt = await inSlices(this.#rebuildSteps(stored), this.#sliceMs);
    if (load.deleted) return { ok: false, code: 'game/unknown' };
    if (!rebuilt.ok) return this.#unreadable(code, rebuilt.reason);
    // Only a game that reached its debrief has one to show; a closed lobby must not open again.
    if (rebuilt.state.phase !== 'debrief') return { ok: false, code: 'game/ended' };
    if (this.#rooms.size >= this.#maxRooms) this.#evictOldestFinished();
    const room = new Room(this.#store, this.#clock, stored.config, stored.hostTokenHash, rebuilt.state, rebuilt.idemKeys, stored.hostKeys);
    this.#add(room);
    this.#onLoaded(code, performance.now() - started);
    return { ok: true, room, loaded: true };
  }

  /**
   * The game a guest may join or peek at: a live room still being played. A finished game is `game/ended`
   * whether it is in memory (at its debrief) or only in the store (after a restart, or a lobby closed while
   * idle): a guest would only be told so, so the store is asked whether it holds a finished game of that code
   * and the game itself is not loaded. A code the store never held, or whose game retention deleted, is
   * `game/unknown`.
   */
  forGuest(code: string): GuestRoom {
    const live = this.#rooms.get(code);
    if (live) return live.finished ? { ok: false, code: 'game/ended' } : { ok: true, room: live };
    return { ok: false, code: this.#store.isFinished(code) ? 'game/ended' : 'game/unknown' };
  }

  #unreadable(code: string, reason: string): FoundRoom {
    this.#onUnreadable(code, reason);
    return { ok: false, code: 'game/unreadable', reason };
  }

  /** The stored games the last restore left out, and why. */
  get refused(): readonly RefusedGame[] {
    return this.#refused;
  }

  /**
   * Rebuilds every unfinished game from its latest snapshot and the log after it. A game of other rules is
   * migrated if it can be and refused if not; a refused game stays in the store and out of the live rooms,
   * and the others start all the same.
   */
  restore(): RestoreResult {
    this.#refused.length = 0;
    for (const stored of this.#store.loadUnfinished()) {
      const rebuilt = finish(this.#rebuildSteps(stored));
      if (!rebuilt.ok) {
        this.#refused.push({ code: stored.config.code, reason: rebuilt.reason });
        continue;
      }
      if (rebuilt.state.phase === 'debrief') {
        // It reached the debrief but the process stopped before the row was marked: finish it now.
        this.#store.markFinished(stored.config.code, new Date(this.#clock()).toISOString());
        continue;
      }
      this.#add(
        new Room(this.#store, this.#clock, stored.config, stored.hostTokenHash, rebuilt.state, rebuilt.idemKeys, stored.hostKeys),
      );
    }
    return { restored: this.#rooms.size, refused: [...this.#refused] };
  }

  /** The state of a stored game under this server's rules, or why it cannot have one, in steps (`replaySteps`). */
  *#rebuildSteps(stored: StoredGame): Generator<void, Rebuilt, void> {
    const code = stored.config.code;
    try {
      if (stored.rulesVersion === this.#rules.version) {
        const start = (stored.snapshot?.state as GameState | undefined) ?? createGame(stored.config);
        const state = yield* replaySteps(start, stored.actions.map((entry) => entry.action));
        return { ok: true, state, idemKeys: stored.idemKeys };
      }
      const upgrade = upgradeLog(
        code,
        stored.config,
        this.#store.loadLog(code),
        stored.rulesVersion,
        this.#rules.version,
        this.#rules.migrations,
      );
      if (!upgrade.ok) return upgrade;
      // The old snapshots hold the old rules' state: replay the migrated log from the start, then keep it
      // in place of the old one so that the actions logged from now on follow a log of the same rules.
      const start = createGame(stored.config);
      const state = yield* replaySteps(start, upgrade.log.map((entry) => entry.action));
      const log = upgrade.log.map((entry, index) => ({ ...entry, seq: start.version + index + 1 }));
      this.#store.replaceLog(code, this.#rules.version, log);
      const idemKeys = log.flatMap((entry) => (entry.idem === null ? [] : [entry.idem]));
      return { ok: true, state, idemKeys };
    } catch (error) {
      return { ok: false, reason: `game ${code} could not be replayed: ${messageOf(error)}` };
    }
  }

  /**
   * A new game in the lobby and its host token (returned once, stored only as a hash); null when full. Only
   * unfinished games count against the cap; finished ones stay for their debrief until memory needs them gone.
   */
  create(options: NewGameOptions, now: Date): CreatedGame | null {
    let live = 0;
    for (const room of this.#rooms.values()) if (!room.finished) live++;
    if (live >= this.#maxRooms) return null;
    if (this.#rooms.size >= this.#maxRooms) this.#evictOldestFinished();
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
      if (!this.#store.createGame(config, hostTokenHash, now.toISOString(), this.#rules.version)) continue;
      const room = new Room(this.#store, this.#clock, config, hostTokenHash, createGame(config), []);
      // The links' secrets are returned once, here; the store keeps their hashes.
      const recoveryToken = newToken();
      const cohostToken = newToken();
      room.addHostKey({ hash: hashToken(recoveryToken), role: 'host', kind: 'recovery' });
      room.addHostKey({ hash: hashToken(cohostToken), role: 'cohost', kind: 'cohost-link' });
      this.#add(room);
      return { room, hostToken, recoveryToken, cohostToken };
    }
  }

  /**
   * Deletes a game from the store and from memory (the host's delete, or retention). Removed from memory
   * first: no action of it can be logged after its rows are gone. False when the store held no such game.
   */
  delete(code: string): boolean {
    const loading = this.#loading.get(code);
    if (loading) loading.deleted = true;
    const room = this.#rooms.get(code);
    if (room) this.#drop(room);
    return this.#store.deleteGame(code);
  }

  /** Stops the timer sweep (on shutdown). */
  stop(): void {
    clearInterval(this.#sweep);
  }

  /**
   * Closes an abandoned lobby: marked finished in the store (a restart leaves it out; its rows stay) and dropped
   * from memory, so it no longer holds one of the server's game slots. Nobody is connected to it.
   */
  #closeIdleLobby(room: Room, now: number): void {
    try {
      this.#store.markFinished(room.code, new Date(now).toISOString());
    } catch {
      // Still dropped from memory; a restart would bring it back, idle again, and close it then.
    }
    this.#drop(room);
  }

  /** Drops the finished room created first from memory (its rows stay in the store). */
  #evictOldestFinished(): void {
    for (const room of this.#rooms.values()) {
      if (room.finished) {
        this.#drop(room);
        return;
      }
    }
  }

  /** Forgets a room: a later visit of its game gets a new one, so what was attached to this one must stop. */
  #drop(room: Room): void {
    this.#rooms.delete(room.code);
    this.#onDropped(room);
  }

  #add(room: Room): void {
    room.listen(this.#listener);
    if (this.#onApplied) room.whenApplied(this.#onApplied);
    this.#rooms.set(room.code, room);
  }
}
