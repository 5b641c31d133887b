// The close of the lab in real Chromium: canary stories on the projector at Part 2's reveal; at the debrief the
// podiums, every prediction against the truth, the timeline and talking points; the host replays the game on the
// projector (play, pause, scrub to a decision, the end matching the live game) and branches a "what if" shown
// side by side. Screenshots in test-results/screenshots/debrief-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART3_OPTIONS } from '../../shared/sim/parts/part3/content.js';
import { SCREENSHOT_DIR, screenshot } from '../support/browser.js';
import { E2eSession, expectNoAxeViolations, lockNumber, phaseOf, pressNext, pressReveal, startAndStep, stepToDebrief, whatIfRolledBack } from '../support/e2e.js';
import { showDebriefPage, showDeckPage, showNextDebriefPage } from '../support/projector.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** "12 / 345" → [12, 345]. */
const position = (text: string | null) => (text ?? '').split('/').map((part) => Number(part.trim())) as [number, number];

describe('the debrief, its replay and a what-if', () => {
  let host: Page;
  let screen: Page;
  let ada: Page; // Cloud Titan, team 1
  let bob: Page; // Edge Guardian, team 2
  let eve: Page; // Cloud Titan too (team 5): a track with two teams gets its own podium
  let code = '';

  it('plays Part 2 with a promotion and a rollback, and shows the canary stories at the reveal', async () => {
    host = await session.open('laptop', '/host');
    await host.getByLabel('Number of teams').fill('5');
    await host.getByRole('button', { name: 'Create game' }).click();
    await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    code = (await host.getByTestId('game-code').first().textContent())!.trim();
    // `?rotate=0`: the debrief's pages wait for the projector's arrow key instead of turning every 20 s.
    screen = await session.open('projector', `/screen/${code}?rotate=0`);
    ada = await session.join(code, 'Ada');
    bob = await session.join(code, 'Bob');
    await session.join(code, 'Cy');
    await session.join(code, 'Dee');
    eve = await session.join(code, 'Eve');
    await startAndStep(host, 4);
    await expect.poll(() => phaseOf(ada)).toMatch(/part 2/i);
    await host.getByRole('button', { name: '8×' }).click();
    for (const [page, value] of [[ada, '2995'], [bob, '3000'], [eve, '1000']] as const) {
      await lockNumber(page, value);
    }
    await ada.getByRole('button', { name: 'Start run' }).click();
    await bob.getByRole('button', { name: 'Start run' }).click();
    await host.getByRole('button', { name: 'Traffic spike' }).click();
    await ada.getByRole('button', { name: 'Promote' }).click();
    await expect.poll(() => ada.getByText(/\b1 % live\b|1 %/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await bob.getByRole('button', { name: 'Rollback' }).click();
    await expect.poll(() => bob.getByText(/rolled back/i).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await pressReveal(host);
    // The reveal is a deck of projected pages: n* against every answer, then the canary stories.
    await screen.getByTestId('reveal-actual').waitFor({ timeout: 10_000 });
    await expect.poll(() => screen.locator('[data-testid="screen-reveal"] .where').innerText(), { timeout: 10_000 }).toMatch(/Part 2 reveal 1 of 2/);
    await showDeckPage(screen, 'stories', 'screen-reveal');
    const stories = screen.getByTestId('canary-stories');
    await stories.waitFor({ timeout: 10_000 });
    await expect.poll(() => stories.textContent()).toMatch(/Promote run 1 to 1 %/);
    await expect.poll(() => stories.locator('svg').count()).toBeGreaterThan(0);
    await screenshot(screen, 'debrief-01-part2-reveal-canary-stories-screen');
  });

  it('closes the lab with podiums, every prediction against the truth, the timeline and talking points', async () => {
    // Into Part 3, where Ada locks and deploys v2: a decision of hers in Team 1's governance ledger.
    // Stepped by the console's own phase (a phone can show a step a moment before or after the console does, and
    // one more press in Part 3's play would reveal it), then Ada's phone follows.
    for (let i = 0; i < 6 && !/part 3/i.test((await phaseOf(host)) ?? ''); i++) {
      const before = await phaseOf(host);
      await pressNext(host);
      await expect.poll(() => phaseOf(host)).not.toBe(before);
    }
    await expect.poll(() => phaseOf(ada)).toMatch(/part 3/i);
    await ada.getByRole('radio', { name: PART3_OPTIONS.b }).check();
    await ada.getByRole('button', { name: 'Lock prediction' }).click();
    await ada.getByRole('button', { name: 'Deploy v2' }).click();
    await ada.getByRole('button', { name: 'Roll back to v1' }).waitFor();
    await stepToDebrief(host, 12);
    await expect.poll(() => phaseOf(screen)).toMatch(/debrief/i);
    // The projector's debrief is a deck of one-screen pages, the podium first; each page passes axe-core on the
    // projector's own page under its real CSP.
    await screen.getByTestId('podium').waitFor();
    await expectNoAxeViolations(screen, 'the podium on the projector');
    // Two Cloud Titan teams: that track gets a podium of its own; the others have one team each and none.
    await showDebriefPage(screen, 'tracks');
    const trackPodiums = screen.getByTestId('track-podiums');
    await expect.poll(() => trackPodiums.textContent()).toMatch(/Cloud Titan/);
    expect(await trackPodiums.textContent()).not.toMatch(/Edge Guardian/);
    await showDebriefPage(screen, 'predictions');
    const predictions = screen.getByTestId('debrief-class-predictions');
    expect(await predictions.textContent()).toMatch(/Part 2 · n\*/);
    expect(await predictions.getByRole('row', { name: /Team 2/ }).textContent()).toMatch(/3,000 vs 2,995/);
    await expectNoAxeViolations(screen, 'the predictions on the projector');
    await showDebriefPage(screen, 'timeline');
    const timeline = screen.getByTestId('timeline');
    await expect.poll(() => timeline.locator('svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await timeline.textContent()).toMatch(/Traffic spike/);
    await screenshot(screen, 'debrief-02-screen');
    await expectNoAxeViolations(screen, 'the timeline on the projector');
    await showDebriefPage(screen, 'stories');
    await expect.poll(() => screen.getByTestId('canary-stories').locator('svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectNoAxeViolations(screen, 'the canary stories on the projector');
    await eve.getByTestId('debrief-podium').waitFor();
    await screenshot(eve, 'debrief-03-phone');
    const points = host.getByTestId('talking-points');
    await expect.poll(() => points.textContent()).toMatch(/Team 2 locked 3000: the rule of three/);
    await screenshot(host, 'debrief-04-host');
  });

  it("shows a phone the class's predictions a part at a time, and the projector every team's ledger", async () => {
    // Eve's phone (Team 5): every team's lock against the truth, the last part revealed first.
    const table = eve.getByTestId('debrief-class-predictions');
    await table.waitFor();
    expect(await table.getByTestId('debrief-class-summary').innerText()).toMatch(/Part 3 · answer · the answer was/);
    expect(await table.getByTestId('debrief-class-line').count()).toBe(5);
    expect(await table.getByTestId('debrief-class-line').filter({ hasText: '(your team)' }).textContent()).toMatch(/Team 5/);
    await table.getByText('Part 2', { exact: true }).click();
    await expect.poll(() => table.getByTestId('debrief-class-summary').innerText()).toMatch(/Part 2 · n\* · 2 of 5 teams within 30 %/);
    expect(await table.getByTestId('debrief-class-line').filter({ hasText: 'Team 2' }).textContent()).toMatch(/3,000 vs truth 2,995/);
    expect(await table.getByTestId('debrief-class-line').filter({ hasText: 'Team 5' }).textContent()).toMatch(/1,000 vs truth/);
    // Nothing scrolls sideways at 390 px: no table, a list a part at a time.
    const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow(eve)).toBeLessThanOrEqual(0);
    await table.scrollIntoViewIfNeeded();
    await screenshot(eve, 'debrief-03b-phone-class-predictions');
    await table.screenshot({ path: join(SCREENSHOT_DIR, 'debrief-03c-phone-class-predictions-part2.png') });
    // The same phone passes axe-core, as Eve has it, under its real CSP.
    await expectNoAxeViolations(eve, "the debrief on Eve's phone");

    // A projector at 1280×720: each team's governance ledger, Ada's deployment in Team 1's.
    const small = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    const projector = await small.newPage();
    await projector.goto(`${session.server.url}/screen/${code}?rotate=0`);
    await showDebriefPage(projector, 'ledgers');
    const ledgers = projector.getByTestId('debrief-ledgers');
    // The ledgers take as many pages as they need, each card whole; the first page starts with Team 1's.
    const cards = ledgers.getByTestId('debrief-ledger-card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().textContent()).toMatch(/Team 1.*Deploy.*Ada/s);
    expect(await overflow(projector)).toBeLessThanOrEqual(0);
    await screenshot(projector, 'debrief-03d-projector-1280-ledgers');
    await ledgers.screenshot({ path: join(SCREENSHOT_DIR, 'debrief-03e-projector-1280-ledgers-section.png') });
    await expectNoAxeViolations(projector, 'the debrief on a 1280×720 projector');
    // Page by page, every team's ledger comes up once.
    const seen: string[] = [];
    for (let page = 0; page < 5 && (await projector.getByTestId('screen-debrief').getAttribute('data-slide')) === 'ledgers'; page++) {
      for (const text of await cards.allTextContents()) seen.push(/Team \d+/.exec(text)![0]);
      await showNextDebriefPage(projector);
    }
    expect(seen).toEqual(['Team 1', 'Team 2', 'Team 3', 'Team 4', 'Team 5']);
    await small.close();
  });

  it('replays the game on the projector: play, pause, scrub to a decision, and the end is the live game', async () => {
    await host.getByRole('button', { name: 'Replay', exact: true }).click();
    const where = screen.getByTestId('replay-version');
    await expect.poll(async () => position(await where.textContent())[0]).toBe(0);
    const last = position(await where.textContent())[1];
    expect(last).toBeGreaterThan(20);
    // At 1× (4 logged actions a second) it moves visibly, and is still playing when paused.
    await host.getByRole('button', { name: '1×' }).click();
    await host.getByRole('button', { name: 'Play replay' }).click();
    await expect.poll(async () => position(await where.textContent())[0]).toBeGreaterThan(0);
    await screenshot(screen, 'debrief-05-replay-playing-screen');
    await host.getByRole('button', { name: 'Pause replay' }).click();
    await host.getByRole('button', { name: 'Play replay' }).waitFor();
    // Scrub to Ada's promotion: the projector shows Part 2 at that version.
    const jump = host.getByLabel('Jump to a decision');
    const option = await jump.locator('option', { hasText: 'Promote run 1 to 1 %' }).getAttribute('value');
    await jump.selectOption(option!);
    await expect.poll(async () => position(await where.textContent())[0]).toBe(Number(option));
    await expect.poll(() => phaseOf(screen)).toMatch(/part 2/i);
    // The console hears of the frame on its own socket, a moment before or after the projector does.
    await expect.poll(() => host.getByTestId('replay-position').textContent()).toMatch(new RegExp(`^${option} / ${last}$`));
    await screenshot(screen, 'debrief-06-replay-scrubbed-screen');
    await screenshot(host, 'debrief-07-replay-host');
    // The scrub bar moves it too.
    await host.getByLabel('Replay position').fill(String(last - 1));
    await expect.poll(async () => position(await where.textContent())[0]).toBe(last - 1);
    await host.getByRole('button', { name: 'Play replay' }).click();
    await expect.poll(() => screen.getByText('same state as the live game').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => phaseOf(screen)).toMatch(/debrief/i);
    await screenshot(screen, 'debrief-08-replay-end-screen');
    await host.getByRole('button', { name: 'Close replay' }).click();
    await expect.poll(() => screen.getByTestId('replay-version').count()).toBe(0);
  });

  it('branches a what-if at Ada’s promotion and shows both outcomes side by side', async () => {
    const decision = host.getByLabel('Decision', { exact: true });
    const option = await decision.locator('option', { hasText: 'Promote run 1 to 1 %' }).getAttribute('value');
    await decision.selectOption(option!);
    await whatIfRolledBack(host);
    const onScreen = screen.getByTestId('what-if-result');
    await onScreen.waitFor();
    expect(await onScreen.textContent()).toMatch(/What if Team 1 had chosen otherwise/);
    await screenshot(host, 'debrief-09-what-if-host');
    await screenshot(screen, 'debrief-10-what-if-screen');
    // The host console is phone first: the debrief fits a phone's width too.
    await host.setViewportSize({ width: 390, height: 844 });
    const wide = () =>
      host.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('[role="region"], .scroll, table'))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
          .slice(0, 5),
      );
    await expect.poll(wide).toEqual([]);
    await screenshot(host, 'debrief-11-host-phone');
    for (const id of ['what-if', 'timeline', 'canary-stories']) {
      await host.getByTestId(id).screenshot({ path: join(SCREENSHOT_DIR, `debrief-12-host-phone-${id}.png`) });
    }
  });
});
