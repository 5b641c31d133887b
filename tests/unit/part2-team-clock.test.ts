// Part 2's clock must not punish talking (GAME.md §5): each team's simulated clock starts with its first run and
// holds while a run waits on a decision; crises strike each team at its own hour.
import { describe, expect, it } from 'vitest';
import { effectsOf } from '../../shared/sim/crises/effects.js';
import { enterPart } from '../../shared/sim/flow.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import { NOBODY_ONLINE, projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import type { GameState } from '../../shared/sim/state.js';
import { AT, applyAll, crisisAt, join, lock2, newGame, player, startRunAs, tick } from '../support/actions.js';
import { part2Of } from '../support/slices.js';

function inPart2(): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  const state = { ...enterPart({ ...lobby, phase: 'briefing' }, part2, AT), version: lobby.version };
  return applyAll(state, ['p1', 'p2', 'p3', 'p4'].map((p) => lock2(p, 3000)));
}
const fleet = (state: GameState, teamId = 't1') => part2Of(state)!.teams[teamId]!;
const teamView = (state: GameState, teamId = 't1') => projectTeam(state, teamId, NOBODY_ONLINE)!.part2!;

describe('each team’s own Part 2 clock', () => {
  it('stands before the team’s first run, while the part’s clock runs', () => {
    const state = applyAll(inPart2(), [tick(5)]);
    expect(part2Of(state)!.hours).toBe(5);
    expect(fleet(state).hours).toBe(0);
    expect(teamView(state)).toMatchObject({ hours: 0, clock: 'not-started' });
  });

  it('runs from the first run, stops where the window ends and holds while the decision is due', () => {
    // Cloud Titan at f = 0.5: n* = 2995 clean requests at 10,000 an hour, a window of 0.2995 h.
    const running = applyAll(inPart2(), [tick(3), startRunAs('p1')]);
    expect(fleet(running).runs[0]!.startedAt).toBe(0);
    const held = applyAll(running, [tick(2)]);
    const run = fleet(held).runs[0]!;
    expect(run.outcome).toBe('holding');
    expect(fleet(held).hours).toBeCloseTo(0.2995, 9);
    expect(teamView(held).clock).toBe('held');
    // An hour of discussion later, nothing moved: no evidence, no cost, no hour.
    const talked = applyAll(held, [tick(1), tick(1), tick(1)]);
    expect(fleet(talked).hours).toBe(fleet(held).hours);
    expect(fleet(talked).runs[0]).toEqual(run);
    // Extending sets it running again.
    const extended = applyAll(talked, [{ type: 'team/extend', by: player('p1') }, tick(0.1)]);
    expect(fleet(extended).hours).toBeCloseTo(0.3995, 9);
    expect(teamView(extended).clock).toBe('running');
  });

  it('strikes a crisis at each team’s own hour, and the projector and host show each team’s hours', () => {
    const state = applyAll(inPart2(), [startRunAs('p1'), startRunAs('p2', { confidence: 0.99, rate: 1e-4, shadowFraction: 0.5 }), tick(0.25)]);
    const spiked = applyAll(state, [crisisAt('traffic-spike', { kind: 'all' })]);
    expect(effectsOf(spiked, 't1').trafficUntil).toBeCloseTo(0.25 + 12, 9);
    expect(effectsOf(spiked, 't3').trafficUntil).toBe(12); // no run yet: its clock reads 0
    const later = applyAll(spiked, [tick(1)]);
    const tiles = projectScreen(later).part2!.tiles;
    expect(tiles.map((t) => [t.teamId, t.clock])).toEqual([['t1', 'held'], ['t2', 'running'], ['t3', 'not-started'], ['t4', 'not-started']]);
    expect(tiles[1]!.hours).toBeCloseTo(1.25, 9);
    const host = projectHost(later, NOBODY_ONLINE).part2!;
    expect(host.hours).toBeCloseTo(1.25, 9);
    expect(host.teams.map((t) => t.hours)).toEqual(tiles.map((t) => t.hours));
  });

  it('sends the clean-request count behind the Confidence Clock', () => {
    const state = applyAll(inPart2(), [startRunAs('p1'), tick(2)]);
    const run = teamView(state).fleet!.runs[0]!;
    expect(run.clean).toBe(fleet(state).runs[0]!.pooledClean);
    expect(run.confidence).toBeCloseTo(1 - 0.999 ** run.clean, 12);
  });
});
