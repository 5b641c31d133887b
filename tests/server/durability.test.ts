// Kill -9 the real server in the middle of a game and start it again on the same data directory: nothing
// that was acknowledged is lost, nothing is applied twice, and everybody gets their seat back.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/protocol/views.js';
import { hashToken } from '../../server/tokens.js';
import { TestClient, newSeatToken } from '../support/client.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'fleetops-durability-'));
const started: ServerProcess[] = [];
const clients: TestClient[] = [];

/**
 * Starts the real server on the shared data directory, after killing any still running on it (one server per
 * data folder: a second one would refuse to start); every process started is killed after the tests.
 */
async function start(): Promise<ServerProcess> {
  await Promise.all(started.map((p) => p.kill('SIGKILL')));
  const process = await startServerProcess({ DATA_DIR: dataDir });
  started.push(process);
  return process;
}

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(started.map((p) => p.kill('SIGKILL')));
  rmSync(dataDir, { recursive: true, force: true });
});

/** The host's view without presence, which is not game state and starts empty after a restart. */
function withoutPresence(view: HostView) {
  return {
    ...view,
    onlineCount: 0,
    screenCount: 0,
    teams: view.teams.map((t) => ({ ...t, members: t.members.map((m) => ({ ...m, online: false })) })),
  };
}

