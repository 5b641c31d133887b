// The projector's pages before the reveals, each one projected page (nobody in a lecture hall can scroll it) at
// 1280×720 and 1920×1080: the lobby of 4 teams of 30, 12 teams of 10 and 40 teams of 10 players (24-character
// team names), Part 1's lock step (4, 12 and 40 teams; twelve also under the host's 30-second warning), a team's reflection of 1,000
// characters put on the projector, and Part 3's lock step. On each: nothing scrolls, every team name, member
// chip and track badge drawn is whole (not cut by an ellipsis or an edge), body text is at least 16 px, and
// axe-core finds nothing. Teams are set up through real Socket.IO clients. Screenshots in
// test-results/screenshots/projector-fit-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFLECTION_MAX } from '../../shared/protocol/limits.js';
import { screenshot } from '../support/browser.js';
import { DEFAULT_ADDRESS_RATE_LIMITS } from '../../server/realtime/rate-limit.js';
import { createGame, joinGame, type HostClient, type TeamClient } from '../support/client.js';
import { E2eSession, axeViolations } from '../support/e2e.js';
import { longName, okPaced, openScreen, pageOverflow, projectedTexts } from '../support/projector.js';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Names, member chips and track badges the room must read whole. */
const WHOLE = '[data-testid="team-name"], .tile .names li, .tile .badge';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

/** What one projected page shows, as the room sees it. */
interface Reading {
  overflow: number;
  cut: string[];
  smallPx: string[];
}

/**
 * Waits until the page has settled at one size (it fits, or it has tried all its layouts), then reads it: how
 * far it scrolls, what is drawn cut, which of `body` is in type under 16 px.
 */
async function read(page: Page, body: string): Promise<Reading> {
  // A layout fits in the frame it is drawn; the poll lets a late view (a join, a warning) land first.
  await expect.poll(() => pageOverflow(page), { timeout: 5_000 }).toBeLessThanOrEqual(0).catch(() => undefined);
  const drawn = await projectedTexts(page, WHOLE);
  const texts = await projectedTexts(page, body);
  return {
    overflow: await pageOverflow(page),
    cut: drawn.filter((d) => !d.whole).map((d) => d.text.slice(0, 30)),
    smallPx: texts.filter((t) => t.fontPx < 16).map((t) => `${t.text.slice(0, 30)} ${t.fontPx}px`),
  };
}

/** Opens the projector at both sizes, checks `what` on each with `ready` awaited first, and closes them. */
async function checkBothSizes(code: string, what: string, body: string, ready: (page: Page) => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    const page = await openScreen(session, code, size);
    const at = `${what} at ${size.width}×${size.height}`;
    await ready(page);
    const reading = await read(page, body);
    await screenshot(page, `projector-fit-${what.replace(/\W+/g, '-')}-${size.width}`);
    console.info(`${at}: scroll ${reading.overflow} px, cut ${reading.cut.length}, small ${reading.smallPx.length}`);
    expect(reading.overflow, at).toBeLessThanOrEqual(0);
    expect(reading.cut, at).toEqual([]);
    expect(reading.smallPx, at).toEqual([]);
    expect(await axeViolations(page), at).toEqual([]);
    await page.context().close();
  }
}

/** A game of `teamCount` teams with 24-character names and `players` players spread over them. */
/**
 * Joins as a class behind one address does: this file seats 640 players from one address, past its join budget
 * (400 at once, then 20 a second), so a join told to slow down waits for the next one and asks again.
 */
async function joinPaced(code: string, nickname: string): ReturnType<typeof joinGame> {
  for (;;) {
    try {
      return await joinGame(session.server.url, code, nickname);
    } catch (error) {
      if (!String(error).includes('rate/limited')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 / DEFAULT_ADDRESS_RATE_LIMITS.joins.perSecond));
    }
  }
}

async function roomOf(teamCount: number, players: number): Promise<{ code: string; host: HostClient; clients: TeamClient[] }> {
  const { code, host } = await createGame(session.server.url, { teamCount });
  for (const [i, team] of host.view.teams.entries()) await okPaced(() => host.send('host:rename-team', { teamId: team.id, name: longName(i) }));
  const clients: TeamClient[] = [];
  // Nicknames of two words, as students type them: a chip must never break between the two.
  const first = ['Guillermo', 'Henrietta', 'Alexander', 'Dominique', 'Francesca', 'Maximilian'];
  for (let i = 0; i < players; i++) clients.push((await joinPaced(code, `${first[i % first.length]} ${i + 1}`)).player);
  await host.until(() => host.current.playerCount === players, `${players} players`);
  return { code, host, clients };
}

const lobbyReady = (players: number) => async (page: Page) => {
  await expect.poll(() => page.getByTestId('game-code').textContent()).toBeTruthy();
  await expect.poll(() => page.locator('.players').textContent()).toBe(String(players));
};
const LOBBY_BODY = '[data-testid="team-name"], .tile .names li';

