// The whole host console by keyboard alone (Tab, Space, Enter), in real Chromium: create a game, start, move
// on, fire a crisis "Now" from the catalog and reveal. Tabbing through the catalog's hours field must leave
// "Now" chosen (it used to switch to "Later" on focus).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eSession, lockNumber, shootAndScan } from '../support/e2e.js';

const session = new E2eSession();

beforeAll(() => session.start());
afterAll(() => session.stop());

/** What the focused element is called: a control's label, or its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    const kind = el.tagName === 'INPUT' ? `input[${input.type}]` : el.tagName.toLowerCase();
    return `${kind}: ${label.replace(/\s+/g, ' ').trim()}`;
  });
}

/** Presses Tab until the focused element's name matches, and returns it (fails after a full lap). */
async function tabTo(page: Page, name: RegExp, max = 150): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (name.test(focused)) return focused;
  }
  throw new Error(`no focusable element matching ${name} within ${max} tabs`);
}

const phase = (page: Page) => page.getByTestId('phase').textContent();

describe('the host console by keyboard alone', () => {
  let host: Page;
  let ada: Page;
  let bo: Page;
  let screen: Page;

  it('creates a game, starts it and opens Part 1', async () => {
    host = await session.open('laptop', '/host');
    await tabTo(host, /^button: Create game$/);
    await host.keyboard.press('Enter');
    await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    await expect.poll(() => phase(host)).toMatch(/lobby/i);
    // One student, who never locks: Reveal asks before it closes that team's lock.
    const code = new URL(host.url()).pathname.split('/').pop()!;
    ada = await session.join(code, 'ada');
    // A second student, seated on another team, who locks before the warning.
    bo = await session.join(code, 'bo');
    screen = await session.open('projector', `/screen/${code}`);

    await tabTo(host, /^button: Start$/);
    await host.keyboard.press('Space');
    await expect.poll(() => phase(host)).toMatch(/briefing/i);
    // The focus stays on the same button, now named Next.
    expect(await focusedName(host)).toBe('button: Next');
    await host.keyboard.press('Enter');
    await expect.poll(() => phase(host)).toMatch(/part 1/i);
    await lockNumber(bo, 40);
  });

  it('reveals Part 1, reflects, and opens Part 2', async () => {
    await host.keyboard.press('Shift+Tab');
    await tabTo(host, /^button: Reveal$/);
    await host.keyboard.press('Enter');
    // The question takes the focus on its safest answer: a 30-second warning, counted down on the phones and
    // the projector (Keep playing closes the question, Reveal anyway reveals).
    await expect.poll(() => focusedName(host)).toBe('button: Give a 30-second warning');
    await shootAndScan(host, 'host-keyboard-reveal-confirm');
    await host.keyboard.press('Enter');
    const countdown = /Reveal in: (2\d|30) seconds/;
    await expect.poll(() => ada.getByTestId('reveal-warning').getByRole('timer').getAttribute('aria-label')).toMatch(countdown);
    await expect.poll(() => screen.getByTestId('reveal-warning').getByRole('timer').getAttribute('aria-label')).toMatch(countdown);
    await expect.poll(() => ada.getByTestId('status-toasts').textContent()).toContain('The host reveals in 30 seconds: lock your prediction now.');
    // Bo's team has locked: a calm line, not the call to lock (and no buzz, unit-tested in ui-status-bar).
    await expect.poll(() => bo.getByTestId('status-toasts').textContent()).toContain('The host reveals in 30 seconds — your team has locked.');
    expect(await bo.getByTestId('status-toasts').textContent()).not.toContain('lock your prediction now');
    await shootAndScan(bo, 'host-keyboard-warning-phone-locked');
    expect(await phase(host)).toMatch(/part 1/i);
    await shootAndScan(host, 'host-keyboard-warning-host');
    await shootAndScan(ada, 'host-keyboard-warning-phone');
    await shootAndScan(screen, 'host-keyboard-warning-screen');
    // The host still reveals: the question now offers only Reveal anyway and Keep playing.
    await tabTo(host, /^button: Reveal$/);
    await host.keyboard.press('Enter');
    await expect.poll(() => focusedName(host)).toBe('button: Reveal anyway');
    expect(await host.getByRole('button', { name: 'Give a 30-second warning' }).count()).toBe(0);
    await host.keyboard.press('Enter');
    await expect.poll(() => phase(host)).toMatch(/reveal/i);
    // Ada's phone hears of the reveal a moment after the host's console does.
    await expect.poll(() => ada.getByTestId('reveal-warning').count()).toBe(0);
    await tabTo(host, /^button: Next( \(hold\))?$/);
    await host.keyboard.press('Enter');
    await expect.poll(() => phase(host)).toMatch(/reflect/i);
    // Next from a reflection closes it for good: a tap does nothing, holding Space moves on. Nothing went out: a
    // press makes the flow's buttons busy at once, until its step's view comes (FlowPanel), so the drawn frame
    // after the tap shows Next pressable and the reflection still there (no sleep that a slow page can outlast).
    await host.keyboard.press('Enter');
    await host.evaluate(() => new Promise(requestAnimationFrame));
    expect(await host.getByRole('button', { name: 'Next', exact: true }).getAttribute('aria-disabled')).toBe('false');
    expect(await phase(host)).toMatch(/reflect/i);
    // Held until the step moves on, then let go: the release asks nothing of Part 2's play.
    await host.keyboard.down('Space');
    await expect.poll(() => phase(host)).toMatch(/part 2/i);
    await host.keyboard.up('Space');
    await host.evaluate(() => new Promise(requestAnimationFrame));
    expect(await host.getByRole('alertdialog').count()).toBe(0);
  });

  it('fires a crisis "Now": tabbing through the hours field keeps "Now"', async () => {
    const now = await tabTo(host, /^input\[radio\]: Now$/);
    expect(now).toBe('input[radio]: Now');
    await host.keyboard.press('Space');
    // On through the hours field to the first crisis button.
    const hours = await tabTo(host, /^input\[number\]: Simulated hours/);
    expect(hours).toMatch(/hours/);
    const crisis = await tabTo(host, /^button: /, 3);
    expect(await host.getByRole('radio', { name: 'Now' }).isChecked()).toBe(true);
    await host.keyboard.press('Enter');
    await host.getByText(/fired: all teams/i).waitFor();
    expect(crisis).toMatch(/^button: /);
    await shootAndScan(host, 'host-keyboard-crisis-now');
  });

  it('reveals Part 2', async () => {
    await host.keyboard.press('Shift+Tab');
    // Back up to the flow panel: Shift+Tab until Reveal.
    for (let i = 0; i < 200; i++) {
      if ((await focusedName(host)) === 'button: Reveal') break;
      await host.keyboard.press('Shift+Tab');
    }
    expect(await focusedName(host)).toBe('button: Reveal');
    await host.keyboard.press('Enter');
    await expect.poll(() => focusedName(host)).toBe('button: Give a 30-second warning');
    await host.keyboard.press('Tab');
    expect(await focusedName(host)).toBe('button: Reveal anyway');
    await host.keyboard.press('Space');
    await expect.poll(() => phase(host)).toMatch(/reveal/i);
    await shootAndScan(host, 'host-keyboard-part2-revealed');
  });
});
