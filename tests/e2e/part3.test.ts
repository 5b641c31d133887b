// Part 3 in real Chromium: four teams on phones lock their answer on training-serving skew; a Cloud Titan team
// deploys v2 under loose versioning and fails silently; a Tiny Pioneer team pins a strict contract, deploys,
// retrains and validates; the host throws the dependency domino and the stakeholder challenge; an Edge
// Guardian team answers the challenge with evidence; the reveal, the projector's answers and the reflection.
// Screenshots in test-results/screenshots/part3-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART3_OPTIONS, PART3_REFLECTION_OPTIONS } from '../../shared/sim/parts/part3/content.js';
import { E2eSession, phaseOf, pressNext, pressReveal, shootAndScan, startAndStep } from '../support/e2e.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** A number out of a readout like "84.7 %" or "0.32". */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

describe('Part 3: the ensemble lockdown', () => {
  let host: Page;
  let screen: Page;
  let ada: Page; // Cloud Titan
  let bob: Page; // Edge Guardian
  let cy: Page; // Mobile Nomad
  let dee: Page; // Tiny Pioneer

  async function shootAll(step: string) {
    await shootAndScan(host, `part3-${step}-host`);
    await shootAndScan(screen, `part3-${step}-screen`);
    for (const [name, page] of [['ada', ada], ['bob', bob], ['dee', dee]] as const) await shootAndScan(page, `part3-${step}-player-${name}`);
  }

  async function lock(page: Page, choice: keyof typeof PART3_OPTIONS) {
    await page.getByRole('radio', { name: PART3_OPTIONS[choice] }).check();
    await page.getByRole('button', { name: 'Lock prediction' }).click();
    await page.getByTestId('prediction-locked').waitFor();
  }

  it('reaches Part 3 through Parts 1 and 2 with four teams', async () => {
    const created = await session.createGame();
    host = created.host;
    screen = await session.open('projector', `/screen/${created.code}`);
    ada = await session.join(created.code, 'Ada');
    bob = await session.join(created.code, 'Bob');
    cy = await session.join(created.code, 'Cy');
    dee = await session.join(created.code, 'Dee');
    await startAndStep(host, 7);
    await expect.poll(() => phaseOf(dee)).toMatch(/part 3/i);
    // The workbench waits for the lock: no decision before it.
    expect(await dee.getByRole('button', { name: 'Deploy v2' }).count()).toBe(0);
    await host.getByRole('button', { name: '8×' }).click();
    await shootAll('01-lock');
  });

  it('opens the workbench after a choice lock; v2 under loose versioning fails silently', async () => {
    await lock(ada, 'b');
    await lock(bob, 'b');
    await lock(cy, 'a');
    await lock(dee, 'b');
    expect(numberIn(await ada.getByTestId('psi').textContent())).toBe(0);
    await ada.getByRole('button', { name: 'Deploy v2' }).click();
    await expect.poll(() => ada.getByTestId('psi').textContent()).toMatch(/0\.32/);
    // The upstream is better and the downstream reports no error, yet the measured system metric falls.
    await expect.poll(() => ada.getByTestId('silent-failure').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(async () => numberIn(await ada.getByTestId('system-metric').textContent())).toBeLessThan(88);
    await expect.poll(() => screen.getByText(/silent failure/i).count()).toBeGreaterThan(0);
    await shootAll('02-silent-failure');
  });

  it('pins a strict contract, deploys, retrains and validates with the consistency check', async () => {
    await dee.getByRole('radio', { name: /Strict immutable contract/ }).check();
    await dee.getByRole('button', { name: 'Run consistency check' }).click();
    await expect.poll(() => dee.getByText(/against upstream v2/i).count()).toBeGreaterThan(0);
    await dee.getByRole('button', { name: 'Deploy v2' }).click();
    await dee.getByRole('button', { name: 'Roll back to v1' }).waitFor();
    // The contract holds: the downstream still reads v1 features, so the PSI it sees stays 0.
    expect(numberIn(await dee.getByTestId('psi').textContent())).toBe(0);
    await dee.getByRole('button', { name: 'Retrain' }).click();
    await expect.poll(() => dee.getByText(/Retrained: run the consistency check/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await dee.getByRole('button', { name: 'Run consistency check' }).click();
    await expect.poll(() => dee.getByText(/Validated: the retrained model matches its features/).count()).toBeGreaterThan(0);
    expect(await dee.getByTestId('silent-failure').count()).toBe(0);
    await shootAndScan(dee, 'part3-03-validated-player-dee');
  });

  it('lets the host throw the domino and the challenge; a team answers with evidence', async () => {
    await host.getByRole('button', { name: 'Dependency domino' }).click();
    await expect.poll(() => bob.getByTestId('crisis-banner').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => bob.getByRole('button', { name: 'Roll back to v1' }).count()).toBeGreaterThan(0);
    await host.getByRole('button', { name: 'Deploy tonight' }).click();
    const pinned = bob.getByRole('button', { name: 'Approve behind a pinned contract' });
    await pinned.waitFor({ timeout: 10_000 });
    await bob.getByRole('button', { name: 'Run consistency check' }).click();
    await expect.poll(() => bob.getByText(/against upstream v2/i).count()).toBeGreaterThan(0);
    // At 8× the time to answer is still about 2½ minutes of real time (12 simulated hours were 7.5 s): the phone,
    // the host's row for the team and the projector's tile count the same seconds down.
    const countdown = bob.getByTestId('challenge-countdown');
    await expect.poll(() => countdown.getAttribute('aria-label')).toMatch(/^Time left to answer: 2 minutes( \d+ seconds?)?$/);
    expect(await countdown.textContent()).toMatch(/02:\d\d\s+left to answer\./);
    await expect.poll(() => host.getByTestId('host-challenge-left').first().textContent()).toMatch(/^open · 02:\d\d left to answer$/);
    await expect.poll(() => screen.getByTestId('tile-challenge').nth(1).textContent()).toMatch(/^Challenge open · 02:\d\d left$/);
    await shootAndScan(bob, 'part3-04-challenge-player-bob');
    await shootAndScan(host, 'part3-04-challenge-host');
    await shootAndScan(screen, 'part3-04-challenge-screen');
    await pinned.click();
    await expect.poll(() => pinned.count()).toBe(0);
    await expect.poll(() => bob.getByText(/approved behind a pinned contract/i).count()).toBeGreaterThan(0);
    await shootAll('04-crises');
  });

  it('reveals the answer, the class’s answers and every outcome; the ledger is the reflection', async () => {
    await pressReveal(host);
    await expect.poll(() => cy.getByTestId('reveal-actual').first().textContent()).toContain(PART3_OPTIONS.b.slice(0, 20));
    await expect.poll(() => screen.getByTestId('reveal-actual').count()).toBeGreaterThan(0);
    await shootAll('05-reveal');
    await pressNext(host);
    await dee.getByRole('radio', { name: PART3_REFLECTION_OPTIONS.a }).check();
    await dee.getByRole('textbox', { name: 'Justification' }).fill('The pin kept f_train equal to f_serve through the domino.');
    await dee.getByRole('button', { name: 'Submit reflection' }).click();
    await expect.poll(() => host.getByText('The pin kept f_train equal to f_serve through the domino.').count()).toBeGreaterThan(0);
    await shootAll('06-reflect');
    await pressNext(host);
    await expect.poll(() => phaseOf(dee)).toMatch(/debrief/i);
  });
});
