// The host's spotlight on the projector (issue 10) over real sockets: only the host's console may set it,
// malformed ones are refused, it shows one team's reflection under its team's name only (never who wrote it),
// how the teams chose, a choice lock only once revealed, and the next step takes it off.
import { describe, expect, it } from 'vitest';
import type { ScreenView, TeamView } from '../../shared/protocol/views.js';
import { TestClient, createGame, joinGame } from '../support/client.js';
import { useTestServer } from '../support/server.js';

const t = useTestServer();
const track = t.track;

describe('host/spotlight', () => {
  it('projects a reflection by team name, the choices, and refuses what it must', async () => {
    const { url } = t.server;
    const created = await createGame(url, { teamCount: 2 });
    const host = track(created.host);
    const ada = track((await joinGame(url, created.code, 'Ada')).player) as TestClient<TeamView>;
    const bo = track((await joinGame(url, created.code, 'Bo')).player) as TestClient<TeamView>;
    const screen = track(await TestClient.connect<ScreenView>(url, { role: 'screen', code: created.code }));
    const adaTeam = (await ada.nextView((v) => v.team !== undefined)).team;

    const spot = { kind: 'reflection', part: 1, teamId: adaTeam.id } as const;
    expect(await ada.send('host:spotlight' as never, { spotlight: spot } as never)).toMatchObject({ ok: false, code: 'auth/forbidden' });
    expect(await host.send('host:spotlight', { spotlight: { kind: 'reflection', part: 9, teamId: adaTeam.id } } as never)).toMatchObject({
      ok: false,
      code: 'intent/invalid',
    });
    expect(await host.send('host:spotlight', { spotlight: spot })).toMatchObject({ ok: false, code: 'phase/closed' });

    await host.send('host:start', {});
    await host.send('host:next', {});
    await ada.send('team:lock-prediction', { part: 1, value: 120 });
    expect(await host.send('host:spotlight', { spotlight: spot })).toMatchObject({ ok: false, code: 'spotlight/no-reflection' });
    expect(await host.send('host:spotlight', { spotlight: { ...spot, teamId: 'nobody' } })).toMatchObject({ ok: false, code: 'team/unknown' });
    expect(await host.send('host:spotlight', { spotlight: { kind: 'choices', part: 1, of: 'lock' } })).toMatchObject({
      ok: false,
      code: 'spotlight/not-a-choice',
    });
    await host.send('host:reveal', {});
    await host.send('host:next', {});
    expect(await ada.send('team:reflect', { part: 1, choice: 'b', text: 'Toil grows with N².' })).toMatchObject({ ok: true });
    expect(await bo.send('team:reflect', { part: 1, choice: 'b', text: 'The platform wins at scale.' })).toMatchObject({ ok: true });

    expect(await host.send('host:spotlight', { spotlight: spot })).toMatchObject({ ok: true });
    const shown = await screen.nextView((v) => v.spotlight !== null, 'the spotlight');
    expect(shown.spotlight).toMatchObject({ kind: 'reflection', part: 1, teamName: adaTeam.name, choice: 'b', text: 'Toil grows with N².' });
    expect(JSON.stringify(shown.spotlight)).not.toContain('Ada');
    await host.nextView((v) => v.spotlight?.kind === 'reflection', "the host's console says what is up");

    expect(await host.send('host:spotlight', { spotlight: { kind: 'choices', part: 1, of: 'reflection' } })).toMatchObject({ ok: true });
    const choices = (await screen.nextView((v) => v.spotlight?.kind === 'choices', 'the choices')).spotlight;
    expect(choices).toMatchObject({ kind: 'choices', answered: 2, correct: null });
    if (choices?.kind !== 'choices') throw new Error('not choices');
    expect(choices.options.map((o) => o.count)).toEqual([0, 2, 0, 0]);

    expect(await host.send('host:spotlight', { spotlight: null })).toMatchObject({ ok: true });
    await screen.nextView((v) => v.spotlight === null, 'taken off');

    // Part 3's lock is a choice: its distribution only once revealed. The next step takes a spotlight off.
    await host.send('host:spotlight', { spotlight: spot });
    await host.send('host:next', {}); // Part 2
    await screen.nextView((v) => v.phase === 'part2' && v.spotlight === null, 'the next step clears it');
    for (let i = 0; i < 3; i++) await host.send('host:next', {}); // reveal, reflect, Part 3
    await ada.send('team:lock-prediction', { part: 3, value: 'c' });
    expect(await host.send('host:spotlight', { spotlight: { kind: 'choices', part: 3, of: 'lock' } })).toMatchObject({
      ok: false,
      code: 'spotlight/not-revealed',
    });
    await host.send('host:reveal', {});
    expect(await host.send('host:spotlight', { spotlight: { kind: 'choices', part: 3, of: 'lock' } })).toMatchObject({ ok: true });
    const lock = (await screen.nextView((v) => v.spotlight?.kind === 'choices', 'the lock choices')).spotlight;
    expect(lock).toMatchObject({ of: 'lock', answered: 1 });
    if (lock?.kind !== 'choices') throw new Error('not choices');
    expect(lock.options.find((o) => o.choice === 'c')?.count).toBe(1);
    expect(lock.correct).toMatch(/^[a-d]$/);
  });
});

