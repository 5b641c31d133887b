// Agree before you lock, over real sockets: the server locks a proposal once every online member agrees.
import { describe, expect, it } from 'vitest';
import type { ScreenView } from '../../shared/protocol/views.js';
import { TestClient, createGame, joinGame, type TeamClient } from '../support/client.js';
import { useTestServer } from '../support/server.js';
import { ok } from '../support/table.js';

const t = useTestServer();

/** Two teams: team 1 holds ada, cy and eve; team 2 bo and dee. Part 1 in play. */
async function table() {
  const { code, host } = await createGame(t.server.url, { teamCount: 2 });
  const screen = await TestClient.connect<ScreenView>(t.server.url, { role: 'screen', code });
  t.clients.push(host, screen);
  const seats: Record<string, TeamClient> = {};
  for (const nickname of ['ada', 'bo', 'cy', 'dee', 'eve']) {
    const { player } = await joinGame(t.server.url, code, nickname);
    t.clients.push(player);
    seats[nickname] = player;
  }
  await ok(host.send('host:set-settings', { timerMinutes: null }));
  await ok(host.send('host:start', {}));
  await ok(host.send('host:next', {}));
  await seats.ada!.nextView((v) => v.phase === 'part1' && v.step === 'play', 'part 1');
  return { host, screen, seats };
}

describe('agree before you lock', () => {
  it('locks when the last online member agrees, and only the team ever sees the proposal', async () => {
    const { screen, seats } = await table();
    const { ada, bo, cy, eve } = seats as Record<string, TeamClient>;
    await ok(ada!.send('team:propose', { part: 1, value: 250 }));
    const seen = await cy!.nextView((v) => v.proposal?.value === 250, 'the proposal at a teammate');
    expect(seen.proposal).toMatchObject({ byNickname: 'ada', agreed: [{ nickname: 'ada' }] });
    await ok(cy!.send('team:agree', { part: 1, value: 250 }));
    await ada!.nextView((v) => v.proposal?.agreed.length === 2, 'two agree');
    expect(ada!.view.part1!.prediction).toBeNull(); // eve is online and has not agreed

    // eve leaves; the lock waits for an agreement, which now makes everyone online agree.
    eve!.close();
    await ada!.nextView((v) => v.team.members.some((m) => m.nickname === 'eve' && !m.online), 'eve offline');
    await ok(cy!.send('team:agree', { part: 1, value: 250 }));
    const locked = await ada!.nextView((v) => v.part1?.prediction === 250, 'the lock');
    expect(locked.part1!.lockedByNickname).toBe('cy');
    expect(locked.proposal).toBeNull();

    expect(bo!.views.every((v) => v.proposal === null)).toBe(true);
    expect(screen.views.every((v) => !JSON.stringify(v).includes('proposal'))).toBe(true);
  });

  it('refuses an agreement to a proposal that changed meanwhile', async () => {
    const { seats } = await table();
    await ok(seats.ada!.send('team:propose', { part: 1, value: 250 }));
    await ok(seats.eve!.send('team:propose', { part: 1, value: 90 }));
    expect(await seats.cy!.send('team:agree', { part: 1, value: 250 })).toMatchObject({ ok: false, code: 'proposal/changed' });
    expect(await seats.bo!.send('team:agree', { part: 1, value: 90 })).toMatchObject({ ok: false, code: 'proposal/none' });
  });
});
