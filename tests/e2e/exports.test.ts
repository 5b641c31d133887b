// Exports and past games in real Chromium (GAME.md §10): the host downloads both CSVs and the JSON from the
// console (the browser's own download, parsed back), copies the reflections for a course site, and manages
// past games from /host — open, export, delete, and one added by its recovery link in a fresh browser.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART1_REFLECTION_OPTIONS } from '../../shared/sim/parts/part1/content.js';
import { stateHash } from '../../shared/sim/hash.js';
import { replay } from '../../shared/sim/replay.js';
import type { GameFile } from '../../server/exports/game-file.js';
import { screenshot } from '../support/browser.js';
import { csvObjects } from '../support/csv.js';
import { E2eSession, expectNoAxeViolations, lockNumber, phaseOf, pressNext, pressReveal, stepToDebrief } from '../support/e2e.js';

const session = new E2eSession();
beforeAll(() => session.start());
afterAll(() => session.stop());

const ZOE = 'Zoë 李';
const FORMULA = '=1+2';
const REFLECTION = 'Every pair of model kinds needs its own runbook, so toil grows like N², "not" N.';


/** Clicks and returns the download it starts, read as UTF-8 text with its BOM kept. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const path = await file.path();
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(path!));
  return { name: file.suggestedFilename(), text };
}

describe('exports from the host console', () => {
  let host: Page;
  let code = '';
  let recoveryUrl = '';
  const players: Page[] = [];

  it('a game that asks for student IDs, played through Part 1 with a reflection', async () => {
    host = await session.open('laptop', '/host');
    await host.getByRole('spinbutton', { name: 'Number of teams' }).fill('2');
    await host.getByRole('checkbox', { name: 'Ask players for a student ID' }).check();
    await host.getByRole('button', { name: 'Create game' }).click();
    await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    code = (await host.getByTestId('game-code').first().textContent())!.trim();
    const links = host.getByRole('region', { name: /Keep these two links/ });
    // Hidden until asked for: a console mirrored on the projector must not show them.
    await links.getByRole('button', { name: 'Show the links' }).click();
    recoveryUrl = await links.getByRole('textbox', { name: 'Recovery link' }).inputValue();
    await links.getByRole('button', { name: 'I have saved them' }).click();

    for (const [nickname, studentId] of [[ZOE, 'S-001'], [FORMULA, '@42']] as const) {
      const page = await session.open('phone', `/?code=${code}`);
      await page.getByRole('textbox', { name: 'Nickname' }).fill(nickname);
      await page.getByRole('textbox', { name: 'Student ID (optional)' }).fill(studentId);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.waitForURL(`**/play/${code}`);
      await page.getByTestId('team-name').first().waitFor();
      players.push(page);
    }
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await pressNext(host);
    for (const [i, page] of players.entries()) {
      await lockNumber(page, 40 + i * 20);
    }
    await pressReveal(host);
    await pressNext(host);
    const zoe = players[0]!;
    await zoe.getByRole('radio', { name: PART1_REFLECTION_OPTIONS.a }).check();
    await zoe.getByRole('textbox', { name: 'Justification' }).fill(REFLECTION);
    await zoe.getByRole('button', { name: 'Submit reflection' }).click();
    await expect.poll(() => host.getByText(REFLECTION).count()).toBeGreaterThan(0);
  });

  it('"Export CSV" offers the players and the decisions file; both download and parse back', async () => {
    const exportCsv = host.getByRole('button', { name: 'Export CSV', exact: true });
    await exportCsv.scrollIntoViewIfNeeded();
    await exportCsv.click();
    expect(await exportCsv.getAttribute('aria-expanded')).toBe('true');
    await screenshot(host, 'exports-01-console-menu');

    const roster = await download(host, () => host.getByRole('button', { name: /^Players CSV/ }).click());
    expect(roster.name).toBe(`fleet-ops-${code}-players.csv`);
    expect(roster.text.startsWith('\uFEFF')).toBe(true);
    const rows = csvObjects(roster.text.slice(1));
    expect(rows).toHaveLength(2);
    const zoe = rows.find((r) => r.Nickname === ZOE)!;
    expect(zoe).toMatchObject({ 'Student ID': 'S-001', 'Part 1 prediction': '40', 'Part 1 reflection choice': 'a', 'Part 1 reflection': REFLECTION });
    expect(Number(zoe['Part 1 actual'])).toBeGreaterThan(0);
    // What a student typed that a spreadsheet would run is written as text.
    const other = rows.find((r) => r.Nickname !== ZOE)!;
    expect(other).toMatchObject({ Nickname: `'${FORMULA}`, 'Student ID': "'@42" });
    await host.getByText(`Downloaded fleet-ops-${code}-players.csv.`).waitFor();

    await exportCsv.click();
    const decisions = await download(host, () => host.getByRole('button', { name: /^Decisions CSV/ }).click());
    expect(decisions.name).toBe(`fleet-ops-${code}-decisions.csv`);
    const made = csvObjects(decisions.text.slice(1)).map((r) => [r.Player, r.Action]);
    expect(made).toEqual([
      [ZOE, 'lock-prediction'],
      [`'${FORMULA}`, 'lock-prediction'],
      [ZOE, 'reflect'],
    ]);
  });

  it('"Export JSON" downloads the whole game, which replays to the state it was exported at', async () => {
    const { name, text } = await download(host, () => host.getByRole('button', { name: 'Export JSON', exact: true }).click());
    expect(name).toBe(`fleet-ops-${code}-game.json`);
    const file = JSON.parse(text) as GameFile;
    expect(file.code).toBe(code);
    expect(file.config.askStudentId).toBe(true);
    expect(stateHash(replay(file.config, file.log.map((e) => e.action)))).toBe(file.final!.stateHash);
  });

  it('at the debrief the exports come first, and the reflections copy for a course site', async () => {
    await stepToDebrief(host, 7);
    const panel = host.getByRole('region', { name: "Take the class's work with you" });
    await panel.waitFor();
    // Prominent: above the leaderboard, the first thing after the flow controls.
    const panelTop = (await panel.boundingBox())!.y;
    const boardTop = (await host.getByTestId('leaderboard').first().boundingBox())!.y;
    expect(panelTop).toBeLessThan(boardTop);
    await screenshot(host, 'exports-02-debrief');

    await host.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    await panel.getByRole('button', { name: 'Show reflections' }).click();
    const box = panel.getByRole('textbox', { name: 'Every reflection, as plain text' });
    await expect.poll(() => box.inputValue()).toContain(REFLECTION);
    const text = await box.inputValue();
    expect(text).toContain(`Fleet Ops · game ${code} · reflections`);
    expect(text).toMatch(new RegExp(`\\(\\w[\\w ]+\\) · ${ZOE}`));
    await panel.getByRole('button', { name: 'Copy reflections' }).click();
    await panel.getByText('Copied to the clipboard: paste it into your course site.').waitFor();
    expect(await host.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await screenshot(host, 'exports-03-reflections');
  });

  it('past games on /host: open, export, delete a game, and add one by its recovery link', async () => {
    // A second game from the same browser, left in its lobby.
    await host.goto(`${session.server.url}/host`);
    await host.getByRole('button', { name: 'Create game' }).click();
    await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    const second = (await host.getByTestId('game-code').first().textContent())!.trim();
    await host.getByRole('button', { name: 'I have saved them' }).click();

    await host.goto(`${session.server.url}/host`);
    const list = host.getByRole('region', { name: 'Past games' });
    const first = list.getByRole('listitem').filter({ has: host.getByText(code, { exact: true }) });
    const lobby = list.getByRole('listitem').filter({ has: host.getByText(second, { exact: true }) });
    await first.getByText(/^Finished /).waitFor();
    await lobby.getByText('In the lobby').waitFor();
    // Newest first.
    expect(await list.getByRole('listitem').first().textContent()).toContain(second);
    await screenshot(host, 'exports-04-past-games');

    const json = await download(host, () => first.getByRole('button', { name: `Export JSON of game ${code}` }).click());
    expect(json.name).toBe(`fleet-ops-${code}-game.json`);

    await lobby.getByRole('button', { name: `Delete game ${second}` }).click();
    const confirm = lobby.getByRole('group', { name: `Confirm deleting game ${second}` });
    await confirm.waitFor();
    await screenshot(host, 'exports-05-delete-confirm');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await lobby.count()).toBe(1);
    await lobby.getByRole('button', { name: `Delete game ${second}` }).click();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(() => lobby.count()).toBe(0);
    await host.getByText(`Game ${second} was deleted.`).waitFor();
    // Gone from the server: its console now says there is no such game, and the list stays without it.
    await host.goto(`${session.server.url}/host/${second}`);
    await host.getByText(/no longer holds|not the host|no game/i).first().waitFor();
    await host.goto(`${session.server.url}/host`);
    await list.getByRole('listitem').first().waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);

    // "Open" leads to the console of the finished game, at its debrief.
    await first.getByRole('link', { name: `Open game ${code}` }).click();
    await host.waitForURL(`**/host/${code}`);
    await expect.poll(() => phaseOf(host)).toMatch(/debrief/i);

    // A fresh browser (a phone this time) adds the finished game with its recovery link.
    const lectern = await session.open('phone', '/host');
    const form = lectern.getByRole('textbox', { name: 'Open a game with its recovery link' });
    await form.fill(recoveryUrl);
    await lectern.getByRole('button', { name: 'Open link' }).click();
    const added = lectern.getByRole('region', { name: 'Past games' }).getByRole('listitem');
    await added.getByText(/^Finished /).waitFor();
    expect(await added.textContent()).toContain(code);
    const roster = await download(lectern, async () => {
      await added.getByRole('button', { name: `Export CSV of game ${code}` }).click();
      await added.getByRole('button', { name: /^Players CSV/ }).click();
    });
    expect(csvObjects(roster.text.slice(1)).map((r) => r.Nickname).sort()).toEqual([`'${FORMULA}`, ZOE].sort());
    await added.getByRole('button', { name: `Export CSV of game ${code}` }).click();
    await added.getByRole('button', { name: `Delete game ${code}` }).click();
    await screenshot(lectern, 'exports-06-recovered-past-game-phone');
    await expectNoAxeViolations(lectern, 'past games on a phone');
    // Nothing wider than the phone.
    expect(await lectern.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
