// Stored games carry the rules version they were played under, on real SQLite files: an old database opens
// with its games as rules v1, a game of other rules is migrated or refused without keeping the others from
// starting, and a game that reached its debrief is finished: not restored, and out of the cap.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { stateHash } from '../../shared/sim/hash.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import type { LogEntry } from '../../server/rooms/migrations.js';
import { SNAPSHOT_EVERY, type Room } from '../../server/rooms/room.js';
import { Rooms, type Rules } from '../../server/rooms/rooms.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { CONFIG, HOST, join as joinAction, next, start, tokenHashFor } from '../support/actions.js';
import { TestClient } from '../support/client.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
const roomsList: Rooms[] = [];
const processes: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
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

function roomsOn(store: SqliteStore, options: { maxRooms?: number; rules?: Rules } = {}): Rooms {
  const rooms = new Rooms(store, () => {}, options.maxRooms ?? 10, Date.now, options.rules);
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

function accept(room: Room, action: Action, idem: string | null = null): void {
  const result = room.apply(action, idem);
  if (!result.ok) throw new Error(`${action.type} refused: ${result.code}`);
}

/** From the lobby to the debrief: Start, then Next through both parts' play, reveal and reflect. */
function playToDebrief(room: Room): void {
  accept(room, start());
  while (room.state.phase !== 'debrief') accept(room, next());
}

const rulesV = (version: number, migrations: Rules['migrations'] = {}): Rules => ({ version, migrations });

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
    // Every schema change applied: the rules version, the host keys (none for a game stored before them) and
    // the actions' server time.
    expect(query(file, 'PRAGMA user_version')).toEqual([{ user_version: 3 }]);
    expect(store.loadLog(CONFIG.code).map((entry) => entry.at)).toEqual([null, null]);
    expect(store.loadUnfinished()[0]!.hostKeys).toEqual([]);
    const rooms = roomsOn(store, { rules: rulesV(1) });
    expect(rooms.restore()).toEqual({ restored: 1, refused: [] });
    const room = rooms.get(CONFIG.code)!;
    expect(room.state.players.map((p) => p.nickname)).toEqual(['ada', 'bob']);
    accept(room, joinAction('cy'));
    store.close();

    // Opening it again changes nothing more; the game goes on where it was.
    const again = open(file);
    expect(query(file, 'PRAGMA user_version')).toEqual([{ user_version: 3 }]);
    const restored = roomsOn(again, { rules: rulesV(1) });
    expect(restored.restore()).toEqual({ restored: 1, refused: [] });
    expect(restored.get(CONFIG.code)!.state.players).toHaveLength(3);
  });

  it('refuses to open a database written by a newer schema', () => {
    const file = storeFile();
    open(file).close();
    execute(file, 'PRAGMA user_version = 99');
    expect(() => new SqliteStore(file)).toThrow(/schema version 99, newer than this server's/);
  });

  it('refuses games of older and newer rules, keeps them stored, and restores the others', () => {
    const file = storeFile();
    const store = open(file);
    const rooms = roomsOn(store, { rules: rulesV(2) });
    const codes = [1, 2, 3].map(() => rooms.create({}, new Date())!.room.code);
    for (const code of codes) accept(rooms.get(code)!, joinAction(`pilot-${code}`));
    const [older, current, newer] = codes as [string, string, string];
    store.close();
    execute(file, 'UPDATE games SET rules_version = 1 WHERE code = ?', older);
    execute(file, 'UPDATE games SET rules_version = 3 WHERE code = ?', newer);

    const restarted = roomsOn(open(file), { rules: rulesV(2) });
    const result = restarted.restore();
    expect(result.restored).toBe(1);
    expect(restarted.get(current)!.state.players).toHaveLength(1);
    expect(restarted.get(older)).toBeUndefined();
    expect(restarted.get(newer)).toBeUndefined();
    expect(result.refused).toEqual(expect.arrayContaining([
      { code: older, reason: `game ${older} was played under rules v1; this server plays v2 and cannot replay it` },
      { code: newer, reason: `game ${newer} was played under rules v3; this server plays v2 and cannot replay it` },
    ]));
    expect(result.refused).toHaveLength(2);
    expect(restarted.refused).toEqual(result.refused);
    // Nothing of the refused games was touched: a server of their rules could still replay them.
    expect(query(file, 'SELECT code, rules_version FROM games WHERE finished_at IS NULL ORDER BY rules_version')).toEqual([
      { code: older, rules_version: 1 },
      { code: current, rules_version: 2 },
      { code: newer, rules_version: 3 },
    ]);
    expect(query(file, 'SELECT count(*) AS n FROM actions WHERE code IN (?, ?)', older, newer)).toEqual([{ n: 2 }]);
  });

  it('leaves out a game whose log no longer replays, and restores the others', () => {
    const file = storeFile();
    const store = open(file);
    const rooms = roomsOn(store);
    const broken = rooms.create({}, new Date())!.room;
    const fine = rooms.create({}, new Date())!.room;
    accept(broken, joinAction('ada'));
    accept(fine, joinAction('ada'));
    store.close();
    // The same join logged twice: the second is refused on replay (the seat is taken).
    execute(file, 'INSERT INTO actions (code, seq, action, idem) VALUES (?, 2, ?, NULL)', broken.code, JSON.stringify(joinAction('ada')));

    const restarted = roomsOn(open(file));
    const result = restarted.restore();
    expect(result.restored).toBe(1);
    expect(restarted.get(fine.code)).toBeDefined();
    expect(result.refused).toEqual([
      { code: broken.code, reason: expect.stringMatching(new RegExp(`^game ${broken.code} could not be replayed: log entry 1`)) },
    ]);
  });

  it('migrates a game of older rules through a registered migration, once, and keeps its retries idempotent', () => {
    const file = storeFile();
    const store = open(file);
    const { room } = roomsOn(store, { rules: rulesV(1) }).create({ teamCount: 8 }, new Date())!;
    for (let i = 0; room.state.version < SNAPSHOT_EVERY + 5; i++) {
      if (i % 2 === 0) accept(room, joinAction(`pilot${i}`), `join:${i}`);
      else accept(room, { type: 'host/balance-teams', by: HOST }, `host:${i}`);
    }
    const logLength = room.state.version;
    store.close();
    expect(query(file, 'SELECT seq FROM snapshots')).toEqual([{ seq: SNAPSHOT_EVERY }]);

    // Rules v2 (for this test only) capitalise nicknames; the migration rewrites the old joins to match.
    const capitalise = (log: readonly LogEntry[]): LogEntry[] =>
      log.map((entry) => {
        const action = entry.action as Action;
        if (action.type !== 'player/join') return entry;
        return { ...entry, action: { ...action, nickname: action.nickname[0]!.toUpperCase() + action.nickname.slice(1) } };
      });
    const migrated = roomsOn(open(file), { rules: rulesV(2, { 1: capitalise }) });
    expect(migrated.restore()).toEqual({ restored: 1, refused: [] });
    const again = migrated.get(room.code)!;
    expect(again.state.version).toBe(logLength);
    expect(again.state.players[0]!.nickname).toBe('Pilot0');
    expect(again.playerByTokenHash(tokenHashFor('pilot0'))?.nickname).toBe('Pilot0');
    // A retry from before the upgrade still counts once; new actions follow the migrated log.
    expect(again.apply(joinAction('pilot0'), 'join:0')).toMatchObject({ ok: true, duplicate: true });
    accept(again, joinAction('late'), 'join:late');
    const hash = stateHash(again.state);

    // The store now holds a v2 log without the old rules' snapshot; a v2 server without migrations replays it.
    expect(query(file, 'SELECT rules_version FROM games')).toEqual([{ rules_version: 2 }]);
    expect(query(file, 'SELECT seq FROM snapshots')).toEqual([]);
    const seqs = query<{ seq: number }>(file, 'SELECT seq FROM actions ORDER BY seq').map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: logLength + 1 }, (_, i) => i + 1));
    const restartedV2 = roomsOn(open(file), { rules: rulesV(2) });
    expect(restartedV2.restore()).toEqual({ restored: 1, refused: [] });
    expect(stateHash(restartedV2.get(room.code)!.state)).toBe(hash);
  });
});

