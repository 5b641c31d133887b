// A class gathers in real Chromium: host console, projector and phones in separate browser profiles, against
// the real server process. Screenshots of every page land in test-results/screenshots/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eSession, shootAndScan } from '../support/e2e.js';
import { freePort } from '../support/ports.js';

const session = new E2eSession();
let port = 0;
const open = (device: 'phone' | 'laptop' | 'projector', path: string) => session.open(device, path);

async function joinAs(code: string, nickname: string): Promise<Page> {
  const page = await open('phone', `/?code=${code}`);
  await expect.poll(() => page.getByRole('textbox', { name: 'Game code' }).inputValue()).toBe(code);
  await page.getByRole('textbox', { name: 'Nickname' }).fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.waitForURL(`**/play/${code}`);
  await page.getByTestId('team-name').waitFor();
  return page;
}

/** The host console's card of a team: a region named "Team N: its name". */
const hostTeam = (page: Page, number: number, teamName = `Team ${number}`) =>
  page.getByRole('region', { name: `Team ${number}: ${teamName}` });

beforeAll(async () => {
  port = await freePort();
  await session.start(port);
});
afterAll(() => session.stop());

describe('a host, four players and a projector gather in a game', () => {
  let code = '';
  let host: Page;
  let screen: Page;
  let ada: Page;
  let bob: Page;

  it('the host creates a game and the projector shows its code and QR code', async () => {
    host = await open('laptop', '/host');
    await shootAndScan(host, '01-host-create');
    await host.getByRole('button', { name: 'Create game' }).click();
    await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    code = (await host.getByTestId('game-code').textContent())!.trim();
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    await expect.poll(() => host.getByTestId('phase').textContent()).toMatch(/lobby/i);

    screen = await open('projector', `/screen/${code}`);
    await expect.poll(() => screen.getByTestId('game-code').textContent()).toContain(code);
    await expect.poll(() => screen.locator('svg').count()).toBeGreaterThan(0);
    // The room reads the address and the code; the QR code carries the link with the code filled in.
    await expect.poll(() => screen.getByText(new URL(session.server.url).host).count()).toBeGreaterThan(0);
    await shootAndScan(host, '02-host-console-empty');
    await shootAndScan(screen, '03-screen-lobby-empty');
  });

  it('four players join from their phones and land in four teams, one per track', async () => {
    const home = await open('phone', '/');
    await shootAndScan(home, '04-home');
    await home.close();

    ada = await joinAs(code, 'Ada');
    bob = await joinAs(code, 'Bob');
    const cy = await joinAs(code, 'Cy');
    const dee = await joinAs(code, 'Dee');
    const seen = [];
    for (const page of [ada, bob, cy, dee]) {
      seen.push([await page.getByTestId('team-name').textContent(), await page.getByTestId('track-name').textContent()]);
    }
    expect(seen).toEqual([
      ['Team 1', 'Cloud Titan'],
      ['Team 2', 'Edge Guardian'],
      ['Team 3', 'Mobile Nomad'],
      ['Team 4', 'Tiny Pioneer'],
    ]);
    await expect.poll(() => ada.getByText('LLM architect').count()).toBeGreaterThan(0);
    await shootAndScan(ada, '05-player-ada');
    await shootAndScan(bob, '06-player-bob');
  });

  it('the host console and the screen list them in their teams, live', async () => {
    await expect.poll(() => hostTeam(host, 1).getByText('Ada', { exact: true }).count()).toBe(1);
    await expect.poll(() => hostTeam(host, 2).getByText('Bob', { exact: true }).count()).toBe(1);
    await expect.poll(() => hostTeam(host, 4).getByText('Dee', { exact: true }).count()).toBe(1);
    const screenTile = (team: string) =>
      screen.getByRole('listitem').filter({ has: screen.getByTestId('team-name').getByText(team, { exact: true }) });
    await expect.poll(() => screenTile('Team 1').getByText('Ada', { exact: true }).count()).toBe(1);
    await expect.poll(() => screenTile('Team 2').getByText('Bob', { exact: true }).count()).toBe(1);
    await expect.poll(() => screenTile('Team 3').getByText('Cy', { exact: true }).count()).toBe(1);
    await shootAndScan(host, '07-host-console-four-players');
    await shootAndScan(screen, '08-screen-four-players');
  });

  it('a player who refreshes is back in the same team', async () => {
    await bob.reload();
    await expect.poll(() => bob.getByTestId('team-name').textContent()).toBe('Team 2');
    expect(await bob.getByText('Bob').count()).toBeGreaterThan(0);
  });

  it('the host renames a team and moves a player; the phones follow', async () => {
    await host.getByRole('textbox', { name: 'Name of Team 1' }).fill('Night Owls');
    await host.getByRole('button', { name: 'Save name of Team 1' }).click();
    await expect.poll(() => ada.getByTestId('team-name').textContent()).toBe('Night Owls');
    await host.getByRole('combobox', { name: 'Move Bob to team' }).selectOption({ label: 'Night Owls' });
    await expect.poll(() => bob.getByTestId('team-name').textContent()).toBe('Night Owls');
    await expect.poll(() => ada.getByText('Bob', { exact: true }).count()).toBe(1);
  });

  it('a locked room turns late joiners away with a message, and a kick holds across a refresh', async () => {
    await host.getByRole('button', { name: 'Lock room' }).click();
    await host.getByRole('button', { name: 'Unlock room' }).waitFor();
    const late = await open('phone', `/?code=${code}`);
    await late.getByRole('textbox', { name: 'Nickname' }).fill('Late');
    await late.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => late.getByRole('alert').textContent()).toMatch(/locked/i);
    await shootAndScan(late, '09-home-room-locked');
    await host.getByRole('button', { name: 'Unlock room' }).click();

    await host.getByRole('button', { name: 'Kick Ada' }).click();
    await host.getByRole('button', { name: 'Yes, kick Ada' }).click();
    await expect.poll(() => ada.getByText('The host removed you from this game.').count()).toBe(1);
    await ada.reload();
    await expect.poll(() => ada.getByText('The host removed you from this game.').count()).toBe(1);
    await shootAndScan(ada, '10-player-kicked');
    await shootAndScan(host, '11-host-after-kick');
  });

  it('says so while the server is unreachable and comes back by itself', async () => {
    await session.server.kill('SIGKILL');
    await expect.poll(() => bob.getByText('Server unreachable').count(), { timeout: 10_000 }).toBe(1);
    await shootAndScan(bob, '12-player-server-unreachable');
    session.server = await session.startServer(port);
    await expect.poll(() => bob.getByText('Server unreachable').count(), { timeout: 15_000 }).toBe(0);
    expect(await bob.getByTestId('team-name').textContent()).toBe('Night Owls');
    await expect.poll(() => hostTeam(host, 1, 'Night Owls').getByText('Bob', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
  });
});
