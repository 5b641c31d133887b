// One end-to-end session: the real server process on a fresh data directory and Debian's Chromium, with a
// browser context per person (their own localStorage, their own device size).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium, newContext, screenshot } from './browser.js';
import { startServerProcess, type ServerProcess } from './process.js';

export class E2eSession {
  server!: ServerProcess;
  browser!: Browser;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'fleetops-e2e-'));
  readonly #contexts: BrowserContext[] = [];

  /** Starts the server (on `port`, or any free port) and the browser. */
  async start(port?: number): Promise<void> {
    this.server = await this.startServer(port);
    this.browser = await launchChromium();
  }

  startServer(port?: number): Promise<ServerProcess> {
    return startServerProcess({ DATA_DIR: this.dataDir, ...(port === undefined ? {} : { PORT: String(port) }) });
  }

  /** A new person's browser at `path`. */
  async open(device: 'phone' | 'laptop' | 'projector', path: string): Promise<Page> {
    const context = await newContext(this.browser, device);
    this.#contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${this.server.url}${path}`);
    return page;
  }

  /** The host creates a game at /host; returns the console page and the code. */
  async createGame(): Promise<{ host: Page; code: string }> {
    const host = await this.open('laptop', '/host');
    await host.getByRole('button', { name: 'Create game' }).click();
    await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    const code = (await host.getByTestId('game-code').first().textContent())!.trim();
    return { host, code };
  }

  /** A player joins from a phone through the join link, and lands on the player page. */
  async join(code: string, nickname: string): Promise<Page> {
    const page = await this.open('phone', `/?code=${code}`);
    await page.getByRole('textbox', { name: 'Nickname' }).fill(nickname);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(`**/play/${code}`);
    await page.getByTestId('team-name').first().waitFor();
    return page;
  }

  async stop(): Promise<void> {
    for (const context of this.#contexts) await context.close();
    await this.browser?.close();
    await this.server?.kill('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * Presses the host's Next the way a person does: where the step needs a press-and-hold (Next from a reflection,
 * FlowPanel; its hint says so), held until the step moves on, then let go; an ordinary click everywhere else.
 */
export async function pressNext(host: Page): Promise<void> {
  const next = host.getByRole('button', { name: 'Next', exact: true });
  await untilPressable(host);
  const hint = await flowHint(host);
  if (!hint?.includes('press and hold')) {
    await next.click();
    return revealAnywayIfAsked(host, hint);
  }
  await next.hover();
  await host.mouse.down();
  await expect.poll(() => flowHint(host), { timeout: 10_000 }).not.toBe(hint);
  await host.mouse.up();
}

/** The phase line a page shows (its `phase` test id). */
export const phaseOf = (page: Page) => page.getByTestId('phase').first().textContent();

/** The host presses Start, then Next `steps` times, each time until its console shows that the step changed. */
export async function startAndStep(host: Page, steps: number): Promise<void> {
  await host.getByRole('button', { name: 'Start', exact: true }).click();
  for (let i = 0; i < steps; i++) {
    const before = await phaseOf(host);
    await pressNext(host);
    await expect.poll(() => phaseOf(host)).not.toBe(before);
  }
}

/** The host presses Next until its console shows the debrief (at most `steps` presses). */
export async function stepToDebrief(host: Page, steps = 20): Promise<void> {
  for (let i = 0; i < steps && !/debrief/i.test((await phaseOf(host)) ?? ''); i++) {
    const before = await phaseOf(host);
    await pressNext(host);
    await expect.poll(() => phaseOf(host)).not.toBe(before);
  }
  await expect.poll(() => phaseOf(host)).toMatch(/debrief/i);
}

/** A phone locks a number as its team's prediction (Parts 1 and 2) and waits until the lock shows. */
export async function lockNumber(page: Page, value: number | string): Promise<void> {
  await page.getByRole('spinbutton', { name: 'Prediction' }).fill(String(value));
  await page.getByRole('button', { name: 'Lock prediction' }).click();
  await page.getByTestId('prediction-locked').waitFor();
}

/**
 * At the debrief the host asks "what if" the picked decision (a promotion to 1 %) had been a rollback, and sees
 * both outcomes: the live one with the promotion, the branch rolled back. Returns the result panel.
 */
export async function whatIfRolledBack(host: Page): Promise<Locator> {
  await host.getByLabel('Instead').selectOption({ label: 'Roll back' });
  await host.getByRole('button', { name: 'What if', exact: true }).click();
  const result = host.getByTestId('what-if-result');
  await result.waitFor();
  expect(await result.getByTestId('what-if-live').textContent()).toMatch(/Promote run 1 to 1 %/);
  expect(await result.getByTestId('what-if-branch').textContent()).toMatch(/Roll back.*rolled-back/s);
  return result;
}

/** Presses Reveal and, when teams have not locked, answers its question with "Reveal anyway". */
export async function pressReveal(host: Page): Promise<void> {
  await untilPressable(host);
  const hint = await flowHint(host);
  await host.getByRole('button', { name: 'Reveal', exact: true }).click();
  await revealAnywayIfAsked(host, hint);
}

/**
 * Waits until the console takes a press: from a press until the view of the step it made arrives, the flow's
 * buttons are aria-disabled (FlowPanel). Only then does the hint under Next say the step a press acts on: a
 * phone or the projector can show the new step before the console does, and a hint read earlier is the last
 * step's (a plain click where the step needs a hold, and nothing moves on).
 */
async function untilPressable(host: Page): Promise<void> {
  const next = host.getByRole('button', { name: 'Next', exact: true });
  await expect.poll(() => next.getAttribute('aria-disabled'), { timeout: 10_000 }).toBe('false');
}

/** What the console's hint under Next says now ("Next: reveal Part 1"): it changes with every step (null at the
 *  debrief, which has no Next). */
async function flowHint(host: Page): Promise<string | null> {
  const next = host.getByRole('button', { name: 'Next', exact: true });
  if ((await next.count()) === 0 && /debrief/i.test((await phaseOf(host)) ?? '')) return null;
  const id = await next.getAttribute('aria-describedby');
  return host.locator(`[id="${id}"]`).textContent();
}

/**
 * Reveal (or Next during play) asks first while seated teams have not locked: this answers "Reveal anyway".
 * It waits for what the press shows, as the host does — the question, or the step moved on (the hint under Next
 * changed from `hintBefore`) — rather than for a fixed time that a loaded machine can outlast.
 */
async function revealAnywayIfAsked(host: Page, hintBefore: string | null): Promise<void> {
  const anyway = host.getByRole('button', { name: 'Reveal anyway' });
  const asked = async () => {
    if (await anyway.isVisible()) return 'asked';
    return (await flowHint(host)) === hintBefore ? 'waiting' : 'moved on';
  };
  await expect.poll(asked, { timeout: 10_000 }).not.toBe('waiting');
  if ((await asked()) === 'asked') await anyway.click();
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Whether the page runs under its Content-Security-Policy: an inline script added to it is refused. */
function cspEnforced(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = document.createElement('script');
    probe.textContent = 'window.__cspProbeRan = true';
    document.head.append(probe);
    probe.remove();
    const ran = '__cspProbeRan' in window;
    delete (window as { __cspProbeRan?: boolean }).__cspProbeRan;
    return !ran;
  });
}

/**
 * axe-core's violations on the page as "rule (impact): target" lines (empty when clean). axe is evaluated
 * through the DevTools protocol, which the app's CSP does not govern (an inline <script>, as addScriptTag
 * injects it, would be refused): so no context needs `bypassCSP`, and none may use it, so that every page is
 * audited as served, with its real CSP (checked first).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  expect(await cspEnforced(page), `${page.url()} is audited under its CSP (a context without bypassCSP)`).toBe(true);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.flatMap((v) => v.targets.map((t) => `${v.id} (${v.impact}): ${t}`));
}

/** Fails with the violations found when axe-core finds any on the page; `label` says which page at which step. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  expect(await axeViolations(page), `axe-core on ${label}`).toEqual([]);
}

/** A step's evidence for one page: its screenshot (test-results/screenshots/NAME.png), then axe-core's scan. */
export async function shootAndScan(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectNoAxeViolations(page, name);
}
