// Next from a reflection needs a press-and-hold (the reflection closes for good), and the hold moves the step on
// while the button is still down. Letting go must then do nothing to the next step: in a part's play, Next asks
// "N teams have not locked yet — reveal?", and a release taken as a click there asked it at once (with a mouse
// whose pointer was not on the "(hold)" note, and with a held Space that auto-repeated). In real Chromium.
// Screenshot: test-results/screenshots/host-hold-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eSession, phaseOf, pressNext, pressReveal, shootAndScan } from '../support/e2e.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** The page has drawn whatever the last input changed (Svelte updates the DOM before the next frame). */
const frameDrawn = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));

describe('holding Next through a reflection', () => {
  let host: Page;
  const next = () => host.getByRole('button', { name: 'Next', exact: true });

  it('reaches Part 1’s reflection with two teams that will not lock', async () => {
    const created = await session.createGame();
    host = created.host;
    await session.join(created.code, 'Ada');
    await session.join(created.code, 'Bob');
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await pressNext(host);
    await pressReveal(host);
    await pressNext(host);
    await expect.poll(() => phaseOf(host)).toMatch(/reflect/i);
    // The hint says so, a space before its dash ("… Part 2 — press and hold", not "Part 2— press").
    const hint = await host.getByText(/press and hold Next/).first().textContent();
    expect(hint).toMatch(/\S — press and hold Next/);
  });

  it('by mouse: the hold opens Part 2, and letting go asks nothing there', async () => {
    // The pointer at the button's left end, away from its "(hold)" note (which goes when the step moves on).
    await next().hover({ position: { x: 8, y: 8 } });
    await host.mouse.down();
    await expect.poll(() => phaseOf(host)).toMatch(/part 2/i);
    await host.mouse.up();
    await frameDrawn(host);
    expect(await host.getByRole('alertdialog').count()).toBe(0);
    await shootAndScan(host, 'host-hold-01-part2-after-release');
    // Next is an ordinary press again in the play step: a click asks, since nobody locked.
    await next().click();
    await host.getByRole('alertdialog').waitFor();
    await host.getByRole('button', { name: 'Keep playing' }).click();
  });

  it('by keyboard: a held Space (repeating, as a key does) opens Part 3, and its release asks nothing there', async () => {
    await pressReveal(host);
    await pressNext(host);
    await expect.poll(() => phaseOf(host)).toMatch(/reflect/i);
    await next().focus();
    await host.keyboard.down('Space');
    await expect.poll(() => phaseOf(host)).toMatch(/part 3/i);
    // Still held: the key repeats (Playwright sends a repeating key-down for a key already down).
    await host.keyboard.down('Space');
    await host.keyboard.up('Space');
    await frameDrawn(host);
    expect(await host.getByRole('alertdialog').count()).toBe(0);
    expect(await phaseOf(host)).toMatch(/part 3/i);
  });
});
