// The host's timeline chart at the debrief, in real Chromium: hovering a decision marker shows its team, hour and
// evidence; clicking one picks it for "what if" exactly as the list does (the list follows, the ring moves, the
// list takes the focus); a crisis marker picks nothing; the picked decision's "what if" shows both outcomes side
// by side. The markers are found as a person finds them: by hovering each and reading its tooltip. Two decisions
// of one team within the same simulated hour (Part 3 at 0.25×, a rollback right after a deployment) stand apart:
// each shows its own tooltip and picks its own entry.
// Screenshots in test-results/screenshots/timeline-pick-*.png.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART3_OPTIONS } from '../../shared/sim/parts/part3/content.js';
import { INK } from '../../src/lib/charts/theme.js';
import { KIND_STYLE, markerStep } from '../../src/lib/debrief/timeline-options.js';
import { SCREENSHOT_DIR, screenshot } from '../support/browser.js';
import { E2eSession, lockNumber, phaseOf, pressNext, pressReveal, startAndStep, stepToDebrief, whatIfRolledBack } from '../support/e2e.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

type Point = { x: number; y: number };

/** The centres of the SVG paths matching `selector`, in pixels from the chart's top-left corner (so a scroll of
 *  the page between finding and clicking does not matter: `plot.click({ position })` is relative too). */
function centres(plot: Locator, selector: string): Promise<Point[]> {
  return plot.locator(selector).evaluateAll((paths) =>
    paths.map((p) => {
      const box = p.getBoundingClientRect();
      const origin = p.closest('.plot')!.getBoundingClientRect();
      return { x: box.x + box.width / 2 - origin.x, y: box.y + box.height / 2 - origin.y };
    }),
  );
}

/** Every marker of a kind the chart draws, without the legend's icon of that kind: the legend sits at the chart's
 *  top, above the grid, so its icon is the topmost path of that colour. */
async function markerCentres(plot: Locator, kind: keyof typeof KIND_STYLE): Promise<Point[]> {
  const all = await centres(plot, `svg path[fill="${KIND_STYLE[kind].color}"]`);
  const legendY = Math.min(...all.map((c) => c.y));
  return all.filter((c) => c.y - legendY > 2);
}

/** Where the ring is: the one marker the chart draws with a border (the chosen decision's). */
const ringCentres = (plot: Locator) => centres(plot, `svg path[stroke="${INK.text}"]`);

const near = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) < 3;

/** Hovers each marker of a kind in turn and returns the one whose tooltip matches `text`, with that tooltip. */
async function findMarker(plot: Locator, kind: keyof typeof KIND_STYLE, text: RegExp): Promise<Point & { tip: string }> {
  const tooltip = plot.locator('div:has(> strong)');
  for (const centre of await markerCentres(plot, kind)) {
    // Away first (the chart's empty top-left corner), so the tooltip read next is this marker's, not the last one's.
    await plot.hover({ position: { x: 2, y: 2 } });
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    await plot.hover({ position: centre });
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    const tip = (await tooltip.textContent()) ?? '';
    if (text.test(tip)) return { ...centre, tip };
  }
  throw new Error(`no ${kind} marker shows ${text}`);
}

/**
 * Clicks a marker as a person does: the pointer rests on it, and the chart has drawn it hovered (the frame after the
 * pointer came), before the button goes down. A move and a click at once left the chart redrawing the hovered
 * marker between the press and the release on a loaded machine, and the click was lost.
 */
async function clickMarker(plot: Locator, at: Point): Promise<void> {
  await plot.hover({ position: { x: at.x, y: at.y } });
  await plot.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await plot.click({ position: { x: at.x, y: at.y } });
}

