// "training-serving" on a 390 px wide screen (a phone; the host's console and the projector's page opened on one):
// a line never breaks at its hyphen ("training-" / "serving PSI" read as two words). Through Part 3 (the check,
// the validation, the domino and the challenge, the reveal) and the debrief, on every page where the words show,
// each "training-serving" sits on one line, and the text stays the plain hyphen (what screen readers and the CSV
// read). At the reveal, the projector at 1280×720 keeps two lines of each answer (.clamp-short).
// Screenshots in test-results/screenshots/part3-words-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART3_OPTIONS } from '../../shared/sim/parts/part3/content.js';
import { SCREENSHOT_DIR, screenshot } from '../support/browser.js';
import { E2eSession, phaseOf, pressNext, pressReveal, startAndStep } from '../support/e2e.js';

const PHONE = { width: 390, height: 844 };
const TERM = 'training-serving';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** Each drawn "training-serving" on the page (any case): the words around it and on how many lines it is drawn. */
function termPlacements(page: Page): Promise<{ text: string; lines: number }[]> {
  return page.evaluate((term) => {
    const found: { text: string; lines: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      // Text only read out (a visually hidden caption, a clipped column head) is not drawn for anyone to see.
      if (el.closest('.visually-hidden') || el.getBoundingClientRect().width <= 1) continue;
      const lower = node.textContent!.toLowerCase();
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + term.length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length === 0) continue; // in a closed <details>, or not displayed
        const lines = new Set(rects.map((r) => Math.round(r.top / 4))).size;
        found.push({ text: (el.closest('p, li, td, th, dd, div') ?? el).textContent!.replace(/\s+/g, ' ').trim().slice(0, 90), lines });
      }
    }
    return found;
  }, TERM);
}

describe('“training-serving” on a 390 px screen keeps its hyphen unbroken', () => {
  let host: Page;
  let screen: Page;
  let ada: Page; // Cloud Titan
  let dee: Page; // Edge Guardian
  /** Every placement seen, by page and step, to show that the words were there to check. */
  const seen: string[] = [];

  /** At a step: every page at 390×844, its screenshot, and each "training-serving" on it on one line. */
  async function expectUnbroken(step: string, mustShow: Page[]) {
    for (const [name, page] of [['ada', ada], ['dee', dee], ['host', host], ['screen', screen]] as const) {
      await page.setViewportSize(PHONE);
      await screenshot(page, `part3-words-${step}-${name}`);
      const placements = await termPlacements(page);
      seen.push(...placements.map((p) => `${step} ${name}: ${p.text}`));
      if (mustShow.includes(page)) expect(placements.length, `${name} at ${step} shows “${TERM}”`).toBeGreaterThan(0);
      expect.soft(placements.filter((p) => p.lines > 1).map((p) => p.text), `${name} at ${step}: broken at the hyphen`).toEqual([]);
    }
  }

  it('reaches Part 3 with two teams; both lock', async () => {
    const created = await session.createGame();
    host = created.host;
    screen = await session.open('projector', `/screen/${created.code}`);
    ada = await session.join(created.code, 'Ada');
    dee = await session.join(created.code, 'Dee');
    await startAndStep(host, 7);
    await expect.poll(() => phaseOf(dee)).toMatch(/part 3/i);
    await host.getByRole('button', { name: '8×' }).click();
    for (const page of [ada, dee]) {
      await page.getByRole('radio', { name: PART3_OPTIONS.b }).check();
      await page.getByRole('button', { name: 'Lock prediction' }).click();
      await page.getByTestId('prediction-locked').waitFor();
    }
  });

  it('after a consistency check, a loose v2 deployment and a validated retraining', async () => {
    await ada.getByRole('button', { name: 'Run consistency check' }).click();
    await ada.getByRole('button', { name: 'Deploy v2' }).click();
    await expect.poll(() => ada.getByTestId('psi').textContent()).toMatch(/0\.32/);
    await dee.getByRole('radio', { name: /Strict immutable contract/ }).check();
    await dee.getByRole('button', { name: 'Deploy v2' }).click();
    await dee.getByRole('button', { name: 'Retrain' }).click();
    await expect.poll(() => dee.getByText(/Retrained: run the consistency check/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await dee.getByRole('button', { name: 'Run consistency check' }).click();
    await expect.poll(() => dee.getByText(/Validated: the retrained model matches its features/).count()).toBeGreaterThan(0);
    await expectUnbroken('01-checked', [ada, dee, host]);
  });

  it('with the domino and the stakeholder challenge', async () => {
    await host.setViewportSize({ width: 1280, height: 800 });
    await host.getByRole('button', { name: 'Dependency domino' }).click();
    await expect.poll(() => ada.getByTestId('crisis-banner').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await host.getByRole('button', { name: 'Deploy tonight' }).click();
    await expect.poll(() => dee.getByText(/Evidence in hand/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The host's hidden truth too ("points lost per unit of training-serving PSI"), marked "host only".
    await host.getByRole('button', { name: 'Show answers' }).click();
    const truth = host.getByRole('group', { name: 'Hidden truth, host only' });
    await truth.waitFor();
    await expectUnbroken('02-crises', [ada, dee, host]);
    await truth.screenshot({ path: join(SCREENSHOT_DIR, 'part3-words-02-crises-host-truth.png') });
    expect(await truth.locator('.host-only').first().innerText()).toMatch(/^host only$/i);
  });

  it('at the reveal; the projector at 720p keeps two lines of each answer', async () => {
    await pressReveal(host);
    await expect.poll(() => screen.getByTestId('reveal-actual').count()).toBeGreaterThan(0);
    await expect.poll(() => dee.getByTestId('reveal-actual').count()).toBeGreaterThan(0);
    await expectUnbroken('03-reveal', [ada, dee, host]);
    await screen.setViewportSize({ width: 1280, height: 720 });
    await screenshot(screen, 'part3-words-03-reveal-screen-720');
    const answers = await screen.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.clamp-short')].map((el) => Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight))),
    );
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((lines) => lines > 2)).toEqual([]);
  });

  it('at the debrief', async () => {
    await pressNext(host);
    await pressNext(host);
    await expect.poll(() => phaseOf(dee)).toMatch(/debrief/i);
    await expectUnbroken('04-debrief', [ada]);
    console.info(`“${TERM}” seen ${seen.length} times:\n${seen.join('\n')}`);
  });
});