describe('finished games', () => {
  it('marks a game finished at its debrief: it stays in memory and on disk, and a restart leaves it out', () => {
    const file = storeFile();
    const store = open(file);
    const rooms = roomsOn(store);
    const done = rooms.create({}, new Date())!.room;
    const ongoing = rooms.create({}, new Date())!.room;
    accept(done, joinAction('ada'));
    accept(ongoing, joinAction('bob'));
    accept(ongoing, start());
    expect(query(file, 'SELECT count(*) AS n FROM games WHERE finished_at IS NOT NULL')).toEqual([{ n: 0 }]);

    playToDebrief(done);
    expect(done.finished).toBe(true);
    expect(rooms.get(done.code)).toBe(done); // the players still look at the debrief
    const [row] = query<{ finished_at: string | null }>(file, 'SELECT finished_at FROM games WHERE code = ?', done.code);
    expect(Date.parse(row!.finished_at!)).not.toBeNaN();
    const logLength = done.state.version;
    store.close();

    const reopened = open(file);
    expect(reopened.loadUnfinished().map((g) => g.config.code)).toEqual([ongoing.code]);
    expect(reopened.loadLog(done.code)).toHaveLength(logLength); // kept for exports
    const restarted = roomsOn(reopened);
    expect(restarted.restore()).toEqual({ restored: 1, refused: [] });
    expect(restarted.get(done.code)).toBeUndefined();
    expect(restarted.get(ongoing.code)!.state.phase).toBe('briefing');
  });

  it('finishes on restart a game that reached its debrief but was not marked', () => {
    const file = storeFile();
    const store = open(file);
    const done = roomsOn(store).create({}, new Date())!.room;
    playToDebrief(done);
    store.close();
    // As if the process had stopped between committing the last Next and marking the row.
    execute(file, 'UPDATE games SET finished_at = NULL WHERE code = ?', done.code);

    const restarted = roomsOn(open(file));
    expect(restarted.restore()).toEqual({ restored: 0, refused: [] });
    expect(query(file, 'SELECT count(*) AS n FROM games WHERE finished_at IS NOT NULL')).toEqual([{ n: 1 }]);
  });

  it('frees its slot in the per-server cap once finished', () => {
    const rooms = roomsOn(open(storeFile()), { maxRooms: 2 });
    const first = rooms.create({}, new Date())!.room;
    const second = rooms.create({}, new Date())!.room;
    expect(rooms.create({}, new Date())).toBeNull();

    playToDebrief(first);
    expect(rooms.get(first.code)).toBe(first);
    const third = rooms.create({}, new Date());
    expect(third).not.toBeNull();
    // Memory holds at most the cap: the finished room made way, the live ones stay.
    expect(rooms.size).toBe(2);
    expect(rooms.get(first.code)).toBeUndefined();
    expect(rooms.get(second.code)).toBe(second);
    expect(rooms.create({}, new Date())).toBeNull();
  });
});

describe('the real server with a game it cannot replay', () => {
  it('starts, logs the refused game, and serves the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetops-rules-'));
    dirs.push(dir);
    const file = join(dir, 'fleet-ops.sqlite');
    const store = open(file);
    const rooms = roomsOn(store);
    const refused = rooms.create({}, new Date())!;
    const served = rooms.create({}, new Date())!;
    store.close();
    execute(file, 'UPDATE games SET rules_version = ? WHERE code = ?', RULES_VERSION + 1, refused.room.code);

    const server = await startServerProcess({ DATA_DIR: dir });
    processes.push(server);
    const host = await TestClient.connect(server.url, { role: 'host', code: served.room.code, token: served.hostToken });
    host.close();
    expect(await TestClient.refusedHandshake(server.url, { role: 'host', code: refused.room.code, token: refused.hostToken }))
      .toMatchObject({ code: 'game/unknown' });
    const logged = server.output().split('\n').filter((line) => line.includes('game not restored'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({
      code: refused.room.code,
      reason: `game ${refused.room.code} was played under rules v${RULES_VERSION + 1}; this server plays v${RULES_VERSION} and cannot replay it`,
    });
  });
});
