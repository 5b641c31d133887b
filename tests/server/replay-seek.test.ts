// A replay's seek of a big game over real sockets, on the server's real slices (8 ms). The game: 40 teams of 30
// players and 900 ticks of Part 2 (2,237 actions, tests/support/busy-log.ts), stored as a finished game and loaded
// when its host connects, as after a restart. The first seek to its end replays all of it (about half a second to
// a second on this machine): the server must keep answering everyone meanwhile — the projector, and the other
// games on the server — and a host dragging the slider fast must end on where the slider stopped.
import { describe, expect, it } from 'vitest';
import type { HostView, ScreenView } from '../../shared/protocol/views.js';
import { projectScreen } from '../../shared/sim/project.js';
import { replayTo } from '../../shared/sim/replay.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import type { GameConfig } from '../../shared/sim/state.js';
import { hashToken, newGameCode, newSeed, newToken } from '../../server/tokens.js';
import { busyLog } from '../support/busy-log.js';
import { TestClient, createGame } from '../support/client.js';
import { useTestServer } from '../support/server.js';
import { ok } from '../support/table.js';

const t = useTestServer();

// One log for every test (building it runs the reducer over it once); each test stores it as a game of its own,
// so that each starts with a cold replay cursor. The simulation draws from the seed alone, not from the code.
const seed = newSeed();
const { log } = busyLog({ code: newGameCode(), seed, teamCount: 40, askStudentId: false });

/** The busy game stored as finished; its host and projector connect (which loads it) and the replay opens. */
async function bigFinishedGame() {
  const config: GameConfig = { code: newGameCode(), seed, teamCount: 40, askStudentId: false };
  const token = newToken();
  const { store } = t.server;
  expect(store.createGame(config, hashToken(token), new Date().toISOString(), RULES_VERSION)).toBe(true);
  store.replaceLog(config.code, RULES_VERSION, log.map((action, i) => ({ seq: i + 1, action, idem: null, at: Date.now() })));
  store.markFinished(config.code, new Date().toISOString());
  const host = t.track(await TestClient.connect<HostView>(t.server.url, { role: 'host', code: config.code, token }));
  const screen = t.track(await TestClient.connect<ScreenView>(t.server.url, { role: 'screen', code: config.code }));
  expect(host.view.phase).toBe('debrief');
  await ok(host.send('host:replay-open', {}));
  await screen.until(() => screen.studios.at(-1)?.replay?.version === 0, 'the replay at its start');
  return { config, host, screen, last: log.length };
}

describe('a replay seek across a big game', () => {
  it('answers the projector, the host and another game while it replays the whole game', async () => {
    const { host, screen, last } = await bigFinishedGame();
    const other = await createGame(t.server.url, { teamCount: 2 });
    t.track(other.host);

    const answered: string[] = [];
    const note = <T>(name: string, ack: Promise<T>) => ack.then((result) => (answered.push(name), result));
    const seek = note('seek', host.send('host:replay-seek', { version: last }));
    // Sent after the seek on the same socket, so the server reads it after the seek has started.
    await ok(note('host', host.send('sync:snapshot', {})));
    // The seek is still being worked out: the projector and another game are answered meanwhile.
    await Promise.all([ok(note('projector', screen.send('sync:snapshot', {}))), ok(note('other game', other.host.send('sync:snapshot', {})))]);
    expect(answered).not.toContain('seek');
    const done = await ok(seek);
    expect(answered.at(-1)).toBe('seek');
    // Exact at the end: the replayed state is the live game's.
    if (!done.ok) throw new Error('refused');
    expect(done.frame).toMatchObject({ version: last, last, matchesLive: true });
    await screen.until(() => screen.studios.at(-1)?.replay?.version === last, 'the end on the projector');
  });

  it('ends on the last position of a fast drag, with the frame of that very version, and never shows one it passed', async () => {
    const { config, host, screen, last } = await bigFinishedGame();
    const framesBefore = screen.studios.length;
    // A host dragging the slider: five positions in a row, each sent before the previous one is answered.
    const positions = [last, 120, last - 3, 1_500, 777];
    const acks = await Promise.all(positions.map((version) => ok(host.send('host:replay-seek', { version }))));
    // Every seek waited for the same move, which took the newest target over: all of them answer 777.
    const expected = projectScreen(replayTo(config, log, 777));
    for (const ack of acks) {
      if (!ack.ok) throw new Error('refused');
      expect(ack.frame.version).toBe(777);
      expect(ack.view).toEqual(expected);
    }
    // A seek after the drag moves again, from there.
    const next = await ok(host.send('host:replay-seek', { version: 800 }));
    if (!next.ok) throw new Error('refused');
    expect(next.view).toEqual(projectScreen(replayTo(config, log, 800)));
    // The projector was sent one frame for the whole drag, the position where it stopped, then the next seek's
    // (frames arrive in order, so once 800 is there every frame of the drag is too).
    await screen.until(() => screen.studios.at(-1)?.replay?.version === 800, 'the next seek on the projector');
    expect(screen.studios.slice(framesBefore).map((s) => s.replay?.version)).toEqual([777, 800]);
    expect(screen.studios.at(-2)!.replay!.view).toEqual(expected);
  });

  it('refuses a seek whose replay the host closed while it was worked out', async () => {
    const { host, screen, last } = await bigFinishedGame();
    const seek = host.send('host:replay-seek', { version: last });
    await ok(host.send('host:replay-close', {}));
    expect(await seek).toMatchObject({ ok: false, code: 'replay/closed' });
    await screen.until(() => screen.studios.at(-1)?.replay === null, 'the replay closed');
    // The move went on to its end and warmed the cursor: opened again, the replay starts at 0 and the end is exact.
    await ok(host.send('host:replay-open', {}));
    const end = await ok(host.send('host:replay-seek', { version: last }));
    if (!end.ok) throw new Error('refused');
    expect(end.frame).toMatchObject({ version: last, matchesLive: true });
  });
});
