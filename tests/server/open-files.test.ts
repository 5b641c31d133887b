// The open-file limit caps how many phones can connect; the server cannot raise it, so it must say so at start.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileWarning, readOpenFileLimit } from '../../server/fd-limit.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const dirs: string[] = [];
const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((p) => p.kill('SIGKILL')));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fleetops-fd-'));
  dirs.push(dir);
  return dir;
}

describe('the open-file limit', () => {
  it('is read from /proc/self/limits', () => {
    const file = join(freshDir(), 'limits');
    writeFileSync(file, 'Limit                     Soft Limit           Hard Limit           Units     \nMax open files            1024                 524288               files     \n');
    expect(readOpenFileLimit(file)).toEqual({ soft: 1024, hard: 524288 });
    expect(readOpenFileLimit(join(freshDir(), 'missing'))).toBeNull();
    expect(openFileWarning({ soft: 1024, hard: 524288 }, 7_564, 64)).toMatch(/about 960 phones.*ulimit -n 8192/s);
    expect(openFileWarning({ soft: 1024, hard: 4096 }, 7_564, 64)).toMatch(/raise the hard limit/);
    expect(openFileWarning({ soft: 65_536, hard: 65_536 }, 7_564, 64)).toBeNull();
  });

  it('below what the connection limits allow makes the real server warn at start, in words', async () => {
    const low = await startServerProcess({ DATA_DIR: freshDir() }, { openFiles: 256 });
    started.push(low);
    expect(low.output()).toMatch(/Warning: The open-file limit of this process is 256: about 192 phones/);
    expect(low.output()).toMatch(/LimitNOFILE=8192/);
    expect(low.output()).toMatch(/Node cannot raise the limit by itself/);
  });

  it('high enough makes no warning', async () => {
    const high = await startServerProcess({ DATA_DIR: freshDir() }, { openFiles: 16_384 });
    started.push(high);
    expect(high.output()).not.toMatch(/open-file limit/);
  });
});
