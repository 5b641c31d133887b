// Views travel as patches: a page that applies them holds exactly the view the server would build now, a
// missed patch costs one full view, and a decision in a big room costs each phone a few bytes, not a view.
import { describe, expect, it } from 'vitest';
import type { TeamView, View } from '../../shared/protocol/views.js';
import { projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import { TestClient, createGame, joinGame, newSeatToken, type TeamClient } from '../support/client.js';
import { useTestServer } from '../support/server.js';
import { ok } from '../support/table.js';

const t = useTestServer({
  app: { addressRateLimits: { messages: { perSecond: 100_000, burst: 100_000 }, joins: { perSecond: 10_000, burst: 10_000 } } },
});

/** What the server would send this client's audience as a full view right now (as it travels: JSON). */
function truthFor(code: string, client: TestClient): View | null {
  const room = t.server.app.realtime.rooms.get(code)!;
  const { role, playerId } = client.hello!;
  const view =
    role === 'host'
      ? projectHost(room.state, room.presence())
      : role === 'screen'
        ? projectScreen(room.state)
        : projectTeam(room.state, room.state.players.find((p) => p.id === playerId)!.teamId!, room.presence());
  return JSON.parse(JSON.stringify(view)) as View;
}

/** Waits until the client holds the server's current view (presence comes within its window), then compares. */
async function holdsTruth(code: string, client: TestClient, what: string) {
  const same = () => JSON.stringify(sorted(client.current)) === JSON.stringify(sorted(truthFor(code, client)));
  await client.until(same, what).catch(() => undefined);
  expect(client.current, what).toEqual(truthFor(code, client));
}

/** A JSON value with its object keys sorted (a patch may add a key at the end where a fresh view has it earlier). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
  }
  return value;
}

async function seat(code: string, count: number, prefix = 'player'): Promise<TeamClient[]> {
  const players: TeamClient[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, (_, i) => joinGame(t.server.url, code, `${prefix}${start + i}`)),
    );
    for (const { player } of batch) players.push(t.track(player));
  }
  return players;
}

describe('views as patches', () => {
  it('leave every audience holding exactly the view a fresh snapshot gives, after many changes', async () => {
    const { code, host } = await createGame(t.server.url, { teamCount: 4 });
    t.track(host);
    const screen = t.track(await TestClient.connect(t.server.url, { role: 'screen', code }));
    const players = await seat(code, 12);
    const [ada, bob] = players;

    await ok(host.send('host:rename-team', { teamId: 't1', name: 'Blue Whales' }));
    await ok(host.send('host:set-track', { teamId: 't2', track: 'tiny-pioneer' }));
    await ok(host.send('host:move-player', { playerId: bob!.hello!.playerId!, teamId: 't3' }));
    // The player who moved gets the new team's whole view (its sockets had no baseline of it).
    await bob!.until(() => bob!.current.team.id === 't3', 'bob in team 3');
    await ok(host.send('host:lock-room', { locked: true }));
    await ok(host.send('host:lock-room', { locked: false }));
    players.at(-1)!.close();
    await ok(host.send('host:set-settings', { timerMinutes: null }));
    await ok(host.send('host:start', {}));
    await ok(host.send('host:next', {}));
    await ok(ada!.send('team:propose', { part: 1, value: 50 }));
    for (const player of players.slice(1, 5)) {
      const locked = await player.send('team:lock-prediction', { part: 1, value: 40 });
      expect(['ok', 'lock/already-locked']).toContain(locked.ok ? 'ok' : locked.code);
    }
    await ok(host.send('host:reveal', {}));

    for (const client of [host, screen, ...players.slice(0, -1)] as TestClient[]) {
      await holdsTruth(code, client, `${client.hello!.role} ${client.hello!.playerId ?? ''}`);
      // Nothing was missed on the way: no page had to ask for a full view.
      expect(client.resyncs).toBe(0);
    }
    // Every change reached the pages as a patch: one full view each at connect (two for the player who moved).
    expect(host.received.filter((m) => m.event === 'view')).toHaveLength(1);
    expect(host.received.filter((m) => m.event === 'patch').length).toBeGreaterThan(3);
    expect(bob!.received.filter((m) => m.event === 'view')).toHaveLength(2);
  });

  it('answer a gap in the revisions (a lost patch) with one full view', async () => {
    const { code, host } = await createGame(t.server.url, { teamCount: 2 });
    t.track(host);
    const [ada] = await seat(code, 2);
    await holdsTruth(code, ada!, 'ada settled');
    ada!.dropNextPatch();
    await ok(host.send('host:lock-room', { locked: true }));
    await ok(host.send('host:rename-team', { teamId: 't1', name: 'Owls' }));
    await ada!.until(() => ada!.resyncs === 1 && ada!.rev !== null, 'the full view after the gap');
    await holdsTruth(code, ada!, 'ada after the gap');
    expect(ada!.current).toMatchObject({ roomLocked: true, team: { name: 'Owls' } });
  });

  it('make a decision in a room of 200 cost each phone a small patch, not a whole view', async () => {
    const { code, host } = await createGame(t.server.url, { teamCount: 10 });
    t.track(host);
    const players = await seat(code, 200);
    for (const player of players) await holdsTruth(code, player, 'seated and settled');
    const viewBytes = JSON.stringify(players[0]!.current).length;
    const before = players.map((p) => p.received.length);

    await ok(host.send('host:rename-team', { teamId: 't4', name: 'Night Owls' }));
    for (const player of players) await player.until(() => player.current.teams[3]!.name === 'Night Owls', 'the new name');

    const sent = players.map((p, i) => p.received.slice(before[i]).reduce((sum, m) => sum + m.bytes, 0));
    const perPlayer = sent.reduce((a, b) => a + b, 0) / players.length;
    // What a phone sees is what a fresh view says; what it received is a sliver of that view.
    for (const player of players.slice(0, 20)) await holdsTruth(code, player, 'after the decision');
    expect(viewBytes).toBeGreaterThan(5_000);
    expect(perPlayer).toBeLessThan(viewBytes / 20);
    expect(players.every((p) => p.resyncs === 0)).toBe(true);
  });

  it('seat a player who reconnects with a full view of the current revision', async () => {
    const { code, host } = await createGame(t.server.url, { teamCount: 2 });
    t.track(host);
    const seatToken = newSeatToken();
    const { player } = await joinGame(t.server.url, code, 'ada', seatToken);
    player.close();
    await ok(host.send('host:rename-team', { teamId: 't1', name: 'Foxes' }));
    const again = t.track(await TestClient.connect<TeamView>(t.server.url, { role: 'player', code, token: seatToken }));
    expect(again.received[0]!.event).toBe('view');
    await holdsTruth(code, again, 'ada back');
    expect(again.current.team.name).toBe('Foxes');
  });
});
