// A big finished game loaded from the store, over real sockets, on the server's real slices (8 ms). The game: 40
// teams of 30 players and 900 ticks of Part 2 (2,237 actions, tests/support/busy-log.ts), stored as finished in
// the test server's SQLite file, as after a restart. Loading it replays its whole log, and so does building its
// debrief's timeline the first time it is asked for: half a second to a second each on this machine. The server
// must keep answering the other games on it meanwhile, load the game once however many consoles ask for it at
// the same moment, and answer each of them when it is ready.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { HostView, ScreenView } from '../../shared/protocol/views.js';
import { debriefFromLog } from '../../shared/sim/debrief/timeline.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import type { GameConfig } from '../../shared/sim/state.js';
import { hashToken, newGameCode, newSeed, newToken } from '../../server/tokens.js';
import { busyLog } from '../support/busy-log.js';
import { TestClient, createGame } from '../support/client.js';
import { useTestServer } from '../support/server.js';
import { ok } from '../support/table.js';

/** What the server logs, one JSON object a line. */
const logged: { msg: string; code?: string; ms?: number }[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
const t = useTestServer({ logger });

// One log for every test (building it runs the reducer over it once); each test stores it as a game of its own.
// The simulation draws from the seed alone, not from the code.
const seed = newSeed();
const { log } = busyLog({ code: newGameCode(), seed, teamCount: 40, askStudentId: false });

/** The busy game stored as finished (not in memory), with its host token and its recovery link's secret. */
function storeBigFinishedGame() {
  const config: GameConfig = { code: newGameCode(), seed, teamCount: 40, askStudentId: false };
  const token = newToken();
  const secret = newToken();
  const { store } = t.server;
  const now = new Date().toISOString();
  expect(store.createGame(config, hashToken(token), now, RULES_VERSION)).toBe(true);
  store.addHostKey(config.code, { hash: hashToken(secret), role: 'host', kind: 'recovery' }, now);
  store.replaceLog(config.code, RULES_VERSION, log.map((action, i) => ({ seq: i + 1, action, idem: null, at: Date.now() })));
  store.markFinished(config.code, now);
  return { config, token, secret };
}

const loadsOf = (code: string) => logged.filter((line) => line.msg === 'a finished game was loaded from the store' && line.code === code);

describe('a big finished game loaded from the store', () => {
  it('answers another game while it loads, and the one who opened it once it is loaded', async () => {
    const { config, secret } = storeBigFinishedGame();
    const other = await createGame(t.server.url, { teamCount: 2 });
    t.track(other.host);
    const guest = t.track(await TestClient.connect(t.server.url, { role: 'guest' }));

    const answered: string[] = [];
    const note = <T>(name: string, ack: Promise<T>) => ack.then((result) => (answered.push(name), result));
    // The recovery link opened on a browser that never held the game: its answer waits for the load.
    const recover = note('recover', guest.send('game:recover', { code: config.code, secret }));
    // Sent after it on the same socket, so the server reads it once the load has started.
    await ok(note('peek', guest.send('game:peek', { code: other.code })));
    await ok(note('other game', other.host.send('sync:snapshot', {})));
    expect(answered).toEqual(['peek', 'other game']);
    const recovered = await ok(recover);
    if (!recovered.ok) throw new Error('refused');
    // The session it gave opens the game's console at its debrief.
    const host = t.track(await TestClient.connect<HostView>(t.server.url, { role: 'host', code: config.code, token: recovered.token }));
    expect(host.view.phase).toBe('debrief');
    expect(loadsOf(config.code)).toHaveLength(1);
  });

  it('loads the game once for consoles that open it at the same moment, and each gets it', async () => {
    const { config, token, secret } = storeBigFinishedGame();
    const guest = t.track(await TestClient.connect(t.server.url, { role: 'guest' }));
    // A recovery link, two host consoles and the projector, all at once (a room back after a restart).
    const [recovered, first, second, screen] = await Promise.all([
      ok(guest.send('game:recover', { code: config.code, secret })),
      TestClient.connect<HostView>(t.server.url, { role: 'host', code: config.code, token }),
      TestClient.connect<HostView>(t.server.url, { role: 'host', code: config.code, token }),
      TestClient.connect<ScreenView>(t.server.url, { role: 'screen', code: config.code }),
    ]);
    for (const client of [first, second, screen]) t.track(client);
    expect(recovered.ok).toBe(true);
    expect(first.view.phase).toBe('debrief');
    expect(second.view.phase).toBe('debrief');
    expect(screen.view.phase).toBe('debrief');
    // Everyone sees the same game: the same version, the same leaderboard.
    expect(second.view.version).toBe(log.length);
    expect(screen.view.leaderboard).toEqual(first.view.leaderboard);
    expect(loadsOf(config.code)).toHaveLength(1);
  });

  it("answers another game while the loaded game's timeline is built, then the host and the projector with the same debrief", async () => {
    const { config, token } = storeBigFinishedGame();
    const host = t.track(await TestClient.connect<HostView>(t.server.url, { role: 'host', code: config.code, token }));
    const screen = t.track(await TestClient.connect<ScreenView>(t.server.url, { role: 'screen', code: config.code }));
    const other = await createGame(t.server.url, { teamCount: 2 });
    t.track(other.host);

    const answered: string[] = [];
    const note = <T>(name: string, ack: Promise<T>) => ack.then((result) => (answered.push(name), result));
    // The first `sync:debrief` of a game loaded from the store walks its whole log into the timeline.
    const hostDebrief = note('host debrief', host.send('sync:debrief', {}));
    // Sent after it on the same socket, so the server reads it once the walk has started.
    await ok(note('host snapshot', host.send('sync:snapshot', {})));
    await ok(note('other game', other.host.send('sync:snapshot', {})));
    // The projector asks while the walk is under way: it waits for the same walk.
    const screenDebrief = note('screen debrief', screen.send('sync:debrief', {}));
    expect(answered).toEqual(['host snapshot', 'other game']);
    const [forHost, forScreen] = await Promise.all([ok(hostDebrief), ok(screenDebrief)]);
    if (!forHost.ok || !forScreen.ok) throw new Error('refused');
    // Exactly the debrief of the log walked at once.
    expect(forHost.debrief).toEqual(debriefFromLog(config, log, 'host'));
    expect(forScreen.debrief).toEqual(debriefFromLog(config, log, 'screen'));
    expect(forHost.debrief.entries.length).toBeGreaterThan(40);
  });
});
