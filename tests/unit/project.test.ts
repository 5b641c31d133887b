import { describe, expect, it } from 'vitest';
import { HostViewSchema, ScreenViewSchema, TeamViewSchema } from '../../shared/protocol/views.js';
import { projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import { reduce } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import type { Action } from '../../shared/sim/actions.js';
import { join, kick, newGame } from '../support/actions.js';

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
