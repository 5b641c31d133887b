// A real server on port 0 and real socket.io-client sockets: what each person sees when a class gathers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScreenView } from '../../shared/protocol/views.js';
import { TestClient, createGame, joinGame, newSeatToken, type ScreenClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const clients: { close(): void }[] = [];
const track = <T extends { close(): void }>(client: T): T => (clients.push(client), client);

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
});

async function game(options = {}) {
  const created = await createGame(server.url, options);
  track(created.host);
  return created;
}

async function seat(code: string, nickname: string) {
  const joined = await joinGame(server.url, code, nickname);
  track(joined.player);
  return joined;
}

describe('creating and joining a game', () => {
  it('gives the host a 6-character code without look-alikes, a host token and the join link', async () => {
    const { code, hostToken, host } = await game();
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(hostToken.length).toBeGreaterThanOrEqual(43);
    expect(host.hello).toMatchObject({ role: 'host', code, joinUrl: `${server.url}/?code=${code}` });
    expect(host.view).toMatchObject({ audience: 'host', phase: 'lobby', version: 0, playerCount: 0 });
    expect(host.view.teams.map((t) => t.track)).toEqual(['cloud-titan', 'edge-guardian', 'mobile-nomad', 'tiny-pioneer']);
  });

  it('balances players over teams and shows them live to the host, the screen and each team', async () => {
    const { code, host } = await game();
    const screen = track(await TestClient.connect<ScreenView>(server.url, { role: 'screen', code }));
    const names = ['ada', 'bob', 'cy', 'dee', 'eve'];
    const seats = [];
    for (const name of names) seats.push(await seat(code, name));

    const hostView = await host.nextView((v) => v.playerCount === 5 && v.onlineCount === 5, 'five players online');
    expect(hostView.teams.map((t) => t.members.map((m) => m.nickname))).toEqual([['ada', 'eve'], ['bob'], ['cy'], ['dee']]);
    const screenView = await screen.nextView((v) => v.playerCount === 5);
    expect(screenView.teams.map((t) => t.members.length)).toEqual([2, 1, 1, 1]);

    const ada = await seats[0]!.player.nextView((v) => v.team.members.length === 2, "ada's team of two");
    expect(ada.team).toMatchObject({ id: 't1', name: 'Team 1', track: 'cloud-titan' });
    expect(ada.team.members.map((m) => m.nickname)).toEqual(['ada', 'eve']);
    expect(seats[0]!.player.hello).toMatchObject({ role: 'player', playerId: seats[0]!.playerId });
  });

  it('refuses unknown codes, taken and inappropriate nicknames with a message a person understands', async () => {
    const { code } = await game();
    await seat(code, 'Ada');
    const guest = track(await TestClient.connect(server.url, { role: 'guest' }));
    const attempt = (c: string, nickname: string) => guest.send('game:join', { code: c, nickname, seatToken: newSeatToken() });

    expect(await attempt('ZZZZZZ', 'bob')).toMatchObject({ ok: false, code: 'game/unknown', message: expect.stringMatching(/no game/i) });
    expect(await attempt(code, '  ada ')).toMatchObject({ ok: false, code: 'nickname/taken' });
    expect(await attempt(code, 'sh1thead')).toMatchObject({ ok: false, code: 'nickname/inappropriate' });
    expect(await attempt(code, '   ')).toMatchObject({ ok: false, code: 'nickname/invalid' });
    expect(await attempt(code, 'x'.repeat(25))).toMatchObject({ ok: false, code: 'nickname/invalid' });
    // Trimmed and collapsed before it is stored.
    expect(await attempt(code, '  Grace   Hopper ')).toMatchObject({ ok: true });
  });

  it('tells the join form whether the game asks for a student id and is open', async () => {
    const { code, host } = await game({ askStudentId: true });
    const guest = track(await TestClient.connect(server.url, { role: 'guest' }));
    expect(await guest.send('game:peek', { code })).toEqual({ ok: true, askStudentId: true, roomLocked: false });
    await host.send('host:set-ask-student-id', { ask: false });
    await host.send('host:lock-room', { locked: true });
    expect(await guest.send('game:peek', { code })).toEqual({ ok: true, askStudentId: false, roomLocked: true });
    expect(await guest.send('game:peek', { code: 'ZZZZZZ' })).toMatchObject({ ok: false, code: 'game/unknown' });
  });

  it('lets late joiners in unless the room is locked', async () => {
    const { code, host } = await game();
    expect(await host.send('host:lock-room', { locked: true })).toEqual({ ok: true });
    const guest = track(await TestClient.connect(server.url, { role: 'guest' }));
    expect(await guest.send('game:join', { code, nickname: 'late', seatToken: newSeatToken() })).toMatchObject({
      ok: false,
      code: 'game/room-locked',
    });
    await host.send('host:lock-room', { locked: false });
    expect(await guest.send('game:join', { code, nickname: 'late', seatToken: newSeatToken() })).toMatchObject({ ok: true });
  });
});

