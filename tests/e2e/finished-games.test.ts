// A finished game after a server restart, in real Chromium: the server restores only unfinished games, so the
// finished one is loaded from the store when its console opens from Past games. The host gets its debrief and can
// replay it on the projector; the player's phone, reconnected by itself, shows the debrief too. A student who opens
// the game's join link, or types its code, is told the game has ended and is offered no Join for it.
// Screenshots in test-results/screenshots/finished-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { E2eSession, phaseOf, shootAndScan, stepToDebrief } from '../support/e2e.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** A phone opens the join link of the game: it says the game has ended, and offers no Join for it. */
async function expectEndedAtJoinLink(): Promise<void> {
  const late = await session.open('phone', `/?code=${code}`);
  const ended = late.getByTestId('join-ended');
  await ended.waitFor();
  expect(await ended.textContent()).toMatch(/this game has ended.*ask your instructor for the code of the new game/i);
  expect(await late.getByText(/no game with that code/i).count()).toBe(0);
  await late.getByRole('textbox', { name: 'Nickname' }).fill('Late');
  expect(await late.getByRole('button', { name: 'Join', exact: true }).count()).toBe(0);
  await shootAndScan(late, 'finished-04-join-link-ended');
}

let code = '';

describe('a finished game after a restart', () => {
  let host: Page;
  let ada: Page;

  it('is played to its debrief', async () => {
    ({ host, code } = await session.createGame());
    ada = await session.join(code, 'Ada');
    await session.join(code, 'Bob');
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await stepToDebrief(host, 20);
    await ada.getByTestId('debrief-podium').waitFor();
  });

  it('opens from Past games at its debrief after the server restarted, with its replay on the projector', async () => {
    const port = Number(new URL(session.server.url).port);
    await session.server.kill('SIGKILL');
    // The same port: the browser's saved host token belongs to that origin.
    session.server = await session.startServer(port);
    // A late student opens its join link as the server comes back (whether Ada's phone, reconnecting by itself,
    // has loaded the game yet or not: tests/server/finished-games.test.ts checks each case on its own).
    await expectEndedAtJoinLink();

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


  it('tells a late student who types its code that it has ended, and another code takes the message away', async () => {
    // The host's console loaded it again: this is the finished game in memory.
    const typed = await session.open('phone', '/');
    const field = typed.getByRole('textbox', { name: 'Game code' });
    await field.fill(code.toLowerCase());
    await typed.getByTestId('join-ended').waitFor();
    expect(await typed.getByRole('button', { name: 'Join', exact: true }).count()).toBe(0);
    await field.fill(code.slice(0, 5));
    await expect.poll(() => typed.getByTestId('join-ended').count()).toBe(0);
    await typed.getByRole('button', { name: 'Join', exact: true }).waitFor();
  });
});
