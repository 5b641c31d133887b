// The debrief over real sockets: a game played to its end with canary decisions, then its timeline, a replay the
// host drives on the projector (scrubbing to a decision shows what the projector showed live at that version, and
// the last version has the live game's hash), a "what if", and every refusal with its code.
import { describe, expect, it } from 'vitest';
import type { Tick } from '../../shared/protocol/events.js';
import type { HostView, ScreenView, TeamView } from '../../shared/protocol/views.js';
import { predictionLines } from '../../shared/sim/debrief/predictions.js';
import { debriefFromLog } from '../../shared/sim/debrief/timeline.js';
import { TestClient, createGame, joinGame, type TeamClient } from '../support/client.js';
import { useTestServer } from '../support/server.js';
import { ok } from '../support/table.js';

// A replay's moves and a "what if" work in slices of no time at all here: each step is a turn of the event loop, so
// the test can see the server answer others while one is worked out.
const t = useTestServer({ app: { debriefSliceMs: 0 } });

const RUN = { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'random', sprt: false } as const;

/** Moves the server clock a real second forward until a tick passes `hours` more of Part 2. */
async function advance<V extends TeamView | HostView | ScreenView>(client: TestClient<V>, hours: number) {
  const target = (client.ticks.at(-1)?.part2?.hours ?? 0) + hours;
  while ((client.ticks.at(-1)?.part2?.hours ?? 0) < target) {
    t.skewMs += 1000;
    const seen = client.ticks.length;
    await client.until(() => client.ticks.length > seen, 'a tick');
  }
  return client.ticks.at(-1) as Extract<Tick, { audience: V['audience'] }>;
}

/** Two teams play Part 2 with a promotion each; the game is then walked to its debrief. Returns the promotions' versions. */
async function playedGame() {
  const { code, host } = await createGame(t.server.url, { teamCount: 2 });
  const screen = await TestClient.connect<ScreenView>(t.server.url, { role: 'screen', code });
  t.clients.push(host, screen);
  const players: TeamClient[] = [];
  for (const name of ['ada', 'bob']) {
    const { player } = await joinGame(t.server.url, code, name);
    t.clients.push(player);
    players.push(player);
  }
  const [ada, bob] = players as [TeamClient, TeamClient];
  await ok(host.send('host:set-settings', { timerMinutes: null }));
  await ok(host.send('host:set-speed', { speed: 4 }));
  await ok(host.send('host:start', {}));
  for (let i = 0; i < 4; i++) await ok(host.send('host:next', {}));
  await host.nextView((v) => v.phase === 'part2' && v.step === 'play', 'part 2');
  // Before Part 2's reveal the timeline is closed: it would show each team the other's moves.
  expect(await screen.send('sync:debrief', {})).toMatchObject({ ok: false, code: 'debrief/not-yet' });
  // Nor does a phone get the class's predictions before the debrief: a team never sees another's before the reveal.
  expect(await ada.send('sync:class-predictions', {})).toMatchObject({ ok: false, code: 'debrief/not-yet' });
  await ok(ada.send('team:lock-prediction', { part: 2, value: 2995 }));
  await ok(bob.send('team:lock-prediction', { part: 2, value: 3000 }));
  await ok(ada.send('team:start-run', { config: RUN }));
  await ok(bob.send('team:start-run', { config: { ...RUN, confidence: 0.99, rate: 1e-4, shadowFraction: 0.8 } }));
  await advance(screen, 4);
  await ok(ada.send('team:promote', {}));
  const adaPromoted = (await host.nextView((v) => v.part2?.teams[0]?.runs[0]?.stage === 0, 'the promotion')).version;
  await advance(screen, 2);
  await ok(bob.send('team:promote', {}));
  const bobPromoted = (await host.nextView((v) => v.part2?.teams[1]?.runs[0]?.stage === 0, 'the promotion')).version;
  await advance(screen, 2);
  // Replay belongs to a finished game.
  expect(await host.send('host:replay-open', {})).toMatchObject({ ok: false, code: 'replay/not-finished' });
  for (let i = 0; i < 6; i++) await ok(host.send('host:next', {}));
  await host.nextView((v) => v.phase === 'debrief', 'the debrief');
  return { code, host, screen, ada, bob, adaPromoted, bobPromoted };
}

