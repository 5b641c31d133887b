// Stored games carry the rules version they were played under, on real SQLite files: an old database opens
// with its games as rules v1.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import type { Room } from '../../server/rooms/room.js';
import { Rooms } from '../../server/rooms/rooms.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { CONFIG, join as joinAction } from '../support/actions.js';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
const roomsList: Rooms[] = [];
afterEach(() => {
  for (const rooms of roomsList.splice(0)) rooms.stop();
  for (const store of stores.splice(0)) {
    try {
      store.close();
    } catch {
      // closed by the test already
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function storeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fleetops-rules-'));
  dirs.push(dir);
  return join(dir, 'fleet-ops.sqlite');
}

function open(file: string): SqliteStore {
  const store = new SqliteStore(file);
  stores.push(store);
  return store;
}

function roomsOn(store: SqliteStore): Rooms {
  const rooms = new Rooms(store, () => {}, 10);
  roomsList.push(rooms);
  return rooms;
}

/** Reads the file directly, as an operator with the sqlite3 shell would. */
function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function execute(file: string, sql: string, ...params: unknown[]): void {
  const db = new Database(file);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

function accept(room: Room, action: Action): void {
  const result = room.apply(action);
  if (!result.ok) throw new Error(`${action.type} refused: ${result.code}`);
}

describe('rules version of stored games', () => {
  it('records the rules version a game is created under', () => {
    const file = storeFile();
    const store = open(file);
    const { room } = roomsOn(store).create({}, new Date('2026-12-01T09:00:00Z'))!;
    expect(query(file, 'SELECT rules_version FROM games WHERE code = ?', room.code)).toEqual([
      { rules_version: RULES_VERSION },
    ]);
    expect(store.loadUnfinished().map((g) => g.rulesVersion)).toEqual([RULES_VERSION]);
  });

  it('opens a database of the first schema; its games count as rules v1 and play on', () => {
    const file = storeFile();
    // The schema as every database had it before rules versions were recorded, with one game in it.
    const old = new Database(file);
    old.exec(`
      CREATE TABLE games (code TEXT PRIMARY KEY, config TEXT NOT NULL, host_token_hash TEXT NOT NULL,
        created_at TEXT NOT NULL, finished_at TEXT);
      CREATE TABLE actions (code TEXT NOT NULL REFERENCES games(code), seq INTEGER NOT NULL, action TEXT NOT NULL,
        idem TEXT, PRIMARY KEY (code, seq));
      CREATE UNIQUE INDEX actions_idem ON actions (code, idem) WHERE idem IS NOT NULL;
      CREATE TABLE snapshots (code TEXT NOT NULL REFERENCES games(code), seq INTEGER NOT NULL, state TEXT NOT NULL,
        PRIMARY KEY (code, seq));
    `);
    old.prepare('INSERT INTO games VALUES (?, ?, ?, ?, NULL)').run(CONFIG.code, JSON.stringify(CONFIG), 'f'.repeat(64), '2026-11-28T10:00:00Z');
    const insert = old.prepare('INSERT INTO actions VALUES (?, ?, ?, ?)');
    insert.run(CONFIG.code, 1, JSON.stringify(joinAction('ada')), null);
    insert.run(CONFIG.code, 2, JSON.stringify(joinAction('bob')), null);
    old.close();

    const store = open(file);
    expect(store.loadUnfinished().map((g) => [g.config.code, g.rulesVersion])).toEqual([[CONFIG.code, 1]]);
    expect(query(file, 'PRAGMA user_version')).toEqual([{ user_version: 1 }]);
    const rooms = roomsOn(store);
    expect(rooms.restore()).toBe(1);
    const room = rooms.get(CONFIG.code)!;
    expect(room.state.players.map((p) => p.nickname)).toEqual(['ada', 'bob']);
    accept(room, joinAction('cy'));
    store.close();

    // Opening it again changes nothing more; the game goes on where it was.
    const again = open(file);
    expect(query(file, 'PRAGMA user_version')).toEqual([{ user_version: 1 }]);
    const restored = roomsOn(again);
    expect(restored.restore()).toBe(1);
    expect(restored.get(CONFIG.code)!.state.players).toHaveLength(3);
  });

  it('refuses to open a database written by a newer schema', () => {
    const file = storeFile();
    open(file).close();
    execute(file, 'PRAGMA user_version = 99');
    expect(() => new SqliteStore(file)).toThrow(/schema version 99, newer than this server's/);
  });
});
