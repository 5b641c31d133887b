// The debrief on the projector (GAME.md §10) with 4, 12 and 40 teams of 24-character names, at 1280×720 and
// 1920×1080: every page of it (podium and board, podium per track, the whole ranking, predictions against the
// truth, the timeline, canary stories, governance ledgers) is one projected page — nothing scrolls, every item
// drawn is whole, body text at least 16 px, axe-core finds nothing — and across its pages every team's place,
// prediction, story and ledger is shown. The projector is opened with `?rotate=0` so that the arrow key turns
// the pages (they turn by themselves in class). Screenshots in test-results/screenshots/projector-debrief-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { createGame, joinGame, type HostClient, type TeamClient } from '../support/client.js';
import { E2eSession, axeViolations } from '../support/e2e.js';
import { longName, okPaced, pageOverflow, projectedTexts, showDebriefPage } from '../support/projector.js';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const TEAM_COUNTS = [4, 12, 40] as const;
const RUN = { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'random', sprt: false } as const;

/** Body text the room reads on each kind of page, which must stay at least 16 px (labels and badges may be smaller). */
const BODY: Record<string, string> = {
  podium: '.step > .name, [data-testid="leaderboard-row"] .line:first-child .name',
  tracks: '.best li > .name',
  standings: '.standings .team-name, .standings .split',
  predictions: 'tbody th > .name, tbody td .mono',
  stories: '.story h3 > span:first-child, .events li',
  ledgers: '.entries li, .ledger h3 > span:first-child',
};

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** What one projected page of the debrief shows, measured as the room sees it. */
interface PageReading {
  kind: string;
  where: string;
  overflow: number;
  /** Items of the page not wholly on the screen and inside the page's box. */
  cut: string[];
  /** Team names the page shows whole. */
  names: string[];
  smallestPx: number;
  bodyPx: number;
}

async function readPage(page: Page): Promise<PageReading> {
  await page.locator('[data-testid="screen-debrief"] [data-fitting]').waitFor({ state: 'detached' });
  const kind = (await page.getByTestId('screen-debrief').getAttribute('data-slide'))!;
  const where = (await page.locator('.where').innerText()).replace(/\s+/g, ' ').trim();
  const items = await page.evaluate(() => {
    const box = document.querySelector('.fit')!;
    return box.getAttribute('aria-label');
  });
  const selector = {
    podium: '.step, [data-testid="leaderboard"]',
    tracks: '.track',
    standings: '.standings li',
    predictions: 'tbody tr',
    timeline: '[data-testid="timeline"]',
    stories: '.story',
    ledgers: '.ledger',
  }[kind]!;
  const drawn = await projectedTexts(page, `.fit ${selector}`);
  // The smallest type drawn on the page, decorations (aria-hidden: a track badge's initial) aside.
  const smallestPx = await page.evaluate(() => {
    const sizes = [...document.querySelectorAll('[data-testid="screen-debrief"] *')]
      .filter((e) => e.getClientRects().length > 0 && !e.closest('[aria-hidden="true"], .visually-hidden'))
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    return Math.min(...sizes);
  });
  const body = BODY[kind] ? await projectedTexts(page, BODY[kind].split(', ').map((s) => `.fit ${s}`).join(', ')) : [];
  const names = await page.evaluate(() =>
    [...document.querySelectorAll('.fit .name, .fit .team-name, .fit h3 > span:first-child')].map((e) => e.textContent!.trim()),
  );
  return {
    kind,
    where: `${where} (${items})`,
    overflow: await pageOverflow(page),
    cut: drawn.filter((d) => !d.whole).map((d) => d.text.slice(0, 40)),
    names: [...new Set(names)],
    smallestPx,
    bodyPx: body.length > 0 ? Math.min(...body.map((b) => b.fontPx)) : Infinity,
  };
}

