// Game slots are few (2,000 by default) and must not leak: a lobby nobody uses is closed after a while, and
// one address cannot create games by the thousand (see address-rates.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite.js';
import { join } from 'node:path';
import { TestClient, createGame } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer | undefined;
const open: { close(): void }[] = [];
let skewMs = 0;
const HOUR = 60 * 60 * 1000;

afterEach(async () => {
  for (const client of open.splice(0)) client.close();
  await server?.close();
  server = undefined;
  skewMs = 0;
});

/** Waits until the server has seen the consoles close (the clock must not move before it has). */
async function seatsOpen(count: number): Promise<void> {
  await vi.waitFor(() => expect(server!.app.realtime.connections.of('127.0.0.1').seats).toBe(count), { timeout: 5_000 });
}

async function start(maxRooms: number): Promise<TestServer> {
  server = await startTestServer({ clock: () => Date.now() + skewMs, app: { maxRooms } });
  return server;
}

describe('an idle lobby', () => {
  it('is closed after two hours with nobody connected, and frees its slot', async () => {
    const { url, app, dataDir } = await start(2);
    const abandoned = await createGame(url);
    abandoned.host.close();
    const kept = await createGame(url); // its console stays open
    open.push(kept.host);
    await seatsOpen(1);
    const [guest] = [await TestClient.connect(url, { role: 'guest' })];
    open.push(guest!);
    expect(await guest!.send('game:create', {})).toMatchObject({ ok: false, code: 'game/capacity' });

    skewMs = HOUR; // an hour is not enough
    expect(await guest!.send('game:create', {})).toMatchObject({ ok: false, code: 'game/capacity' });
    skewMs = 2 * HOUR + 1000;
    await vi.waitFor(() => expect(app.realtime.rooms.get(abandoned.code)).toBeUndefined(), { timeout: 5_000 });
    expect(app.realtime.rooms.get(kept.code)).toBeDefined();
    // A student who opens its link now is told it has ended.
    expect(await guest!.send('game:peek', { code: abandoned.code })).toMatchObject({ ok: false, code: 'game/ended' });
    expect(await guest!.send('game:create', {})).toMatchObject({ ok: true });

    // A restart does not bring it back.
    const again = new SqliteStore(join(dataDir, 'fleet-ops.sqlite'));
    expect(again.loadUnfinished().map((game) => game.config.code)).not.toContain(abandoned.code);
    again.close();
  });

  it('is kept while anyone is connected, and a started game is never closed for idleness', async () => {
    const { url, app } = await start(10);
    const lobby = await createGame(url);
    open.push(lobby.host);
    const started = await createGame(url);
    expect(await started.host.send('host:start', {})).toEqual({ ok: true });
    started.host.close();
    await seatsOpen(1);
    skewMs = 3 * HOUR;
    // One sweep later (250 ms) both are still there: wait for the sweep to run by watching a third lobby go.
    const probe = await createGame(url);
    probe.host.close();
    await seatsOpen(1);
    skewMs = 6 * HOUR;
    await vi.waitFor(() => expect(app.realtime.rooms.get(probe.code)).toBeUndefined(), { timeout: 5_000 });
    expect(app.realtime.rooms.get(lobby.code)).toBeDefined();
    expect(app.realtime.rooms.get(started.code)).toBeDefined();
  });
});
