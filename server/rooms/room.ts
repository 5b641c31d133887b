// One live game on the server: its state, the durable log behind it, and who is connected. `apply` is
// synchronous, so actions of a room never interleave; each accepted action is committed before it is acked.
import type { ErrorCode } from '../../shared/protocol/errors.js';
import type { Action } from '../../shared/sim/actions.js';
import type { Presence } from '../../shared/sim/project.js';
import { runningClockPart, timerDueAt } from '../../shared/sim/flow.js';
import { reduce, type GameEvent } from '../../shared/sim/reducer.js';
import type { GameConfig, GameState, Player } from '../../shared/sim/state.js';
import { lookalikeKeys } from '../names.js';
import { StoreError, type GameStore, type HostKey } from '../store/store.js';
import { sameHash } from '../tokens.js';

/** A part's simulated clock moves once a real second (a logged action each time). */
export const SIM_TICK_MS = 1000;
/** One tick never moves the clock more than this, however long the server was busy or stopped. */
const MAX_TICK_HOURS = 24;

/** A snapshot every this many actions keeps a restart's replay short. */
export const SNAPSHOT_EVERY = 250;

export type ApplyResult =
  | { ok: true; events: GameEvent[]; duplicate: boolean }
  | { ok: false; code: ErrorCode };

export type RoomListener = (room: Room, events: GameEvent[]) => void;

/** Told of every accepted action with the state before it (the room's state is the one after): the debrief
 *  follows the game this way instead of simulating it a second time. */
export type AppliedListener = (room: Room, before: GameState, action: Action) => void;

/** The server's clock in ms since the epoch: stamped on flow actions, the only way time enters a game. */
export type Clock = () => number;


export class Room {
  readonly config: GameConfig;
  readonly hostTokenHash: string;
  /** The recovery and co-host links and the sessions made from them, as hashes. */
  readonly #hostKeys: HostKey[];
  #state: GameState;
  readonly #store: GameStore;
  readonly #idemKeys: Set<string>;
  readonly #playerByToken = new Map<string, string>();
  /**
   * The look-alike keys of every nickname in the game, kicked players' too (names.ts), built on the first join
   * that needs them: for 1,200 players they take up to 25 ms, which a finished game loaded from the store (it
   * takes no joins) would otherwise spend in one block.
   */
  #nicknameKeys: Set<string> | null = null;
  /** Open connections per player id (a player may have two tabs). */
  readonly #online = new Map<string, number>();
  #screens = 0;
  /** Host consoles open (not part of any view; an open console keeps a lobby alive). */
  #hosts = 0;
  /** Counts changes of presence: views of one version differ by it (the snapshot cache keys on both). */
  #presenceRevision = 0;
  /** The server time of the last accepted action or connection change. */
  #lastActivity: number;
  #listener: RoomListener = () => {};
  #applied: AppliedListener = () => {};
  readonly #clock: Clock;
  /** When the simulated clock last moved (server ms), or null while it stands still. */
  #lastSimTick: number | null = null;

  constructor(
    store: GameStore,
    clock: Clock,
    config: GameConfig,
    hostTokenHash: string,
    state: GameState,
    idemKeys: string[],
    hostKeys: HostKey[] = [],
  ) {
    this.#store = store;
    this.#clock = clock;
    this.config = config;
    this.hostTokenHash = hostTokenHash;
    this.#hostKeys = [...hostKeys];
    this.#state = state;
    this.#idemKeys = new Set(idemKeys);
    for (const player of state.players) {
      this.#playerByToken.set(player.tokenHash, player.id);
    }
    this.#lastActivity = clock();
  }

  /**
   * The console a token opens, or null: the host token and host sessions open the host's console, co-host
   * sessions a co-host's. A link's secret is not a connection token: it is exchanged for a session first.
   */
  consoleOf(tokenHash: string): 'host' | 'cohost' | null {
    if (sameHash(tokenHash, this.hostTokenHash)) return 'host';
    const key = this.#hostKeys.find((k) => k.kind === 'session' && sameHash(tokenHash, k.hash));
    return key?.role ?? null;
  }

