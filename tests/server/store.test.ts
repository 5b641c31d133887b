// The SQLite store on a real file: a game with more actions than the snapshot interval is rebuilt from its
// latest snapshot plus the actions after it, to exactly the state it had.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stateHash } from '../../shared/sim/hash.js';
import { replay } from '../../shared/sim/replay.js';
import { SNAPSHOT_EVERY } from '../../server/rooms/room.js';
import { Rooms } from '../../server/rooms/rooms.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { StoreError } from '../../server/store/store.js';
import { HOST, join as joinAction, tokenHashFor } from '../support/actions.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function storeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fleetops-store-'));
  dirs.push(dir);
  return join(dir, 'fleet-ops.sqlite');
}

describe('SQLite store', () => {
  it('rebuilds a long game from its snapshot and the log after it', () => {
    const file = storeFile();
    const store = new SqliteStore(file);
    const rooms = new Rooms(store, () => {}, 10);
    const { room } = rooms.create({ teamCount: 8 }, new Date('2026-11-28T10:00:00Z'))!;
    const total = SNAPSHOT_EVERY * 2 + 17;
    for (let i = 0; room.state.version < total; i++) {
      const ok = i % 3 === 2
        ? room.apply({ type: 'host/balance-teams', by: HOST }, `host:r${i}`)
        : room.apply(joinAction(`player${i}`), null);
      expect(ok.ok).toBe(true);
    }
    const before = stateHash(room.state);
    store.close();

    const reopened = new SqliteStore(file);
    const [stored] = reopened.loadUnfinished();
    expect(stored!.snapshot?.seq).toBe(SNAPSHOT_EVERY * 2);
    expect(stored!.actions).toHaveLength(17);
    const restored = new Rooms(reopened, () => {}, 10);
    expect(restored.restore()).toEqual({ restored: 1, refused: [] });
    const again = restored.get(room.code)!;
    expect(stateHash(again.state)).toBe(before);
    // The snapshot agrees with a replay of the whole log.
    expect(stateHash(replay(stored!.config, reopened.loadLog(room.code).map((e) => e.action)))).toBe(before);
    // Idempotency keys from before the snapshot still count: a retried host action is not applied twice.
    expect(again.apply({ type: 'host/balance-teams', by: HOST }, 'host:r2')).toMatchObject({ ok: true, duplicate: true });
    expect(again.playerByTokenHash(tokenHashFor('player0'))?.id).toBe('p1');
    reopened.close();
  });

  it('tells a finished game from a running, an unknown and a deleted one, on the file, without its log', () => {
    const file = storeFile();
    const store = new SqliteStore(file);
    const config = { code: 'ENDED2', seed: 1, teamCount: 2, askStudentId: false };
    expect(store.createGame(config, 'hash', '2026-11-28T10:00:00Z', 5)).toBe(true);
    expect(store.isFinished('ENDED2')).toBe(false);
    store.markFinished('ENDED2', '2026-11-28T11:00:00Z');
    expect(store.isFinished('ENDED2')).toBe(true);
    expect(store.isFinished('ZZZZZZ')).toBe(false);
    store.close();
    const reopened = new SqliteStore(file);
    expect(reopened.isFinished('ENDED2')).toBe(true);
    expect(reopened.deleteGame('ENDED2')).toBe(true);
    expect(reopened.isFinished('ENDED2')).toBe(false);
    reopened.close();
  });

  it('refuses to acknowledge an action it could not write, and leaves the state as it was', () => {
    const store = new SqliteStore(storeFile());
    const rooms = new Rooms(store, () => {}, 10);
    const { room } = rooms.create({}, new Date())!;
    const before = stateHash(room.state);
    store.close(); // every write now fails
    expect(() => room.apply(joinAction('ada'))).toThrow(StoreError);
    expect(stateHash(room.state)).toBe(before);
  });
});
