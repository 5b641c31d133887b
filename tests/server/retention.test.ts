// Retention on a real SQLite file (GAME_RETENTION_DAYS): finished games older than the setting are deleted at
// start and by the daily sweep, with everything stored of them; running games are kept however old, and
// finished games inside the window stay readable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replay } from '../../shared/sim/replay.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import type { GameConfig } from '../../shared/sim/state.js';
import { startRetention, sweepRetention } from '../../server/rooms/retention.js';
import { Rooms } from '../../server/rooms/rooms.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { hashToken, newToken } from '../../server/tokens.js';
import { configFromEnv } from '../../server/config.js';
import { join as joinAction } from '../support/actions.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 30, 12);
const dirs: string[] = [];
let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fleetops-retention-'));
  dirs.push(dir);
  return dir;
}

/** A stored game with one action and a host key, created `ageDays` ago and finished `finishedDays` ago (or running). */
function storeGame(store: SqliteStore, code: string, ageDays: number, finishedDays: number | null): void {
  const config: GameConfig = { code, seed: 1, teamCount: 2, askStudentId: false };
  store.createGame(config, hashToken(newToken()), new Date(NOW - ageDays * DAY).toISOString(), RULES_VERSION);
  store.addHostKey(code, { hash: hashToken(newToken()), role: 'host', kind: 'recovery' }, new Date(NOW - ageDays * DAY).toISOString());
  const first = joinAction(`p-${code}`);
  store.appendAction(code, 1, first, null, NOW - ageDays * DAY);
  store.saveSnapshot(code, 1, replay(config, [first]));
  if (finishedDays !== null) store.markFinished(code, new Date(NOW - finishedDays * DAY).toISOString());
}

describe('retention of finished games', () => {
  it('deletes finished games older than the setting, with their log, snapshots and keys; keeps the rest', () => {
    const file = join(dataDir(), 'fleet-ops.sqlite');
    const store = new SqliteStore(file);
    storeGame(store, 'AGED42', 60, 45); // finished 45 days ago: past 30 days
    storeGame(store, 'FRESH2', 60, 10); // finished 10 days ago: kept
    storeGame(store, 'RUNS42', 200, null); // running for 200 days: never touched
    const rooms = new Rooms(store, () => {}, 10);
    expect(sweepRetention(store, (code) => rooms.delete(code), 30, NOW)).toEqual(['AGED42']);
    rooms.stop();
    store.close();

    // Read back from the file by a fresh connection: the rows are gone, not just hidden.
    const reopened = new SqliteStore(file);
    expect(reopened.loadGame('AGED42')).toBeNull();
    expect(reopened.loadLog('AGED42')).toEqual([]);
    expect(reopened.loadGame('FRESH2')).toMatchObject({ finishedAt: new Date(NOW - 10 * DAY).toISOString() });
    expect(reopened.loadLog('FRESH2')).toHaveLength(1);
    expect(reopened.loadGame('RUNS42')).toMatchObject({ finishedAt: null });
    expect(reopened.loadUnfinished().map((g) => g.config.code)).toEqual(['RUNS42']);
    reopened.close();
  });

  it('runs when the server starts, on the clock it is given', async () => {
    const dir = dataDir();
    const store = new SqliteStore(join(dir, 'fleet-ops.sqlite'));
    storeGame(store, 'AGED42', 60, 31);
    storeGame(store, 'FRESH2', 60, 29);
    storeGame(store, 'RUNS42', 200, null);
    store.close();
    server = await startTestServer({ dataDir: dir, clock: () => NOW, app: { retentionDays: 30 } });
    expect(server.store.loadGame('AGED42')).toBeNull();
    expect(server.store.loadGame('FRESH2')).not.toBeNull();
    expect(server.store.loadGame('RUNS42')).not.toBeNull();
  });

  it('sweeps again every day: a game finished inside the window ages out a day later', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const store = new SqliteStore(join(dataDir(), 'fleet-ops.sqlite'));
      storeGame(store, 'AGED42', 60, 29.5);
      let now = NOW;
      const deleted: string[] = [];
      const retention = startRetention(store, (code) => (deleted.push(code), store.deleteGame(code)), 30, pino({ level: 'silent' }), () => now);
      expect(deleted).toEqual([]);
      now += DAY;
      vi.advanceTimersByTime(DAY);
      expect(deleted).toEqual(['AGED42']);
      expect(store.loadGame('AGED42')).toBeNull();
      retention.stop();
      store.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps every game when the setting is 0, and defaults to 30 days', async () => {
    expect(configFromEnv({}).retentionDays).toBe(30);
    expect(configFromEnv({ GAME_RETENTION_DAYS: '7' }).retentionDays).toBe(7);
    expect(() => configFromEnv({ GAME_RETENTION_DAYS: 'soon' })).toThrow(/GAME_RETENTION_DAYS/);
    const dir = dataDir();
    const store = new SqliteStore(join(dir, 'fleet-ops.sqlite'));
    storeGame(store, 'AGED42', 900, 800);
    store.close();
    server = await startTestServer({ dataDir: dir, clock: () => NOW, app: { retentionDays: 0 } });
    expect(server.store.loadGame('AGED42')).not.toBeNull();
  });
});
