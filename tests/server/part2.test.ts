// Part 2 over real sockets: four teams run canaries on their fleets while the clock ticks, the host aims
// crises, and the server enforces the lock and the 10-run rule.
import { describe, expect, it } from 'vitest';
import type { Tick } from '../../shared/protocol/events.js';
import type { HostView, ScreenView, TeamView } from '../../shared/protocol/views.js';
import type { TestClient, TeamClient } from '../support/client.js';
import { useTestServer } from '../support/server.js';
import { advance as advanceClock, ok, part2Hours, tableInPart } from '../support/table.js';

const t = useTestServer();

const RUN = { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'stratified', sprt: false } as const;

/** Four teams (one per track, one player each), a host and a screen, in Part 2's play step at speed 4. */
const inPart2 = () => tableInPart(t, 2, 4);
const advance = <V extends TeamView | HostView | ScreenView>(client: TestClient<V>, hours: number, clock?: TestClient<TeamView | HostView | ScreenView>) =>
  advanceClock(t, client, hours, clock);

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
    const spiked = await advance(dee, 8, host);
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
    await advance(host, 4);
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

  it('holds a team’s clock until its first run and while its decision is due: talking costs no simulated time', async () => {
    const { host, screen, players } = await inPart2();
    const ada = players[0];
    await ok(ada.send('team:lock-prediction', { part: 2, value: 2995 }));
    // Eight simulated hours of the part's clock pass while the team talks: its own clock stays at 0.
    const talk = await advance(ada, 8, host);
    expect(part2Hours(host)).toBeGreaterThanOrEqual(8);
    expect(talk.part2).toMatchObject({ hours: 0, clock: 'not-started' });
    expect(talk.part2!.fleet!.runs).toEqual([]);
    // Its first run starts its clock at 0, whatever the part's clock reads. Cloud Titan's planned window at
    // f = 0.5 is 0.2995 h: the run holds there for the team's decision (a little later when the 2,995 clean
    // requests arrived slower than on average: the clean window watches on for them).
    await ok(ada.send('team:start-run', { config: { ...RUN, cohortMode: 'random' } }));
    const started = await ada.nextView((v) => (v.part2?.fleet?.runs.length ?? 0) === 1, 'the run');
    expect(started.part2!.fleet!.runs[0]!.startedAt).toBe(0);
    let due = await advance(ada, 2, host);
    for (let i = 0; i < 5 && due.part2!.clock !== 'held'; i++) due = await advance(ada, 1, host);
    expect(due.part2!.clock).toBe('held');
    const run = due.part2!.fleet!.runs[0]!;
    expect(run.outcome).toBe('holding');
    const heldAt = due.part2!.hours;
    expect(heldAt).toBeGreaterThanOrEqual(0.2995 - 1e-9);
    expect(heldAt).toBeLessThan(0.4);
    if (run.failures === 0) expect(run.confidence).toBeGreaterThanOrEqual(0.95);
    const requests = due.part2!.fleet!.runs[0]!.requests;
    // Eight more hours of discussion while the decision is due: no hour, no evidence, no cost.
    const later = await advance(ada, 8, host);
    expect(later.part2!.hours).toBe(heldAt);
    expect(later.part2!.fleet!.runs[0]!.requests).toBe(requests);
    // The screen hears the ticks on its own socket: one round trip on it delivers what the last flush sent it.
    await screen.send('sync:snapshot', {});
    const tile = (screen.ticks.at(-1) as Extract<Tick, { audience: 'screen' }>).part2!.tiles[0]!;
    expect([tile.hours, tile.clock]).toEqual([heldAt, 'held']);
    expect((host.ticks.at(-1) as Extract<Tick, { audience: 'host' }>).part2!.teams[0]).toMatchObject({ hours: heldAt, clock: 'held' });
    // Deciding sets it running again.
    await ok(ada.send('team:extend', {}));
    const running = await advance(ada, 0.1);
    expect(running.part2!.hours).toBeGreaterThan(heldAt);
  });
});
