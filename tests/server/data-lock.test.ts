// Two servers on one data folder would both replay the games and then split them. The second one must stop
// with a message a person understands, and a server killed with -9 must not leave a lock that stops a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestClient } from '../support/client.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'fleetops-lock-'));
const started: ServerProcess[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.kill('SIGKILL')));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess({ DATA_DIR: dataDir });
  started.push(server);
  return server;
}

describe('the data folder', () => {
  it('serves one server: a second one exits with a clear message, and kill -9 leaves no stale lock', async () => {
    const first = await start();
    const second = await start().then(
      () => null,
      (error: Error) => error.message,
    );
    expect(second).toMatch(/exited with 1 before listening/);
    expect(second).toContain(`Another Fleet Ops server is already using the data folder ${dataDir}`);
    // The first one serves on.
    const guest = await TestClient.connect(first.url, { role: 'guest' });
    expect(await guest.send('game:create', {})).toMatchObject({ ok: true });
    guest.close();

    await first.kill('SIGKILL');
    const third = await start();
    const again = await TestClient.connect(third.url, { role: 'guest' });
    expect(await again.send('game:peek', { code: 'ZZZZZZ' })).toMatchObject({ code: 'game/unknown' });
    again.close();
  });
});
