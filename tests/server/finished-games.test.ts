// A finished game stays readable after a restart: the server restores only unfinished games, so a finished one is
// loaded from the store when its host, a projector or a player connects. The debrief, replay and "what if" work on
// it as on the live game (the replay's end has the live game's hash); it is dropped from memory again once nobody
// looks at it; a closed lobby, a game that does not replay and an unknown code are refused with their codes. A
// student who opens a finished game's join link is told it has ended (not that it does not exist), without the
// game being loaded for that; a game deleted by retention is unknown again.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HostView, ScreenView, TeamView } from '../../shared/protocol/views.js';
import { stateHash } from '../../shared/sim/hash.js';
import { FINISHED_IDLE_MS_DEFAULT } from '../../server/rooms/rooms.js';
import { TestClient, createGame, joinGame, newSeatToken } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { ok } from '../support/table.js';

const dataDir = mkdtempSync(join(tmpdir(), 'fleetops-finished-'));
let skewMs = 0;
/** What the server logs, one JSON object a line. */
const logged: { msg: string; code?: string; reason?: string }[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
let server: TestServer | null = null;
const clients: { close(): void }[] = [];
const track = <T extends { close(): void }>(client: T): T => (clients.push(client), client);

/** Stops the running server (if any) and starts a new one on the same SQLite file: a real restart. */
async function restart(retentionDays?: number): Promise<TestServer> {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = await startTestServer({ dataDir, clock: () => Date.now() + skewMs, logger, app: { retentionDays } });
  return server;
}

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Two players, one team each, walked by the host's Next from the lobby to the debrief. */
async function playToDebrief(url: string) {
  const { code, hostToken, recoveryToken, host } = await createGame(url, { teamCount: 2 });
  track(host);
  const seats: string[] = [];
  for (const name of ['ada', 'bob']) {
    const { player, seatToken } = await joinGame(url, code, name);
    track(player);
    seats.push(seatToken);
  }
  await ok(host.send('host:set-settings', { timerMinutes: null }));
  await ok(host.send('host:start', {}));
  // The server acks a step before it sends the step's view: starting from the briefing's view, each press waits
  // for its own step's view, so that the loop stops on the debrief rather than pressing Next once more at it.
  await host.nextView((v) => v.phase === 'briefing', 'the briefing');
  for (let i = 0; i < 40 && host.view.phase !== 'debrief'; i++) {
    const version = host.view.version;
    await ok(host.send('host:next', {}));
    await host.nextView((v) => v.version > version, 'the next step');
  }
  await host.nextView((v) => v.phase === 'debrief', 'the debrief');
  return { code, hostToken, recoveryToken, seats, liveView: host.view };
}

/**
 * A lobby and a game played to its debrief, the server stopped, and the lobby marked closed on disk as the idle
 * sweep closes it; the database is left open for the test's own changes (close it before restarting).
 */
async function idleLobbyAndFinishedGameOnDisk() {
  const s = await restart();
  const { code: lobby, hostToken, host } = await createGame(s.url);
  host.close();
  const game = await playToDebrief(s.url);
  await server!.close();
  server = null;
  const db = new Database(join(dataDir, 'fleet-ops.sqlite'));
  db.prepare('UPDATE games SET finished_at = ? WHERE code = ?').run(new Date().toISOString(), lobby);
  return { lobby, hostToken, game, db };
}

describe('a finished game after a restart', () => {
  it('opens its debrief for the host, the projector and its players; replay ends on the live hash', async () => {
    let s = await restart();
    const game = await playToDebrief(s.url);
    const liveHash = stateHash(s.app.realtime.rooms.get(game.code)!.state);
    const live = await ok(TestClient.connect<HostView>(s.url, { role: 'host', code: game.code, token: game.hostToken }).then((h) => track(h).send('sync:debrief', {})));

    s = await restart();
    // Only unfinished games are restored: the finished one is not in memory until someone asks for it.
    expect(s.app.realtime.rooms.get(game.code)).toBeUndefined();
    const host = track(await TestClient.connect<HostView>(s.url, { role: 'host', code: game.code, token: game.hostToken }));
    expect(host.view.phase).toBe('debrief');
    expect(host.view.version).toBe(game.liveView.version);
    expect(host.view.leaderboard).toEqual(game.liveView.leaderboard);
    expect(stateHash(s.app.realtime.rooms.get(game.code)!.state)).toBe(liveHash);
    // Its debrief is the one the live game had.
    const debrief = await ok(host.send('sync:debrief', {}));
    expect(debrief).toEqual(live);

    // The projector sees the debrief, and the host's replay of it, to the end, with the live hash.
    const screen = track(await TestClient.connect<ScreenView>(s.url, { role: 'screen', code: game.code }));
    expect(screen.view.phase).toBe('debrief');
    await ok(host.send('host:replay-open', {}));
    await screen.until(() => screen.studios.at(-1)?.replay?.version === 0, 'the replay at its start');
    const last = screen.studios.at(-1)!.replay!.last;
    expect(last).toBe(game.liveView.version);
    const seek = await ok(host.send('host:replay-seek', { version: last }));
    if (!seek.ok) throw new Error('refused');
    expect(seek.frame.matchesLive).toBe(true);
    expect(seek.view.phase).toBe('debrief');

    // A player's phone shows the debrief too; a wrong token is still refused.
    const ada = track(await TestClient.connect<TeamView>(s.url, { role: 'player', code: game.code, token: game.seats[0]! }));
    expect(ada.view.phase).toBe('debrief');
    expect(await TestClient.refusedHandshake(s.url, { role: 'host', code: game.code, token: game.seats[0]! })).toMatchObject({ code: 'auth/invalid-token' });
    // The recovery link still opens the console.
    const guest = track(await TestClient.connect(s.url, { role: 'guest' }));
    expect(await guest.send('game:recover', { code: game.code, secret: game.recoveryToken })).toMatchObject({ ok: true, role: 'host' });
    expect(await TestClient.refusedHandshake(s.url, { role: 'screen', code: 'ZZZZZZ' })).toMatchObject({ code: 'game/unknown' });
  });

  it('is dropped from memory once nobody looks at it, with its replay, and loaded again on the next visit', async () => {
    let s = await restart();
    const game = await playToDebrief(s.url);
    s = await restart();
    const host = track(await TestClient.connect<HostView>(s.url, { role: 'host', code: game.code, token: game.hostToken }));
    expect(s.app.realtime.rooms.get(game.code)?.finished).toBe(true);
    // A replay left playing from the middle when the host walks away.
    const middle = Math.floor(game.liveView.version / 2);
    expect(middle).toBeGreaterThan(4);
    await ok(host.send('host:replay-open', {}));
    await ok(host.send('host:replay-seek', { version: middle }));
    await ok(host.send('host:replay-speed', { speed: 1 }));
    await ok(host.send('host:replay-play', {}));
    host.close();
    const room = s.app.realtime.rooms.get(game.code)!;
    // Idle at any time means nobody is connected: the server has seen the host leave.
    await expect.poll(() => room.idleSince(Number.MAX_SAFE_INTEGER, 0)).toBe(true);
    // Nothing ticks in a finished game: its version stands still however far the clock moves.
    const version = room.state.version;
    skewMs += FINISHED_IDLE_MS_DEFAULT + 1_000;
    await expect.poll(() => s.app.realtime.rooms.get(game.code), { timeout: 5_000 }).toBeUndefined();
    expect(s.store.loadLog(game.code)).toHaveLength(version);

    const again = track(await TestClient.connect<HostView>(s.url, { role: 'host', code: game.code, token: game.hostToken }));
    expect(again.view).toMatchObject({ phase: 'debrief', version });
    // The new room's replay from the start is the only one its projector sees: the old one stopped with its room.
    const screen = track(await TestClient.connect<ScreenView>(s.url, { role: 'screen', code: game.code }));
    await ok(again.send('host:replay-open', {}));
    await ok(again.send('host:replay-speed', { speed: 1 }));
    await ok(again.send('host:replay-play', {}));
    await screen.until(() => screen.studios.at(-1)?.replay?.version === 3, 'the new replay at version 3');
    expect(screen.studios.map((studio) => studio.replay?.version ?? 0).every((v) => v <= 3)).toBe(true);
  });

  it('refuses a closed lobby with game/ended and a game that no longer replays with game/unreadable', async () => {
    const { lobby, hostToken, game, db } = await idleLobbyAndFinishedGameOnDisk();
    // The finished game's log was damaged on disk.
    db.prepare("UPDATE actions SET action = '{\"type\":\"host/next\"}' WHERE code = ? AND seq = 3").run(game.code);
    db.prepare('DELETE FROM snapshots WHERE code = ?').run(game.code);
    db.close();
    const s = await restart();
    // Its host and projector are told why in the host's words (the catalogue's are for students).
    expect(await TestClient.refusedHandshake(s.url, { role: 'host', code: lobby, token: hostToken })).toMatchObject({
      code: 'game/ended',
      message: expect.stringMatching(/idle in its lobby.*host a new game/i),
    });
    expect(await TestClient.refusedHandshake(s.url, { role: 'screen', code: lobby })).toMatchObject({ message: expect.stringMatching(/idle in its lobby/i) });
    expect(await TestClient.refusedHandshake(s.url, { role: 'host', code: game.code, token: game.hostToken })).toMatchObject({ code: 'game/unreadable' });
    expect(await TestClient.refusedHandshake(s.url, { role: 'screen', code: game.code })).toMatchObject({ code: 'game/unreadable' });
    expect(logged.filter((line) => line.code === game.code && line.msg === 'a finished game could not be loaded')).toHaveLength(2);
    expect(logged.find((line) => line.code === game.code)!.reason).toMatch(/could not be replayed/);
    // The server is still up for everyone else.
    const fresh = await createGame(s.url);
    track(fresh.host);
    expect(fresh.host.view.phase).toBe('lobby');
  });
});

describe('a guest at a finished game (its join link opened late, or its code typed)', () => {
  const ENDED = { ok: false, code: 'game/ended', message: expect.stringMatching(/has ended.*new game/i) };

  /** What a guest's join or peek could change: the room in memory, the seats and the game's log. */
  function footprint(s: TestServer, code: string) {
    const room = s.app.realtime.rooms.get(code);
    return { inMemory: room !== undefined, players: room?.state.players.length, logged: s.store.loadLog(code).length };
  }

  it('is told the game has ended, in memory or after a restart, and nothing changes', async () => {
    let s = await restart();
    const game = await playToDebrief(s.url);
    const guest = track(await TestClient.connect(s.url, { role: 'guest' }));
    // Still in memory (its host is at the debrief): no new seat at a game that is over.
    const live = footprint(s, game.code);
    expect(live).toMatchObject({ inMemory: true, players: 2 });
    expect(await guest.send('game:peek', { code: game.code })).toMatchObject(ENDED);
    expect(await guest.send('game:join', { code: game.code, nickname: 'late', seatToken: newSeatToken() })).toMatchObject(ENDED);
    expect(footprint(s, game.code)).toEqual(live);

    s = await restart();
    const after = track(await TestClient.connect(s.url, { role: 'guest' }));
    expect(await after.send('game:peek', { code: game.code })).toMatchObject(ENDED);
    expect(await after.send('game:join', { code: game.code, nickname: 'late', seatToken: newSeatToken() })).toMatchObject(ENDED);
    // Saying so did not load the game: it is still only in the store, with the same log.
    expect(footprint(s, game.code)).toEqual({ inMemory: false, players: undefined, logged: live.logged });
    // Its players still get its debrief.
    const ada = track(await TestClient.connect<TeamView>(s.url, { role: 'player', code: game.code, token: game.seats[0]! }));
    expect(ada.view.phase).toBe('debrief');
    expect(s.app.realtime.rooms.get(game.code)?.state.players).toHaveLength(2);
  });

  it('is told a lobby closed while idle has ended, and a game deleted by retention is unknown', async () => {
    const { lobby, game, db } = await idleLobbyAndFinishedGameOnDisk();
    db.close();
    let s = await restart();
    const guest = track(await TestClient.connect(s.url, { role: 'guest' }));
    expect(await guest.send('game:peek', { code: lobby })).toMatchObject(ENDED);
    expect(await guest.send('game:join', { code: lobby, nickname: 'late', seatToken: newSeatToken() })).toMatchObject(ENDED);
    expect(footprint(s, lobby)).toEqual({ inMemory: false, players: undefined, logged: 0 });

    // Two days later, a server keeping finished games one day deletes both on start: their codes mean nothing now.
    skewMs += 2 * 24 * 60 * 60 * 1000;
    s = await restart(1);
    expect(s.store.loadGame(game.code)).toBeNull();
    const later = track(await TestClient.connect(s.url, { role: 'guest' }));
    for (const code of [game.code, lobby]) {
      expect(await later.send('game:peek', { code })).toMatchObject({ ok: false, code: 'game/unknown' });
      expect(await later.send('game:join', { code, nickname: 'late', seatToken: newSeatToken() })).toMatchObject({ ok: false, code: 'game/unknown' });
    }
    skewMs = 0;
  });
});
