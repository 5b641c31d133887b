// The projector at the sizes classrooms have (1024×768, 1280×720, 1920×1080) with 4, 12 and 40 teams whose
// names are as long as names may be: every visible leaderboard row keeps its Total and Ops inside the board,
// and axe-core finds nothing on the lobby, a part's play step and a reveal. Screenshots land in
// test-results/screenshots/projector-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { createGame, joinGame, type HostClient, type TeamClient } from '../support/client.js';
import { E2eSession, axeViolations } from '../support/e2e.js';
import { PROJECTOR_SIZES as SIZES, longName, openScreen as openScreenOf, pageOverflow } from '../support/projector.js';

const TEAM_COUNTS = [4, 12, 40] as const;

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** Rows whose Total or Ops is not wholly inside the leaderboard's panel, described; empty when all fit. */
async function scoresOutsideBoard(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const board of document.querySelectorAll<HTMLElement>('[data-testid="leaderboard"]')) {
      const panel = board.getBoundingClientRect();
      for (const row of board.querySelectorAll<HTMLElement>('[data-testid="leaderboard-row"]')) {
        const rowBox = row.getBoundingClientRect();
        // Visible: on screen, and not scrolled out of a phone's board (which scrolls inside its own box).
        if (rowBox.height === 0 || rowBox.bottom > Math.min(window.innerHeight, panel.bottom)) continue;
        // A total-only board (track boards side by side) has no ops by design.
        const totalOnly = row.closest('table')?.hasAttribute('data-total-only');
        for (const score of totalOnly ? ['total'] : ['total', 'ops']) {
          const cell = row.querySelector<HTMLElement>(`[data-score="${score}"]`);
          const box = cell?.getBoundingClientRect();
          const inside = box && box.width > 0 && box.left >= panel.left - 0.5 && box.right <= panel.right + 0.5 && box.top >= panel.top && box.bottom <= panel.bottom + 0.5;
          if (!inside) problems.push(`${row.textContent?.trim().slice(0, 40)}: ${score} ${box ? `${Math.round(box.left)}–${Math.round(box.right)}` : 'missing'} vs panel ${Math.round(panel.left)}–${Math.round(panel.right)}`);
        }
      }
    }
    return problems;
  });
}

const openScreen = (code: string, size: { width: number; height: number }) => openScreenOf(session, code, size);

/** The screen's visible rows are all of the board's rows that fit (at least one). */
async function expectBoardFits(page: Page, what: string) {
  await page.getByTestId('leaderboard-row').first().waitFor();
  expect(await scoresOutsideBoard(page), what).toEqual([]);
}

