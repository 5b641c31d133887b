// A full disk is a store failure, not a fault: `game:create` and every other write answer `store/failed` and
// apply nothing. The database is filled for real (a real SQLite file capped by max_page_count).
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient, newSeatToken } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer | undefined;
const open: TestClient[] = [];

afterEach(async () => {
  for (const client of open.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

describe('a full database', () => {
  it('refuses game:create and joins with store/failed, and applies nothing', async () => {
    // The cap cannot go below the file's size: 1 means "no page more than the schema has now".
    server = await startTestServer({
      store: { maxPageCount: 1 },
      rateLimit: { perSecond: 10_000, burst: 10_000 },
      app: { addressRateLimits: { creates: { perSecond: 100, burst: 1_000 }, joins: { perSecond: 100, burst: 10_000 } } },
    });
    const guest = await TestClient.connect(server.url, { role: 'guest' });
    open.push(guest);
    const codes: string[] = [];
    let refusal: unknown = null;
    for (let i = 0; i < 500 && refusal === null; i++) {
      const ack = await guest.send('game:create', {});
      if (ack.ok) codes.push(ack.code);
      else refusal = ack;
    }
    expect(refusal).toEqual({ ok: false, code: 'store/failed', message: expect.any(String) });
    // Only the games whose rows were written exist.
    expect(server.app.realtime.rooms.size).toBe(codes.length);

    // Joins fill what is left, then fail the same way and change nothing.
    const code = codes[0]!;
    let joinRefusal: unknown = null;
    for (let i = 0; i < 2_000 && joinRefusal === null; i++) {
      const ack = await guest.send('game:join', { code, nickname: `p${i}`, seatToken: newSeatToken() });
      if (!ack.ok) joinRefusal = ack;
    }
    expect(joinRefusal).toMatchObject({ ok: false, code: 'store/failed' });
    const room = server.app.realtime.rooms.get(code)!;
    const before = room.state.version;
    expect(await guest.send('game:join', { code, nickname: 'one-more', seatToken: newSeatToken() })).toMatchObject({ code: 'store/failed' });
    expect(room.state.version).toBe(before);
  });
});
