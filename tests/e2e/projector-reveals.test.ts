// The reveals and reflect steps on the projector (GAME.md §9: after a reveal, every prediction against the
// truth) with 4, 12 and 40 teams of 24-character names, at 1280×720 and 1920×1080: nobody can scroll a
// projected screen, so every page — Part 1's reveal, each page of Part 2's reveal deck (n* against every answer,
// then every team's line, then every team's canary story), Part 3's reveal and the reflect steps — is one
// projected page: nothing scrolls, every item drawn is whole, body text at least 16 px, axe-core finds nothing;
// across the deck's pages every team's answer and story is shown. The measured projectors are opened with
// `?rotate=0` so that the arrow key turns the deck; a third, as in class, shows that the pages turn by themselves
// (the answer's page 40 s, a page of stories 20 s) and that the host's Next still moves the class on.
// Screenshots in test-results/screenshots/projector-reveals-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { createGame, joinGame, type HostClient, type TeamClient } from '../support/client.js';
import { E2eSession, axeViolations } from '../support/e2e.js';
import { longName, okPaced, pageOverflow, projectedTexts, showDeckPage } from '../support/projector.js';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const TEAM_COUNTS = [4, 12, 40] as const;
const RUN = { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'random', sprt: false } as const;

/**
 * What must be whole on each step's page (beside the board's rows, on every page): the reveal's blocks and
 * lines, a table's rows, the reflect step's options and tiles.
 */
const ITEMS: Record<string, string> = {
  'part1 reveal': '.reveal h2, .reveal .chart, .why h3, figure, .groups li, .all summary',
  'part3 reveal': '.reveal h2, .reveal h3, .reveal .bars li, .reveal tbody tr, .reveal tbody th, .reveal p',
  reflect: '.screen-question, .options li, .status-tiles h2, .tiles li',
};
/** The body text the room reads on each step's page, which must stay at least 16 px. */
const BODY: Record<string, string> = {
  'part1 reveal': '.groups .truth, .groups .summary, figcaption',
  answers: '.reveal-lines li, .summary',
  stories: '.story h3 > span:first-child, .events li',
  'part3 reveal': '.reveal tbody th, .reveal tbody td',
  reflect: '.screen-question, .options li, .tiles [data-testid="team-name"]',
};

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** One projected page as the room sees it. */
interface PageReading {
  where: string;
  kind: string;
  overflow: number;
  cut: string[];
  /** Team names drawn whole on the page's list (the deck's lines and stories). */
  names: string[];
  /** The smallest HTML type drawn (decorations aside), and the smallest of the page's body text. */
  smallestPx: number;
  bodyPx: number;
  /** The smallest chart label (SVG text), said in the log. */
  chartPx: number;
}

/** Waits until the page has drawn: the deck's page fitted and every chart drawn as SVG. */
async function settle(page: Page): Promise<void> {
  await page.locator('[data-fitting]').waitFor({ state: 'detached', timeout: 10_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('[_echarts_instance_]')].every((c) => c.querySelector('svg text')), null, { timeout: 10_000 });
  await page.evaluate(() => document.fonts.ready);
}

async function readPage(page: Page, step: string): Promise<PageReading> {
  await settle(page);
  const deck = page.locator('[data-deck]');
  const inDeck = (await deck.count()) > 0;
  const kind = inDeck ? (await deck.getAttribute('data-slide'))! : step;
  const line = page.locator('[data-deck][data-turns] .where');
  const where = (await line.count()) > 0 ? `${step}: ${(await line.innerText()).replace(/\s+/g, ' ').trim()}` : step;
  /** What the page's rules are named by: the deck's kind of page, else the step (every reflect step alike). */
  const rules = kind === 'answers' || kind === 'stories' ? kind : step.startsWith('reflect') ? 'reflect' : step;
  const items = ({ answers: '.fit [data-fit-item], .fit .reveal-lines li, .fit .reveal-lines li > *', stories: '.fit .story' } as Record<string, string>)[rules] ?? ITEMS[rules]!;
  const drawn = await projectedTexts(page, `${items}, [data-testid="leaderboard-row"]`);
  const body = await projectedTexts(page, BODY[rules]!);
  const sizes = await page.evaluate(() => {
    const texts = [...document.querySelectorAll('main *')]
      .filter((e) => e.getClientRects().length > 0 && !e.closest('[aria-hidden="true"], .visually-hidden'))
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''));
    const px = (list: Element[]) => Math.min(...list.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    return { html: px(texts.filter((e) => !e.closest('svg'))), svg: px(texts.filter((e) => e.closest('svg'))) };
  });
  const names = rules === 'answers' || rules === 'stories'
    ? await page.evaluate(
        (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent!.trim()),
        kind === 'answers' ? '.fit .reveal-lines li > :first-child' : '.fit .story h3 > span:first-child',
      )
    : [];
  return {
    where,
    kind,
    overflow: await pageOverflow(page),
    cut: drawn.filter((d) => !d.whole).map((d) => d.text.slice(0, 40)),
    names,
    smallestPx: sizes.html,
    bodyPx: body.length > 0 ? Math.min(...body.map((b) => b.fontPx)) : Infinity,
    chartPx: sizes.svg,
  };
}

