// Budgets per client address, on top of each socket's own: a class of 200 behind one NAT is never slowed, a
// laptop with many sockets is, messages weigh what they cost, joins and creations have budgets of their own,
// and a snapshot of a view that has not changed is served from a cache.
import { describe, expect, it } from 'vitest';
import { TestClient, createGame, newSeatToken } from '../support/client.js';
import { useOwnServer } from '../support/server.js';

const { start, clients: open } = useOwnServer();

const codeOf = (ack: unknown) => (ack as { ok: boolean; code?: string }).ok ? 'ok' : (ack as { code: string }).code;

async function guests(url: string, count: number): Promise<TestClient[]> {
  const clients = await Promise.all(Array.from({ length: count }, () => TestClient.connect(url, { role: 'guest' })));
  open.push(...clients);
  return clients;
}

/** `perSocket` joins of new seats from each socket at once; the acks in order. */
async function joinsFrom(sockets: TestClient[], code: string, perSocket: number, prefix: string) {
  return Promise.all(
    sockets.flatMap((socket, s) =>
      Array.from({ length: perSocket }, (_, k) =>
        socket.send('game:join', { code, nickname: `${prefix}${s}-${k}`, seatToken: newSeatToken() }),
      ),
    ),
  );
}

describe('a class of 200 behind one address', () => {
  it('is seated at once and never slowed', async () => {
    const { url } = await start();
    const { code, host } = await createGame(url);
    open.push(host);
    const joinPages = await guests(url, 20);
    const tokens: string[] = [];
    const acks = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const seatToken = newSeatToken();
        tokens.push(seatToken);
        return joinPages[i % 20]!.send('game:join', { code, nickname: `student${i}`, seatToken });
      }),
    );
    expect(acks.map(codeOf).filter((c) => c !== 'ok')).toEqual([]);
    const players = await Promise.all(tokens.map((token) => TestClient.connect(url, { role: 'player', code, token })));
    open.push(...players);
    // Everyone at once: a snapshot and a handful of button presses each.
    const answers = await Promise.all(
      players.flatMap((player) => [
        player.sendRaw('sync:snapshot', {}),
        ...Array.from({ length: 5 }, () => player.sendRaw('team:lock-prediction', { part: 1, value: 100 })),
      ]),
    );
    expect(answers.map(codeOf).filter((c) => c === 'rate/limited')).toEqual([]);
  });
});

describe('one address with many sockets', () => {
  it('is held to its budget, and a snapshot costs more than a cheap message', async () => {
    const { url } = await start({
      rateLimit: { perSecond: 1_000, burst: 1_000 },
      app: { addressRateLimits: { messages: { perSecond: 0.001, burst: 100 } } },
    });
    const sockets = await guests(url, 10);
    // 20 peeks cost 20 of the address's 100.
    const peeks = await Promise.all(sockets.flatMap((s) => [s.sendRaw('game:peek', { code: 'ZZZZZZ' }), s.sendRaw('game:peek', { code: 'ZZZZZZ' })]));
    expect(peeks.map(codeOf).filter((c) => c === 'rate/limited')).toEqual([]);
    // 50 snapshots would cost 250; the 80 left pay for 16 of them.
    const snapshots = await Promise.all(sockets.flatMap((s) => Array.from({ length: 5 }, () => s.sendRaw('sync:snapshot', {}))));
    const limited = snapshots.filter((ack) => codeOf(ack) === 'rate/limited');
    expect(limited).toHaveLength(50 - 16);
    expect((limited[0] as { message: string }).message).toMatch(/your network/i);
    expect(sockets.every((s) => s.socket.connected)).toBe(true);
  });
});

describe('joins from one address', () => {
  it('seat a class at once but not a swarm of bots', async () => {
    const { url } = await start({ rateLimit: { perSecond: 1_000, burst: 1_000 } });
    const { code, host } = await createGame(url);
    open.push(host);
    const bots = await guests(url, 50);
    const adaToken = newSeatToken();
    expect(codeOf(await bots[0]!.send('game:join', { code, nickname: 'ada', seatToken: adaToken }))).toBe('ok');
    const began = Date.now();
    const acks = await joinsFrom(bots, code, 24, 'bot');
    const seconds = (Date.now() - began) / 1000;
    const seated = acks.filter((ack) => ack.ok).length;
    // The budget: 400 at once, then 20 a second.
    expect(seated).toBeGreaterThanOrEqual(399);
    expect(seated).toBeLessThanOrEqual(399 + Math.ceil(20 * seconds) + 1);
    const refused = acks.find((ack) => !ack.ok);
    expect(refused).toMatchObject({ code: 'rate/limited', message: expect.stringMatching(/joining from your network/i) });
    // A retried join of a seat that exists costs nothing: it is answered with its seat, budget or not.
    expect(await bots[1]!.send('game:join', { code, nickname: 'ada', seatToken: adaToken })).toMatchObject({ ok: true });
  });
});

describe('game creations from one address', () => {
  it('allow an instructor a handful and refuse a script', async () => {
    const { url } = await start({ rateLimit: { perSecond: 1_000, burst: 1_000 } });
    const [laptop] = await guests(url, 1);
    const acks = await Promise.all(Array.from({ length: 2_000 }, () => laptop!.send('game:create', {})));
    const created = acks.filter((ack) => ack.ok).length;
    expect(created).toBeGreaterThanOrEqual(5);
    expect(created).toBeLessThanOrEqual(11);
    expect(acks.find((ack) => !ack.ok)).toMatchObject({ code: 'rate/limited', message: expect.stringMatching(/games were created/i) });
  });
});

describe('snapshots', () => {
  it('of a version and presence already built are served from the cache', async () => {
    const { url, app } = await start({ rateLimit: { perSecond: 1_000, burst: 1_000 } });
    const { code, host } = await createGame(url);
    open.push(host);
    const [joinPage] = await guests(url, 1);
    const token = newSeatToken();
    expect(codeOf(await joinPage!.send('game:join', { code, nickname: 'ada', seatToken: token }))).toBe('ok');
    const ada = await TestClient.connect(url, { role: 'player', code, token });
    open.push(ada);
    await host.nextView((v) => v.onlineCount === 1, 'ada online');
    const first = await ada.sendRaw('sync:snapshot', {});
    const built = app.realtime.broadcaster.projections;
    expect(built).toBeGreaterThan(0);
    const again = await Promise.all(Array.from({ length: 20 }, () => ada.sendRaw('sync:snapshot', {})));
    expect(app.realtime.broadcaster.projections).toBe(built);
    expect(again.every((ack) => JSON.stringify(ack) === JSON.stringify(first))).toBe(true);
    // A change builds the next version once.
    expect(await host.send('host:lock-room', { locked: true })).toEqual({ ok: true });
    const changed = (await ada.sendRaw('sync:snapshot', {})) as { view: { version: number; roomLocked: boolean } };
    expect(changed.view.roomLocked).toBe(true);
  });
});
