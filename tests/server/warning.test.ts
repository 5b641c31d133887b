// The host's 30-second warning before a reveal (issue 10) over real sockets: only the host's console (host or
// co-host) may give it, only during a part's play step and not while paused, never twice at once; every
// audience's view carries its deadline, a pause stops it, and the reveal clears it.
import { describe, expect, it } from 'vitest';
import type { HostView, ScreenView, TeamView } from '../../shared/protocol/views.js';
import { WARNING_MS } from '../../shared/sim/flow.js';
import { TestClient, createGame, joinGame } from '../support/client.js';
import { useTestServer } from '../support/server.js';

const t = useTestServer();
const track = t.track;

describe('host/warn', () => {
  it('counts 30 s down on every phone and the projector, refuses what it must, and ends with the reveal', async () => {
    const { url } = t.server;
    const created = await createGame(url);
    const host = track(created.host);
    const { player } = await joinGame(url, created.code, 'Ada');
    track(player);
    const screen = track(await TestClient.connect<ScreenView>(url, { role: 'screen', code: created.code }));
    const teamPlayer = player as TestClient<TeamView>;

    // Not a player's to give, nor a malformed one, nor outside a part's play step.
    expect(await teamPlayer.send('host:warn' as never, {} as never)).toMatchObject({ ok: false, code: 'auth/forbidden' });
    expect(await host.send('host:warn', { seconds: 5 } as never)).toMatchObject({ ok: false, code: 'intent/invalid' });
    expect(await host.send('host:warn', {})).toMatchObject({ ok: false, code: 'phase/closed' });
    await host.send('host:start', {});
    expect(await host.send('host:warn', {})).toMatchObject({ ok: false, code: 'phase/closed' });
    await host.send('host:next', {});
    await host.nextView((v) => v.phase === 'part1' && v.step === 'play', 'Part 1 play');

    // A co-host gives it as well as the host.
    const recovered = await track(await TestClient.connect(url, { role: 'guest' })).send('game:recover', { code: created.code, secret: created.cohostToken });
    if (!recovered.ok) throw new Error('co-host link refused');
    const cohost = track(await TestClient.connect<HostView>(url, { role: 'host', code: created.code, token: recovered.token }));
    expect(await cohost.send('host:warn', {})).toMatchObject({ ok: true });
    for (const client of [teamPlayer, screen, host] as TestClient<TeamView | ScreenView | HostView>[]) {
      const view = await client.nextView((v) => v.warning !== null, 'the warning');
      expect(view.warning).toMatchObject({ durationMs: WARNING_MS, remainingMs: WARNING_MS, expired: false });
      expect(view.warning?.runningSince).toEqual(expect.any(Number));
    }
    expect(await host.send('host:warn', {})).toMatchObject({ ok: false, code: 'warning/running' });

    // A pause stops the countdown; while paused no new one starts; a resume goes on.
    await host.send('host:pause', {});
    const paused = await teamPlayer.nextView((v) => v.paused, 'paused');
    expect(paused.warning?.runningSince).toBeNull();
    expect(paused.warning?.remainingMs).toBeLessThanOrEqual(WARNING_MS);
    expect(await host.send('host:warn', {})).toMatchObject({ ok: false, code: 'game/paused' });
    await host.send('host:resume', {});
    expect((await teamPlayer.nextView((v) => !v.paused, 'resumed')).warning?.runningSince).toEqual(expect.any(Number));

    // The reveal ends it: the warning belongs to the play step.
    await host.send('host:reveal', {});
    const revealed = await teamPlayer.nextView((v) => v.step === 'reveal', 'the reveal');
    expect(revealed.warning).toBeNull();
    expect(await host.send('host:warn', {})).toMatchObject({ ok: false, code: 'phase/closed' });
  });
});
