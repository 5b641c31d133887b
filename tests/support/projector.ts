// The projector in end-to-end tests: the sizes classrooms have, team names as long as names may be, the
// projector's page at one size, and whether a page scrolls (a projected page cannot).
import type { Page } from 'playwright-core';
import { TEAM_NAME_MAX } from '../../shared/protocol/limits.js';
import type { E2eSession } from './e2e.js';

export const PROJECTOR_SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** A 24-character team name of wide letters (the worst case for a row), distinct per team. */
export const longName = (i: number) => `${String(i + 1).padStart(2, '0')} Wombat Mammoth Wizards`.padEnd(TEAM_NAME_MAX, 'W').slice(0, TEAM_NAME_MAX);

/** How many pixels the page is taller than the projected screen (≤ 0: it fits, nothing scrolls). */
export function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
}

/** The projector's page for game `code` at one size. */
export async function openScreen(session: E2eSession, code: string, size: { width: number; height: number }): Promise<Page> {
  const context = await session.browser.newContext({ viewport: size, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${session.server.url}/screen/${code}`);
  return page;
}
