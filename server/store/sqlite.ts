// The embedded store: one SQLite file (better-sqlite3, WAL). Writes are synchronous and committed before the
// caller acknowledges anything, which is what lets a SIGKILLed server come back without losing an ack.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Action } from '../../shared/sim/actions.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';
import { StoreError, type GameRecord, type GameStore, type HostKey, type StoredAction, type StoredGame } from './store.js';

// The first schema, as every database has had it since the start; later changes are SCHEMA_CHANGES.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  code TEXT PRIMARY KEY,
  config TEXT NOT NULL,
  host_token_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE IF NOT EXISTS actions (
  code TEXT NOT NULL REFERENCES games(code),
  seq INTEGER NOT NULL,
  action TEXT NOT NULL,
  idem TEXT,
  PRIMARY KEY (code, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS actions_idem ON actions (code, idem) WHERE idem IS NOT NULL;
CREATE TABLE IF NOT EXISTS snapshots (
  code TEXT NOT NULL REFERENCES games(code),
  seq INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (code, seq)
);
`;

/**
 * Changes to the schema, in order; PRAGMA user_version counts how many a database has had. A new database
 * and an old one go through the same steps, so the old path is the one always exercised.
 */
const SCHEMA_CHANGES: readonly string[] = [
  // 1: the rules version each game is played under. Games stored before it were played under rules v1.
  'ALTER TABLE games ADD COLUMN rules_version INTEGER NOT NULL DEFAULT 1',
  // 2: the host's recovery and co-host links and the sessions made from them, as hashes (store.ts HostKey).
  `CREATE TABLE host_keys (
    code TEXT NOT NULL REFERENCES games(code),
    hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('host', 'cohost')),
    kind TEXT NOT NULL CHECK (kind IN ('recovery', 'cohost-link', 'session')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (code, hash)
  )`,
  // 3: the server's clock when each action was committed (ms since the epoch), for the exports' real time.
  // Actions logged before it have none (NULL).
  'ALTER TABLE actions ADD COLUMN at INTEGER',
];

/** Brings a database's schema up to date; refuses one written by a newer server rather than guess. */
function migrateSchema(db: Database.Database): void {
  db.exec(SCHEMA);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_CHANGES.length) {
    throw new Error(
      `the database has schema version ${current}, newer than this server's ${SCHEMA_CHANGES.length}: ` +
        'run a newer server or another DATA_DIR',
    );
  }
  for (const [index, change] of SCHEMA_CHANGES.entries()) {
    if (index < current) continue;
    db.transaction(() => {
      db.exec(change);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}

interface GameRow {
  code: string;
  config: string;
  host_token_hash: string;
  created_at: string;
  finished_at: string | null;
  rules_version: number;
}

/** The columns a replay needs of a game's row. */
type StoredRow = Omit<GameRow, 'finished_at'>;

export interface SqliteOptions {
  /** 'full' also survives power loss at the price of an fsync per action; 'normal' survives a killed process. */
  synchronous?: 'normal' | 'full';
  /**
   * A cap on the database's size in pages (SQLite's max_page_count): a write beyond it fails as on a full disk.
   * The server leaves it unset; tests use it to fill the database for real.
   */
  maxPageCount?: number;
}

/** Runs a write; any failure (SQLITE_FULL, an I/O error, a closed database) becomes a StoreError. */
function write<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof StoreError ? error : new StoreError(error);
  }
}

export class SqliteStore implements GameStore {
  readonly #db: Database.Database;
  readonly #insertGame: Database.Statement<[string, string, string, string, number]>;
  readonly #markFinished: Database.Statement<[string, string]>;
  readonly #insertAction: Database.Statement<[string, number, string, string | null, number | null]>;
  readonly #insertSnapshot: Database.Statement<[string, number, string]>;
  readonly #insertHostKey: Database.Statement<[string, string, string, string, string]>;
  readonly #isFinished: Database.Statement<[string]>;