describe.each(TEAM_COUNTS)('the debrief on the projector with %i teams', (teamCount) => {
  let code = '';
  let host: HostClient;
  const players: TeamClient[] = [];
  let names: string[] = [];

  const at = () => `${host.current.phase} ${host.current.step}`;
  const step = async () => {
    const was = at();
    await okPaced(() => host.send('host:next', {}));
    await host.nextView((v) => `${v.phase} ${v.step}` !== was, `the step after ${was}`);
  };

  it('plays to the debrief: every team runs a canary and writes its governance ledger', async () => {
    ({ code, host } = await createGame(session.server.url, { teamCount }));
    for (const [i, team] of host.view.teams.entries()) {
      await okPaced(() => host.send('host:rename-team', { teamId: team.id, name: longName(i) }));
    }
    for (let i = 0; i < teamCount; i++) players.push((await joinGame(session.server.url, code, `Player ${i + 1}`)).player);
    names = host.current.teams.map((t) => t.name);
    await okPaced(() => host.send('host:set-settings', { timerMinutes: null }));
    await okPaced(() => host.send('host:start', {}));
    await host.nextView((v) => v.phase !== 'lobby', 'the briefing');
    while (at() !== 'part1 play') await step();
    for (const [i, p] of players.entries()) await okPaced(() => p.send('team:lock-prediction', { part: 1, value: 20 + ((i * 37) % 200) }));
    while (at() !== 'part2 play') await step();
    for (const [i, p] of players.entries()) {
      await okPaced(() => p.send('team:lock-prediction', { part: 2, value: 1000 + 100 * i }));
      await okPaced(() => p.send('team:start-run', { config: RUN }));
    }
    // The first team goes live at once: a decision a "what if" can replace (by a rollback).
    await okPaced(() => players[0]!.send('team:promote', {}));
    await host.until(() => (host.current.part2?.hours ?? 0) >= 2, 'two hours of Part 2');
    while (at() !== 'part3 play') await step();
    for (const [i, p] of players.entries()) {
      await okPaced(() => p.send('team:lock-prediction', { part: 3, value: (['a', 'b', 'c', 'd'] as const)[i % 4]! }));
      await okPaced(() => p.send('team:deploy-upstream', { version: 'v2' }));
      if (i % 2 === 0) await okPaced(() => p.send('team:set-policy', { policy: 'strict' }));
    }
    while (host.current.phase !== 'debrief') await step();
  });

  it.each(SIZES.map((size) => ({ size, label: `${size.width}×${size.height}` })))(
    'at $label every page is one projected page, whole, in type the back row reads, and every team is on some page',
    async ({ size }) => {
      const context = await session.browser.newContext({ viewport: size, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${session.server.url}/screen/${code}?rotate=0`);
      // The server's debrief has come: the ledgers are among the pages.
      await expect.poll(() => page.locator('.where').innerText(), { timeout: 15_000 }).toMatch(/Debrief 1 of \d/);
      // Four teams are on four tracks: no track has a podium of its own.
      const expectedKinds = ['podium', ...(teamCount > 4 ? ['tracks'] : []), ...(teamCount > 10 ? ['standings'] : []), 'predictions', 'timeline', 'stories', 'ledgers'];
      await expect.poll(async () => Number((await page.locator('.where').innerText()).match(/of (\d+)/)![1]), { timeout: 15_000 }).toBe(expectedKinds.length);
      const readings: PageReading[] = [];
      const seen = new Map<string, Set<string>>();
      // Forty teams at 720p take some forty pages; the loop ends when the deck is back at its podium.
      for (let n = 0; n < 100; n++) {
        const reading = await readPage(page);
        if (n > 0 && reading.kind === 'podium') break;
        readings.push(reading);
        for (const name of reading.names) (seen.get(reading.kind) ?? seen.set(reading.kind, new Set()).get(reading.kind)!).add(name);
        const first = readings.filter((r) => r.kind === reading.kind).length === 1;
        await screenshot(page, `projector-debrief-${teamCount}teams-${size.width}-${String(n + 1).padStart(2, '0')}-${reading.kind}`);
        if (first) expect(await axeViolations(page), `${reading.kind} at ${size.width}`).toEqual([]);
        await page.keyboard.press('ArrowRight');
        await expect.poll(async () => `${await page.getByTestId('screen-debrief').getAttribute('data-slide')} ${await page.locator('.where').innerText()}`).not.toBe(
          `${reading.kind} ${reading.where.replace(/ \(.*$/, '')}`,
        );
      }
      console.info(
        `${teamCount} teams at ${size.width}×${size.height}:\n` +
          readings.map((r) => `  ${r.where}: scroll ${r.overflow} px, smallest ${r.smallestPx} px, body ${r.bodyPx} px, cut ${r.cut.length}`).join('\n'),
      );
      expect(readings.map((r) => r.kind).filter((k, i, all) => all.indexOf(k) === i)).toEqual(expectedKinds);
      expect(readings.filter((r) => r.overflow > 0).map((r) => `${r.where}: ${r.overflow} px`)).toEqual([]);
      expect(readings.filter((r) => r.cut.length > 0).map((r) => `${r.where}: ${r.cut.join(' | ')}`)).toEqual([]);
      expect(readings.filter((r) => r.bodyPx < 16).map((r) => `${r.where}: ${r.bodyPx} px`)).toEqual([]);
      expect(readings.filter((r) => r.smallestPx < 12.8).map((r) => `${r.where}: ${r.smallestPx} px`)).toEqual([]);
      // Every team somewhere on its kind's pages: its place, its prediction, its story, its ledger.
      for (const kind of [...(teamCount > 10 ? ['standings'] : []), 'predictions', 'stories', 'ledgers']) {
        expect(names.filter((name) => !seen.get(kind)?.has(name)), `${kind} at ${size.width}`).toEqual([]);
      }
      await context.close();
    },
  );

  // The host replays the finished game on the projector and branches a "what if": the replay's bar (and the
  // what-if's two sides) come above the replayed page, which must still be one projected page.
  it('the replay (mid Part 2 and at the end) and a what-if stay one projected page at both sizes', async () => {
    const pages: Page[] = [];
    for (const size of SIZES) {
      const context = await session.browser.newContext({ viewport: size, deviceScaleFactor: 1 });
      pages.push(await context.newPage());
      await pages.at(-1)!.goto(`${session.server.url}/screen/${code}?rotate=0`);
    }
    const answer = await host.send('sync:debrief', {});
    expect(answer).toMatchObject({ ok: true });
    const { debrief } = answer as unknown as { debrief: { entries: { version: number; part: string; kind: string; alternatives: { id: string }[] }[] } };
    const decision = debrief.entries.find((e) => e.part === 'part2' && e.kind === 'decision' && e.alternatives.length > 0);
    expect(decision, 'a decision to branch').toBeDefined();
    const part2 = debrief.entries.filter((e) => e.part === 'part2').at(-1)!;
    const last = host.current.version;
    const check = async (what: string, ready: (page: Page) => Promise<void>) => {
      for (const [i, page] of pages.entries()) {
        const at = `${what} at ${SIZES[i]!.width}`;
        await ready(page);
        await screenshot(page, `projector-debrief-${teamCount}teams-${SIZES[i]!.width}-${what.replace(/\W+/g, '-')}`);
        const overflow = await pageOverflow(page);
        console.info(`${teamCount} teams, ${at}: scroll ${overflow} px`);
        expect(overflow, at).toBeLessThanOrEqual(0);
        if (SIZES[i]!.width === 1920) expect(await axeViolations(page), at).toEqual([]);
        // A what-if's facts, side by side: each whole, in type the back row reads.
        const facts = await projectedTexts(page, '[data-testid="what-if-result"] dl > div');
        expect(facts.filter((f) => !f.whole || f.fontPx < 16).map((f) => `${f.text} ${f.fontPx}px`), at).toEqual([]);
        if (facts.length > 0) console.info(`  what-if facts in ${Math.min(...facts.map((f) => f.fontPx))} px`);
      }
    };
    await okPaced(() => host.send('host:replay-open', {}));
    await okPaced(() => host.send('host:replay-seek', { version: part2.version }));
    await check('replay in Part 2', async (page) => {
      await expect.poll(() => page.getByTestId('phase').first().textContent(), { timeout: 10_000 }).toMatch(/part 2/i);
      await page.getByRole('heading', { name: /Fleet health/ }).waitFor();
    });
    await okPaced(() => host.send('host:replay-seek', { version: last }));
    await check('replay at the end', async (page) => {
      await page.getByTestId('screen-debrief').waitFor({ timeout: 10_000 });
      await page.locator('[data-testid="screen-debrief"] [data-fitting]').waitFor({ state: 'detached' });
    });
    // The replayed deck's ledgers under the replay's bar (a taller bar than the live page's).
    await check('replay at the end, ledgers', async (page) => {
      await showDebriefPage(page, 'ledgers');
      const cards = await projectedTexts(page, '.fit .ledger');
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.filter((c) => !c.whole).map((c) => c.text.slice(0, 30))).toEqual([]);
    });
    if (decision) {
      await okPaced(() => host.send('host:what-if', { version: decision.version, replacement: decision.alternatives[0]!.id as never }));
      await check('what-if over the replay', async (page) => {
        await page.getByTestId('what-if-result').waitFor({ timeout: 10_000 });
        await page.locator('[data-testid="screen-debrief"] [data-fitting]').waitFor({ state: 'detached' });
      });
    }
    await okPaced(() => host.send('host:replay-close', {}));
    if (decision) {
      await check('what-if over the debrief', async (page) => {
        await page.getByTestId('replay-version').waitFor({ state: 'detached' });
        await page.getByTestId('what-if-result').waitFor({ timeout: 10_000 });
        await page.locator('[data-testid="screen-debrief"] [data-fitting]').waitFor({ state: 'detached' });
      });
      await okPaced(() => host.send('host:what-if-clear', {}));
    }
    for (const page of pages) await page.context().close();
  });

  it('closes the game', () => {
    for (const p of players) p.close();
    host.close();
  });
});