describe('the debrief of a played game', () => {
  it('replays on the projector: scrub to a decision shows the live view of that version, and the end has the live hash', async () => {
    const { code, host, screen, ada, adaPromoted } = await playedGame();

    const timeline = await ok(host.send('sync:debrief', {}));
    if (!timeline.ok) throw new Error('refused');
    const decision = timeline.debrief.entries.find((e) => e.version === adaPromoted)!;
    expect(decision).toMatchObject({ teamId: 't1', part: 'part2', kind: 'decision' });
    expect(decision.label).toMatch(/^Promote run 1 to 1 % \(confidence [\d.]+ % of 95 %\)$/);
    expect(timeline.debrief.talkingPoints.map((p) => p.text)).toContain('Team 2 locked 3000: the rule of three. Ask why the exact answer is 2995.');
    // The server followed the game live; walking its stored log gives the very same timeline.
    const room = t.server.app.realtime.rooms.get(code)!;
    const fromLog = debriefFromLog(room.config, t.server.store.loadLog(code).map((e) => e.action), 'host');
    expect(timeline.debrief).toEqual(fromLog);
    const forScreen = await ok(screen.send('sync:debrief', {}));
    if (!forScreen.ok) throw new Error('refused');
    expect(forScreen.debrief.entries).toEqual(timeline.debrief.entries);
    expect(forScreen.debrief.talkingPoints).toEqual([]);

    // Only the host drives the replay, with valid input, once it is open.
    expect(await ada.send('host:replay-open', {})).toMatchObject({ ok: false, code: 'auth/forbidden' });
    expect(await screen.send('host:replay-play', {})).toMatchObject({ ok: false, code: 'auth/forbidden' });
    expect(await host.send('host:replay-seek', { version: 3 })).toMatchObject({ ok: false, code: 'replay/closed' });
    expect(await host.send('host:replay-seek', { version: -1 })).toMatchObject({ ok: false, code: 'intent/invalid' });
    expect(await host.sendRaw('host:replay-speed', { speed: 3 })).toMatchObject({ ok: false, code: 'intent/invalid' });
    await ok(host.send('host:replay-open', {}));
    await screen.until(() => screen.studios.at(-1)?.replay?.version === 0, 'the replay at its start');
    const last = screen.studios.at(-1)!.replay!.last;
    expect(last).toBe(host.view.version);
    expect(await host.send('host:replay-seek', { version: last + 1 })).toMatchObject({ ok: false, code: 'replay/out-of-range' });

    // Scrubbing to Ada's promotion shows exactly what the projector showed live at that version.
    const live = screen.views.find((v) => v.version === adaPromoted);
    expect(live, 'the live screen view of the promotion').toBeDefined();
    const seek = await ok(host.send('host:replay-seek', { version: adaPromoted }));
    if (!seek.ok) throw new Error('refused');
    expect(seek.view).toEqual(live);
    expect(seek.frame.matchesLive).toBeNull();
    await screen.until(() => screen.studios.at(-1)?.replay?.version === adaPromoted, 'the scrubbed frame on the projector');

    // Played at the fastest speed it reaches the end, where its state has the live game's hash.
    await ok(host.send('host:replay-speed', { speed: 64 }));
    await ok(host.send('host:replay-play', {}));
    await screen.until(() => screen.studios.at(-1)?.replay?.version === last, 'the end of the replay');
    expect(screen.studios.at(-1)!.replay).toMatchObject({ playing: false, matchesLive: true });
    expect(screen.studios.at(-1)!.replay!.view.phase).toBe('debrief');
    await ok(host.send('host:replay-pause', {}));
    await ok(host.send('host:replay-close', {}));
    await screen.until(() => screen.studios.at(-1)?.replay === null, 'the replay closed');
    // A projector that connects later sees nothing open.
    const late = t.track(await TestClient.connect<ScreenView>(t.server.url, { role: 'screen', code }));
    expect(late.studios).toEqual([]);
    // Opened again, the replay starts from the beginning (the states kept on the way are reused) and ends on
    // the live game's hash.
    await ok(host.send('host:replay-open', {}));
    await late.until(() => late.studios.at(-1)?.replay?.version === 0, 'the replay at its start again');
    const end = await ok(host.send('host:replay-seek', { version: last }));
    if (!end.ok) throw new Error('refused');
    expect(end.frame.matchesLive).toBe(true);
  });

  it("gives every phone the projector's table of predictions at the debrief, and the projector every ledger", async () => {
    const { host, screen, ada, bob } = await playedGame();
    const answer = await ok(ada.send('sync:class-predictions', {}));
    if (!answer.ok) throw new Error('refused');
    // Exactly what the projector shows: every team, every part revealed, nothing else.
    expect(answer.table).toEqual(predictionLines(screen.view));
    expect(answer.table.parts).toEqual([1, 2, 3]);
    expect(answer.table.lines.find((l) => l.name === 'Team 2')!.cells[2]).toMatchObject({ predicted: '3,000', actual: '2,995' });
    expect(await bob.send('sync:class-predictions', {})).toEqual(answer);
    // Phones only, and with nothing in the payload.
    expect(await screen.send('sync:class-predictions', {})).toMatchObject({ ok: false, code: 'auth/forbidden' });
    expect(await host.send('sync:class-predictions', {})).toMatchObject({ ok: false, code: 'auth/forbidden' });
    expect(await ada.sendRaw('sync:class-predictions', { teamId: 't2' })).toMatchObject({ ok: false, code: 'intent/invalid' });
    // The projector's debrief carries each team's ledger (Part 3 is revealed); the host's console has them already.
    const forScreen = await ok(screen.send('sync:debrief', {}));
    if (!forScreen.ok) throw new Error('refused');
    expect(forScreen.debrief.ledgers.map((l) => l.teamId)).toEqual(['t1', 't2']);
    const forHost = await ok(host.send('sync:debrief', {}));
    if (!forHost.ok) throw new Error('refused');
    expect(forHost.debrief.ledgers).toEqual([]);
  });

  it('branches a what-if at a decision without touching the real game', async () => {
    const { code, host, screen, bob, adaPromoted } = await playedGame();
    const logBefore = t.server.store.loadLog(code);
    const board = host.view.leaderboard;

    expect(await bob.send('host:what-if', { version: adaPromoted, replacement: 'rollback' })).toMatchObject({ ok: false, code: 'auth/forbidden' });
    expect(await host.send('host:what-if', { version: adaPromoted, replacement: 'promote' })).toMatchObject({ ok: false, code: 'whatif/same' });
    expect(await host.send('host:what-if', { version: 2, replacement: 'rollback' })).toMatchObject({ ok: false, code: 'whatif/not-a-decision' });
    expect(await host.sendRaw('host:what-if', { version: adaPromoted, replacement: 'launch' })).toMatchObject({ ok: false, code: 'intent/invalid' });

    const result = await ok(host.send('host:what-if', { version: adaPromoted, replacement: 'rollback' }));
    if (!result.ok) throw new Error('refused');
    const { whatIf } = result;
    expect(whatIf).toMatchObject({ teamName: 'Team 1', decision: { version: adaPromoted }, replacement: { id: 'rollback' } });
    const lastRun = (side: typeof whatIf.live) => side.facts.find((f) => f.label === 'Last run')!.value;
    expect(lastRun(whatIf.live)).toMatch(/^shipped|^running|^holding/);
    expect(lastRun(whatIf.branch)).toMatch(/^rolled-back/);
    await screen.until(() => screen.studios.at(-1)?.whatIf?.decision.version === adaPromoted, 'the what-if on the projector');

    // Nothing of the real game changed: its log, its version, its leaderboard.
    expect(t.server.store.loadLog(code)).toEqual(logBefore);
    const snapshot = await ok(host.send('sync:snapshot', {}));
    if (!snapshot.ok) throw new Error('refused');
    expect(snapshot.view.version).toBe(logBefore.length);
    expect(snapshot.view.leaderboard).toEqual(board);
    await ok(host.send('host:what-if-clear', {}));
    await screen.until(() => screen.studios.at(-1)?.whatIf === null, 'the what-if cleared');
  });

  it('works out one "what if" at a time, and answers the room meanwhile', async () => {
    const { host, screen, adaPromoted } = await playedGame();
    const answered: string[] = [];
    const note = <T>(name: string, ack: Promise<T>) => ack.then((result) => (answered.push(name), result));
    const first = note('first what-if', host.send('host:what-if', { version: adaPromoted, replacement: 'rollback' }));
    const second = note('second what-if', host.send('host:what-if', { version: adaPromoted, replacement: 'extend' }));
    const projector = note('projector', screen.send('sync:debrief', {}));
    expect(await second).toMatchObject({ ok: false, code: 'whatif/running' });
    await ok(projector);
    await ok(first);
    // The projector's request came after the what-if's and was answered before it was done. (The projector's
    // ack and the second what-if's travel on two sockets: which of them arrives first is the network's choice.)
    expect(answered).toHaveLength(3);
    expect(answered.at(-1)).toBe('first what-if');
    // Once done, the next one is worked out.
    await ok(host.send('host:what-if', { version: adaPromoted, replacement: 'extend' }));
  });
});
