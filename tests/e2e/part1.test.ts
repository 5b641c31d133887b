// Part 1 in real Chromium: a host, four players (one per track) and a projector play from the lobby through
// the reveal, the reflection and the debrief. Screenshots of every page at every step land in
// test-results/screenshots/part1-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART1_REFLECTION_OPTIONS } from '../../shared/sim/parts/part1/content.js';
import { E2eSession, phaseOf, pressNext, pressReveal, shootAndScan } from '../support/e2e.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

const TRACKS = ['Cloud Titan', 'Edge Guardian', 'Mobile Nomad', 'Tiny Pioneer'];
const NAMES = ['Ada', 'Bob', 'Cy', 'Dee'];
const PREDICTIONS = [60, 80, 44, 500];
const TRUTHS = [73, 53, 44, 39];

describe('Part 1: platform ROI audit, played in the browser', () => {
  let code = '';
  let host: Page;
  let screen: Page;
  const players: Page[] = [];

  /** Screenshots of every page, named after the step. */
  async function shootAll(step: string) {
    await shootAndScan(host, `part1-${step}-host`);
    await shootAndScan(screen, `part1-${step}-screen`);
    for (const [i, page] of players.entries()) await shootAndScan(page, `part1-${step}-player-${NAMES[i]!.toLowerCase()}`);
  }


  it('gathers a host, a projector and one player per track', async () => {
    ({ host, code } = await session.createGame());
    screen = await session.open('projector', `/screen/${code}`);
    for (const name of NAMES) players.push(await session.join(code, name));
    for (const [i, page] of players.entries()) {
      await expect.poll(() => page.getByTestId('track-name').first().textContent()).toBe(TRACKS[i]);
    }
    await shootAll('01-lobby');
  });

  it('starts with a briefing: each team reads its track card and mission', async () => {
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    for (const page of players) await expect.poll(() => phaseOf(page)).toMatch(/briefing/i);
    await expect.poll(() => players[1]!.getByText('Safety Lead', { exact: false }).count()).toBeGreaterThan(0);
    await shootAll('02-briefing');
  });

  it('asks each team to lock a prediction before it gets the workbench', async () => {
    await pressNext(host);
    for (const page of players) await page.getByRole('spinbutton', { name: 'Prediction' }).waitFor();
    // No workbench before the lock: the server has not sent it.
    expect(await players[0]!.getByRole('slider').count()).toBe(0);
    await shootAll('03-lock');

    for (const [i, page] of players.entries()) {
      await page.getByRole('spinbutton', { name: 'Prediction' }).fill(String(PREDICTIONS[i]));
      await page.getByRole('button', { name: 'Lock prediction' }).click();
      await expect.poll(() => page.getByTestId('prediction-locked').textContent()).toContain(String(PREDICTIONS[i]));
    }
    // The workbench: sliders and the break-even chart, drawn in the browser.
    await players[0]!.getByRole('slider').first().waitFor();
    await expect.poll(() => players[0]!.locator('svg').count()).toBeGreaterThan(0);
    await expect.poll(() => screen.getByText(/locked/i).count()).toBeGreaterThan(0);
    // Nobody but the host sees a prediction before the reveal.
    // (The question itself names the "$500k" platform: whole numbers only, not amounts.)
    const screenText = (await screen.textContent('body')) ?? '';
    expect(screenText).not.toMatch(/(?<![$\d])(80|500)(?![\dk%])/);
    await shootAll('04-workbench');
  });

  it('reveals the truth: each team sees N*, the ratio and its badge; the screen charts every team', async () => {
    await pressReveal(host);
    for (const [i, page] of players.entries()) {
      await expect.poll(() => page.getByTestId('reveal-actual').textContent()).toContain(String(TRUTHS[i]));
    }
    await expect.poll(() => players[0]!.getByTestId('reveal-actual').textContent()).toMatch(/within 30/i);
    await expect.poll(() => players[3]!.getByTestId('reveal-actual').textContent()).not.toMatch(/within 30 %(?!.*more)/i);
    // The leaderboard ranks teams by how well they predicted: Mobile Nomad exact, Tiny Pioneer far off.
    const rows = screen.getByTestId('leaderboard').first().getByTestId('leaderboard-row');
    await expect.poll(() => rows.first().textContent()).toContain('Team 3');
    await expect.poll(() => rows.last().textContent()).toContain('Team 4');
    await expect.poll(() => screen.locator('svg').count()).toBeGreaterThan(0);
    await shootAll('05-reveal');
  });

  it('collects reflections, which the host sees arrive', async () => {
    await pressNext(host);
    const dee = players[3]!;
    const submitButton = dee.getByRole('button', { name: 'Submit reflection' });
    await dee.getByRole('radio', { name: PART1_REFLECTION_OPTIONS.a }).check();
    // An answer with a whitespace-only reason cannot go: the disabled button says why, in its description.
    await dee.getByRole('textbox', { name: 'Justification' }).fill('   N²  ');
    expect(await submitButton.isDisabled()).toBe(true);
    await expect.poll(() => submitButton.getAttribute('aria-describedby').then((id) => dee.locator(`[id="${id}"]`).textContent())).toBe(
      'To submit, write at least 10 characters of justification (8 more).',
    );
    await shootAll('06-reflect-too-short');
    await dee.getByRole('textbox', { name: 'Justification' }).fill('Every pair of model kinds needs coordination.');
    await expect.poll(() => submitButton.isDisabled()).toBe(false);
    expect(await dee.getByTestId('reflect-blocked').isVisible()).toBe(false);
    await submitButton.click();
    await expect.poll(() => host.getByText('Every pair of model kinds needs coordination.').count()).toBeGreaterThan(0);
    await shootAll('06-reflect');
  });

  it("puts one team's reflection, then the room's choices, on the projector, by team name only", async () => {
    await host.getByRole('button', { name: /^Project Team 4's reflection$/ }).click();
    const spot = screen.getByTestId('spotlight');
    await expect.poll(() => spot.textContent()).toContain('Every pair of model kinds needs coordination.');
    expect(await spot.textContent()).toContain('Team 4 reflects');
    expect(await spot.textContent()).not.toContain('Dee');
    await expect.poll(() => host.getByTestId('spotlight-now').textContent()).toContain("Team 4's reflection (Part 1)");
    await shootAndScan(screen, 'part1-07-spotlight-reflection-screen');
    await host.getByRole('button', { name: /^Project the choices/ }).click();
    await expect.poll(() => spot.textContent()).toMatch(/How the teams chose\s*— 1 team answered/);
    await shootAndScan(screen, 'part1-07-spotlight-choices-screen');
    await shootAndScan(host, 'part1-07-spotlight-host');
    await host.getByRole('button', { name: 'Take it off the projector' }).click();
    await expect.poll(() => screen.getByTestId('spotlight').count()).toBe(0);
  });

  it('moves on to Part 2, through Parts 2 and 3 to the debrief and the final leaderboard', async () => {
    const next = async () => {
      const before = await phaseOf(host);
      await pressNext(host);
      await expect.poll(() => phaseOf(host)).not.toBe(before);
    };
    await next();
    for (const page of players) await expect.poll(() => phaseOf(page)).toMatch(/part 2/i);
    for (let i = 0; i < 3; i++) await next();
    for (const page of players) await expect.poll(() => phaseOf(page)).toMatch(/part 3/i);
    for (let i = 0; i < 3; i++) await next();
    for (const page of [...players, screen, host]) await expect.poll(() => phaseOf(page)).toMatch(/debrief/i);
    await expect.poll(() => screen.getByText('Team 3').count()).toBeGreaterThan(0);
    await shootAll('07-debrief');
  });
});
