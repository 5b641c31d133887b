// One client address is often a whole class (a school NAT), sometimes a hostile laptop. Budgets per address
// must admit the first and bound the second: refused handshakes hold nothing, seats count apart from guests,
// Engine.IO connections that never join the namespace are counted, and refusals carry a code and a message.
import { Manager } from 'socket.io-client';
import { describe, expect, it, vi } from 'vitest';
import { TestClient, createGame, joinGame, newSeatToken } from '../support/client.js';
import { useOwnServer } from '../support/server.js';

const { start, clients: open } = useOwnServer();

/** Runs `task` for 0..count-1, `width` at a time. */
async function inBatches<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += width) {
    const batch = Array.from({ length: Math.min(width, count - start) }, (_, k) => task(start + k));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

/** An Engine.IO connection that never joins the namespace, or null when the server refused to open it. */
function openRaw(url: string): Promise<Manager | null> {
  const manager = new Manager(url, { transports: ['websocket'], reconnection: false, autoConnect: false });
  return new Promise((resolve) => {
    manager.open((err) => {
      if (err) return resolve(null);
      open.push({ close: () => manager.engine.close() });
      resolve(manager);
    });
  });
}

describe('refused handshakes', () => {
  // A thousand handshakes take 15 s on a loaded 2-core machine: the limit only catches a hang.
  it('hold nothing: 1,000 of them from one address leave a class able to join', { timeout: 120_000 }, async () => {
    const { url, app } = await start();
    await inBatches(1_000, 100, () => TestClient.refusedHandshake(url, { role: 'screen', code: 'ZZZZZZ' }));
    const { code, host } = await createGame(url);
    open.push(host);
    const seated = await inBatches(30, 10, (i) => joinGame(url, code, `student${i}`));
    for (const { player } of seated) open.push(player);
    await host.nextView((v) => v.onlineCount === 30, 'the whole class online');
    // Only what is open now is counted: 30 players and the host.
    expect(app.realtime.connections.of('127.0.0.1')).toMatchObject({ seats: 31, anonymous: 0 });
  });
});

describe('Engine.IO connections that never join the namespace', () => {
  it('are counted: beyond what an address may hold, the server refuses to open more', async () => {
    const { url, app } = await start({ app: { connectionLimits: { anonymous: 4, seats: 3, perSeat: 2 } } });
    const limit = 4 + 3 * 2;
    const raw: (Manager | null)[] = [];
    for (let i = 0; i < limit + 5; i++) raw.push(await openRaw(url));
    expect(raw.slice(0, limit).every((m) => m !== null)).toBe(true);
    expect(raw.slice(limit).every((m) => m === null)).toBe(true);
    expect(app.realtime.connections.of('127.0.0.1').engine).toBe(limit);
    // Closing them gives the address its budget back.
    for (const manager of raw) manager?.engine.close();
    await vi.waitFor(() => expect(app.realtime.connections.of('127.0.0.1').engine).toBe(0), { timeout: 5_000 });
    open.push(await TestClient.connect(url, { role: 'guest' }));
  });
});

describe('a lecture hall behind one address', () => {
  it('seats 2,000 players, and refuses a flooder of the join page with a code and a message', { timeout: 120_000 }, async () => {
    // Messages, joins and creates have their own budgets per address (address-rates.test.ts); this test is about
    // connections, so those are lifted (2,000 joins cost 4,000 message units: on a fast machine they came within a
    // second and met the message budget).
    const { url, app } = await start({
      rateLimit: { perSecond: 100_000, burst: 100_000 },
      app: {
        addressRateLimits: {
          messages: { perSecond: 100_000, burst: 100_000 },
          joins: { perSecond: 10_000, burst: 10_000 },
          creates: { perSecond: 100, burst: 100 },
        },
      },
    });
    // The budget is per address, whatever the games: the hall sits in 100 games of 20 here, because in one game
    // of 2,000 every connect resends the whole room's views (presence), a cost for the benchmarks, not this test.
    const games = await inBatches(100, 25, () => createGame(url, { teamCount: 40 }));
    open.push(...games.map((game) => game.host));
    const joinPage = await TestClient.connect(url, { role: 'guest' });
    open.push(joinPage);
    const seats = await inBatches(2_000, 100, async (i) => {
      const code = games[i % 100]!.code;
      const token = newSeatToken();
      const ack = await joinPage.send('game:join', { code, nickname: `s${i}`, seatToken: token });
      if (!ack.ok) throw new Error(`join ${i}: ${ack.code}`);
      return { code, token };
    });
    open.push(...(await inBatches(2_000, 200, (i) => TestClient.connect(url, { role: 'player', code: seats[i]!.code, token: seats[i]!.token }))));
    expect(app.realtime.connections.of('127.0.0.1')).toMatchObject({ seats: 2_100, anonymous: 1 });

    // The whole hall on the join page at once fits too; a flooder beyond it is refused, with a code.
    open.push(...(await inBatches(2_499, 250, () => TestClient.connect(url, { role: 'guest' }))));
    const refused = await TestClient.refusedHandshake(url, { role: 'guest' });
    expect(refused).toEqual({ code: 'connection/limit', message: expect.stringMatching(/too many connections from your network/i) });
    // Seats are counted apart: a player reloading gets back in while the join page is full.
    open.push(await TestClient.connect(url, { role: 'player', code: seats[0]!.code, token: seats[0]!.token }));
  });
});

describe('a hall filling up', () => {
  it('resends the room’s views for presence at most every half second, not once per phone', async () => {
    const { url } = await start({ rateLimit: { perSecond: 10_000, burst: 10_000 } });
    const { code, host } = await createGame(url, { teamCount: 4 });
    open.push(host);
    const joinPage = await TestClient.connect(url, { role: 'guest' });
    open.push(joinPage);
    const tokens: string[] = [];
    for (let i = 0; i < 60; i++) {
      const seatToken = newSeatToken();
      tokens.push(seatToken);
      expect(await joinPage.send('game:join', { code, nickname: `s${i}`, seatToken })).toMatchObject({ ok: true });
    }
    await host.nextView((v) => v.playerCount === 60, 'every seat made');
    const viewsBefore = host.views.length;
    const began = Date.now();
    // Phones arrive one after another, as they do in a hall: each connect is a change of presence.
    for (const token of tokens) open.push(await TestClient.connect(url, { role: 'player', code, token }));
    await host.nextView((v) => v.onlineCount === 60, 'everyone online');
    const windows = Math.ceil((Date.now() - began) / 500);
    expect(host.views.length - viewsBefore).toBeLessThanOrEqual(windows + 1);
  });
});

describe('one seat', () => {
  it('holds two sockets at most: a third (a reload before the old socket timed out) closes the oldest', async () => {
    const { url, app } = await start();
    const { code, host } = await createGame(url);
    open.push(host);
    const { seatToken, player: first } = await joinGame(url, code, 'ada');
    const second = await TestClient.connect(url, { role: 'player', code, token: seatToken });
    open.push(first, second);
    const closed = new Promise<string>((resolve) => first.socket.once('disconnect', resolve));
    const third = await TestClient.connect(url, { role: 'player', code, token: seatToken });
    open.push(third);
    expect(await closed).toBe('io server disconnect');
    expect(second.socket.connected && third.socket.connected).toBe(true);
    await vi.waitFor(() => expect(app.realtime.connections.of('127.0.0.1')).toMatchObject({ seats: 2, anonymous: 0 }), { timeout: 5_000 });
  });
});