describe('host/spotlight at the debrief', () => {
  it('holds a section of the debrief on the projector, only at the debrief and only from the host', async () => {
    const { url } = t.server;
    const created = await createGame(url, { teamCount: 2 });
    const host = track(created.host);
    const ada = track((await joinGame(url, created.code, 'Ada')).player) as TestClient<TeamView>;
    const screen = track(await TestClient.connect<ScreenView>(url, { role: 'screen', code: created.code }));
    const ledgers = { kind: 'debrief', section: 'ledgers' } as const;

    // Before the debrief the projector shows the step's page: refused, in the lobby and in a part.
    expect(await host.send('host:spotlight', { spotlight: ledgers })).toMatchObject({ ok: false, code: 'phase/closed' });
    expect(await host.send('host:start', {})).toMatchObject({ ok: true });
    expect(await host.send('host:next', {})).toMatchObject({ ok: true });
    expect(await host.send('host:spotlight', { spotlight: ledgers })).toMatchObject({ ok: false, code: 'phase/closed' });
    // The server acks a step before it sends the step's view: each press waits for that view, so that the loop
    // stops on the debrief rather than pressing Next once more at it.
    const stepOf = (v: { phase: string; step: string | null }) => `${v.phase} ${v.step}`;
    await host.nextView((v) => v.phase === 'part1', 'part 1');
    for (let i = 0; i < 20 && host.view.phase !== 'debrief'; i++) {
      const was = stepOf(host.view);
      expect(await host.send('host:next', {})).toMatchObject({ ok: true });
      await host.nextView((v) => stepOf(v) !== was, `the step after ${was}`);
    }
    const debrief = await screen.nextView((v) => v.phase === 'debrief', 'the debrief');
    expect(debrief.spotlight).toBeNull();

    // A player may not choose; a section the debrief does not know is malformed. Neither changes anything.
    const before = screen.view.version;
    expect(await ada.send('host:spotlight' as never, { spotlight: ledgers } as never)).toMatchObject({ ok: false, code: 'auth/forbidden' });
    expect(await host.send('host:spotlight', { spotlight: { kind: 'debrief', section: 'slides' } } as never)).toMatchObject({
      ok: false,
      code: 'intent/invalid',
    });
    expect(screen.view.version).toBe(before);
    expect(screen.view.spotlight).toBeNull();

    expect(await host.send('host:spotlight', { spotlight: ledgers })).toMatchObject({ ok: true });
    const held = await screen.nextView((v) => v.spotlight?.kind === 'debrief', 'the held section');
    expect(held.spotlight).toEqual({ kind: 'debrief', section: 'ledgers' });
    await host.nextView((v) => v.spotlight?.kind === 'debrief' && v.spotlight.section === 'ledgers', "the host's buttons say it");

    // "All in turn": the whole deck again.
    expect(await host.send('host:spotlight', { spotlight: { kind: 'debrief', section: null } })).toMatchObject({ ok: true });
    const all = await screen.nextView((v) => v.spotlight?.kind === 'debrief' && v.spotlight.section === null, 'the whole deck');
    expect(all.spotlight).toEqual({ kind: 'debrief', section: null });
  });
});