  constructor(file: string, options: SqliteOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.#db.pragma('foreign_keys = ON');
    migrateSchema(this.#db);
    if (options.maxPageCount !== undefined) this.#db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
    this.#insertGame = this.#db.prepare(
      'INSERT OR IGNORE INTO games (code, config, host_token_hash, created_at, rules_version) VALUES (?, ?, ?, ?, ?)',
    );
    this.#markFinished = this.#db.prepare(
      'UPDATE games SET finished_at = ? WHERE code = ? AND finished_at IS NULL',
    );
    this.#insertAction = this.#db.prepare('INSERT INTO actions (code, seq, action, idem, at) VALUES (?, ?, ?, ?, ?)');
    this.#insertHostKey = this.#db.prepare(
      'INSERT OR IGNORE INTO host_keys (code, hash, role, kind, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#isFinished = this.#db.prepare('SELECT 1 FROM games WHERE code = ? AND finished_at IS NOT NULL');
    this.#insertSnapshot = this.#db.prepare(
      'INSERT OR REPLACE INTO snapshots (code, seq, state) VALUES (?, ?, ?)',
    );
  }

  createGame(config: GameConfig, hostTokenHash: string, createdAt: string, rulesVersion: number): boolean {
    const result = write(() =>
      this.#insertGame.run(config.code, JSON.stringify(config), hostTokenHash, createdAt, rulesVersion),
    );
    return result.changes === 1;
  }

  addHostKey(code: string, key: HostKey, createdAt: string): void {
    write(() => this.#insertHostKey.run(code, key.hash, key.role, key.kind, createdAt));
  }

  replaceCohostLink(code: string, key: HostKey, createdAt: string): void {
    const replace = this.#db.transaction(() => {
      this.#db.prepare("DELETE FROM host_keys WHERE code = ? AND kind = 'cohost-link'").run(code);
      this.#insertHostKey.run(code, key.hash, key.role, key.kind, createdAt);
    });
    write(() => replace());
  }

  markFinished(code: string, finishedAt: string): void {
    write(() => this.#markFinished.run(finishedAt, code));
  }

  appendAction(code: string, seq: number, action: Action, idem: string | null, at: number | null = null): void {
    write(() => this.#insertAction.run(code, seq, JSON.stringify(action), idem, at));
  }

  saveSnapshot(code: string, seq: number, state: GameState): void {
    write(() => this.#insertSnapshot.run(code, seq, JSON.stringify(state)));
  }

  loadUnfinished(): StoredGame[] {
    const games = this.#db
      .prepare(
        'SELECT code, config, host_token_hash, created_at, rules_version FROM games WHERE finished_at IS NULL',
      )
      .all() as StoredRow[];
    return games.map((row) => this.#stored(row));
  }

  loadFinished(code: string): StoredGame | null {
    const row = this.#db
      .prepare(
        'SELECT code, config, host_token_hash, created_at, rules_version FROM games WHERE code = ? AND finished_at IS NOT NULL',
      )
      .get(code) as StoredRow | undefined;
    return row ? this.#stored(row) : null;
  }

  isFinished(code: string): boolean {
    return this.#isFinished.get(code) !== undefined;
  }

  /** A game's row with its latest snapshot and the log after it, ready to replay. */
  #stored(row: StoredRow): StoredGame {
    const snapshotRow = this.#db
      .prepare('SELECT seq, state FROM snapshots WHERE code = ? ORDER BY seq DESC LIMIT 1')
      .get(row.code) as { seq: number; state: string } | undefined;
    const snapshot = snapshotRow ? { seq: snapshotRow.seq, state: JSON.parse(snapshotRow.state) } : null;
    const idemKeys = (
      this.#db.prepare('SELECT idem FROM actions WHERE code = ? AND idem IS NOT NULL').all(row.code) as {
        idem: string;
      }[]
    ).map((r) => r.idem);
    return {
      config: JSON.parse(row.config) as GameConfig,
      rulesVersion: row.rules_version,
      hostTokenHash: row.host_token_hash,
      hostKeys: this.#db
        .prepare('SELECT hash, role, kind FROM host_keys WHERE code = ? ORDER BY created_at')
        .all(row.code) as HostKey[],
      createdAt: row.created_at,
      snapshot,
      actions: this.#actionsAfter(row.code, snapshot?.seq ?? 0),
      idemKeys,
    };
  }

  loadLog(code: string): StoredAction[] {
    return this.#actionsAfter(code, 0);
  }

  replaceLog(code: string, rulesVersion: number, actions: StoredAction[]): void {
    write(() => this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM snapshots WHERE code = ?').run(code);
      this.#db.prepare('DELETE FROM actions WHERE code = ?').run(code);
      for (const entry of actions) {
        this.#insertAction.run(code, entry.seq, JSON.stringify(entry.action), entry.idem, entry.at ?? null);
      }
      this.#db.prepare('UPDATE games SET rules_version = ? WHERE code = ?').run(rulesVersion, code);
    })());
  }

  loadGame(code: string): GameRecord | null {
    const row = this.#db
      .prepare('SELECT code, config, host_token_hash, created_at, finished_at, rules_version FROM games WHERE code = ?')
      .get(code) as GameRow | undefined;
    if (!row) return null;
    return {
      config: JSON.parse(row.config) as GameConfig,
      rulesVersion: row.rules_version,
      hostTokenHash: row.host_token_hash,
      hostKeys: this.#db.prepare('SELECT hash, role, kind FROM host_keys WHERE code = ? ORDER BY created_at').all(code) as HostKey[],
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    };
  }

  deleteGame(code: string): boolean {
    return write(() =>
      this.#db.transaction(() => {
        // Children first: the foreign keys refuse a game row that still has actions, snapshots or keys.
        for (const table of ['actions', 'snapshots', 'host_keys']) {
          this.#db.prepare(`DELETE FROM ${table} WHERE code = ?`).run(code);
        }
        return this.#db.prepare('DELETE FROM games WHERE code = ?').run(code).changes === 1;
      })(),
    );
  }

  finishedBefore(cutoff: string): string[] {
    const rows = this.#db
      .prepare('SELECT code FROM games WHERE finished_at IS NOT NULL AND finished_at < ? ORDER BY finished_at')
      .all(cutoff) as { code: string }[];
    return rows.map((r) => r.code);
  }

  #actionsAfter(code: string, seq: number): StoredAction[] {
    const rows = this.#db
      .prepare('SELECT seq, action, idem, at FROM actions WHERE code = ? AND seq > ? ORDER BY seq')
      .all(code, seq) as { seq: number; action: string; idem: string | null; at: number | null }[];
    return rows.map((r) => ({ seq: r.seq, action: JSON.parse(r.action), idem: r.idem, at: r.at }));
  }

  close(): void {
    this.#db.close();
  }
}
