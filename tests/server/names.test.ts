// Nicknames are how a class sees itself on the projector: a look-alike of someone's name or an invisible one
// must be refused, and an ordinary name must never be called inappropriate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient, createGame, newSeatToken } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const open: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ rateLimit: { perSecond: 1_000, burst: 1_000 } });
});
afterEach(async () => {
  for (const client of open.splice(0)) client.close();
  await server.close();
});

async function lobby() {
  const { code, host } = await createGame(server.url);
  const guest = await TestClient.connect(server.url, { role: 'guest' });
  open.push(host, guest);
  const join = (nickname: string) => guest.send('game:join', { code, nickname, seatToken: newSeatToken() });
  return { join, host };
}

describe('look-alike nicknames', () => {
  it('are refused as taken: a Cyrillic А beside Alice, a capital I for an l, a change of case', async () => {
    const { join } = await lobby();
    expect(await join('Alice')).toMatchObject({ ok: true });
    expect(await join('\u0410lice')).toMatchObject({ ok: false, code: 'nickname/taken', message: expect.stringMatching(/looks just like/) });
    expect(await join('AIice')).toMatchObject({ ok: false, code: 'nickname/taken' });
    expect(await join('ALICE')).toMatchObject({ ok: false, code: 'nickname/taken' });
    expect(await join('A\u3164lice')).toMatchObject({ ok: false, code: 'nickname/taken' });
    expect(await join('Alicia')).toMatchObject({ ok: true });
  });
});

describe('invisible nicknames', () => {
  it('are refused as invalid (Hangul filler U+3164, blank braille U+2800), and invisibles inside a name are dropped', async () => {
    const { join, host } = await lobby();
    for (const nickname of ['\u3164', '\u2800', '\u2800 \u2800', '\u115f\u1160', '\ufe0f', '\u0301\u0301']) {
      expect(await join(nickname), JSON.stringify(nickname)).toMatchObject({ ok: false, code: 'nickname/invalid' });
    }
    expect(await join('Bo\u3164b')).toMatchObject({ ok: true });
    const view = await host.nextView((v) => v.playerCount === 1, 'Bob seated');
    expect(view.teams.flatMap((t) => t.members.map((m) => m.nickname))).toEqual(['Bob']);
  });
});

describe('the profanity list', () => {
  it('accepts ordinary names and codes', async () => {
    const { join } = await lobby();
    const names = ['Dick Smith', 'Cum laude', 'n16-alex', 'n16-bot', 'Emily Dickinson', 'Fukuda', 'Pornpimol', 'Analia', 'Fagan', 'Dikshit', 'Cumming'];
    for (const nickname of names) expect(await join(nickname), nickname).toMatchObject({ ok: true });
  });

  it('still refuses the words it is for, in leetspeak too', async () => {
    const { join } = await lobby();
    for (const nickname of ['n1gger', 'n16ger', 'fuck', 'sh1thead', 'cum', 'porn', 'slut']) {
      expect(await join(nickname), nickname).toMatchObject({ ok: false, code: 'nickname/inappropriate' });
    }
  });
});