  /** The link a secret belongs to (recovery or co-host), or null. */
  linkOf(secretHash: string): HostKey | null {
    return this.#hostKeys.find((k) => k.kind !== 'session' && sameHash(secretHash, k.hash)) ?? null;
  }

  /** Records a host key durably, then in memory (a store failure throws and changes nothing). */
  addHostKey(key: HostKey): void {
    this.#store.addHostKey(this.code, key, new Date(this.#clock()).toISOString());
    this.#hostKeys.push(key);
  }

  /** Replaces the co-host link by a new one, durably, then in memory: the old link's secret opens nothing. */
  replaceCohostLink(hash: string): void {
    const key: HostKey = { hash, role: 'cohost', kind: 'cohost-link' };
    this.#store.replaceCohostLink(this.code, key, new Date(this.#clock()).toISOString());
    const old = this.#hostKeys.findIndex((k) => k.kind === 'cohost-link');
    if (old >= 0) this.#hostKeys.splice(old, 1);
    this.#hostKeys.push(key);
  }

  /** The server's clock, for actions that carry the time they were accepted. */
  now(): number {
    return this.#clock();
  }

  get code(): string {
    return this.config.code;
  }

  get state(): GameState {
    return this.#state;
  }

  /** The game's whole log as stored (committed actions only), for the debrief's timeline and its replay. */
  log(): unknown[] {
    return this.#store.loadLog(this.code).map((entry) => entry.action);
  }

  /** The game reached its debrief, where it ends: its row is marked finished and it no longer holds a slot. */
  get finished(): boolean {
    return this.#state.phase === 'debrief';
  }

  /** Called after every accepted action and every change of presence. */
  listen(listener: RoomListener): void {
    this.#listener = listener;
  }

  /** Called after every accepted action, before the views go out. */
  whenApplied(listener: AppliedListener): void {
    this.#applied = listener;
  }

