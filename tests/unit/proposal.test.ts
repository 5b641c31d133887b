// Agree before you lock: a member proposes the team's lock, teammates agree, and only that team sees it.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import { reduce } from '../../shared/sim/reducer.js';
import { applyAll, join, lock, newGame, next, outcome, player, reveal, start } from '../support/actions.js';

const propose = (playerId: string, value: number, part = 1): Action => ({ type: 'team/propose', by: player(playerId), part, value });
const agree = (playerId: string, value: number, part = 1): Action => ({ type: 'team/agree', by: player(playerId), part, value });

/** Four teams of two (team 1: p1 a1 and p5 a2), Part 1 in play. */
const inPlay = () => applyAll(newGame(), [...['a1', 'b1', 'c1', 'd1', 'a2', 'b2', 'c2', 'd2'].map((n) => join(n)), start(), next()]);
const everyone = { online: new Set(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']), screens: 1 };

describe('a team proposal', () => {
  it('shows the proposer and who agrees to the team, and clears when the team locks', () => {
    const proposed = applyAll(inPlay(), [propose('p1', 60)]);
    expect(projectTeam(proposed, 't1', everyone)!.proposal).toEqual({
      part: 1,
      value: 60,
      byId: 'p1',
      byNickname: 'a1',
      agreed: [{ id: 'p1', nickname: 'a1' }],
    });
    const agreed = applyAll(proposed, [agree('p5', 60)]);
    expect(projectTeam(agreed, 't1', everyone)!.proposal!.agreed.map((m) => m.nickname)).toEqual(['a1', 'a2']);
    const locked = applyAll(agreed, [lock('p5', 60)]);
    expect(locked.proposals).toEqual({});
    expect(projectTeam(locked, 't1', everyone)!.proposal).toBeNull();
  });

  it('is never in another team’s view, the screen’s or the host’s', () => {
    const state = applyAll(inPlay(), [propose('p1', 60), agree('p5', 60)]);
    for (const other of ['t2', 't3', 't4']) expect(projectTeam(state, other, everyone)!.proposal).toBeNull();
    expect(JSON.stringify(projectScreen(state))).not.toContain('proposal');
    expect('proposal' in projectHost(state, everyone)).toBe(false);
  });

  it('is replaced by a new proposal, which resets who agrees', () => {
    const state = applyAll(inPlay(), [propose('p1', 60), agree('p5', 60), propose('p5', 45)]);
    const view = projectTeam(state, 't1', everyone)!.proposal!;
    expect([view.value, view.byNickname, view.agreed.map((m) => m.id)]).toEqual([45, 'a2', ['p5']]);
  });

  it('refuses an agreement with no proposal, or with a value the proposal no longer has', () => {
    expect(outcome(reduce(inPlay(), agree('p5', 60)))).toBe('proposal/none');
    const state = applyAll(inPlay(), [propose('p1', 60), propose('p1', 70)]);
    expect(outcome(reduce(state, agree('p5', 60)))).toBe('proposal/changed');
    expect(outcome(reduce(state, agree('p5', 70)))).toBe('accepted');
    // A proposal of another team is not this team's: p2 sits in team 2.
    expect(outcome(reduce(state, agree('p2', 70)))).toBe('proposal/none');
  });

  it('follows the lock rules: in range, in play, before the lock', () => {
    expect(outcome(reduce(inPlay(), propose('p1', 0)))).toBe('lock/out-of-range');
    expect(outcome(reduce(inPlay(), propose('p1', 501)))).toBe('lock/out-of-range');
    const locked = applyAll(inPlay(), [lock('p1', 60)]);
    expect(outcome(reduce(locked, propose('p5', 70)))).toBe('lock/already-locked');
    const revealed = applyAll(inPlay(), [propose('p1', 60), reveal()]);
    expect(outcome(reduce(revealed, agree('p5', 60)))).toBe('phase/closed');
    expect(projectTeam(revealed, 't1', everyone)!.proposal).toBeNull();
  });

  it('left open when the part ends, is not shown in the next part', () => {
    const state = applyAll(inPlay(), [propose('p1', 60), reveal(), next(), next()]);
    expect(state.phase).toBe('part2');
    expect(projectTeam(state, 't1', everyone)!.proposal).toBeNull();
    expect(outcome(reduce(state, agree('p5', 60, 2)))).toBe('proposal/none');
  });
});
