// What the server needs from durable storage. SQLite (sqlite.ts) is the one implementation; the interface
// keeps the rooms independent of it and names exactly what "durable" means here.
import type { Action } from '../../shared/sim/actions.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';

export interface StoredAction {
  seq: number;
  action: unknown;
  idem: string | null;
  /** The server's clock when the action was committed (ms since the epoch); null for actions logged before
   *  the store recorded it. */
  at?: number | null;
}

/**
 * A key to a game's host console besides the host token, kept only as its SHA-256: the recovery link and the
 * co-host link made at creation, and the sessions either was exchanged for (server/realtime/handlers/host-keys.ts).
 */
export interface HostKey {
  hash: string;
  /** The console it opens: the host's own, or a co-host's (the same controls, not the settings). */
  role: 'host' | 'cohost';
  /** A link's secret (exchanged for a session, never a connection's token) or a session's token. */
  kind: 'recovery' | 'cohost-link' | 'session';
}

export interface StoredGame {
  config: GameConfig;
  /** The rules version (shared/sim/rules-version.ts) the game was created under; 1 for games stored before. */
  rulesVersion: number;
  hostTokenHash: string;
  /** The game's other host keys (recovery, co-host, sessions). */
  hostKeys: HostKey[];
  createdAt: string;
  /** The latest snapshot, if any: the state after action `seq`. */
  snapshot: { seq: number; state: unknown } | null;
  /** Actions after the snapshot (or all of them), in order. */
  actions: StoredAction[];
  /** Every idempotency key the game has seen, snapshot or not. */
  idemKeys: string[];
}

/** A stored game's row, finished or not, without its log: what exports and the past-games list read. */
export interface GameRecord {
  config: GameConfig;
  rulesVersion: number;
  hostTokenHash: string;
  hostKeys: HostKey[];
  createdAt: string;
  /** When it reached its debrief (or its idle lobby was closed); null while it runs. */
  finishedAt: string | null;
}

export interface GameStore {
  /** Records a new game played under rules `rulesVersion`; false when the code is taken. */
  createGame(config: GameConfig, hostTokenHash: string, createdAt: string, rulesVersion: number): boolean;
  /** Records a host key of game `code` durably (committed before it returns). */
  addHostKey(code: string, key: HostKey, createdAt: string): void;
  /** Replaces game `code`'s co-host link by `key` in one transaction: the old link's hash is gone. */
  replaceCohostLink(code: string, key: HostKey, createdAt: string): void;
  /**
   * Appends an action durably (committed before it returns). `seq` is the game version after the action, `at`
   * the server's clock when it was accepted (for the exports' real time).
   */
  appendAction(code: string, seq: number, action: Action, idem: string | null, at?: number | null): void;
  /** Saves the state after action `seq`, so that a restart replays only what came later. */
  saveSnapshot(code: string, seq: number, state: GameState): void;
  /** Marks a game finished: its rows stay, but it is no longer restored as a live game. */
  markFinished(code: string, finishedAt: string): void;
  /** Every game not marked finished, ready to replay. */
  loadUnfinished(): StoredGame[];
  /** One finished game ready to replay (its debrief read again after a restart), or null when the store holds
   *  no finished game of that code. */
  loadFinished(code: string): StoredGame | null;
  /** Whether the store holds a finished game of that code: one indexed row, its log left unread (what a guest
   *  who opens a finished game's join link is told, without loading the game for it). */
  isFinished(code: string): boolean;
  /**
   * Replaces a game's whole log with one migrated to rules `rulesVersion`, and drops its snapshots (they hold
   * the state of the old rules), in one transaction.
   */
  replaceLog(code: string, rulesVersion: number, actions: StoredAction[]): void;
  /** The whole log of one game, for exports and replay checks. */
  loadLog(code: string): StoredAction[];
  /** One game's row, finished or not, or null when the store does not hold it. */
  loadGame(code: string): GameRecord | null;
  /** Removes a game and everything stored of it, in one transaction; false when there was none. */
  deleteGame(code: string): boolean;
  /** The codes of the games finished before `cutoff` (an ISO time), oldest first: what retention removes. */
  finishedBefore(cutoff: string): string[];
  close(): void;
}

/** A write that did not reach the store: the action it carried was not applied and must not be acked. */
export class StoreError extends Error {
  constructor(cause: unknown) {
    super(`store write failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreError';
  }
}
