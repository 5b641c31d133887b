import { describe, expect, it } from 'vitest';
import { HostViewSchema, ScreenViewSchema, TeamViewSchema } from '../../shared/protocol/views.js';
import { projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import { reduce } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import type { Action } from '../../shared/sim/actions.js';
import { diff } from '../../shared/protocol/patch.js';
import { enterPart } from '../../shared/sim/flow.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import { AT, applyAll, crisisAt, join, kick, lock2, lockRoom, newGame, startRunAs, tick } from '../support/actions.js';

function game(): GameState {
  const actions: Action[] = [join('ada', 'S-1'), join('bob', 'S-2'), join('cy', 'S-3'), join('dee', 'S-4'), join('eve', 'S-5'), kick('p5')];
  return actions.reduce((s, a) => {
    const r = reduce(s, a);
    if (!r.ok) throw new Error(r.code);
    return r.state;
  }, newGame({ askStudentId: true }));
}

const presence = { online: new Set(['p1', 'p3']), screens: 2 };

describe('views per audience', () => {
  it('gives a team its own roster with presence, and nothing private of anyone', () => {
    const state = game();
    const view = projectTeam(state, 't1', presence)!;
    expect(TeamViewSchema.parse(view)).toEqual(view);
    expect(view.team.members).toEqual([{ id: 'p1', nickname: 'ada', online: true }]);
    const text = JSON.stringify(view);
    for (const player of state.players) expect(text).not.toContain(player.tokenHash);
    expect(text).not.toMatch(/S-\d/);
    expect(text).not.toContain('eve');
    expect(text).not.toContain('"seed"');
  });

  it('gives the screen public aggregates only', () => {
    const state = game();
    const view = projectScreen(state);
    expect(ScreenViewSchema.parse(view)).toEqual(view);
    expect(view.playerCount).toBe(4);
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/S-\d/);
    expect(text).not.toContain('tokenHash');
    expect(text).not.toContain('online');
    expect(text).not.toContain('eve');
  });

  it('gives the host everything, student ids and kicked players included, but never a token hash', () => {
    const state = game();
    const view = projectHost(state, presence);
    expect(HostViewSchema.parse(view)).toEqual(view);
    expect(view.teams[0]!.members[0]).toEqual({ id: 'p1', nickname: 'ada', online: true, studentId: 'S-1' });
    expect(view.kicked).toEqual([{ id: 'p5', nickname: 'eve' }]);
    expect([view.playerCount, view.onlineCount, view.screenCount]).toEqual([4, 2, 2]);
    expect(JSON.stringify(view)).not.toContain('tokenHash');
  });

  it('has no view for a team that does not exist', () => {
    expect(projectTeam(game(), 't9', presence)).toBeNull();
  });
});

describe('part views across room-wide changes', () => {
  function inPart2Running(): GameState {
    const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
    const state = { ...enterPart({ ...lobby, phase: 'briefing' }, part2, AT), version: lobby.version };
    return applyAll(state, [...['p1', 'p2', 'p3', 'p4'].map((p) => lock2(p, 3000)), startRunAs('p1'), tick(6)]);
  }

  it('are the same values after a lock of the room, so the diff sends only what changed', () => {
    const before = inPart2Running();
    const after = applyAll(before, [lockRoom(true)]);
    const views = (s: GameState) => [projectHost(s, presence), projectScreen(s), ...s.teams.map((t) => projectTeam(s, t.id, presence)!)];
    const [was, now] = [views(before), views(after)];
    now.forEach((view, i) => expect(view.part2).toBe(was[i]!.part2));
    expect(diff(was[2], now[2])).toEqual([
      ['s', ['version'], after.version],
      ['s', ['roomLocked'], true],
    ]);
  });

  it('are projected again when what they read changes: the slice, a crisis, the roster', () => {
    const before = inPart2Running();
    const fresh = (state: GameState) => structuredClone(state);
    const started = applyAll(before, [startRunAs('p2')]);
    expect(projectTeam(started, 't2', presence)!.part2).not.toEqual(projectTeam(before, 't2', presence)!.part2);
    for (const changed of [started, applyAll(before, [crisisAt('alert-storm', { kind: 'all' })]), applyAll(before, [join('zed')])]) {
      expect(projectHost(changed, presence).part2).toEqual(projectHost(fresh(changed), presence).part2);
      expect(projectScreen(changed).part2).toEqual(projectScreen(fresh(changed)).part2);
      for (const team of changed.teams) {
        expect(projectTeam(changed, team.id, presence)!.part2).toEqual(projectTeam(fresh(changed), team.id, presence)!.part2);
      }
    }
  });
});