describe.each(TEAM_COUNTS)('the reveals on the projector with %i teams', (teamCount) => {
  let code = '';
  let host: HostClient;
  const players: TeamClient[] = [];
  let names: string[] = [];
  const screens: Page[] = [];
  /** A projector as in class (no `?rotate=0`): its pages turn by themselves. */
  let classroom: Page;
  const readings: PageReading[][] = SIZES.map(() => []);

  const at = () => `${host.current.phase} ${host.current.step}`;
  const step = async () => {
    const was = at();
    await okPaced(() => host.send('host:next', {}));
    await host.nextView((v) => `${v.phase} ${v.step}` !== was, `the step after ${was}`);
  };
  /** Measures this step's page on both projectors (every page of a deck), with a screenshot of each. */
  const measure = async (label: string, phase: RegExp) => {
    for (const [s, page] of screens.entries()) {
      await expect.poll(() => page.getByTestId('phase').textContent(), { timeout: 10_000 }).toMatch(phase);
      for (let n = 0; n < 60; n++) {
        const reading = await readPage(page, label);
        if (n > 0 && reading.where === readings[s]!.find((r) => r.where.startsWith(`${label}:`))?.where) break;
        readings[s]!.push(reading);
        const file = `projector-reveals-${teamCount}teams-${SIZES[s]!.width}-${label.replace(/\W+/g, '-')}-${String(n + 1).padStart(2, '0')}-${reading.kind}`;
        await screenshot(page, file);
        const first = readings[s]!.filter((r) => r.kind === reading.kind && r.where.startsWith(label)).length === 1;
        if (first) expect(await axeViolations(page), `${reading.where} at ${SIZES[s]!.width}`).toEqual([]);
        // A deck of one page (a reflect step whose tiles fit) has nothing to turn to.
        if ((await page.locator('[data-deck][data-turns]').count()) === 0) break;
        // The deck's next page: the arrow key, as an instructor at the projector's keyboard would.
        await page.keyboard.press('ArrowRight');
        await expect.poll(async () => `${label}: ${(await page.locator('[data-deck] .where').innerText()).replace(/\s+/g, ' ').trim()}`).not.toBe(reading.where);
      }
    }
  };

  it('plays through every reveal and reflect step, measuring each page on both projectors', async () => {
    ({ code, host } = await createGame(session.server.url, { teamCount }));
    for (const [i, team] of host.view.teams.entries()) {
      await okPaced(() => host.send('host:rename-team', { teamId: team.id, name: longName(i) }));
    }
    for (let i = 0; i < teamCount; i++) players.push((await joinGame(session.server.url, code, `Player ${i + 1}`)).player);
    names = host.current.teams.map((t) => t.name);
    for (const size of SIZES) {
      const context = await session.browser.newContext({ viewport: size, deviceScaleFactor: 1 });
      screens.push(await context.newPage());
      await screens.at(-1)!.goto(`${session.server.url}/screen/${code}?rotate=0`);
    }
    classroom = await (await session.browser.newContext({ viewport: SIZES[0], deviceScaleFactor: 1 })).newPage();
    await classroom.goto(`${session.server.url}/screen/${code}`);
    await okPaced(() => host.send('host:set-settings', { timerMinutes: null }));
    await okPaced(() => host.send('host:start', {}));
    await host.nextView((v) => v.phase !== 'lobby', 'the briefing');
    while (at() !== 'part1 play') await step();
    // One team in eight does not lock: the reveal says so.
    for (const [i, p] of players.entries()) if (i % 8 !== 7) await okPaced(() => p.send('team:lock-prediction', { part: 1, value: 20 + ((i * 37) % 200) }));
    await step();
    await measure('part1 reveal', /Part 1 · Reveal/);
    await step();
    await measure('reflect 1', /Part 1 · Reflect/);
    while (at() !== 'part2 play') await step();
    // A team runs its canary once it has locked (the instruments open after the lock).
    for (const [i, p] of players.entries()) {
      if (i % 8 === 7) continue;
      await okPaced(() => p.send('team:lock-prediction', { part: 2, value: [2996, 3000, 1000, 4500][i % 4]! + i }));
      await okPaced(() => p.send('team:start-run', { config: RUN }));
    }
    // Some teams promote, one rolls back: stories with decisions in them.
    await okPaced(() => players[0]!.send('team:promote', {}));
    if (teamCount > 4) await okPaced(() => players[5]!.send('team:promote', {}));
    await host.until(() => (host.current.part2?.hours ?? 0) >= 2, 'two hours of Part 2');
    await okPaced(() => players[1]!.send('team:rollback', {}));
    await step();
    // The server's debrief has come: the reveal's deck has its stories.
    for (const page of screens) await expect.poll(() => page.locator('.where').innerText(), { timeout: 15_000 }).toMatch(/Part 2 reveal 1 of 2/);
    // In class the answer's page stays 40 s, each page of stories 20 s (the bar under the line fills meanwhile).
    const progress = () => classroom.getByTestId('slide-progress').evaluate((bar) => getComputedStyle(bar).animationDuration);
    await expect.poll(() => classroom.locator('[data-deck] .where').innerText(), { timeout: 15_000 }).toMatch(/Part 2 reveal 1 of 2/);
    expect(await progress()).toBe('40s');
    await showDeckPage(classroom, 'stories', 'screen-reveal');
    expect(await progress()).toBe('20s');
    await measure('part2 reveal', /Part 2 · Reveal/);
    await step();
    // The host's Next moves the class on, whichever page the deck was on.
    await expect.poll(() => classroom.getByTestId('phase').textContent()).toMatch(/Part 2 · Reflect/);
    await measure('reflect 2', /Part 2 · Reflect/);
    while (at() !== 'part3 play') await step();
    for (const [i, p] of players.entries()) {
      if (i % 8 === 7) continue;
      await okPaced(() => p.send('team:lock-prediction', { part: 3, value: (['a', 'b', 'c', 'd'] as const)[i % 4]! }));
      await okPaced(() => p.send('team:deploy-upstream', { version: 'v2' }));
    }
    await step();
    await measure('part3 reveal', /Part 3 · Reveal/);
    await step();
    await measure('reflect 3', /Part 3 · Reflect/);
  });

  it.each(SIZES.map((size, s) => ({ s, label: `${size.width}×${size.height}` })))(
    'at $label every page is one projected page, whole, in type the back row reads, and every team is on some page',
    ({ s }) => {
      const pages = readings[s]!;
      console.info(
        `${teamCount} teams at ${SIZES[s]!.width}×${SIZES[s]!.height}:\n` +
          pages.map((r) => `  ${r.where}: scroll ${r.overflow} px, smallest ${r.smallestPx} px, body ${r.bodyPx} px, chart labels ${r.chartPx} px, cut ${r.cut.length}`).join('\n'),
      );
      expect(pages.length).toBeGreaterThanOrEqual(6);
      expect(pages.filter((r) => r.overflow > 0).map((r) => `${r.where}: ${r.overflow} px`)).toEqual([]);
      expect(pages.filter((r) => r.cut.length > 0).map((r) => `${r.where}: ${r.cut.join(' | ')}`)).toEqual([]);
      expect(pages.filter((r) => r.bodyPx < 16).map((r) => `${r.where}: ${r.bodyPx} px`)).toEqual([]);
      expect(pages.filter((r) => r.smallestPx < 12.8).map((r) => `${r.where}: ${r.smallestPx} px`)).toEqual([]);
      // Every team's answer and every team's story on some page of Part 2's reveal deck.
      for (const kind of ['answers', 'stories']) {
        const seen = new Set(pages.filter((r) => r.kind === kind).flatMap((r) => r.names));
        expect(names.filter((name) => !seen.has(name)), kind).toEqual([]);
      }
    },
  );

  it('closes the game', async () => {
    for (const page of [...screens, classroom]) await page.context().close();
    for (const p of players) p.close();
    host.close();
  });
});
