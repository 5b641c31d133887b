// Part 2 through the reducer: the clock, the teams' decisions, crises, and replay determinism.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { enterPart } from '../../shared/sim/flow.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import { stateHash } from '../../shared/sim/hash.js';
import { NOBODY_ONLINE, projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import { reduce } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import { effectsOf } from '../../shared/sim/crises/effects.js';
import { part2Of } from '../support/slices.js';
import { AT, crisisAt, join, lock2, newGame, pause, player, promoteAs, rollbackAs, startRunAs, tick, applyAll, outcome } from '../support/actions.js';

const code = outcome;

/** Four teams, one per track, one player each (p1..p4), in Part 2's play step. */
function inPart2(): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  return { ...enterPart({ ...lobby, phase: 'briefing' }, part2, AT), version: lobby.version };
}

describe('Part 2 in the reducer', () => {
  it('opens the canary only after the team locked its prediction', () => {
    const state = inPart2();
    expect(code(reduce(state, startRunAs('p1')))).toBe('lock/required');
    expect(code(reduce(state, lock2('p1', 0)))).toBe('lock/out-of-range');
    const locked = applyAll(state, [lock2('p1', 3000), startRunAs('p1')]);
    expect(part2Of(locked)!.teams.t1!.runs).toHaveLength(1);
  });

  it('advances every fleet with the clock, and refuses ticks while paused or from anyone but the server', () => {
    const running = applyAll(inPart2(), [lock2('p1', 3000), startRunAs('p1'), tick(1)]);
    expect(part2Of(running)!.hours).toBe(1);
    expect(part2Of(running)!.teams.t1!.runs[0]!.cohorts.some((c) => c.requests > 0)).toBe(true);
    expect(code(reduce(running, { ...tick(1), by: { role: 'host' } }))).toBe('auth/forbidden');
    expect(code(reduce(applyAll(running, [pause()]), tick(1)))).toBe('game/paused');
    expect(code(reduce(running, { ...startRunAs('p1'), by: { role: 'host' } }))).toBe('auth/forbidden');
  });

  it('lets the host aim crises now or later, at all, a track or a team', () => {
    const state = applyAll(inPart2(), [
      crisisAt('rollout-jitter', { kind: 'track', track: 'edge-guardian' }),
      crisisAt('traffic-spike', { kind: 'team', teamId: 't4' }, 2),
    ]);
    expect(effectsOf(state, 't2').jitter).toBe(true);
    expect(effectsOf(state, 't4').trafficMultiplier).toBe(1);
    const later = applyAll(state, [tick(1), tick(1), tick(1)]);
    expect(effectsOf(later, 't4').trafficMultiplier).toBe(3);
    expect(later.crises.map((c) => [c.id, c.fired])).toEqual([
      ['rollout-jitter', true],
      ['traffic-spike', true],
    ]);
    expect(code(reduce(state, crisisAt('world-drifted', { kind: 'team', teamId: 't9' })))).toBe('team/unknown');
    expect(code(reduce(state, { ...crisisAt('world-drifted', { kind: 'all' }), by: player('p1') }))).toBe('auth/forbidden');
  });

  it('replays to the same fleets, exposures and hash from the same actions', () => {
    const actions: Action[] = [
      lock2('p3', 2995),
      startRunAs('p3', { shadowFraction: 0.2 }),
      tick(1),
      promoteAs('p3'),
      promoteAs('p3'),
      tick(2),
      crisisAt('traffic-spike', { kind: 'all' }),
      promoteAs('p3'),
      promoteAs('p3'),
      promoteAs('p3'),
      tick(3),
      lock2('p4', 500),
      startRunAs('p4', { cohortMode: 'stratified', sprt: true, confidence: 0.9, rate: 0.002 }),
      tick(4),
      rollbackAs('p4'),
      tick(1),
    ];
    const a = applyAll(inPart2(), actions);
    const b = applyAll(inPart2(), actions);
    expect(stateHash(a)).toBe(stateHash(b));
    expect(part2Of(a)!.teams.t3!.runs[0]!.outcome).toBe('shipped');
    expect(part2Of(a)!.teams.t3!.runs[0]!.exposure).toBeGreaterThan(0); // two bad regions shipped
    expect(part2Of(a)!.teams.t4!.runs[0]!.outcome).toBe('rolled-back');
  });
});

describe('what each audience sees of Part 2', () => {
  const played = () =>
    applyAll(inPart2(), [
      lock2('p2', 46050),
      startRunAs('p2', { confidence: 0.99, rate: 1e-4, shadowFraction: 0.8, cohortMode: 'stratified' }),
      tick(2),
      crisisAt('rollout-jitter', { kind: 'track', track: 'edge-guardian' }),
    ]);

  it('gives a team its fleet only after its lock, and never the hidden rates', () => {
    const state = played();
    expect(projectTeam(state, 't1', NOBODY_ONLINE)!.part2!.fleet).toBeNull();
    const edgeView = projectTeam(state, 't2', NOBODY_ONLINE)!;
    const edge = edgeView.part2!;
    expect(edge.fleet!.runs[0]!.cohorts!.map((c) => c.covered)).toEqual([true, true, false]);
    expect(edgeView.crises.map((c) => c.title)).toEqual(['Rollout jitter']);
    expect(edgeView.crises[0]!.text).toMatch(/Safety Lead/);
    const text = JSON.stringify(projectTeam(state, 't2', NOBODY_ONLINE));
    expect(text).not.toMatch(/"truth"|"rate":0\.00[0-9]{3,}/);
    expect(JSON.stringify(projectScreen(state))).not.toMatch(/"truth"|46050/);
  });

  it('gives the host the hidden rates, after crises', () => {
    const view = projectHost(played(), NOBODY_ONLINE);
    const host = view.part2!;
    const edge = host.teams[1]!;
    expect(edge.truth.map((t) => t.bad)).toEqual([false, false, true]);
    expect(view.crises).toEqual([{ id: 'rollout-jitter', target: 'edge-guardian', part: 'part2', at: 2, fired: true }]);
    expect(host.actual).toBe(2995);
  });
});