describe("the host's timeline chart picks a decision for what-if", () => {
  let host: Page;
  let ada: Page; // Team 1
  let bob: Page; // Team 2

  it('plays Part 2 with a crisis, a promotion and a rollback, then two decisions of Ada within an hour of Part 3, to the debrief', async () => {
    host = await session.open('laptop', '/host');
    await host.getByLabel('Number of teams').fill('2');
    await host.getByRole('button', { name: 'Create game' }).click();
    await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    const code = (await host.getByTestId('game-code').first().textContent())!.trim();
    ada = await session.join(code, 'Ada');
    bob = await session.join(code, 'Bob');
    await startAndStep(host, 4);
    await expect.poll(() => phaseOf(ada)).toMatch(/part 2/i);
    await host.getByRole('button', { name: '8×' }).click();
    for (const page of [ada, bob]) {
      await lockNumber(page, '3000');
    }
    await ada.getByRole('button', { name: 'Start run' }).click();
    await bob.getByRole('button', { name: 'Start run' }).click();
    await host.getByRole('button', { name: 'Traffic spike' }).click();
    await ada.getByRole('button', { name: 'Promote' }).click();
    await expect.poll(() => ada.getByText(/1 %/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await bob.getByRole('button', { name: 'Rollback' }).click();
    await expect.poll(() => bob.getByText(/rolled back/i).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await pressReveal(host);
    // Into Part 3, slowed to 0.25× (0.05 simulated hours a second): Ada deploys v2 and rolls it back at once, two
    // decisions a "what if" can replace, a tick apart at most, at the same spot of a chart whose axis spans the
    // game.
    // Stepped by the console's own phase (a phone can show a step a moment before or after the console does, and
    // one more press in Part 3's play would reveal it), then Ada's phone follows.
    for (let i = 0; i < 6 && !/part 3/i.test((await phaseOf(host)) ?? ''); i++) {
      const before = await phaseOf(host);
      await pressNext(host);
      await expect.poll(() => phaseOf(host)).not.toBe(before);
    }
    await expect.poll(() => phaseOf(ada)).toMatch(/part 3/i);
    await host.getByRole('button', { name: '0.25×' }).click();
    await ada.getByRole('radio', { name: PART3_OPTIONS.b }).check();
    await ada.getByRole('button', { name: 'Lock prediction' }).click();
    await ada.getByRole('button', { name: 'Deploy v2' }).click();
    await ada.getByRole('button', { name: 'Roll back to v1' }).click();
    await ada.getByRole('button', { name: 'Deploy v2' }).waitFor();
    await stepToDebrief(host, 12);
  });

  it('picks the clicked decision marker, and nothing on a crisis marker', async () => {
    const timeline = host.getByTestId('timeline');
    const plot = timeline.locator('.plot');
    await expect.poll(() => plot.locator('svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await plot.scrollIntoViewIfNeeded();
    const decision = host.getByLabel('Decision', { exact: true });
    expect(await decision.inputValue()).toBe('');

    // Hover: the decision's team, its hour and its evidence.
    const rollback = await findMarker(plot, 'decision', /Roll back run 1/);
    expect(rollback.tip).toMatch(/^Team 2 · P2 \d+\.\d hDecision: Roll back run 1 at .+ \(confidence [\d.]+ % of \d+ %\)Click to try a "what if" here$/);
    await clickMarker(plot, rollback);
    // The list follows, shows it, and has the focus (a screen reader reads the pick out).
    await expect.poll(() => decision.locator('option:checked').textContent()).toMatch(/Team 2 · Roll back run 1/);
    expect(await decision.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await timeline.locator('li.selected').textContent()).toMatch(/Team 2.*Roll back run 1/s);
    const bobsVersion = await decision.inputValue();
    await expect.poll(async () => (await ringCentres(plot)).map((c) => near(c, rollback))).toEqual([true]);
    await screenshot(host, 'timeline-pick-01-host-rollback-picked');
    await host.getByTestId('what-if').screenshot({ path: join(SCREENSHOT_DIR, 'timeline-pick-01b-what-if-follows.png') });
    await timeline.screenshot({ path: join(SCREENSHOT_DIR, 'timeline-pick-01c-timeline-ringed.png') });

    // Another marker moves the pick and the ring.
    const promote = await findMarker(plot, 'decision', /Promote run 1 to 1 %/);
    await clickMarker(plot, promote);
    await expect.poll(() => decision.locator('option:checked').textContent()).toMatch(/Team 1 · Promote run 1 to 1 %/);
    expect(await decision.inputValue()).not.toBe(bobsVersion);
    expect(await timeline.locator('li.selected').textContent()).toMatch(/Team 1.*Promote run 1 to 1 %/s);
    await expect.poll(async () => (await ringCentres(plot)).map((c) => near(c, promote))).toEqual([true]);

    // Ada's two Part 3 decisions, taken within a tick of each other: each marker is there to hover and to click,
    // a marker's width apart at least, and each picks its own entry.
    const deployed = await findMarker(plot, 'decision', /Deployed upstream v2/);
    const rolledBack = await findMarker(plot, 'decision', /Rolled the upstream back to v1/);
    expect(deployed.tip).toMatch(/^Team 1 · P3 /);
    expect(rolledBack.tip).toMatch(/^Team 1 · P3 /);
    expect(Math.hypot(deployed.x - rolledBack.x, deployed.y - rolledBack.y)).toBeGreaterThanOrEqual(markerStep(12) - 1);
    await clickMarker(plot, deployed);
    await expect.poll(() => decision.locator('option:checked').textContent()).toMatch(/Team 1 · Deployed upstream v2/);
    const deployVersion = await decision.inputValue();
    await clickMarker(plot, rolledBack);
    await expect.poll(() => decision.locator('option:checked').textContent()).toMatch(/Team 1 · Rolled the upstream back to v1/);
    expect(await decision.inputValue()).not.toBe(deployVersion);
    await expect.poll(async () => (await ringCentres(plot)).map((c) => near(c, rolledBack))).toEqual([true]);
    await timeline.screenshot({ path: join(SCREENSHOT_DIR, 'timeline-pick-01d-same-hour-apart.png') });
    // Back to the promotion, for the what-if below.
    await clickMarker(plot, promote);
    await expect.poll(() => decision.locator('option:checked').textContent()).toMatch(/Team 1 · Promote run 1 to 1 %/);

    // A crisis marker shows its tooltip but picks nothing.
    const crisis = await findMarker(plot, 'crisis', /Traffic spike/);
    expect(crisis.tip).not.toMatch(/what if/);
    await clickMarker(plot, crisis);
    await screenshot(host, 'timeline-pick-02-host-crisis-clicked');
    expect(await decision.locator('option:checked').textContent()).toMatch(/Team 1 · Promote run 1 to 1 %/);
  });

  it("runs the picked decision's what-if and shows both outcomes side by side", async () => {
    const result = await whatIfRolledBack(host);
    // Side by side on the laptop: the two outcomes share a row.
    const live = (await result.getByTestId('what-if-live').boundingBox())!;
    const branch = (await result.getByTestId('what-if-branch').boundingBox())!;
    expect(Math.abs(live.y - branch.y)).toBeLessThan(2);
    expect(branch.x).toBeGreaterThan(live.x + live.width - 1);
    await host.getByTestId('what-if').scrollIntoViewIfNeeded();
    await screenshot(host, 'timeline-pick-03-host-what-if');
    await result.screenshot({ path: join(SCREENSHOT_DIR, 'timeline-pick-03b-side-by-side.png') });
    // The chart with the pick ringed and a decision's tooltip, for a look.
    const plot = host.getByTestId('timeline').locator('.plot');
    await plot.scrollIntoViewIfNeeded();
    await findMarker(plot, 'decision', /Promote run 1 to 1 %/);
    await screenshot(host, 'timeline-pick-04-host-chart-tooltip');
    await host.getByTestId('timeline').screenshot({ path: join(SCREENSHOT_DIR, 'timeline-pick-04b-chart-tooltip.png') });
  });
});
