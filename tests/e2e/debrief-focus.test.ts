// The host chooses from the console what the projector's debrief shows (the instructor talks through one
// section while the projector's laptop is out of reach): "Governance ledgers" holds the ledgers on a projector
// opened as in class (its pages turning by themselves), a section of one page with no turning left; the
// projector's own keys still work; a replay takes the page and the section comes back when it closes; "All in
// turn" brings the turning deck back. axe-core finds nothing on either page. Screenshots in
// test-results/screenshots/debrief-focus-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { E2eSession, expectNoAxeViolations, stepToDebrief } from '../support/e2e.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** The projector's debrief deck, its page line, and its turning progress bar (drawn only while pages turn). */
const deckOf = (screen: Page) => screen.getByTestId('screen-debrief');
const lineOf = (screen: Page) => screen.locator('[data-testid="screen-debrief"] .where').innerText();
const turning = (screen: Page) => screen.getByTestId('slide-progress').count();
/** Waits until the projected page has settled (FitPage measured what fits). */
const settled = (screen: Page) => screen.locator('[data-testid="screen-debrief"] [data-fitting]').waitFor({ state: 'detached' });

describe("the debrief's section on the projector, chosen from the host console", () => {
  let host: Page;
  let screen: Page;

  it('holds the governance ledgers on a turning projector, then lets the whole deck turn again', async () => {
    const created = await session.createGame();
    host = created.host;
    // As in class: no ?rotate=0, the deck turns by itself.
    screen = await session.open('projector', `/screen/${created.code}`);
    await session.join(created.code, 'Ada');
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await stepToDebrief(host, 20);
    await deckOf(screen).waitFor();
    await settled(screen);
    // The deck turns: its line counts the pages and the bar fills toward the next one.
    expect(await lineOf(screen)).toMatch(/^Debrief \d+ of \d+ · /);
    expect(await turning(screen)).toBe(1);

    const group = host.getByRole('group', { name: 'Debrief section on the projector' });
    const all = group.getByRole('button', { name: 'All in turn' });
    const ledgers = group.getByRole('button', { name: 'Governance ledgers' });
    expect(await all.getAttribute('aria-pressed')).toBe('true');
    // The buttons are the projector's page titles, in its order.
    expect(await group.getByRole('button').allInnerTexts()).toEqual(expect.arrayContaining(['All in turn', 'Podium', 'Predictions against the truth', 'Governance ledgers']));
    await ledgers.click();

    await expect.poll(() => deckOf(screen).getAttribute('data-held')).toBe('ledgers');
    await settled(screen);
    expect(await deckOf(screen).getAttribute('data-slide')).toBe('ledgers');
    // One page of ledgers (a team's each): its line names the section alone, and no timer will turn it away.
    expect(await lineOf(screen)).toBe('Debrief · Governance ledgers');
    expect(await turning(screen)).toBe(0);
    expect(await screen.locator('[data-testid="screen-debrief"] .ledger').count()).toBeGreaterThan(0);
    await expect.poll(() => ledgers.getAttribute('aria-pressed')).toBe('true');
    expect(await all.getAttribute('aria-pressed')).toBe('false');
    expect(await host.getByTestId('debrief-focus').getByRole('status').innerText()).toMatch(/The projector holds Governance ledgers/);

    // The projector's own keys still turn its pages: within the section, which here is one page.
    await screen.keyboard.press('ArrowRight');
    await settled(screen);
    expect(await deckOf(screen).getAttribute('data-slide')).toBe('ledgers');

    await screenshot(host, 'debrief-focus-host-ledgers');
    await screenshot(screen, 'debrief-focus-screen-ledgers');
    await expectNoAxeViolations(host, 'the host console with the ledgers held');
    await expectNoAxeViolations(screen, 'the projector holding the ledgers');
  });

  it('gives the page to a replay, and holds the section again when the replay closes', async () => {
    await host.getByRole('button', { name: 'Replay', exact: true }).click();
    await screen.getByTestId('replay-version').waitFor();
    await host.getByRole('button', { name: 'Close replay' }).click();
    await expect.poll(() => screen.getByTestId('replay-version').count()).toBe(0);
    await expect.poll(() => deckOf(screen).getAttribute('data-held')).toBe('ledgers');
    await settled(screen);
    expect(await lineOf(screen)).toBe('Debrief · Governance ledgers');
    expect(await turning(screen)).toBe(0);
  });

  it('"All in turn" brings the turning deck back from its first page', async () => {
    await host.getByRole('group', { name: 'Debrief section on the projector' }).getByRole('button', { name: 'All in turn' }).click();
    await expect.poll(() => deckOf(screen).getAttribute('data-held')).toBeNull();
    await settled(screen);
    expect(await lineOf(screen)).toMatch(/^Debrief 1 of \d+ · Podium/);
    expect(await turning(screen)).toBe(1);
    // The console hears of the change on its own socket: it may follow the projector by a moment.
    await expect.poll(() => host.getByTestId('debrief-focus').getByRole('status').innerText()).toMatch(/turns through the whole debrief/);
    await screenshot(host, 'debrief-focus-host-all');
    await screenshot(screen, 'debrief-focus-screen-all');
  });
});
