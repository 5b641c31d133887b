// A network over its connection budget: the page says the server is busy and retries by itself, and gets in
// once there is room, with no reload. The server allows one join page per address here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext, screenshot } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'fleetops-busy-'));
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  server = await startServerProcess({ DATA_DIR: dataDir, MAX_GUESTS_PER_ADDRESS: '1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a page refused for now', () => {
  it('says the server is busy, retries by itself and gets in when there is room', async () => {
    const first = await (await newContext(browser, 'phone')).newPage();
    await first.goto(`${server.url}/`);
    await first.getByRole('button', { name: 'Join' }).waitFor();
    await expect.poll(() => first.getByTestId('connection-banner').textContent()).toBe('');

    const second = await (await newContext(browser, 'phone')).newPage();
    await second.goto(`${server.url}/`);
    const banner = second.getByTestId('connection-banner');
    await banner.getByText(/busy.*retrying/i).waitFor();
    await screenshot(second, 'busy-retrying');

    // The first phone leaves: the second one's next try gets in, and the banner goes.
    await first.close();
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toBe('');
  }, 60_000);
});
