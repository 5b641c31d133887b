// The host's exports over real HTTP against a real server and SQLite file (GAME.md §10): the CSVs parsed back
// as a spreadsheet would (columns, RFC 4180 quoting, UTF-8 with BOM, formula cells neutralized), the JSON that
// replays to the live game's state hash, refusals without the host token, delete, and a recovery link's
// session for a finished game that is no longer in memory.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../shared/sim/hash.js';
import { NOBODY_ONLINE, projectTeam } from '../../shared/sim/project.js';
import type { TeamPart2 } from '../../shared/protocol/views.js';
import { replay } from '../../shared/sim/replay.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import { leaderboard } from '../../shared/sim/scoring.js';
import type { GameConfig } from '../../shared/sim/state.js';
import type { Action } from '../../shared/sim/actions.js';
import { hashToken, newToken } from '../../server/tokens.js';
import type { GameFile } from '../../server/exports/game-file.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { createGame, joinGame, TestClient } from '../support/client.js';
import { csvObjects, parseCsv } from '../support/csv.js';
import { useTestServer } from '../support/server.js';

const t = useTestServer();

const golden = JSON.parse(readFileSync(new URL('../unit/golden/game-log.json', import.meta.url), 'utf8')) as {
  config: GameConfig;
  log: Action[];
};

const ZOE = 'Zoë 李';
const FORMULA = '=HYPERLINK("x.co","win")';
const TRICKY_TEXT = '+1, "quoted"\r\nsecond line';
/** When the stored golden game's first action was accepted; each later one a second after. */
const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);

/**
 * The golden game (tests/unit/golden), finished, stored as the server stores games, with names and a
 * reflection chosen to test escaping: the game asks for student IDs, Ada is "Zoë 李" with one, Grace a formula,
 * a reflection holds commas, quotes and a line break. None of it changes an outcome.
 */
function storeGoldenGame(store: SqliteStore) {
  const log = structuredClone(golden.log);
  const ada = log[0] as Extract<Action, { type: 'player/join' }>;
  ada.nickname = ZOE;
  ada.studentId = 'S-001';
  (log[1] as Extract<Action, { type: 'player/join' }>).nickname = FORMULA;
  (log[32] as Extract<Action, { type: 'team/reflect' }>).text = TRICKY_TEXT;
  // The host asked for student IDs before anyone joined (a join keeps its ID only then).
  log.unshift({ type: 'host/set-ask-student-id', by: { role: 'host' }, ask: true } as Action);
  const hostToken = newToken();
  const recovery = newToken();
  const { config } = golden;
  expect(store.createGame(config, hashToken(hostToken), new Date(T0).toISOString(), RULES_VERSION)).toBe(true);
  store.addHostKey(config.code, { hash: hashToken(recovery), role: 'host', kind: 'recovery' }, new Date(T0).toISOString());
  log.forEach((action, index) => store.appendAction(config.code, index + 1, action, null, T0 + index * 1000));
  store.markFinished(config.code, new Date(T0 + log.length * 1000).toISOString());
  return { code: config.code, hostToken, recovery, log, state: replay(config, log) };
}

