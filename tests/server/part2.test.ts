// Part 2 over real sockets: four teams run canaries on their fleets while the clock ticks, the host aims
// crises, and the server enforces the lock and the 10-run rule.
import { describe, expect, it } from 'vitest';
import type { Tick } from '../../shared/protocol/events.js';
import type { HostView, ScreenView, TeamView } from '../../shared/protocol/views.js';
import { TestClient, createGame, joinGame, type TeamClient } from '../support/client.js';
import { useTestServer } from '../support/server.js';

const t = useTestServer();

async function ok(ack: Promise<{ ok: boolean; code?: string }>) {
  const result = await ack;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

const RUN = { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'stratified', sprt: false } as const;

/** Four teams (one per track, one player each), a host and a screen, in Part 2's play step. */
async function inPart2() {
  const { code, host } = await createGame(t.server.url, { teamCount: 4 });
  const screen = await TestClient.connect<ScreenView>(t.server.url, { role: 'screen', code });
  t.clients.push(host, screen);
  const players: TeamClient[] = [];
  for (const name of ['ada', 'bob', 'cy', 'dee']) {
    const { player } = await joinGame(t.server.url, code, name);
    t.clients.push(player);
    players.push(player);
  }
  await ok(host.send('host:set-settings', { timerMinutes: null }));
  await ok(host.send('host:set-speed', { speed: 4 }));
  await ok(host.send('host:start', {}));
  for (let i = 0; i < 4; i++) await ok(host.send('host:next', {}));
  await host.nextView((v) => v.phase === 'part2' && v.step === 'play', 'part 2');
  return { code, host, screen, players };
}

/** Moves the server clock a real second forward and waits for a tick that passes `hours`. */
async function advance<V extends TeamView | HostView | ScreenView>(client: TestClient<V>, hours: number) {
  const target = (client.ticks.at(-1)?.part2?.hours ?? 0) + hours;
  while ((client.ticks.at(-1)?.part2?.hours ?? 0) < target) {
    t.skewMs += 1000;
    const seen = client.ticks.length;
    await client.until(() => client.ticks.length > seen, 'a tick');
  }
  return client.ticks.at(-1) as Extract<Tick, { audience: V['audience'] }>;
}

describe('Part 2 with four teams', () => {
  it('opens the fleet after the lock, runs canaries on the ticking clock and aims crises', async () => {
    const { host, screen, players } = await inPart2();
    const [ada, bob, , dee] = players as [TeamClient, TeamClient, TeamClient, TeamClient];
    expect(await dee.send('team:start-run', { config: RUN })).toMatchObject({ ok: false, code: 'lock/required' });
    for (const [i, p] of players.entries()) await ok(p.send('team:lock-prediction', { part: 2, value: 1000 * (i + 1) }));
    const bobView = await bob.nextView((v) => v.part2?.fleet !== null && v.part2?.fleet !== undefined, 'the fleet');
    expect(bobView.part2!.fleet!.spec.cohorts.map((c) => c.shadow)).toEqual([true, true, false]);
    expect(await bob.send('team:start-run', { config: { ...RUN, shadowFraction: 0.9 } })).toMatchObject({ code: 'canary/shadow-limit' });
    await ok(bob.send('team:start-run', { config: { ...RUN, confidence: 0.99, rate: 1e-4, shadowFraction: 0.8 } }));
    await ok(ada.send('team:start-run', { config: { ...RUN, cohortMode: 'random' } }));

    // The clock runs; every team room gets light volatile ticks, never the roster.
    const tick = await advance(bob, 8);
    expect(tick.audience).toBe('team');
    expect(tick.part2!.fleet!.runs[0]!.requests).toBeGreaterThan(0);
    expect(tick.part2!.fleet!.runs[0]!.cohorts![2]!.covered).toBe(false);
    expect(JSON.stringify(tick)).not.toMatch(/"members"|"truth"/);

    // Rollout jitter on the Edge Guardian track only: banners there and on the screen, not elsewhere.
    await ok(host.send('host:crisis', { crisis: 'rollout-jitter', target: { kind: 'track', track: 'edge-guardian' } }));
    const hit = await bob.nextView((v) => v.crises.length > 0, 'the banner');
    expect(hit.crises[0]).toMatchObject({ title: 'Rollout jitter', text: expect.stringMatching(/Safety Lead/) });
    const onScreen = await screen.nextView((v) => v.crises.length > 0, 'the banner on the screen');
    expect(onScreen.crises[0]!.teamIds).toEqual(['t2']);
    expect(ada.view.crises).toEqual([]);
    const hostView = await host.nextView((v) => v.crises.length > 0, 'the crisis log');
    expect(hostView.part2!.teams[1]!.truth.map((t) => t.bad)).toEqual([false, false, true]);

    // A traffic spike scheduled for one team fires when the simulated clock gets there.
    await ok(host.send('host:crisis', { crisis: 'traffic-spike', target: { kind: 'team', teamId: 't4' }, inHours: 4 }));
    // It fires inside a tick, so it reaches the team with the tick (no full view needed).
    const spiked = await advance(dee, 8);
    expect(spiked.crises.map((c) => c.title)).toEqual(['Traffic spike']);
    const hostTick = await advance(host, 1);
    expect(hostTick.crises.map((c) => [c.id, c.fired])).toEqual([
      ['rollout-jitter', true],
      ['traffic-spike', true],
    ]);
  });

  it('enforces the 10-run rule on the server', async () => {
    const { players } = await inPart2();
    const cy = players[2]!;
    await ok(cy.send('team:lock-prediction', { part: 2, value: 2995 }));
    for (let run = 1; run <= 10; run++) {
      await ok(cy.send('team:start-run', { config: RUN }));
      expect(await cy.send('team:start-run', { config: RUN })).toMatchObject({ code: 'canary/run-active' });
      await ok(cy.send('team:rollback', {}));
    }
    expect(await cy.send('team:start-run', { config: RUN })).toMatchObject({
      ok: false,
      code: 'canary/run-limit',
      message: expect.stringMatching(/10 runs/),
    });
    const view = await cy.nextView((v) => v.part2?.fleet?.runsLeft === 0, 'no runs left');
    expect(view.part2!.fleet!.runs).toHaveLength(10);
  });

  it('stops the clock while paused', async () => {
    const { host, players } = await inPart2();
    await ok(players[0]!.send('team:lock-prediction', { part: 2, value: 3000 }));
    await advance(players[0]!, 4);
    await ok(host.send('host:pause', {}));
    const paused = await host.nextView((v) => v.paused, 'paused');
    const hours = paused.part2!.hours;
    t.skewMs += 5000;
    // A host action goes through the same room: once it is acknowledged, any tick due before it is applied.
    await ok(host.send('host:set-speed', { speed: 8 }));
    await ok(host.send('host:resume', {}));
    const resumed = await host.nextView((v) => !v.paused, 'resumed');
    expect(resumed.part2!.hours).toBe(hours);
  });
});
