// A whole Part 1 over real sockets: four teams, one per track, two players each, a host and a screen.
import { describe, expect, it } from 'vitest';
import type { ScreenView, View } from '../../shared/protocol/views.js';
import { TestClient, createGame, joinGame, type HostClient, type TeamClient } from '../support/client.js';
import { useTestServer } from '../support/server.js';
import { ok } from '../support/table.js';

const t = useTestServer();

interface Table {
  code: string;
  host: HostClient;
  screen: TestClient<ScreenView>;
  /** players[team index][0 or 1] */
  players: TeamClient[][];
}

async function table(): Promise<Table> {
  const { code, host } = await createGame(t.server.url, { teamCount: 4 });
  const screen = await TestClient.connect<ScreenView>(t.server.url, { role: 'screen', code });
  t.clients.push(host, screen);
  const players: TeamClient[][] = [[], [], [], []];
  for (let i = 0; i < 8; i++) {
    const { player } = await joinGame(t.server.url, code, `player${i + 1}`);
    t.clients.push(player);
    players[i % 4]!.push(player);
  }
  return { code, host, screen, players };
}

/** Every number anywhere in a message. */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) numbersIn(item, out);
  return out;
}

const PREDICTIONS = [401, 402, 403, 404];
const TRUTHS = [73, 53, 44, 39]; // Cloud Titan, Edge Guardian, Mobile Nomad, Tiny Pioneer at the defaults