const STATUS_BODY = '.status-tiles [data-testid="team-name"], .status-tiles .state';

describe.each([
  { teams: 4, players: 120 },
  { teams: 40, players: 400 },
])('the lobby of $teams teams and $players players, then Part 1', ({ teams, players }) => {
  let code = '';
  let host: HostClient;
  let clients: TeamClient[] = [];

  it('the lobby is one projected page at both sizes, every name whole', async () => {
    ({ code, host, clients } = await roomOf(teams, players));
    await checkBothSizes(code, `lobby ${teams} teams ${players} players`, LOBBY_BODY, lobbyReady(players));
  });

  it("Part 1's lock step is one projected page at both sizes, every name whole", async () => {
    await okPaced(() => host.send('host:start', {}));
    await okPaced(() => host.send('host:next', {}));
    await host.nextView((v) => v.phase === 'part1' && v.step === 'play', 'Part 1');
    await okPaced(() => clients[0]!.send('team:lock-prediction', { part: 1, value: 40 }));
    await checkBothSizes(code, `part1 lock ${teams} teams`, STATUS_BODY, async (page) => {
      await expect.poll(() => page.locator('.status-tiles .count').textContent()).toBe(`1 of ${teams}`);
    });
    for (const c of clients) c.close();
    host.close();
  });
});

describe('12 teams of 10 players through Part 1 to Part 3', () => {
  let code = '';
  let host: HostClient;
  let clients: TeamClient[] = [];
  const at = () => `${host.current.phase} ${host.current.step}`;
  const step = async () => {
    const was = at();
    await okPaced(() => host.send('host:next', {}));
    await host.nextView((v) => `${v.phase} ${v.step}` !== was, `the step after ${was}`);
  };
  const phaseIs = (re: RegExp) => async (page: Page) => {
    await expect.poll(() => page.getByTestId('phase').first().textContent()).toMatch(re);
  };

  it('the lobby is one projected page at both sizes, every name whole', async () => {
    ({ code, host, clients } = await roomOf(12, 120));
    await checkBothSizes(code, 'lobby 12 teams 120 players', LOBBY_BODY, lobbyReady(120));
  });

  it("Part 1's lock step, with eleven of twelve locked, then under the host's warning", async () => {
    await okPaced(() => host.send('host:start', {}));
    // The ack comes before the view: step on from the briefing the host's view shows, not from the lobby.
    await host.nextView((v) => v.phase !== 'lobby', 'the briefing');
    while (at() !== 'part1 play') await step();
    // One player of each team but the last locks its team's prediction.
    for (let t = 0; t < 11; t++) await okPaced(() => clients[t]!.send('team:lock-prediction', { part: 1, value: 40 + t }));
    await checkBothSizes(code, 'part1 lock', STATUS_BODY, async (page) => {
      await phaseIs(/part 1/i)(page);
      await expect.poll(() => page.locator('.status-tiles .count').textContent()).toBe('11 of 12');
    });
    await okPaced(() => host.send('host:warn', {}));
    await checkBothSizes(code, 'part1 lock warning', `${STATUS_BODY}, [data-testid="reveal-warning"]`, async (page) => {
      await page.getByTestId('reveal-warning').waitFor();
    });
  });

  it('a reflection of 1,000 characters on the projector', async () => {
    await okPaced(() => clients[11]!.send('team:lock-prediction', { part: 1, value: 90 }));
    await okPaced(() => host.send('host:reveal', {}));
    while (at() !== 'part1 reflect') await step();
    const sentence = 'Every model talks to every other model, so the on-call engineer reads a page from each pair in the fleet. ';
    const text = sentence.repeat(20).slice(0, REFLECTION_MAX);
    expect(text).toHaveLength(REFLECTION_MAX);
    await okPaced(() => clients[2]!.send('team:reflect', { part: 1, choice: 'c', text }));
    const team = host.current.teams[2]!;
    await okPaced(() => host.send('host:spotlight', { spotlight: { kind: 'reflection', part: 1, teamId: team.id } }));
    await checkBothSizes(code, 'reflection 1000 chars', '[data-testid="spotlight"] .text', async (page) => {
      await page.getByTestId('spotlight').getByText(team.name, { exact: false }).waitFor();
      // The whole reflection is on the page, to its last word.
      await expect.poll(() => page.getByTestId('spotlight').locator('.text').textContent()).toBe(`“${text}”`);
    });
    await okPaced(() => host.send('host:spotlight', { spotlight: null }));
  });

  it("Part 3's lock step", async () => {
    while (at() !== 'part3 play') await step();
    for (let t = 0; t < 5; t++) await okPaced(() => clients[t]!.send('team:lock-prediction', { part: 3, value: 'b' }));
    await checkBothSizes(code, 'part3 lock', '[data-testid="team-name"]', async (page) => {
      await phaseIs(/part 3/i)(page);
      await page.getByRole('heading', { name: /Ensembles/ }).waitFor();
    });
    for (const c of clients) c.close();
    host.close();
  });
});
