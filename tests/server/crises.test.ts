// Part 2's crises over real sockets, each aimed at one track: the alert storm on Cloud Titan, the app-OS skew on
// Mobile Nomad, rollout jitter on Edge Guardian. The struck team sees its banner and its instrument change; the
// other teams see nothing; the screen's tile shows the crisis per team; the host sees the hidden truth.
import { describe, expect, it } from 'vitest';
import type { HostView, ScreenView, TeamView } from '../../shared/protocol/views.js';
import type { TestClient } from '../support/client.js';
import { useTestServer } from '../support/server.js';
import { advance as advanceClock, ok, startClock, tableInPart } from '../support/table.js';

const t = useTestServer();

/** Four teams (t1 Cloud Titan, t2 Edge Guardian, t3 Mobile Nomad, t4 Tiny Pioneer), locked, in Part 2's play. */
async function inPart2() {
  const table = await tableInPart(t, 2, 8);
  for (const p of table.players) await ok(p.send('team:lock-prediction', { part: 2, value: 3000 }));
  return table;
}
const advance = <V extends TeamView | HostView | ScreenView>(client: TestClient<V>, hours: number) => advanceClock(t, client, hours);

describe('Part 2 crises aimed at one track', () => {
  it('the alert storm drowns Cloud Titan’s static thresholds; k·σ tames it; the host sees the drifts', async () => {
    const { host, screen, players } = await inPart2();
    const [ada, bob] = players;
    // Each team's fleet lives on its own clock, which starts with its first run.
    await startClock(ada);
    await ok(host.send('host:crisis', { crisis: 'alert-storm', target: { kind: 'track', track: 'cloud-titan' } }));
    const stormed = await ada.nextView((v) => v.crises.length > 0 && v.part2?.fleet?.monitor.storm === true, 'the storm');
    expect(stormed.crises[0]!.text).toMatch(/^CFO: /);
    expect(stormed.part2!.fleet!.monitor.alertsPerDay).toBeGreaterThan(50_000);
    const calm = await bob.nextView((v) => v.part2?.fleet !== null && v.part2?.fleet !== undefined, 'the fleet');
    expect(calm.crises).toEqual([]);
    expect(calm.part2!.fleet!.monitor.storm).toBe(false);
    await ok(ada.send('team:set-thresholds', { k: 4 }));
    const tamed = await ada.nextView((v) => v.part2?.fleet?.monitor.k === 4, 'k = 4');
    expect(tamed.part2!.fleet!.monitor.alertsPerDay).toBeLessThan(tamed.part2!.fleet!.monitor.capacityPerDay);
    const hostView = await host.nextView((v) => (v.part2?.teams[0]?.drifts.length ?? 0) === 2, 'the drifts at the host');
    const drift = hostView.part2!.teams[0]!.drifts[0]!;
    expect(JSON.stringify([screen.views, bob.views])).not.toMatch(/"drifts"/);
    // Once the drift began, investigating its cell finds it.
    await advance(ada, drift.at + 0.5);
    await ok(ada.send('team:investigate', { model: drift.model, metric: drift.metric }));
    const found = await ada.nextView((v) => v.part2?.fleet?.monitor.driftsFound.length === 1, 'a drift found');
    expect(found.part2!.fleet!.monitor.driftsFound[0]).toMatchObject({ model: drift.model, metric: drift.metric });
    const tile = await screen.nextView((v) => v.part2?.tiles[0]?.alerts.driftsFound === 1, 'the tile');
    expect(tile.part2!.tiles[0]!.alerts.storm).toBe(true);
    expect(tile.part2!.tiles[1]!.alerts.storm).toBe(false);
  });

  it('the app-OS skew hides below-60 slices from Mobile Nomad’s global mean; region × OS monitors find them', async () => {
    const { host, players } = await inPart2();
    const [ada, , cy] = players;
    expect(await ada.send('team:slice-action', { region: 0, os: 'update', action: 'lighter' })).toMatchObject({ code: 'skew/none' });
    await startClock(cy);
    await ok(host.send('host:crisis', { crisis: 'app-os-skew', target: { kind: 'track', track: 'mobile-nomad' } }));
    await cy.nextView((v) => v.crises.some((c) => c.id === 'app-os-skew'), 'the banner');
    await advance(cy, 48);
    const view = await cy.nextView((v) => (v.part2?.fleet?.slices.global.fps ?? null) !== null, 'the global mean');
    expect(view.part2!.fleet!.slices.global.fps!).toBeGreaterThan(60);
    await ok(cy.send('team:set-slice-monitoring', { level: 'slice' }));
    const sliced = await cy.nextView((v) => v.part2?.fleet?.slices.series.length === 20, 'twenty slices');
    const below = sliced.part2!.fleet!.slices.series.filter((s) => s.below);
    expect(below.length).toBeGreaterThan(0);
    const bad = below[0]!;
    await ok(cy.send('team:slice-action', { region: bad.region!, os: bad.os!, action: 'lighter' }));
    const treated = await cy.nextView((v) => v.part2?.fleet?.slices.remedies.length === 1, 'the remedy');
    expect(treated.part2!.fleet!.slices.remedies[0]).toMatchObject({ region: bad.region, action: 'lighter' });
    const truth = await host.nextView((v) => (v.part2?.teams[2]?.skew ?? null) !== null, 'the truth at the host');
    expect(truth.part2!.teams[2]!.skew!.slices.filter((s) => s.bad).length).toBeGreaterThan(0);
    expect(truth.part2!.teams[0]!.skew).toBeNull();
  });

  it('rollout jitter gives Edge Guardian’s gen 1 a 100 ms p99 once a stratified canary reaches it live', async () => {
    const { host, players } = await inPart2();
    const [, bob] = players;
    await ok(bob.send('team:start-run', { config: { confidence: 0.95, rate: 0.001, shadowFraction: 0.8, cohortMode: 'stratified', sprt: false } }));
    for (let i = 0; i < 2; i++) await ok(bob.send('team:promote', {}));
    await ok(host.send('host:crisis', { crisis: 'rollout-jitter', target: { kind: 'track', track: 'edge-guardian' } }));
    await advance(bob, 2);
    const view = await bob.nextView((v) => (v.part2?.fleet?.runs.at(-1)?.cohorts?.[2]?.p99Ms ?? 0) > 50, 'the tail');
    const gen1 = view.part2!.fleet!.runs.at(-1)!.cohorts![2]!;
    expect(gen1.p99Ms!).toBeGreaterThan(90);
    expect(view.part2!.fleet!.runs.at(-1)!.cohorts![0]!.p99Ms!).toBeLessThan(10);
  });
});
