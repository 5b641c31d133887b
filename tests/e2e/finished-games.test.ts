// A finished game after a server restart, in real Chromium: the server restores only unfinished games, so the
// finished one is loaded from the store when its console opens from Past games. The host gets its debrief and can
// replay it on the projector; the player's phone, reconnected by itself, shows the debrief too.
// Screenshots in test-results/screenshots/finished-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { E2eSession, phaseOf, pressNext } from '../support/e2e.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());


describe('a finished game after a restart', () => {
  let host: Page;
  let ada: Page;
  let code = '';

  it('is played to its debrief', async () => {
    ({ host, code } = await session.createGame());
    ada = await session.join(code, 'Ada');
    await session.join(code, 'Bob');
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    for (let i = 0; i < 20 && !/debrief/i.test((await phaseOf(host)) ?? ''); i++) {
      const before = await phaseOf(host);
      await pressNext(host);
      await expect.poll(() => phaseOf(host)).not.toBe(before);
    }
    await expect.poll(() => phaseOf(host)).toMatch(/debrief/i);
    await ada.getByTestId('debrief-podium').waitFor();
  });

  it('opens from Past games at its debrief after the server restarted, with its replay on the projector', async () => {
    const port = Number(new URL(session.server.url).port);
    await session.server.kill('SIGKILL');
    // The same port: the browser's saved host token belongs to that origin.
    session.server = await session.startServer(port);

    await host.goto(`${session.server.url}/host`);
    const item = host.getByRole('region', { name: 'Past games' }).getByRole('listitem').filter({ has: host.getByText(code, { exact: true }) });
    await item.getByText(/^Finished /).waitFor();
    await item.getByRole('link', { name: `Open game ${code}` }).click();
    await host.waitForURL(`**/host/${code}`);
    await expect.poll(() => phaseOf(host)).toMatch(/debrief/i);
    await host.getByTestId('talking-points').waitFor();
    expect(await host.getByText(/no game with that code/i).count()).toBe(0);
    await screenshot(host, 'finished-01-host-after-restart');

    const screen = await session.open('projector', `/screen/${code}`);
    await screen.getByTestId('podium').waitFor();
    await host.getByRole('button', { name: 'Replay', exact: true }).click();
    const where = screen.getByTestId('replay-version');
    await expect.poll(async () => (await where.textContent()) ?? '').toMatch(/^\s*0\s*\//);
    await host.getByRole('button', { name: '64×' }).click();
    await host.getByRole('button', { name: 'Play replay' }).click();
    await expect.poll(() => screen.getByText('same state as the live game').count(), { timeout: 20_000 }).toBe(1);
    await screenshot(screen, 'finished-02-replay-end-screen');
    await host.getByRole('button', { name: 'Close replay' }).click();

    // The phone reconnected by itself once the server was back, to the same debrief.
    await ada.getByTestId('debrief-podium').waitFor({ timeout: 15_000 });
    await screenshot(ada, 'finished-03-phone-after-restart');
  });
});
