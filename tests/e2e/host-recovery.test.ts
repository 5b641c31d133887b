// Host recovery and co-host in real Chromium (GAME.md §1): the links shown once at creation open the same game's
// console in a fresh browser profile — the recovery link the full console, the co-host link the controls without
// the settings — and every console starts presenter-safe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eSession, shootAndScan } from '../support/e2e.js';

const session = new E2eSession();

beforeAll(() => session.start());
afterAll(() => session.stop());

const phase = (page: Page) => page.getByTestId('phase').textContent();

describe('a host gets the game back from the recovery link', () => {
  let host: Page;
  let code = '';
  let recoveryUrl = '';
  let cohostUrl = '';

  it('shows the recovery and co-host links once, with the secret in the fragment', async () => {
    ({ host, code } = await session.createGame());
    const card = host.getByRole('region', { name: /Keep these two links/ });
    await card.waitFor();
    // Folded by default (the laptop may be mirrored on the projector): no link and no QR code until Show.
    expect(await card.getByText("Don't show this on the projector — it gives full control.").count()).toBe(1);
    expect(await card.getByRole('textbox', { name: 'Recovery link' }).count()).toBe(0);
    expect(await card.getByRole('img', { name: 'QR code of the recovery link' }).count()).toBe(0);
    await shootAndScan(host, 'host-recovery-00-links-folded');
    await card.getByRole('button', { name: 'Show the links' }).click();
    recoveryUrl = await card.getByRole('textbox', { name: 'Recovery link' }).inputValue();
    cohostUrl = await card.getByRole('textbox', { name: 'Co-host link' }).inputValue();
    expect(recoveryUrl).toMatch(new RegExp(`/host/${code}#recover=[A-Za-z0-9_-]{43}$`));
    expect(cohostUrl).toMatch(new RegExp(`/host/${code}#cohost=[A-Za-z0-9_-]{43}$`));
    expect(await card.getByRole('img', { name: 'QR code of the recovery link' }).count()).toBe(1);
    await shootAndScan(host, 'host-recovery-01-links');

    await card.getByRole('button', { name: 'I have saved them' }).click();
    await expect.poll(() => card.count()).toBe(0);
    await host.reload();
    await expect.poll(() => phase(host)).toMatch(/lobby/i);
    expect(await host.getByRole('region', { name: /Keep these two links/ }).count()).toBe(0);
  });

  it('the console is presenter-safe: the lobby hides N* until the host shows the answers', async () => {
    expect(await host.getByText('True N*').count()).toBe(0);
    expect(await host.getByText('Answers visible').count()).toBe(0);
    await host.getByRole('button', { name: 'Show answers' }).click();
    await host.getByText('True N*').first().waitFor();
    await host.getByText('Answers visible', { exact: true }).waitFor();
    await shootAndScan(host, 'host-recovery-02-answers-visible');
    await host.getByRole('button', { name: 'Hide answers' }).click();
    await expect.poll(() => host.getByText('True N*').count()).toBe(0);
    // Held down, the peek shows them; let go, they hide again.
    const peek = host.getByRole('button', { name: 'Hold to peek' });
    await peek.hover();
    await host.mouse.down();
    await host.getByText('True N*').first().waitFor();
    await host.mouse.up();
    await expect.poll(() => host.getByText('True N*').count()).toBe(0);
  });

  it('opening the recovery link in a fresh browser gives the full console of the same game', async () => {
    const lectern = await session.open('laptop', recoveryUrl.slice(new URL(recoveryUrl).origin.length));
    await expect.poll(() => lectern.getByTestId('game-code').first().textContent()).toContain(code);
    await expect.poll(() => phase(lectern)).toMatch(/lobby/i);
    // The secret left the address bar.
    expect(new URL(lectern.url()).hash).toBe('');
    expect(await lectern.getByText('Host console').count()).toBeGreaterThan(0);
    // Fresh browser, fresh console: presenter-safe again.
    expect(await lectern.getByText('True N*').count()).toBe(0);
    // The settings are there, and the controls work for the same game.
    await lectern.getByRole('button', { name: 'Save settings' }).waitFor();
    await lectern.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => phase(host)).toMatch(/briefing/i);
    await expect.poll(() => phase(lectern)).toMatch(/briefing/i);
    await shootAndScan(lectern, 'host-recovery-03-lectern');
    // A reload keeps the console (the session's token is in this browser now).
    await lectern.reload();
    await expect.poll(() => phase(lectern)).toMatch(/briefing/i);
  });

  it('the co-host link opens the controls without the settings', async () => {
    const assistant = await session.open('laptop', cohostUrl.slice(new URL(cohostUrl).origin.length));
    await expect.poll(() => phase(assistant)).toMatch(/briefing/i);
    expect(await assistant.getByText('Co-host console').count()).toBe(1);
    expect(await assistant.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(await assistant.getByRole('region', { name: /Keep these two links/ }).count()).toBe(0);
    expect(await assistant.getByRole('button', { name: 'New co-host link' }).count()).toBe(0);
    await shootAndScan(assistant, 'host-recovery-04-cohost');
    await assistant.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => phase(host)).toMatch(/part 1/i);
  });

  it('the host makes a new co-host link: the old one stops opening the game, the new one opens it', async () => {
    await host.getByRole('button', { name: 'New co-host link' }).click();
    const fresh = await host.getByRole('textbox', { name: 'New co-host link' }).inputValue();
    expect(fresh).toMatch(new RegExp(`/host/${code}#cohost=[A-Za-z0-9_-]{43}$`));
    expect(fresh).not.toBe(cohostUrl);
    await host.getByRole('heading', { name: 'Co-host link' }).scrollIntoViewIfNeeded();
    await host.screenshot({ path: 'test-results/screenshots/host-recovery-05-new-cohost-link.png' });
    const stale = await session.open('laptop', cohostUrl.slice(new URL(cohostUrl).origin.length));
    await stale.getByText(/does not open game/).waitFor();
    const assistant = await session.open('laptop', fresh.slice(new URL(fresh).origin.length));
    await expect.poll(() => assistant.getByText('Co-host console').count()).toBe(1);
    await host.getByRole('button', { name: 'I have saved it' }).click();
    expect(await host.getByRole('textbox', { name: 'New co-host link' }).count()).toBe(0);
  });

  it('a wrong link says so and offers a new game', async () => {
    const stranger = await session.open('laptop', `/host/${code}#recover=${'A'.repeat(43)}`);
    await stranger.getByText(/does not open game/).waitFor();
    expect(new URL(stranger.url()).hash).toBe('');
  });
});
