// Host recovery and the co-host (GAME.md §1) over real sockets: the links' secrets are exchanged for sessions,
// the server keeps only hashes, a co-host has the controls but not the settings, and all of it survives a restart.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/protocol/views.js';
import { hashToken } from '../../server/tokens.js';
import { TestClient, createGame } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer | null = null;
const clients: { close(): void }[] = [];
const track = <T extends { close(): void }>(client: T): T => (clients.push(client), client);

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = null;
});

/** A server on a fresh data folder (removed on close), or on `dir` (kept: the test restarts on it). */
async function start(dir?: string): Promise<TestServer> {
  server = await startTestServer(dir === undefined ? {} : { dataDir: dir });
  return server;
}

async function recover(url: string, code: string, secret: string) {
  const guest = track(await TestClient.connect(url, { role: 'guest' }));
  return guest.send('game:recover', { code, secret });
}

describe('host recovery and co-host links', () => {
  it('a recovery link gives a new browser the full host console of the same game', async () => {
    const { url } = await start();
    const created = await createGame(url);
    track(created.host);
    expect(created.recoveryToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.cohostToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await created.host.send('host:lock-room', { locked: true });

    const recovered = await recover(url, created.code, created.recoveryToken);
    expect(recovered).toMatchObject({ ok: true, code: created.code, role: 'host' });
    if (!recovered.ok) return;
    // A new session, not the link's secret nor the old host token.
    expect(recovered.token).not.toBe(created.recoveryToken);
    expect(recovered.token).not.toBe(created.hostToken);
    const lectern = track(await TestClient.connect<HostView>(url, { role: 'host', code: created.code, token: recovered.token }));
    expect(lectern.hello).toMatchObject({ role: 'host', code: created.code });
    const view = await lectern.nextView((v) => v.roomLocked, 'the same game, locked');
    expect(view.audience).toBe('host');
    expect(await lectern.send('host:set-settings', { capex: 600_000 })).toMatchObject({ ok: true });
    expect(await lectern.send('host:start', {})).toMatchObject({ ok: true });
  });

  it('a co-host has the same controls but not the settings, enforced by the server', async () => {
    const { url } = await start();
    const created = await createGame(url);
    track(created.host);
    const recovered = await recover(url, created.code, created.cohostToken);
    expect(recovered).toMatchObject({ ok: true, role: 'cohost' });
    if (!recovered.ok) return;
    const cohost = track(await TestClient.connect<HostView>(url, { role: 'host', code: created.code, token: recovered.token }));
    expect(cohost.hello).toMatchObject({ role: 'cohost', code: created.code });
    await cohost.nextView((v) => v.audience === 'host', "the host's view");

    for (const [intent, payload] of [
      ['host:set-settings', { capex: 1 }],
      ['host:set-team-count', { count: 6 }],
      ['host:set-ask-student-id', { ask: true }],
    ] as const) {
      expect(await cohost.send(intent, payload as never)).toMatchObject({ ok: false, code: 'auth/forbidden' });
    }
    expect(created.host.view.settings.capex).not.toBe(1);
    expect(await cohost.send('host:lock-room', { locked: true })).toMatchObject({ ok: true });
    expect(await cohost.send('host:start', {})).toMatchObject({ ok: true });
    expect(await cohost.send('host:next', {})).toMatchObject({ ok: true });
    await created.host.nextView((v) => v.phase === 'part1', 'the host sees the co-host move on');
  });

  it('refuses a wrong secret, a secret of another game, and a link secret used as a connection token', async () => {
    const { url } = await start();
    const a = await createGame(url);
    const b = await createGame(url);
    track(a.host);
    track(b.host);
    expect(await recover(url, a.code, 'A'.repeat(43))).toMatchObject({ ok: false, code: 'auth/invalid-token' });
    expect(await recover(url, a.code, b.recoveryToken)).toMatchObject({ ok: false, code: 'auth/invalid-token' });
    expect(await recover(url, 'ZZZZZZ', a.recoveryToken)).toMatchObject({ ok: false, code: 'game/unknown' });
    expect(await recover(url, a.code, 'short')).toMatchObject({ ok: false, code: 'intent/invalid' });
    // The link must be exchanged: as a handshake token it opens nothing.
    expect(await TestClient.refusedHandshake(url, { role: 'host', code: a.code, token: a.recoveryToken })).toMatchObject({
      code: 'auth/invalid-token',
    });
    // A player cannot exchange a link (guests only).
    const host = track(await TestClient.connect<HostView>(url, { role: 'host', code: a.code, token: a.hostToken }));
    expect(await host.send('game:recover', { code: a.code, secret: a.recoveryToken })).toMatchObject({ ok: false, code: 'auth/forbidden' });
  });

  it('stores only hashes, and links and sessions survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetops-recovery-'));
    try {
      let { url } = await start(dir);
      const created = await createGame(url);
      track(created.host);
      const session = await recover(url, created.code, created.cohostToken);
      if (!session.ok) throw new Error(session.code);
      for (const client of clients.splice(0)) client.close();
      await server!.close();

      const db = new Database(join(dir, 'fleet-ops.sqlite'), { readonly: true });
      const rows = db.prepare('SELECT hash, role, kind FROM host_keys WHERE code = ?').all(created.code) as { hash: string; role: string; kind: string }[];
      const dump = JSON.stringify(db.prepare('SELECT * FROM host_keys').all()) + JSON.stringify(db.prepare('SELECT * FROM games').all());
      db.close();
      expect(rows).toEqual(
        expect.arrayContaining([
          { hash: hashToken(created.recoveryToken), role: 'host', kind: 'recovery' },
          { hash: hashToken(created.cohostToken), role: 'cohost', kind: 'cohost-link' },
          { hash: hashToken(session.token), role: 'cohost', kind: 'session' },
        ]),
      );
      for (const secret of [created.hostToken, created.recoveryToken, created.cohostToken, session.token]) expect(dump).not.toContain(secret);

      ({ url } = await start(dir));
      const cohost = track(await TestClient.connect<HostView>(url, { role: 'host', code: created.code, token: session.token }));
      expect(cohost.hello).toMatchObject({ role: 'cohost' });
      const again = await recover(url, created.code, created.recoveryToken);
      expect(again).toMatchObject({ ok: true, role: 'host' });
    } finally {
      await server?.close();
      server = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a new co-host link replaces the old one (kept across a restart); only the host may make one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetops-cohost-link-'));
    try {
      let { url } = await start(dir);
      const created = await createGame(url);
      track(created.host);
      // A co-host console opened from the first link.
      const first = await recover(url, created.code, created.cohostToken);
      if (!first.ok) throw new Error(first.code);
      const cohost = track(await TestClient.connect<HostView>(url, { role: 'host', code: created.code, token: first.token }));
      expect(await cohost.send('host:new-cohost-link', {})).toMatchObject({ ok: false, code: 'auth/forbidden' });
      expect(await created.host.send('host:new-cohost-link', { extra: 1 } as never)).toMatchObject({ ok: false, code: 'intent/invalid' });

      const renewed = await created.host.send('host:new-cohost-link', {});
      if (!renewed.ok) throw new Error(renewed.code);
      expect(renewed.cohostToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(renewed.cohostToken).not.toBe(created.cohostToken);
      expect(await recover(url, created.code, created.cohostToken)).toMatchObject({ ok: false, code: 'auth/invalid-token' });
      expect(await recover(url, created.code, renewed.cohostToken)).toMatchObject({ ok: true, role: 'cohost' });
      // The co-host already in keeps its console; the recovery link is untouched.
      expect(await cohost.send('host:lock-room', { locked: true })).toMatchObject({ ok: true });
      expect(await recover(url, created.code, created.recoveryToken)).toMatchObject({ ok: true, role: 'host' });

      for (const client of clients.splice(0)) client.close();
      await server!.close();
      ({ url } = await start(dir));
      expect(await recover(url, created.code, created.cohostToken)).toMatchObject({ ok: false, code: 'auth/invalid-token' });
      expect(await recover(url, created.code, renewed.cohostToken)).toMatchObject({ ok: true, role: 'cohost' });
    } finally {
      await server?.close();
      server = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