describe('seats survive refreshes and retries', () => {
  it('brings a player who reconnects back to the same seat and team', async () => {
    const { code, host } = await game();
    await seat(code, 'ada');
    const bob = await seat(code, 'bob');
    bob.player.close();
    await host.nextView((v) => v.onlineCount === 1, 'bob offline');
    const again = track(await TestClient.connect(server.url, { role: 'player', code, token: bob.seatToken }));
    expect(again.hello?.playerId).toBe(bob.playerId);
    expect(again.view).toMatchObject({ audience: 'team', team: { id: 't2' } });
    await host.nextView((v) => v.onlineCount === 2, 'bob back online');
  });

  it('lands a retried join (same seat token) on the seat it already made', async () => {
    const { code, host } = await game();
    const guest = track(await TestClient.connect(server.url, { role: 'guest' }));
    const seatToken = newSeatToken();
    const first = await guest.send('game:join', { code, nickname: 'ada', seatToken });
    const retry = await guest.send('game:join', { code, nickname: 'ada', seatToken });
    expect(first).toMatchObject({ ok: true, playerId: 'p1' });
    expect(retry).toEqual(first);
    expect((await host.send('sync:snapshot', {})).ok && host.view.playerCount).toBe(1);
  });

  it('refuses a seat token the game does not know', async () => {
    const { code } = await game();
    expect(await TestClient.refusedHandshake(server.url, { role: 'player', code, token: newSeatToken() })).toMatchObject({
      code: 'auth/invalid-token',
    });
  });
});

describe('host controls', () => {
  it('moves a player: the player now receives the new team and the old team loses them', async () => {
    const { code, host } = await game();
    const ada = await seat(code, 'ada');
    const bob = await seat(code, 'bob');
    expect(await host.send('host:move-player', { playerId: ada.playerId, teamId: 't2' })).toEqual({ ok: true });
    const moved = await ada.player.nextView((v) => v.team.id === 't2', 'ada in team 2');
    expect(moved.team.members.map((m) => m.nickname)).toEqual(['ada', 'bob']);
    await bob.player.nextView((v) => v.team.members.length === 2, "bob sees ada");
  });

  it('renames a team, changes its track, resizes and balances', async () => {
    const { code, host } = await game();
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']) await seat(code, name);
    expect(await host.send('host:rename-team', { teamId: 't1', name: '  Night   Owls ' })).toEqual({ ok: true });
    expect(await host.send('host:rename-team', { teamId: 't1', name: 'fuck' })).toMatchObject({ code: 'team/name-inappropriate' });
    expect(await host.send('host:set-track', { teamId: 't2', track: 'tiny-pioneer' })).toEqual({ ok: true });
    expect(await host.send('host:set-team-count', { count: 2 })).toEqual({ ok: true });
    const view = await host.nextView((v) => v.teams.length === 2);
    expect(view.teams.map((t) => [t.name, t.track, t.members.length])).toEqual([
      ['Night Owls', 'cloud-titan', 3],
      ['Team 2', 'tiny-pioneer', 3],
    ]);
    await host.send('host:set-team-count', { count: 3 });
    await host.send('host:balance-teams', {});
    const balanced = await host.nextView((v) => v.teams.length === 3 && v.teams.every((t) => t.members.length === 2));
    expect(balanced.settings.teamCount).toBe(3);
  });

  it('kicks a player for good: the socket is closed and the seat token stays refused after a refresh', async () => {
    const { code, host } = await game();
    const ada = await seat(code, 'ada');
    expect(await host.send('host:kick', { playerId: ada.playerId })).toEqual({ ok: true });
    await ada.player.until(() => ada.player.closed.length > 0 && !ada.player.socket.connected, 'ada disconnected');
    expect(ada.player.closed[0]).toMatchObject({ code: 'auth/kicked' });
    expect(await TestClient.refusedHandshake(server.url, { role: 'player', code, token: ada.seatToken })).toMatchObject({
      code: 'auth/kicked',
      message: expect.stringMatching(/removed you/),
    });
    const guest = track(await TestClient.connect(server.url, { role: 'guest' }));
    expect(await guest.send('game:join', { code, nickname: 'ada2', seatToken: ada.seatToken })).toMatchObject({ code: 'auth/kicked' });
    const view = await host.nextView((v) => v.kicked.length === 1);
    expect(view.playerCount).toBe(0);
  });
});

describe('what each audience receives', () => {
  it('never sends the screen or another team anything private', async () => {
    const { code } = await game({ askStudentId: true });
    const screen: ScreenClient = track(await TestClient.connect<ScreenView>(server.url, { role: 'screen', code }));
    const guest = track(await TestClient.connect(server.url, { role: 'guest' }));
    const tokens = [newSeatToken(), newSeatToken()];
    await guest.send('game:join', { code, nickname: 'ada', studentId: 'STU-111', seatToken: tokens[0]! });
    await guest.send('game:join', { code, nickname: 'bob', studentId: 'STU-222', seatToken: tokens[1]! });
    const bob = track(await TestClient.connect(server.url, { role: 'player', code, token: tokens[1]! }));
    await screen.nextView((v) => v.playerCount === 2);
    const raw = JSON.stringify([...screen.views, ...bob.views]);
    expect(raw).not.toContain('STU-');
    for (const token of tokens) expect(raw).not.toContain(token);
    expect(raw).not.toMatch(/tokenHash|seed|"rng"/);
  });
});
