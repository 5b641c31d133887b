// The projector in end-to-end tests: the sizes classrooms have, team names as long as names may be, the
// projector's page at one size, and whether a page scrolls (a projected page cannot).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../server/realtime/rate-limit.js';
import { TEAM_NAME_MAX } from '../../shared/protocol/limits.js';
import type { E2eSession } from './e2e.js';

/**
 * Sends an intent until the server accepts it, sending again while it says to slow down (a refused intent changes
 * nothing): forty renames in a row outrun the host socket's burst, and a host would wait the same way, one more
 * token every 1/perSecond s.
 */
export async function okPaced(send: () => Promise<{ ok: boolean; code?: string }>): Promise<void> {
  let result = await send();
  while (!result.ok && result.code === 'rate/limited') {
    await new Promise((resolve) => setTimeout(resolve, 1000 / DEFAULT_RATE_LIMIT.perSecond));
    result = await send();
  }
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

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

/** One element the room must read on the projector, as drawn. */
export interface ProjectedText {
  text: string;
  fontPx: number;
  /** Wholly inside the screen and inside every box that clips it (no ellipsis box, no hidden column). */
  whole: boolean;
}

/**
 * Every visible element matching `selector` (display: none ones are not drawn, so not listed): its text, its
 * smallest type (the element's and its visible descendants') and whether it is whole on the projected page, that
 * is inside the screen's four edges (a projected page cannot scroll) and inside every ancestor that clips.
 */
export function projectedTexts(page: Page, selector: string): Promise<ProjectedText[]> {
  return page.evaluate((selector) => {
    const whole = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.left < -0.5 || box.top < -0.5 || box.right > window.innerWidth + 0.5 || box.bottom > window.innerHeight + 0.5) return false;
      for (let a = el.parentElement; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = a.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5 || box.top < clip.top - 0.5 || box.bottom > clip.bottom + 0.5) return false;
      }
      // Text cut with an ellipsis or a line clamp inside the element itself.
      return el.scrollWidth <= el.clientWidth + 0.5 || getComputedStyle(el).overflowX === 'visible';
    };
    const drawn = (el: Element) => el.getClientRects().length > 0 && !el.closest('.visually-hidden');
    return [...document.querySelectorAll(selector)].filter(drawn).map((el) => {
      const texts = [el, ...el.querySelectorAll('*')].filter((e) => drawn(e) && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''));
      return {
        text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        fontPx: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
        whole: whole(el),
      };
    });
  }, selector);
}

/**
 * Turns a deck of projected pages (ScreenDeck: the debrief, `testid` "screen-debrief"; a reveal, "screen-reveal")
 * to a page of `kind` (its first, coming from another kind: the debrief's 'podium', 'tracks', 'standings',
 * 'predictions', 'timeline', 'stories', 'ledgers'; Part 2's reveal's 'answers', 'stories') with the arrow key, as
 * an instructor at the projector's keyboard would, and waits until that page has settled (FitPage). Open the
 * projector with `?rotate=0` so that the pages do not also turn by themselves meanwhile.
 */
export async function showDeckPage(page: Page, kind: string, testid: string): Promise<void> {
  const deck = page.getByTestId(testid);
  await deck.waitFor();
  for (let turns = 0; (await deck.getAttribute('data-slide')) !== kind; turns++) {
    if (turns > 100) throw new Error(`the deck ${testid} has no "${kind}" page`);
    await showNextDeckPage(page, testid);
  }
  await page.locator(`[data-testid="${testid}"] [data-fitting]`).waitFor({ state: 'detached', timeout: 10_000 });
}

/** Turns a deck one page on with the arrow key, and waits until the page has changed and settled. */
export async function showNextDeckPage(page: Page, testid: string): Promise<void> {
  const deck = page.getByTestId(testid);
  const before = `${await deck.getAttribute('data-slide')} ${await deck.locator('.where').innerText()}`;
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(
    ([testid, was]) => {
      const d = document.querySelector(`[data-testid="${testid}"]`);
      return `${d?.getAttribute('data-slide')} ${(d?.querySelector('.where') as HTMLElement | null)?.innerText}` !== was;
    },
    [testid, before] as const,
    { timeout: 10_000 },
  );
  await page.locator(`[data-testid="${testid}"] [data-fitting]`).waitFor({ state: 'detached', timeout: 10_000 });
}

/** Turns the projector's debrief to a page of `kind` (showDeckPage). */
export function showDebriefPage(page: Page, kind: string): Promise<void> {
  return showDeckPage(page, kind, 'screen-debrief');
}

/** Turns the projector's debrief one page on (showNextDeckPage). */
export function showNextDebriefPage(page: Page): Promise<void> {
  return showNextDeckPage(page, 'screen-debrief');
}
