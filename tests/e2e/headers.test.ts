// Security headers must not break the pages: every page a class uses loads in real Chromium under the
// Content-Security-Policy, with no violation and no console error, and the server's responses carry the
// headers (CSP with frame-ancestors, nosniff, Referrer-Policy).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContext, screenshot } from '../support/browser.js';
import { E2eSession } from '../support/e2e.js';

const session = new E2eSession();
const contexts: BrowserContext[] = [];

beforeAll(() => session.start());
afterAll(async () => {
  for (const context of contexts) await context.close();
  await session.stop();
});

interface Watched {
  page: Page;
  /** Console errors, page errors and CSP violations, as text. */
  problems: string[];
}

/** A new person's browser, watched from before its first request, at `path`. */
async function watched(device: 'phone' | 'laptop' | 'projector', path: string): Promise<Watched> {
  const context = await newContext(session.browser, device);
  contexts.push(context);
  const problems: string[] = [];
  // Reported through the console too, but an event names the directive for certain.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(`${session.server.url}${path}`);
  expect(response?.status()).toBe(200);
  return { page, problems };
}

describe('the pages under the security headers', () => {
  it('send CSP (with hashes for the inline start-up script), frame-ancestors, nosniff and Referrer-Policy', async () => {
    const response = await fetch(`${session.server.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('the home page, /host, the host console, a player page and /screen load with no violation or error', async () => {
    const home = await watched('phone', '/');
    await home.page.getByRole('textbox', { name: 'Nickname' }).waitFor();

    const host = await watched('laptop', '/host');
    await host.page.getByRole('button', { name: 'Create game' }).click();
    await host.page.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    const code = (await host.page.getByTestId('game-code').first().textContent())!.trim();

    const player = await watched('phone', `/?code=${code}`);
    await player.page.getByRole('textbox', { name: 'Nickname' }).fill('ada');
    await player.page.getByRole('button', { name: 'Join' }).click();
    await player.page.waitForURL(`**/play/${code}`);
    await player.page.getByTestId('team-name').first().waitFor();

    const screen = await watched('projector', `/screen/${code}`);
    await expect.poll(() => screen.page.getByTestId('game-code').first().textContent()).toContain(code);
    // The QR code is drawn in the page: an image the policy must allow.
    await expect.poll(() => screen.page.locator('svg').count()).toBeGreaterThan(0);
    await screenshot(screen.page, 'headers-screen');

    for (const [name, watchedPage] of Object.entries({ home, host, player, screen })) {
      // Not even zod's probe for `Function('')`: the pages set `z.config({ jitless: true })` first (src/hooks.client.ts).
      expect(watchedPage.problems, name).toEqual([]);
    }
  });

  it('a revalidated page (304) carries no policy: a reload keeps the page policy and does not go blank', async () => {
    const url = `${session.server.url}/host/ABCDEF`;
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    expect(first.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBeNull();
  });
});