describe('durability', () => {
  it('loses nothing acknowledged and keeps every seat across SIGKILL and restart', async () => {
    let server = await start();
    const guest = await TestClient.connect(server.url, { role: 'guest' });
    clients.push(guest);
    const created = await guest.send('game:create', { teamCount: 4 });
    if (!created.ok) throw new Error(created.code);
    const { code, hostToken } = created;
    const host = await TestClient.connect<HostView>(server.url, { role: 'host', code, token: hostToken });
    clients.push(host);

    // A quiet first half: joins and host actions, all acknowledged.
    const seats = new Map<string, { token: string; playerId: string }>();
    for (const nickname of ['ada', 'bob', 'cy', 'dee', 'eve', 'fay']) {
      const token = newSeatToken();
      const ack = await guest.send('game:join', { code, nickname, seatToken: token });
      if (!ack.ok) throw new Error(ack.code);
      seats.set(nickname, { token, playerId: ack.playerId });
    }
    expect(await host.send('host:rename-team', { teamId: 't1', name: 'Night Owls', rid: 'r1' })).toEqual({ ok: true });
    expect(await host.send('host:move-player', { playerId: seats.get('ada')!.playerId, teamId: 't3', rid: 'r2' })).toEqual({ ok: true });
    expect(await host.send('host:kick', { playerId: seats.get('fay')!.playerId, rid: 'r3' })).toEqual({ ok: true });

    // Then a burst in flight when the process dies: only what was acknowledged is promised.
    const acked: string[] = [];
    let tenAcked: () => void = () => {};
    const tenAckedPromise = new Promise<void>((resolve) => (tenAcked = resolve));
    const burst = Array.from({ length: 40 }, (_, i) => {
      const nickname = `late${i}`;
      const token = newSeatToken();
      return guest.send('game:join', { code, nickname, seatToken: token }).then(
        (ack) => {
          if (ack.ok) {
            acked.push(nickname);
            seats.set(nickname, { token, playerId: ack.playerId });
            if (acked.length === 10) tenAcked();
          }
        },
        () => {}, // no ack: the process died first
      );
    });
    await tenAckedPromise;
    const viewAtKill = host.view;
    await server.kill('SIGKILL');
    await Promise.all(burst);
    for (const client of clients.splice(0)) client.close();

    // The log on disk: every acknowledged join exactly once.
    const db = new Database(join(dataDir, 'fleet-ops.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT action FROM actions WHERE code = ?').all(code) as { action: string }[];
    db.close();
    const joinsByToken = new Map<string, number>();
    for (const row of rows) {
      const action = JSON.parse(row.action) as { type: string; tokenHash?: string };
      if (action.type === 'player/join') joinsByToken.set(action.tokenHash!, (joinsByToken.get(action.tokenHash!) ?? 0) + 1);
    }
    for (const { token } of seats.values()) expect(joinsByToken.get(hashToken(token))).toBe(1);

    // Restart on the same data directory.
    server = await start();
    const host2 = await TestClient.connect<HostView>(server.url, { role: 'host', code, token: hostToken });
    clients.push(host2);
    const after = host2.view;
    expect(after.version).toBeGreaterThanOrEqual(viewAtKill.version);
    expect(after.teams[0]!.name).toBe('Night Owls');
    expect(after.kicked.map((k) => k.nickname)).toEqual(['fay']);
    const seatedAfter = new Map(after.teams.flatMap((t) => t.members.map((m) => [m.nickname, t.id] as const)));
    expect(seatedAfter.get('ada')).toBe('t3');
    for (const nickname of acked) expect(seatedAfter.has(nickname), nickname).toBe(true);
    // Everyone seated at the moment of the kill is still seated in the same team.
    for (const team of viewAtKill.teams) {
      for (const member of team.members) expect(seatedAfter.get(member.nickname), member.nickname).toBe(team.id);
    }

    // Every player gets their seat back with their token; the kicked one stays out.
    for (const [nickname, { token, playerId }] of seats) {
      if (nickname === 'fay') {
        expect(await TestClient.refusedHandshake(server.url, { role: 'player', code, token })).toMatchObject({ code: 'auth/kicked' });
        continue;
      }
      const player = await TestClient.connect(server.url, { role: 'player', code, token });
      clients.push(player);
      expect(player.hello?.playerId, nickname).toBe(playerId);
      expect(player.view).toMatchObject({ audience: 'team', team: { id: seatedAfter.get(nickname) } });
    }

    // A join retried after the restart (its ack may have been lost) lands on the same seat, once.
    const guest2 = await TestClient.connect(server.url, { role: 'guest' });
    clients.push(guest2);
    const retried = await guest2.send('game:join', { code, nickname: 'late0', seatToken: seats.get('late0')!.token });
    expect(retried).toMatchObject({ ok: true, playerId: seats.get('late0')!.playerId });
    // A host action retried with the same request id counts once.
    const versionBefore = (await host2.send('sync:snapshot', {})).ok ? host2.view.version : -1;
    expect(await host2.send('host:kick', { playerId: seats.get('bob')!.playerId, rid: 'r-kick-bob' })).toEqual({ ok: true });
    expect(await host2.send('host:kick', { playerId: seats.get('bob')!.playerId, rid: 'r-kick-bob' })).toEqual({ ok: true });
    const final = await host2.nextView((v) => v.kicked.length === 2, 'bob kicked');
    expect(final.version).toBe(versionBefore + 1);
  });

  it('rebuilds a quiet game to exactly the state it had', async () => {
    let server = await start();
    const guest = await TestClient.connect(server.url, { role: 'guest' });
    const created = await guest.send('game:create', { teamCount: 3 });
    if (!created.ok) throw new Error(created.code);
    const { code, hostToken } = created;
    for (const nickname of ['p-one', 'p-two', 'p-three', 'p-four']) {
      await guest.send('game:join', { code, nickname, seatToken: newSeatToken() });
    }
    guest.close();
    const host = await TestClient.connect<HostView>(server.url, { role: 'host', code, token: hostToken });
    await host.send('host:set-track', { teamId: 't3', track: 'cloud-titan' });
    await host.send('host:lock-room', { locked: true });
    const snapshot = await host.send('sync:snapshot', {});
    host.close();
    if (!snapshot.ok) throw new Error(snapshot.code);
    await server.kill('SIGKILL');

    server = await start();
    const host2 = await TestClient.connect<HostView>(server.url, { role: 'host', code, token: hostToken });
    clients.push(host2);
    expect(withoutPresence(host2.view)).toEqual(withoutPresence(snapshot.view as HostView));
  });

  it('rebuilds a game in the middle of Part 2 — fleets, runs, crises — to exactly the state it had', async () => {
    let server = await start();
    const guest = await TestClient.connect(server.url, { role: 'guest' });
    const created = await guest.send('game:create', { teamCount: 2 });
    if (!created.ok) throw new Error(created.code);
    const { code, hostToken } = created;
    const tokens = [newSeatToken(), newSeatToken()];
    for (const [i, seatToken] of tokens.entries()) await guest.send('game:join', { code, nickname: `fleet${i}`, seatToken });
    guest.close();
    const host = await TestClient.connect<HostView>(server.url, { role: 'host', code, token: hostToken });
    await host.send('host:set-settings', { timerMinutes: null });
    await host.send('host:set-speed', { speed: 8 });
    await host.send('host:start', {});
    for (let i = 0; i < 4; i++) await host.send('host:next', {});
    const players = await Promise.all(tokens.map((token) => TestClient.connect(server.url, { role: 'player', code, token })));
    const config = { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'stratified', sprt: true } as const;
    for (const player of players) {
      await player.send('team:lock-prediction', { part: 2, value: 2995 });
      await player.send('team:start-run', { config });
    }
    await host.send('host:crisis', { crisis: 'world-drifted', target: { kind: 'all' }, inHours: 100 });
    // Let the real clock move the simulation a few ticks, then pause to freeze it. One tick at a time: each comes
    // about a second after the last, however slow the machine is to get the first two in.
    while (!host.ticks.some((t) => (t.part2?.hours ?? 0) >= 16)) {
      const seen = host.ticks.length;
      await host.until(() => host.ticks.length > seen, 'a tick at 8 h/s');
    }
    await host.send('host:pause', {});
    const snapshot = await host.send('sync:snapshot', {});
    if (!snapshot.ok) throw new Error(snapshot.code);
    const before = snapshot.view as HostView;
    expect(before.part2!.teams.every((t) => t.runs[0]!.requests > 0)).toBe(true);
    for (const client of [host, ...players]) client.close();
    await server.kill('SIGKILL');

    server = await start();
    const host2 = await TestClient.connect<HostView>(server.url, { role: 'host', code, token: hostToken });
    clients.push(host2);
    expect(withoutPresence(host2.view)).toEqual(withoutPresence(before));
    expect(host2.view.crises).toEqual([{ id: 'world-drifted', part: 'part2', target: 'all teams', at: expect.any(Number), fired: false }]);
  });
});