describe('Part 1 with four teams', () => {
  it('plays from the lobby through the reveal and the reflection, scoring on the leaderboard', async () => {
    const { host, screen, players } = await table();
    await ok(host.send('host:set-settings', { timerMinutes: null }));
    await ok(host.send('host:start', {}));
    for (const team of players) await team[0]!.nextView((v) => v.phase === 'briefing', 'the briefing');
    await ok(host.send('host:next', {}));
    for (const team of players) {
      const view = await team[0]!.nextView((v) => v.phase === 'part1' && v.step === 'play', 'part 1');
      expect(view.part1).toMatchObject({ prediction: null, workbench: null, reveal: null });
    }

    // Teams lock at different times; any member locks for the team, once.
    const predictions = [60, 80, 44, 500];
    for (const [i, team] of players.entries()) {
      await ok(team[1]!.send('team:lock-prediction', { part: 1, value: predictions[i]! }));
      expect(await team[0]!.send('team:lock-prediction', { part: 1, value: 7 })).toMatchObject({
        ok: false,
        code: 'lock/already-locked',
      });
      const mate = await team[0]!.nextView((v) => v.part1?.prediction === predictions[i], 'the lock seen by a teammate');
      expect(mate.part1!.lockedByNickname).toBe(`player${i + 5}`);
      expect(mate.part1!.workbench).not.toBeNull();
      expect(mate.part1!.reveal).toBeNull();
    }
    const live = await host.nextView((v) => v.part1?.teams.every((t) => t.prediction !== null) ?? false, 'all locks at the host');
    expect(live.part1!.teams.map((t) => [t.prediction, t.reveal.actual])).toEqual(predictions.map((p, i) => [p, TRUTHS[i]]));
    expect(live.part1!.revealed).toBe(false);
    await screen.nextView((v) => v.part1?.locked.every((l) => l.locked) ?? false, 'four locks on the screen');
    expect(screen.view.part1!.results).toBeNull();

    await ok(host.send('host:reveal', {}));
    for (const [i, team] of players.entries()) {
      const view = await team[0]!.nextView((v) => v.step === 'reveal', 'the reveal');
      expect(view.part1!.reveal).toMatchObject({ predicted: predictions[i], actual: TRUTHS[i] });
    }
    const revealed = players[0]![0]!.view.part1!.reveal!;
    expect(revealed.ratio).toBeCloseTo(73 / 60, 6);
    expect(revealed.within30).toBe(true);
    const screenRevealed = await screen.nextView((v) => (v.part1?.results ?? null) !== null, 'results on the screen');
    expect(screenRevealed.part1!.results!.map((r) => [r.reveal.predicted, r.reveal.actual])).toEqual(
      predictions.map((p, i) => [p, TRUTHS[i]]),
    );
    // The projector reads the badge from the server: no page recomputes the within-30 % rule.
    expect(screenRevealed.part1!.results![0]!.reveal.within30).toBe(true);
    // Mobile Nomad hit N* exactly, Cloud Titan was close, Tiny Pioneer off by more than ten times.
    expect(screenRevealed.leaderboard.map((r) => [r.name, r.learning])).toEqual([
      ['Team 3', 100],
      ['Team 1', 91],
      ['Team 2', 82],
      ['Team 4', 0],
    ]);

    await ok(host.send('host:next', {}));
    // An answer with no real justification is no reflection: refused with a reason a student can act on, and
    // the team is not counted as reflected (nor scored) for it.
    for (const text of ['', '   \n\t ', 'Because.', '  N² toil  ']) {
      expect(await players[3]![0]!.send('team:reflect', { part: 1, choice: 'b', text })).toEqual({
        ok: false,
        code: 'reflection/too-short',
        message: 'Write a justification of at least 10 characters: say in a few words why you chose that answer.',
      });
    }
    const reflectStep = await screen.nextView((v) => v.step === 'reflect', 'the reflect step');
    expect(reflectStep.part1!.reflected.filter((r) => r.reflected)).toEqual([]);
    await ok(players[3]![0]!.send('team:reflect', { part: 1, choice: 'a', text: '  Dependencies are pairwise.  ' }));
    const reflections = await host.nextView((v) => (v.part1?.teams[3]?.reflection ?? null) !== null, 'the reflection at the host');
    expect(reflections.part1!.teams[3]!.reflection).toEqual({
      choice: 'a',
      text: 'Dependencies are pairwise.',
      byNickname: 'player4',
    });
    const board = await players[3]![1]!.nextView((v) => v.leaderboard.some((r) => r.teamId === 't4' && r.learning === 50));
    expect(board.part1!.reflection?.byNickname).toBe('player4');

    // Parts 2 and 3 follow; skipping through them (play, reveal, reflect) leads to the debrief.
    await ok(host.send('host:next', {}));
    await screen.nextView((v) => v.phase === 'part2', 'part 2');
    for (let i = 0; i < 3; i++) await ok(host.send('host:next', {}));
    await screen.nextView((v) => v.phase === 'part3', 'part 3');
    for (let i = 0; i < 3; i++) await ok(host.send('host:next', {}));
    const end = await screen.nextView((v) => v.phase === 'debrief', 'the debrief');
    expect(end.leaderboard[0]!.name).toBe('Team 3');
  });

  it('never sends the screen or another team a prediction before the reveal', async () => {
    const { host, screen, players } = await table();
    await ok(host.send('host:start', {}));
    await ok(host.send('host:next', {}));
    for (const [i, team] of players.entries()) await ok(team[0]!.send('team:lock-prediction', { part: 1, value: PREDICTIONS[i]! }));
    await host.nextView((v) => v.part1?.teams.every((t) => t.prediction !== null) ?? false, 'all locks');
    await screen.nextView((v) => v.part1?.locked.every((l) => l.locked) ?? false, 'all locks on the screen');
    for (const team of players) await team[1]!.nextView((v) => (v.part1?.prediction ?? null) !== null, 'own lock');

    const beforeReveal = (client: TestClient<View>) => client.views.slice();
    expect(numbersIn(beforeReveal(screen as TestClient<View>)).filter((n) => PREDICTIONS.includes(n))).toEqual([]);
    for (const [i, team] of players.entries()) {
      const others = PREDICTIONS.filter((_, j) => j !== i);
      for (const member of team) {
        const seen = numbersIn(beforeReveal(member as TestClient<View>));
        expect(seen.filter((n) => others.includes(n)), `team ${i + 1}`).toEqual([]);
        expect(seen.filter((n) => TRUTHS.includes(n)), `no truth for team ${i + 1}`).toEqual([]);
      }
    }
    // The host, and only the host, saw everything live.
    expect(numbersIn(host.views).filter((n) => PREDICTIONS.includes(n)).length).toBeGreaterThan(0);
  });

  it('refuses intents outside their role and phase over the wire', async () => {
    const { host, screen, players } = await table();
    const ada = players[0]![0]!;
    expect(await ada.send('team:lock-prediction', { part: 1, value: 50 })).toMatchObject({ code: 'phase/closed' });
    expect(await ada.sendRaw('host:reveal', {})).toMatchObject({ code: 'auth/forbidden' });
    expect(await ada.sendRaw('host:start', {})).toMatchObject({ code: 'auth/forbidden' });
    expect(await host.sendRaw('team:lock-prediction', { part: 1, value: 50 })).toMatchObject({ code: 'auth/forbidden' });
    expect(await screen.sendRaw('team:reflect', { part: 1, choice: 'a', text: 'x' })).toMatchObject({ code: 'auth/forbidden' });
    expect(await ada.sendRaw('team:lock-prediction', { part: 1, value: 0 })).toMatchObject({ code: 'intent/invalid' });
    expect(await ada.sendRaw('team:lock-prediction', { part: 4, value: 50 })).toMatchObject({ code: 'intent/invalid' });
    expect(await ada.sendRaw('team:reflect', { part: 1, choice: 'e', text: 'x' })).toMatchObject({ code: 'intent/invalid' });
    expect(await ada.sendRaw('team:reflect', { part: 1, choice: 'a', text: 'x'.repeat(1001) })).toMatchObject({ code: 'intent/invalid' });
    await ok(host.send('host:start', {}));
    await ok(host.send('host:next', {}));
    await ok(host.send('host:pause', {}));
    expect(await ada.send('team:lock-prediction', { part: 1, value: 50 })).toMatchObject({ code: 'game/paused' });
    await ok(host.send('host:resume', {}));
    expect(await ada.send('team:lock-prediction', { part: 1, value: 501 })).toMatchObject({ code: 'lock/out-of-range' });
    expect(await ada.send('team:lock-prediction', { part: 2, value: 50 })).toMatchObject({ code: 'phase/closed' });
    await ok(ada.send('team:lock-prediction', { part: 1, value: 50, rid: 'lock-1' }));
    // A retried lock with the same request id is the same lock, not a refusal.
    expect(await ada.send('team:lock-prediction', { part: 1, value: 50, rid: 'lock-1' })).toEqual({ ok: true });
  });
});

describe('the part timer on the server', () => {
  it('runs out by the server clock and reveals by itself when auto-advance is on', async () => {
    const { host, players } = await table();
    await ok(host.send('host:set-settings', { timerMinutes: 2, autoAdvance: true }));
    await ok(host.send('host:start', {}));
    await ok(host.send('host:next', {}));
    const playing = await host.nextView((v) => v.step === 'play');
    expect(playing.timer).toMatchObject({ durationMs: 120_000, expired: false });
    await ok(host.send('host:extend-timer', { minutes: 1 }));
    t.skewMs = 3 * 60_000 + 1000;
    const revealed = await players[2]![0]!.nextView((v) => v.step === 'reveal', 'the automatic reveal');
    expect(revealed.part1!.reveal).toMatchObject({ predicted: null, actual: 44, score: 0 });
  });

  it('says time is up and waits for the host when auto-advance is off', async () => {
    const { host } = await table();
    await ok(host.send('host:set-settings', { timerMinutes: 1 }));
    await ok(host.send('host:start', {}));
    await ok(host.send('host:next', {}));
    t.skewMs = 61_000;
    const expired = await host.nextView((v) => v.timer?.expired === true, 'time is up');
    expect(expired.step).toBe('play');
  });
});
