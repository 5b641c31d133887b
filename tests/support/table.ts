// A class table for server tests over real sockets: a host, a screen and four players (ada t1 Cloud Titan, bob
// t2 Edge Guardian, cy t3 Mobile Nomad, dee t4 Tiny Pioneer), brought to a part's play step; and moving the
// simulated clock by real seconds on the test server's clock.
import { expect } from 'vitest';
import type { Tick } from '../../shared/protocol/events.js';
import type { HostView, ScreenView, TeamView } from '../../shared/protocol/views.js';
import { TestClient, createGame, joinGame, tickOf, type HostClient, type TeamClient } from './client.js';
import type { useTestServer } from './server.js';

type Server = ReturnType<typeof useTestServer>;

/** An acknowledged intent that the server accepted; returns its ack. */
export async function ok<T extends { ok: boolean }>(ack: Promise<T>): Promise<T> {
  const result = await ack;
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result;
}

export interface Table {
  code: string;
  host: HostClient;
  screen: TestClient<ScreenView>;
  /** ada (t1, Cloud Titan), bob (t2, Edge Guardian), cy (t3, Mobile Nomad), dee (t4, Tiny Pioneer). */
  players: [TeamClient, TeamClient, TeamClient, TeamClient];
}

const STEPS = ['part1 play', 'part1 reveal', 'part1 reflect', 'part2 play', 'part2 reveal', 'part2 reflect', 'part3 play'];

/** Four teams, one player each, a host and a screen, in part `n`'s play step (no timer, the host's `speed`). */
export async function tableInPart(t: Server, n: 2 | 3, speed = 8): Promise<Table> {
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
  await ok(host.send('host:set-speed', { speed }));
  await ok(host.send('host:start', {}));
  await host.nextView((v) => v.phase === 'briefing', 'the briefing');
  for (const step of STEPS.slice(0, STEPS.indexOf(`part${n} play`) + 1)) {
    await ok(host.send('host:next', {}));
    await host.nextView((v) => `${v.phase} ${v.step}` === step, step);
  }
  return { code, host, screen, players: players as Table['players'] };
}

/** Part 2's clock in the view a client holds: the part's clock for the host and the screen, the team's own for a
 *  team (it stands before the team's first run and while a decision is due). */
export const part2Hours = (client: TestClient<TeamView | HostView | ScreenView>) => client.current.part2?.hours ?? 0;

/**
 * Moves the server clock real seconds forward until `clock` (by default the client itself) has heard `hours` more
 * simulated hours of Part 2, and returns the clock-moved fields of the client's view. Pass the host or the screen
 * as `clock` to move the part's clock while a team's own clock stands.
 */
export async function advance<V extends TeamView | HostView | ScreenView>(
  t: Server,
  client: TestClient<V>,
  hours: number,
  clock: TestClient<TeamView | HostView | ScreenView> = client as TestClient<TeamView | HostView | ScreenView>,
) {
  const target = part2Hours(clock) + hours;
  while (part2Hours(clock) < target) {
    t.skewMs += 1000;
    const before = part2Hours(clock);
    await clock.until(() => part2Hours(clock) > before, 'a tick');
  }
  // A team whose own clock stands gets no patch at a tick (nothing of its view moved). One round trip on its
  // socket after the flush that moved the clock delivers whatever that flush sent it (a socket keeps order).
  if (client !== clock) await client.send('sync:snapshot', {});
  return tickOf(client.current) as Extract<Tick, { audience: V['audience'] }>;
}

/** A team's own Part 2 clock set running: a run started and rolled back at once from shadow mode, so no decision
 *  is due and the clock runs on between runs. */
export async function startClock(player: TeamClient) {
  await ok(player.send('team:start-run', { config: { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'random', sprt: false } }));
  await ok(player.send('team:rollback', {}));
}