function get(path: string, token?: string, method = 'GET') {
  return fetch(`${t.server.url}${path}`, { method, headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
}

/** The body as UTF-8 text with its BOM kept (fetch's text() would drop it). */
async function bodyText(response: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

describe('CSV per player', () => {
  it('opens in a spreadsheet: BOM, CRLF, quoting, non-ASCII names intact, formulas neutralized, scores as ranked', async () => {
    const game = storeGoldenGame(t.server.store);
    const response = await get(`/api/games/${game.code}/players.csv`, game.hostToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="fleet-ops-${game.code}-players.csv"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await bodyText(response);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const body = text.slice(1);
    const [header] = parseCsv(body);
    expect(header).toEqual([
      'Nickname', 'Student ID', 'Team', 'Track',
      ...[1, 2, 3].flatMap((n) => ['prediction', 'actual', 'ratio', 'learning', 'reflection choice', 'reflection'].map((c) => `Part ${n} ${c}`)),
      'Learning score', 'Ops score', 'Total', 'Rank',
    ]);
    const rows = csvObjects(body);
    // Every seated player, none kicked (Barbara was).
    expect(rows.map((r) => r.Nickname)).toHaveLength(game.state.players.filter((p) => !p.kicked).length);
    expect(rows.some((r) => r.Nickname === 'Barbara')).toBe(false);

    const zoe = rows.find((r) => r.Nickname === ZOE)!;
    expect(zoe).toMatchObject({ 'Student ID': 'S-001', Team: 'Night Owls', Track: 'Cloud Titan' });
    // Part 1: Night Owls predicted 80 against N* = 64 (golden test): ratio 0.8, 90 points for the lock and 50
    // for the reflection; a part's learning points add up to the learning score.
    expect(zoe).toMatchObject({ 'Part 1 prediction': '80', 'Part 1 actual': '64', 'Part 1 ratio': '0.8', 'Part 1 learning': '140' });
    expect([1, 2, 3].reduce((sum, n) => sum + Number(zoe[`Part ${n} learning`]), 0)).toBe(Number(zoe['Learning score']));
    expect(zoe).toMatchObject({ 'Part 3 prediction': 'b', 'Part 3 reflection choice': 'a' });
    expect(zoe['Part 3 reflection']).toMatch(/^Pin features to the model/);
    // The scores are the leaderboard's.
    const board = leaderboard(game.state);
    const owls = board.find((r) => r.name === 'Night Owls')!;
    expect(zoe).toMatchObject({ 'Learning score': String(owls.learning), 'Ops score': String(owls.ops), Total: String(owls.total), Rank: '1' });

    // A formula nickname arrives as text: a leading apostrophe, the rest intact, quotes doubled on the wire.
    const formula = rows.find((r) => r.Nickname!.includes('HYPERLINK'))!;
    expect(formula.Nickname).toBe(`'${FORMULA}`);
    expect(body).toContain(`"'=HYPERLINK(""x.co"",""win"")"`);
    // A reflection with commas, quotes and a line break survives whole, neutralized for its leading +.
    const reflected = rows.find((r) => r['Part 1 reflection'] === `'${TRICKY_TEXT}`);
    expect(reflected).toBeDefined();
    // No cell anywhere begins with a formula character.
    for (const row of parseCsv(body)) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });
});

describe('CSV per decision', () => {
  it('lists every team decision with its time, team, player, parameters and the evidence in hand', async () => {
    const game = storeGoldenGame(t.server.store);
    const response = await get(`/api/games/${game.code}/decisions.csv`, game.hostToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="fleet-ops-${game.code}-decisions.csv"`);
    const text = await bodyText(response);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = csvObjects(text.slice(1));
    const playerActions = game.log.flatMap((a, index) => (a.by.role === 'player' ? [{ a, index }] : []));
    expect(rows).toHaveLength(playerActions.length);
    expect(Object.keys(rows[0]!)).toEqual([
      'Version', 'Real time (UTC)', 'Part', 'Simulated hour', 'Team', 'Player', 'Action', 'Parameters',
      'Confidence', 'Target confidence', 'SPRT log-likelihood ratio', 'SPRT verdict', 'Failures seen',
      'Training-serving PSI (latest check)', 'Training-serving PSI band', 'Alerts per day', 'Pages per day', 'Alert storm',
    ]);
    // Each row at its place in the log, stamped with the server time of its row.
    rows.forEach((row, i) => {
      const { index } = playerActions[i]!;
      expect(row.Version).toBe(String(index + 1));
      expect(row['Real time (UTC)']).toBe(new Date(T0 + index * 1000).toISOString());
    });

    const first = rows[0]!;
    expect(first).toMatchObject({ Part: '1', Team: 'Night Owls', Player: ZOE, Action: 'lock-prediction', Parameters: '{"part":1,"value":80}' });
    expect(first.Confidence).toBe('');

    // Part 2: the first promote of Night Owls' run, with the Confidence Clock it read and the fleet's alerts.
    const promote = rows.find((r) => r.Action === 'promote')!;
    expect(promote).toMatchObject({ Part: '2', Team: 'Night Owls', 'Target confidence': '0.95', 'Alert storm': 'no' });
    expect(Number(promote.Confidence)).toBeGreaterThan(0);
    expect(Number(promote.Confidence)).toBeLessThanOrEqual(1);
    expect(Number(promote['Simulated hour'])).toBeGreaterThan(0);
    expect(Number(promote['Alerts per day'])).toBeGreaterThan(0);
    // Team 2's stratified run used the SPRT? Its rollback row says what the SPRT read, or leaves it blank.
    const rollback = rows.find((r) => r.Action === 'rollback')!;
    expect(rollback.Team).toBe('Team 2');
    expect(rollback['Failures seen']).toMatch(/^\d+$/);

    // Part 3: before its first check Night Owls had no PSI in hand; after it, every decision carries the
    // training-serving PSI of that check (0: the downstream read the v1 features it was trained on).
    const p3 = rows.filter((r) => r.Part === '3' && r.Team === 'Night Owls');
    const check = p3.findIndex((r) => r.Action === 'consistency-check');
    expect(p3[check]!['Training-serving PSI (latest check)']).toBe('');
    expect(p3[check + 1]!.Action).toBe('deploy-upstream');
    expect(p3[check + 1]!['Training-serving PSI band']).toBe('stable');
    expect(p3[check + 1]!['Training-serving PSI (latest check)']).toBe('0');
  });
});

describe('the evidence in hand', () => {
  it("is what the team's own view showed just before each Part 2 decision", async () => {
    const game = storeGoldenGame(t.server.store);
    const text = await bodyText(await get(`/api/games/${game.code}/decisions.csv`, game.hostToken));
    const rows = csvObjects(text.slice(1)).filter((r) => r.Part === '2');
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const before = replay(golden.config, game.log.slice(0, Number(row.Version) - 1));
      const team = before.teams.find((t) => t.name === row.Team)!;
      const fleet = (projectTeam(before, team.id, NOBODY_ONLINE)!.part2 as TeamPart2).fleet;
      if (!fleet) {
        // Before its lock a team has no instruments: its lock is made on no evidence.
        expect(row.Action).toBe('lock-prediction');
        expect([row.Confidence, row['Alerts per day'], row['Pages per day'], row['Alert storm']]).toEqual(['', '', '', '']);
        continue;
      }
      const run = fleet.runs.at(-1);
      expect(row.Confidence, `${row.Action} at ${row.Version}`).toBe(run ? String(Number(run.confidence.toFixed(4))) : '');
      expect(row['Failures seen']).toBe(run ? String(run.failures) : '');
      expect(row['Alerts per day']).toBe(String(Number(fleet.monitor.alertsPerDay.toFixed(1))));
      expect(row['Pages per day']).toBe(String(Number(fleet.monitor.pagesPerDay.toFixed(1))));
    }
  });
});

describe('JSON of the whole game', () => {
  it('carries configuration, rules version and log, and replays to the hash of the live game', async () => {
    const { code, hostToken, host: created } = await createGame(t.server.url, { askStudentId: true });
    t.track(created);
    const zoe = await joinGame(t.server.url, code, ZOE);
    t.track(zoe.player);
    t.track((await joinGame(t.server.url, code, '@admin')).player);
    expect(await created.send('host:start', {})).toMatchObject({ ok: true });
    expect(await created.send('host:next', {})).toMatchObject({ ok: true });
    expect(await zoe.player.send('team:lock-prediction', { part: 1, value: 42 })).toMatchObject({ ok: true });

    const response = await get(`/api/games/${code}/game.json`, hostToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="fleet-ops-${code}-game.json"`);
    const file = (await response.json()) as GameFile;
    expect(file).toMatchObject({ format: 'fleet-ops-game', formatVersion: 1, code, rulesVersion: RULES_VERSION, finishedAt: null });
    expect(file.config).toMatchObject({ code, askStudentId: true });
    const live = t.server.app.realtime.rooms.get(code)!.state;
    const replayed = replay(file.config, file.log.map((entry) => entry.action));
    expect(stateHash(replayed)).toBe(stateHash(live));
    expect(file.final).toEqual({ version: live.version, phase: live.phase, stateHash: stateHash(live) });
    expect(file.log.every((entry) => typeof entry.at === 'number')).toBe(true);
    // Host keys never leave: not the host token, nor its hash.
    const raw = JSON.stringify(file);
    expect(raw).not.toContain(hostToken);
    expect(raw).not.toContain(hashToken(hostToken));
  });

  it('of a finished game no longer in memory, replays to the state it finished in', async () => {
    const game = storeGoldenGame(t.server.store);
    expect(t.server.app.realtime.rooms.get(game.code)).toBeUndefined();
    const file = (await (await get(`/api/games/${game.code}/game.json`, game.hostToken)).json()) as GameFile;
    expect(file.final?.stateHash).toBe(stateHash(game.state));
    expect(file.final?.phase).toBe('debrief');
    expect(stateHash(replay(file.config, file.log.map((e) => e.action)))).toBe(stateHash(game.state));
  });
});

describe('authorization', () => {
  it('refuses an export without the host token, with a wrong one, or in the URL, and leaks nothing', async () => {
    const game = storeGoldenGame(t.server.store);
    const other = storeOtherGame(t.server.store);
    for (const what of ['players.csv', 'decisions.csv', 'game.json', 'reflections.txt']) {
      const path = `/api/games/${game.code}/${what}`;
      const cases: [Response, number, string][] = [
        [await get(path), 401, 'auth/missing-token'],
        [await get(path, 'not-a-token'), 401, 'auth/missing-token'],
        [await fetch(`${t.server.url}${path}?token=${game.hostToken}`), 401, 'auth/missing-token'],
        [await get(path, newToken()), 403, 'auth/invalid-token'],
        [await get(path, other.hostToken), 403, 'auth/invalid-token'],
        // A link's secret is not a session: it opens nothing until exchanged.
        [await get(path, game.recovery), 403, 'auth/invalid-token'],
        [await get(`/api/games/ZZZZZZ/${what}`, game.hostToken), 403, 'auth/invalid-token'],
      ];
      for (const [response, status, code] of cases) {
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(response.headers.get('content-disposition')).toBeNull();
        const body = await response.text();
        expect(JSON.parse(body)).toEqual({ error: { code, message: expect.any(String) } });
        expect(body).not.toContain('Zo');
        expect(body).not.toContain('Night Owls');
      }
    }
  });

  it('a co-host session exports but may not delete; the host deletes, and the game is gone everywhere', async () => {
    const guest = t.track(await TestClient.connect(t.server.url, { role: 'guest' }));
    const created = await guest.send('game:create', {});
    if (!created.ok) throw new Error('create refused');
    const { code, hostToken, cohostToken } = created;
    const host = t.track(await TestClient.connect(t.server.url, { role: 'host', code, token: hostToken }));
    const player = t.track((await joinGame(t.server.url, code, ZOE)).player);
    const cohost = await guest.send('game:recover', { code, secret: cohostToken });
    if (!cohost.ok) throw new Error('co-host refused');

    expect((await get(`/api/games/${code}/players.csv`, cohost.token)).status).toBe(200);
    const summary = await (await get(`/api/games/${code}`, cohost.token)).json();
    expect(summary).toMatchObject({ code, role: 'cohost', phase: 'lobby', players: 1, finishedAt: null });
    const refused = await get(`/api/games/${code}`, cohost.token, 'DELETE');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'auth/forbidden' } });
    expect(t.server.store.loadGame(code)).not.toBeNull();

    expect((await get(`/api/games/${code}`, hostToken, 'DELETE')).status).toBe(204);
    expect(t.server.store.loadGame(code)).toBeNull();
    expect(t.server.store.loadLog(code)).toEqual([]);
    expect(t.server.app.realtime.rooms.get(code)).toBeUndefined();
    // Everyone connected to it was let go; its token opens nothing any more.
    await host.until(() => !host.socket.connected, 'the host disconnected');
    await player.until(() => !player.socket.connected, 'the player disconnected');
    expect((await get(`/api/games/${code}/players.csv`, hostToken)).status).toBe(403);
    expect(await TestClient.refusedHandshake(t.server.url, { role: 'host', code, token: hostToken })).toMatchObject({ code: 'game/unknown' });
  });

  it("a recovery link opens a finished game's exports from the store, as a new session", async () => {
    const game = storeGoldenGame(t.server.store);
    expect((await get(`/api/games/${game.code}/session`, undefined, 'POST')).status).toBe(401);
    expect((await get(`/api/games/${game.code}/session`, newToken(), 'POST')).status).toBe(403);
    const response = await get(`/api/games/${game.code}/session`, game.recovery, 'POST');
    expect(response.status).toBe(200);
    const session = (await response.json()) as { code: string; token: string; role: string };
    expect(session).toMatchObject({ code: game.code, role: 'host' });
    expect(session.token).not.toBe(game.recovery);
    const summary = await (await get(`/api/games/${game.code}`, session.token)).json();
    expect(summary).toMatchObject({ code: game.code, role: 'host', finishedAt: expect.any(String), phase: null });
    expect((await get(`/api/games/${game.code}/players.csv`, session.token)).status).toBe(200);
  });
});

describe('reflections for a learning-management system', () => {
  it('gives every reflection by part and team, with the members and the option in words', async () => {
    const game = storeGoldenGame(t.server.store);
    const response = await get(`/api/games/${game.code}/reflections.txt`, game.hostToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toContain(`Fleet Ops · game ${game.code} · reflections`);
    const part1 = text.slice(text.indexOf('Part 1 ·'), text.indexOf('Part 2 ·'));
    expect(part1).toContain('Night Owls (Cloud Titan) · ');
    expect(part1).toContain(ZOE);
    expect(part1).toContain('Choice A: ');
    expect(part1).toContain(TRICKY_TEXT);
    expect(text.slice(text.indexOf('Part 3 ·'))).toMatch(/Team 3 \(Mobile Nomad\)[^\n]*\nNo reflection submitted\./);
  });
});

/** A second stored game, for tokens that open another game only. */
function storeOtherGame(store: SqliteStore) {
  const hostToken = newToken();
  const config: GameConfig = { code: 'KQWE77', seed: 7, teamCount: 2, askStudentId: false };
  store.createGame(config, hashToken(hostToken), new Date(T0).toISOString(), RULES_VERSION);
  return { code: config.code, hostToken };
}