  /**
   * Reduces, logs and commits one action. A duplicate idempotency key is accepted without effect; a failed
   * write leaves the state as it was and throws, so nothing unlogged is ever acknowledged.
   */
  apply(action: Action, idem: string | null = null): ApplyResult {
    if (idem !== null && this.#idemKeys.has(idem)) return { ok: true, events: [], duplicate: true };
    const result = reduce(this.#state, action);
    if (!result.ok) return result;
    const wasFinished = this.finished;
    const before = this.#state;
    try {
      this.#store.appendAction(this.code, result.state.version, action, idem, this.#clock());
    } catch (error) {
      throw error instanceof StoreError ? error : new StoreError(error);
    }
    this.#state = result.state;
    this.#lastActivity = this.#clock();
    if (idem !== null) this.#idemKeys.add(idem);
    for (const event of result.events) {
      if (event.type === 'player-joined' && action.type === 'player/join') {
        this.#playerByToken.set(action.tokenHash, event.playerId);
        // Until a join needs the index it is not built (a finished game takes no joins); built, it learns the name.
        if (this.#nicknameKeys) for (const key of lookalikeKeys(action.nickname)) this.#nicknameKeys.add(key);
      }
    }
    if (this.#state.version % SNAPSHOT_EVERY === 0) this.#saveSnapshot();
    if (!wasFinished && this.finished) this.#markFinished();
    this.#applied(this, before, action);
    this.#listener(this, result.events);
    return { ok: true, events: result.events, duplicate: false };
  }

  /**
   * Logs the expiry of the part timer when it is due by the server's clock. Called by the rooms' sweep; a
   * write the store refuses changes nothing and the next sweep tries again.
   */
  expireTimerIfDue(): void {
    const due = timerDueAt(this.#state);
    if (due === null || due > this.#clock()) return;
    try {
      this.apply({ type: 'timer/expire', by: { role: 'system' }, at: this.#clock() });
    } catch {
      // Tried again at the next sweep.
    }
  }

  /**
   * Moves the running part's simulated clock by the real time since it last moved × the part's pace × the host's speed, at most
   * once per SIM_TICK_MS. The core says whether a clock runs (a part with a clock, in play, not paused).
   */
  advanceSimulation(): void {
    const state = this.#state;
    const now = this.#clock();
    const part = runningClockPart(state);
    if (!part) {
      this.#lastSimTick = null;
      return;
    }
    if (this.#lastSimTick === null) {
      this.#lastSimTick = now;
      return;
    }
    const elapsed = now - this.#lastSimTick;
    if (elapsed < SIM_TICK_MS) return;
    this.#lastSimTick = now;
    const hours = Math.min(MAX_TICK_HOURS, (part.clock!.pace * state.settings.simSpeed * elapsed) / 1000);
    try {
      this.apply({ type: 'sim/tick', by: { role: 'system' }, hours });
    } catch {
      // The store refused the write: the clock did not move; the next sweep tries again.
    }
  }

  /** A snapshot only shortens the next replay: the action is committed already, so a failure here is not one. */
  #saveSnapshot(): void {
    try {
      this.#store.saveSnapshot(this.code, this.#state.version, this.#state);
    } catch {
      // The next snapshot, or a full replay of the log, covers for it.
    }
  }

  /**
   * Marks the row finished so that a restart leaves the game out. The action that ended the game is committed
   * already, so a failure here is not one: a restart that replays the game to its debrief marks it then.
   */
  #markFinished(): void {
    try {
      this.#store.markFinished(this.code, new Date(this.#clock()).toISOString());
    } catch {
      // Rooms.restore finishes it.
    }
  }

  /** True when a nickname looks like one in the game already ("Аlice" with a Cyrillic А beside "Alice"). */
  nicknameLooksTaken(nickname: string): boolean {
    this.#nicknameKeys ??= new Set(this.#state.players.flatMap((player) => lookalikeKeys(player.nickname)));
    const keys = this.#nicknameKeys;
    return lookalikeKeys(nickname).some((key) => keys.has(key));
  }

  /** The player holding a seat token (by its hash), kicked or not. */
  playerByTokenHash(tokenHash: string): Player | undefined {
    const id = this.#playerByToken.get(tokenHash);
    return id === undefined ? undefined : this.#state.players.find((p) => p.id === id);
  }

  get presenceRevision(): number {
    return this.#presenceRevision;
  }

  /** True when nobody is connected and nothing happened for `idleMs` (server time): an abandoned lobby. */
  idleSince(now: number, idleMs: number): boolean {
    const connected = this.#online.size > 0 || this.#screens > 0 || this.#hosts > 0;
    return !connected && now - this.#lastActivity >= idleMs;
  }

  /**
   * Who is connected, built once per presence revision: every projection of a flush asks (41 times in a
   * 40-team room), and a set of a thousand players each time showed in the profile.
   */
  presence(): Presence {
    if (this.#presenceCache?.revision !== this.#presenceRevision) {
      this.#presenceCache = { revision: this.#presenceRevision, presence: { online: new Set(this.#online.keys()), screens: this.#screens } };
    }
    return this.#presenceCache.presence;
  }

  #presenceCache: { revision: number; presence: Presence } | null = null;

  /** Counts a connection of a player (+1) or its end (−1). */
  playerConnection(playerId: string, delta: 1 | -1): void {
    const count = (this.#online.get(playerId) ?? 0) + delta;
    if (count > 0) this.#online.set(playerId, count);
    else this.#online.delete(playerId);
    this.#presenceChanged();
  }

  /** Counts a screen or spectator connection (+1) or its end (−1). */
  screenConnection(delta: 1 | -1): void {
    this.#screens = Math.max(0, this.#screens + delta);
    this.#presenceChanged();
  }

  /** Counts a host console connection (+1) or its end (−1); the host's view does not show it. */
  hostConnection(delta: 1 | -1): void {
    this.#hosts = Math.max(0, this.#hosts + delta);
    this.#lastActivity = this.#clock();
  }

  #presenceChanged(): void {
    this.#presenceRevision += 1;
    this.#lastActivity = this.#clock();
    this.#listener(this, []);
  }
}
