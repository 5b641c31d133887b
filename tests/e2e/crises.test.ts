// Each track meets its own crisis in real Chromium (GAME.md §7): a Cloud Titan team tames an alert storm with
// threshold discovery and finds both drifts; a Mobile Nomad team sees the global mean green, monitors region × OS,
// finds a slice below 60 FPS and treats it with the lighter variant; an Edge Guardian stratified canary reads no
// latency on gen 1 in shadow mode, then its 100 ms tail once live under rollout jitter. The host and the
// projector follow. Screenshots in test-results/screenshots/crises-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eSession, lockNumber, phaseOf, pressNext, shootAndScan, startAndStep } from '../support/e2e.js';
import { screenshot } from '../support/browser.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** A number out of a readout like "72,346", "58.3 FPS" or "100 ms"; NaN when it holds none. */
const numberIn = (text: string | null) => {
  const match = (text ?? '').replace(/,/g, '').match(/-?\d+(\.\d+)?/);
  return match ? Number(match[0]) : Number.NaN;
};

describe('Crises: alert storm, app-OS skew, rollout jitter', () => {
  let host: Page;
  let screen: Page;
  let ada: Page; // Cloud Titan
  let bob: Page; // Edge Guardian
  let cy: Page; // Mobile Nomad

  async function fire(crisis: string, track: string) {
    await host.getByLabel('Aim at').selectOption({ label: `${track} (1 team)` });
    await host.getByRole('button', { name: crisis, exact: true }).click();
    await expect.poll(() => host.getByRole('status').filter({ hasText: `${crisis} fired` }).count()).toBeGreaterThan(0);
  }

  it('reaches Part 2 with four teams, one per track, and every team locks', async () => {
    const created = await session.createGame();
    host = created.host;
    screen = await session.open('projector', `/screen/${created.code}`);
    ada = await session.join(created.code, 'Ada');
    bob = await session.join(created.code, 'Bob');
    cy = await session.join(created.code, 'Cy');
    await session.join(created.code, 'Dee');
    await startAndStep(host, 4);
    await expect.poll(() => phaseOf(ada)).toMatch(/part 2/i);
    await host.getByRole('button', { name: '8×' }).click();
    for (const page of [ada, bob, cy]) {
      await lockNumber(page, '3000');
    }
    // Each team's clock starts with its first run (GAME.md §5): Ada and Cy start one and roll it back at once,
    // so their fleets live on while the crises play out; Bob starts his own canary below.
    for (const page of [ada, cy]) {
      await expect.poll(() => page.getByTestId('clock-note').textContent()).toMatch(/starts with your first run/);
      await page.getByRole('button', { name: 'Start run' }).click();
      await page.getByRole('button', { name: 'Rollback' }).click();
      await expect.poll(() => page.getByTestId('clock-note').textContent(), { timeout: 10_000 }).toMatch(/Clock running/);
    }
    // Monitoring is there before any crisis: the chapter's 432 false alerts a day at static 3σ against 50.
    await expect.poll(async () => numberIn(await ada.getByTestId('alerts-per-day').textContent())).toBeGreaterThan(400);
    expect(numberIn(await ada.getByTestId('alert-capacity').textContent())).toBe(50);
  });

  it('a Cloud Titan team tames an alert storm: k = 4 brings the alerts under capacity, the hot cells stand out, both drifts are found', async () => {
    await fire('Alert storm', 'Cloud Titan');
    await expect.poll(() => ada.getByTestId('crisis-banner').first().textContent(), { timeout: 10_000 }).toMatch(/CFO/);
    await expect.poll(async () => numberIn(await ada.getByTestId('alerts-per-day').textContent()), { timeout: 10_000 }).toBeGreaterThan(10_000);
    await shootAndScan(ada, 'crises-01-storm-player-ada');

    // The panel says which thresholds each number belongs to: those in force now, or those the button would use.
    expect(await ada.getByTestId('thresholds-now').textContent()).toMatch(/In force now: static 3σ — set on calm noise.*: ≈ [\d,]+ false alerts a day/);
    expect(await ada.getByTestId('thresholds-preview').textContent()).toMatch(/^\s*If you switch: k = 3σ per model, each model's threshold/);
    // Threshold discovery at k = 4: two steps of 0.5σ up from 3σ.
    const increase = ada.getByRole('button', { name: 'Threshold k: increase' });
    await increase.click();
    await increase.click();
    await ada.getByRole('button', { name: 'Use per-model 4σ thresholds' }).click();
    await expect.poll(async () => numberIn(await ada.getByTestId('alerts-per-day').textContent()), { timeout: 10_000 }).toBeLessThan(50);

    // The heatmap quiets down to the drifting cells: investigate the hottest (two alerts or more in the hour)
    // until both drifts are found — their onsets come 1–12 simulated hours after the storm.
    const hottest = ada.locator('li[data-count]');
    const unfound = ada.locator('li[data-count]:not(.found)');
    await expect
      .poll(
        async () => {
          const found = numberIn(await ada.getByTestId('drifts-found').textContent());
          if (found >= 2) return found;
          const top = unfound.first();
          if ((await top.count()) > 0 && Number(await top.getAttribute('data-count')) >= 2) {
            const button = top.getByRole('button', { name: /^Investigate model \d+ · metric \d+$/ });
            if ((await button.count()) > 0) {
              await shootAndScan(ada, 'crises-02-hot-cells-player-ada');
              await button.click();
            }
          }
          return found;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(2);
    // Every lit cell is a drift once both are found: nothing else is as hot.
    const counts = await hottest.evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-count'))));
    expect(counts.filter((c) => c >= 3).length).toBeLessThanOrEqual(2);
    // The heatmap is one tab stop: arrow keys move between cells, Enter picks one and offers to investigate it.
    await ada.getByRole('gridcell').first().focus();
    await ada.keyboard.press('ArrowRight');
    await ada.keyboard.press('ArrowDown');
    expect(await ada.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^model 2 · metric 2: /);
    await ada.keyboard.press('Enter');
    await expect.poll(() => ada.getByRole('button', { name: 'Investigate model 2 · metric 2' }).count()).toBeGreaterThan(0);
    // The Math Peek writes N · M · FPR · 288 with this fleet's numbers.
    await ada.getByRole('button', { name: 'Math Peek: Alert noise' }).click();
    await expect.poll(() => ada.getByText(/^= 50 · 10 · 0\.0000\d+ · 288$/).count()).toBe(1);
    await shootAndScan(ada, 'crises-03-storm-tamed-player-ada');
  });

  it('a Mobile Nomad team finds its bad slice: the global mean stays green, region × OS shows a slice below 60, the lighter variant lifts it', async () => {
    await fire('App-OS skew', 'Mobile Nomad');
    await expect.poll(() => cy.getByTestId('crisis-banner').first().textContent(), { timeout: 10_000 }).toMatch(/UX Designer/);
    await expect.poll(async () => numberIn(await cy.getByTestId('global-fps').textContent())).toBeGreaterThanOrEqual(60);
    await cy.getByRole('radio', { name: /Region × OS/ }).check();
    await expect.poll(() => cy.getByTestId('slice-fps').count(), { timeout: 10_000 }).toBe(20);

    // Wait for the update to spread until some slice reads below 60 FPS, and take the lowest.
    let worst = { slice: '', fps: Infinity };
    await expect
      .poll(
        async () => {
          const readings = await cy.getByTestId('slice-fps').evaluateAll((cells) =>
            cells.map((c) => ({ slice: c.getAttribute('data-slice') ?? '', text: c.textContent ?? '' })),
          );
          worst = readings.map((r) => ({ slice: r.slice, fps: numberIn(r.text) })).filter((r) => Number.isFinite(r.fps)).sort((a, b) => a.fps - b.fps)[0] ?? worst;
          return worst.fps;
        },
        { timeout: 30_000 },
      )
      .toBeLessThan(60);
    expect(worst.slice).toMatch(/^Region \d+ · OS update$/);
    // The lesson: the global mean is still green while that slice is red.
    expect(numberIn(await cy.getByTestId('global-fps').textContent())).toBeGreaterThanOrEqual(60);
    await shootAndScan(cy, 'crises-04-skew-found-player-cy');

    const cell = cy.locator(`[data-testid="slice-fps"][data-slice="${worst.slice}"]`);
    await cell.click();
    await cy.getByRole('button', { name: 'Lighter variant' }).click();
    await expect.poll(async () => numberIn(await cell.textContent()), { timeout: 15_000 }).toBeGreaterThanOrEqual(60);
    await expect.poll(() => cy.getByText(`${worst.slice}: lighter variant`).count()).toBeGreaterThan(0);
    await shootAndScan(cy, 'crises-05-skew-treated-player-cy');
  });

  it('an Edge Guardian stratified canary has no latency evidence on gen 1 in shadow mode, then reads its 100 ms tail once live under rollout jitter', async () => {
    await bob.getByRole('radio', { name: /Stratified by cohort/ }).check();
    await bob.getByRole('button', { name: 'Start run' }).click();
    await bob.getByRole('button', { name: 'Promote' }).waitFor();
    const gen1 = bob.locator('[data-testid="p99-latency"][data-cohort^="Hardware gen 1"]');
    await expect.poll(() => gen1.textContent()).toBe('no shadow on this hardware');
    expect(await bob.getByTestId('p99-latency').count()).toBe(3);

    await bob.getByRole('button', { name: 'Promote' }).click();
    await fire('Rollout jitter', 'Edge Guardian');
    await expect.poll(() => bob.getByTestId('crisis-banner').first().textContent(), { timeout: 10_000 }).toMatch(/Safety Lead/);
    await expect.poll(async () => numberIn(await gen1.textContent()), { timeout: 15_000 }).toBeGreaterThan(80);
    expect(numberIn(await gen1.textContent())).toBeLessThan(130);
    // The newer hardware stays within the 10 ms loop.
    const gen3 = bob.locator('[data-testid="p99-latency"][data-cohort^="Hardware gen 3"]');
    expect(numberIn(await gen3.textContent())).toBeLessThan(10);
    // The evidence is whole on a 390 px phone: neither the table's box nor any of its cells clips ("100 m",
    // "✗ past budge" in a class play-through).
    const table = bob.getByRole('table', { name: /^Per cohort/ });
    await table.scrollIntoViewIfNeeded();
    const clipped = await table.evaluate((t) =>
      [t.parentElement!, ...t.querySelectorAll('th, td')]
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => `${el.tagName} "${el.textContent?.trim()}" ${el.scrollWidth} > ${el.clientWidth}`),
    );
    expect(clipped).toEqual([]);
    await shootAndScan(bob, 'crises-06-jitter-player-bob');
  });

  it('the projector shows each crisis per team, and the host the hidden truth behind them', async () => {
    await expect.poll(() => screen.locator('[data-crisis="storm"]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => screen.locator('[data-crisis="skew"]').count()).toBe(1);
    await expect.poll(() => screen.locator('[data-crisis="jitter"]').count()).toBe(1);
    // The projector's page fits its height: the chips take room from the confidence lines, not from the room.
    await shootAndScan(screen, 'crises-07-screen');
    expect(await screen.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
    // The hidden truth is behind the console's presenter-safe switch.
    await host.getByRole('button', { name: 'Show answers' }).click();
    await expect.poll(() => host.getByText(/found Day \d/).count()).toBe(2);
    await expect.poll(() => host.getByText(/Lighter variant/).count()).toBeGreaterThan(0);
    await shootAndScan(host, 'crises-08-host');
  });
});

describe('Crises on the projector with twelve teams', () => {
  it('shows each struck team its chips in the fleet table, on one projected page', async () => {
    const { host, code } = await session.createGame();
    const teams = host.getByRole('spinbutton', { name: 'Teams' });
    await teams.fill('12');
    await host.getByRole('button', { name: 'Apply team count' }).click();
    await expect.poll(() => host.getByRole('heading', { name: 'Teams (12)' }).count()).toBe(1);
    const screen = await session.open('projector', `/screen/${code}`);
    const players: Page[] = [];
    for (const name of ['Eve', 'Fay', 'Gus', 'Hal', 'Valentina-Alexandra Müll']) players.push(await session.join(code, name));
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    for (let i = 0; i < 4; i++) {
      const before = await host.getByTestId('phase').first().textContent();
      await pressNext(host);
      await expect.poll(() => host.getByTestId('phase').first().textContent()).not.toBe(before);
    }
    for (const page of players) {
      await lockNumber(page, '2995');
    }
    await host.getByRole('button', { name: '8×' }).click();
    for (const crisis of ['Alert storm', 'App-OS skew', 'Rollout jitter']) {
      await host.getByRole('button', { name: crisis, exact: true }).click();
      await expect.poll(() => host.getByRole('status').filter({ hasText: `${crisis} fired` }).count()).toBeGreaterThan(0);
    }
    // Every locked team shows a chip for the storm and the skew (jitter has no reading before a run).
    await expect.poll(() => screen.locator('[data-crisis="storm"]').count(), { timeout: 10_000 }).toBe(5);
    await expect.poll(() => screen.locator('[data-crisis="skew"]').count()).toBe(5);
    await shootAndScan(screen, 'crises-09-screen-12-teams');
    // The fleets with their chips end on the projected page (the board beside them is the leaderboard's own).
    const fleets = await screen.getByRole('heading', { name: /^Fleet health/ }).locator('xpath=..').boundingBox();
    expect(fleets!.y + fleets!.height).toBeLessThanOrEqual(1080);
    // Three crises fired seconds apart are all on the projector, each stakeholder's words whole, on a 1080p and
    // a 720p projector alike, and the page does not scroll.
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await screen.setViewportSize({ width, height });
      const banners = screen.getByTestId('crisis-banner');
      await expect.poll(() => banners.count()).toBe(3);
      expect(await banners.allTextContents()).toEqual([
        expect.stringMatching(/Rollout jitter/),
        expect.stringMatching(/App-OS skew/),
        expect.stringMatching(/Alert storm/),
      ]);
      const words = await screen.getByTestId('crisis-words').evaluateAll((ps) =>
        ps.map((p) => ({ text: p.textContent ?? '', clipped: p.scrollHeight > p.clientHeight + 1, bottom: p.getBoundingClientRect().bottom })),
      );
      for (const w of words) {
        expect(w.text.length).toBeGreaterThan(30);
        expect(w.clipped).toBe(false);
        expect(w.bottom).toBeLessThanOrEqual(height);
      }
      await screenshot(screen, `crises-10-screen-12-teams-three-crises-${height}p`);
      expect(await screen.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height);
    }

    // The host's table of twelve teams, five of them running a canary in the storm, fits a 1440 px laptop: the
    // Ops column is not behind a sideways scroll.
    for (const page of players) await page.getByRole('button', { name: 'Start run' }).click();
    await host.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => host.getByRole('status').filter({ hasText: '5 testing' }).count()).toBe(1);
    const results = host.getByRole('region', { name: 'Part 2 results per team' });
    await results.scrollIntoViewIfNeeded();
    await screenshot(host, 'crises-11-host-12-teams-1440');
    const { scroll, width } = await results.evaluate((box) => ({ scroll: box.scrollWidth, width: box.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
  });
});
