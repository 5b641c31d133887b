// The projector's leaderboard beside forty teams' fleet rows in Part 2 (its narrowest column: 19vw, 15vw at 720p in
// a crisis), at 1280×720 and 1920×1080, with one, two and three crises: the room must read which team is on top,
// so every shown row's team name shows more than its leading number (it was cut to "03 …"), its total is whole
// and inside the board, the page does not scroll, and at 720p the crisis banner keeps one line of its words.
// Screenshots in test-results/screenshots/projector-board-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { createGame, joinGame, type HostClient, type TeamClient } from '../support/client.js';
import { E2eSession } from '../support/e2e.js';
import { longName, okPaced, openScreen, pageOverflow } from '../support/projector.js';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const TEAMS = 40;
const STEPS = ['part1 play', 'part1 reveal', 'part1 reflect', 'part2 play'];
const CRISES = ['alert-storm', 'app-os-skew', 'rollout-jitter'] as const;
/** "03 Wombat": the number and a word of the name, the least a row must show to tell two teams apart. */
const MIN_VISIBLE_CHARS = 9;

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** One shown leaderboard row as drawn: the name's characters that are visible (not cut by the ellipsis or a
 *  box), and whether the total is whole inside the board. */
interface BoardRow {
  name: string;
  visibleChars: number;
  totalInside: boolean;
}

function boardRows(page: Page): Promise<BoardRow[]> {
  return page.evaluate(() => {
    const board = document.querySelector<HTMLElement>('[data-testid="leaderboard"]')!;
    const panel = board.getBoundingClientRect();
    return [...board.querySelectorAll<HTMLElement>('[data-testid="leaderboard-row"]')].map((row) => {
      const nameEl = row.querySelector<HTMLElement>('.name')!;
      const clip = nameEl.getBoundingClientRect();
      const text = nameEl.firstChild!;
      // A character is visible when its box lies inside the name's box, short of the ellipsis drawn over the end
      // of a cut name (about one character wide).
      const cut = nameEl.scrollWidth > nameEl.clientWidth + 0.5;
      const limit = clip.right - (cut ? parseFloat(getComputedStyle(nameEl).fontSize) : 0) + 0.5;
      let visibleChars = 0;
      for (let i = 0; i < text.textContent!.length; i++) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const box = range.getBoundingClientRect();
        if (box.right <= limit && box.left >= clip.left - 0.5 && box.bottom <= panel.bottom + 0.5) visibleChars++;
        else break;
      }
      const total = row.querySelector<HTMLElement>('[data-score="total"]')!.getBoundingClientRect();
      const totalInside = total.width > 0 && total.left >= panel.left - 0.5 && total.right <= panel.right + 0.5 && total.bottom <= panel.bottom + 0.5;
      return { name: nameEl.textContent!, visibleChars, totalInside };
    });
  });
}

describe('the projector’s leaderboard beside forty teams in Part 2', () => {
  let host: HostClient;
  const players: TeamClient[] = [];
  const screens: Page[] = [];

  it('reaches Part 2’s play step with forty long team names', async () => {
    let code: string;
    ({ code, host } = await createGame(session.server.url, { teamCount: TEAMS }));
    for (const [i, team] of host.view.teams.entries()) {
      await okPaced(() => host.send('host:rename-team', { teamId: team.id, name: longName(i) }));
    }
    for (let i = 0; i < TEAMS; i++) players.push((await joinGame(session.server.url, code, `Player ${i + 1}`)).player);
    await okPaced(() => host.send('host:set-settings', { timerMinutes: null }));
    await okPaced(() => host.send('host:start', {}));
    for (const step of STEPS) {
      await okPaced(() => host.send('host:next', {}));
      await host.nextView((v) => `${v.phase} ${v.step}` === step, step);
    }
    for (const size of SIZES) screens.push(await openScreen(session, code, size));
    for (const page of screens) await page.getByTestId('leaderboard-row').first().waitFor();
  });

  it.each([0, 1, 2, 3])('with %i crises every shown name reads more than its number, totals whole, no scrolling', async (crises) => {
    if (crises > 0) {
      await okPaced(() => host.send('host:crisis', { crisis: CRISES[crises - 1]!, target: { kind: 'all' } }));
    }
    for (const [i, page] of screens.entries()) {
      const at = `${SIZES[i]!.width}×${SIZES[i]!.height}, ${crises} crises`;
      // Every crisis of the part has its banner, side by side (the newest three).
      await expect.poll(() => page.getByTestId('crisis-banner').count(), { timeout: 10_000 }).toBe(crises);
      await screenshot(page, `projector-board-40teams-${SIZES[i]!.width}-crises${crises}`);
      const rows = await boardRows(page);
      console.info(`${at}: ${rows.length} rows, visible ${rows.map((r) => r.visibleChars).join(' ')} characters of ${rows[0]?.name.length}`);
      expect(rows.length, at).toBeGreaterThanOrEqual(3);
      expect(rows.filter((r) => r.visibleChars < MIN_VISIBLE_CHARS).map((r) => `${r.name}: ${r.visibleChars}`), at).toEqual([]);
      expect(rows.filter((r) => !r.totalInside).map((r) => r.name), at).toEqual([]);
      expect(await pageOverflow(page), `pixels the page scrolls at ${at}`).toBeLessThanOrEqual(0);
      // On the 720p projector a lone banner beside forty teams keeps one line of its words (.clamp-short), cut with
      // an ellipsis, and several keep two lines each; at 1080p they stand whole.
      if (crises > 0) {
        const words = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="crisis-banner"] .text')].map((text) => ({
            lines: Math.round(text.clientHeight / parseFloat(getComputedStyle(text).lineHeight)),
            cut: text.scrollHeight > text.clientHeight + 0.5,
          })),
        );
        for (const w of words) {
          if (SIZES[i]!.height > 800) expect(w.cut, at).toBe(false);
          else if (crises === 1) expect(w, at).toEqual({ lines: 1, cut: true });
          else expect(w.lines, at).toBeLessThanOrEqual(2);
        }
      }
    }
  });

  // Four track boards stacked in the narrow column would run off the projected page: the board stays overall
  // (each row carries its track's badge) and offers no switch to a view that cannot fit.
  it('keeps the narrow board overall, with no switch to the four track boards', async () => {
    for (const page of screens) {
      const board = page.getByTestId('leaderboard');
      expect(await board.getByRole('button', { name: 'By track' }).count()).toBe(0);
      expect(await board.locator('table').count()).toBe(1);
      expect(await board.getByTestId('leaderboard-row').first().getByText(/Cloud Titan/).count()).toBe(1);
    }
  });

  afterAll(() => {
    for (const player of players) player.close();
    host?.close();
  });
});