describe.each(TEAM_COUNTS)('the projector with %i teams of 24-character names', (teamCount) => {
  let code = '';
  let host: HostClient;
  const players: TeamClient[] = [];
  const screens: Page[] = [];
  let phone: Page;
  const tag = (size: { width: number }) => `projector-${teamCount}teams-${size.width}`;
  const overflow: Record<string, number> = {};

  it('the lobby shows the join code, the QR code and the lesson, with no axe violation', async () => {
    ({ code, host } = await createGame(session.server.url, { teamCount }));
    for (const [i, team] of host.view.teams.entries()) {
      expect(await host.send('host:rename-team', { teamId: team.id, name: longName(i) })).toMatchObject({ ok: true });
    }
    for (let i = 0; i < teamCount; i++) players.push((await joinGame(session.server.url, code, `Player ${i + 1}`)).player);
    phone = await session.join(code, 'Phone Reader');
    for (const size of SIZES) {
      const page = await openScreen(code, size);
      screens.push(page);
      await expect.poll(() => page.getByTestId('game-code').textContent()).toContain(code);
      await page.getByRole('img', { name: /QR code/ }).waitFor();
      await expect.poll(() => page.getByText(/grows super-linearly with model heterogeneity/).count()).toBe(1);
      // The code stays big and on the first screen.
      const codeBox = (await page.getByTestId('game-code').boundingBox())!;
      expect(codeBox.y + codeBox.height).toBeLessThanOrEqual(size.height);
      overflow[`lobby ${size.width}`] = await pageOverflow(page);
      await screenshot(page, `${tag(size)}-lobby`);
    }
    expect(await axeViolations(screens[2]!)).toEqual([]);
  });

  it('Part 1 play: every visible row keeps Total and Ops inside the board, with no axe violation', async () => {
    expect(await host.send('host:start', {})).toMatchObject({ ok: true });
    expect(await host.send('host:next', {})).toMatchObject({ ok: true });
    for (const [i, page] of screens.entries()) {
      await expect.poll(() => page.getByTestId('phase').first().textContent()).toMatch(/part 1/i);
      await expectBoardFits(page, `play at ${SIZES[i]!.width}`);
      // A projected page cannot scroll: the whole board is on the first screen.
      const board = (await page.getByTestId('leaderboard').boundingBox())!;
      expect(board.y + board.height, `board bottom at ${SIZES[i]!.width}`).toBeLessThanOrEqual(SIZES[i]!.height);
      await screenshot(page, `${tag(SIZES[i]!)}-part1-play`);
    }
    expect(await axeViolations(screens[2]!)).toEqual([]);
  });

  it('Part 1 reveal: the board still fits beside the explanation, with no axe violation', async () => {
    for (const [i, player] of players.entries()) {
      expect(await player.send('team:lock-prediction', { part: 1, value: 20 + ((i * 37) % 200) })).toMatchObject({ ok: true });
    }
    expect(await host.send('host:reveal', {})).toMatchObject({ ok: true });
    for (const [i, page] of screens.entries()) {
      await page.getByTestId('reveal-actual').first().waitFor();
      // The page's charts (predictions, N* against h, the cost curve; with many teams on a short projector the
      // last two on the reveal's next page) have drawn before the screenshot.
      await page.locator('[data-fitting]').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('section svg').count()).toBeGreaterThanOrEqual(1);
      await page.waitForFunction(() => [...document.querySelectorAll('[_echarts_instance_]')].every((c) => c.querySelector('svg')));
      await expectBoardFits(page, `reveal at ${SIZES[i]!.width}`);
      overflow[`reveal ${SIZES[i]!.width}`] = await pageOverflow(page);
      await screenshot(page, `${tag(SIZES[i]!)}-part1-reveal`);
    }
    expect(await axeViolations(screens[2]!)).toEqual([]);
    expect(await axeViolations(screens[0]!)).toEqual([]);
  });

  it('the lobby and the reveal are each one projected page: nothing scrolls', () => {
    // Pixels by which the page is taller than the screen, per page and width (≤ 0: it fits).
    expect(Object.entries(overflow).filter(([, px]) => px > 0)).toEqual([]);
  });

  it('the board by track (four total-only boards side by side) keeps every total inside its board', async () => {
    for (const [i, page] of screens.entries()) {
      await page.getByRole('button', { name: 'By track' }).first().click();
      await page.getByRole('table', { name: /Tiny Pioneer/ }).first().waitFor();
      expect(await scoresOutsideBoard(page), `by track at ${SIZES[i]!.width}`).toEqual([]);
      await screenshot(page, `${tag(SIZES[i]!)}-part1-reveal-by-track`);
      await page.getByRole('button', { name: 'Overall' }).first().click();
    }
  });

  it('a phone 390 wide shows the same board with every score on screen', async () => {
    const board = phone.getByTestId('leaderboard').first();
    await board.scrollIntoViewIfNeeded();
    await board.getByTestId('leaderboard-row').first().waitFor();
    expect(await scoresOutsideBoard(phone)).toEqual([]);
    const panel = (await board.boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    await board.screenshot({ path: `test-results/screenshots/${`projector-${teamCount}teams-phone-board`}.png` });
    for (const p of players) p.close();
    host.close();
  });
});
