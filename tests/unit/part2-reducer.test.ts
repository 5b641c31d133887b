// Part 2 through the reducer: the clock, the teams' decisions, crises, and replay determinism.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { enterPart } from '../../shared/sim/flow.js';
import { stateHash } from '../../shared/sim/hash.js';
import { reduce, type ReduceResult } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import { AT, crisisAt, join, lock2, newGame, pause, player, promoteAs, rollbackAs, startRunAs, tick } from '../support/actions.js';

function applyAll(state: GameState, actions: Action[]): GameState {
  return actions.reduce((s, a) => {
    const r = reduce(s, a);
    if (!r.ok) throw new Error(`${a.type}: ${r.code}`);
    return r.state;
  }, state);
}
const code = (r: ReduceResult) => (r.ok ? 'accepted' : r.code);

/** Four teams, one per track, one player each (p1..p4), in Part 2's play step. */
function inPart2(): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  return { ...enterPart({ ...lobby, phase: 'briefing' }, 2, AT), version: lobby.version };
}

describe('Part 2 in the reducer', () => {
  it('opens the canary only after the team locked its prediction', () => {
    const state = inPart2();
    expect(code(reduce(state, startRunAs('p1')))).toBe('lock/required');
    expect(code(reduce(state, lock2('p1', 0)))).toBe('lock/out-of-range');
    const locked = applyAll(state, [lock2('p1', 3000), startRunAs('p1')]);
    expect(locked.part2!.teams.t1!.runs).toHaveLength(1);
  });

  it('advances every fleet with the clock, and refuses ticks while paused or from anyone but the server', () => {
    const running = applyAll(inPart2(), [lock2('p1', 3000), startRunAs('p1'), tick(1)]);
    expect(running.part2!.hours).toBe(1);
    expect(running.part2!.teams.t1!.runs[0]!.cohorts.some((c) => c.requests > 0)).toBe(true);
    expect(code(reduce(running, { ...tick(1), by: { role: 'host' } }))).toBe('auth/forbidden');
    expect(code(reduce(applyAll(running, [pause()]), tick(1)))).toBe('game/paused');
    expect(code(reduce(running, { ...startRunAs('p1'), by: { role: 'host' } }))).toBe('auth/forbidden');
  });

  it('lets the host aim crises now or later, at all, a track or a team', () => {
    const state = applyAll(inPart2(), [
      crisisAt('rollout-jitter', { kind: 'track', track: 'edge-guardian' }),
      crisisAt('traffic-spike', { kind: 'team', teamId: 't4' }, 2),
    ]);
    expect(state.part2!.teams.t2!.effects.jitter).toBe(true);
    expect(state.part2!.teams.t4!.effects.trafficMultiplier).toBe(1);
    const later = applyAll(state, [tick(1), tick(1), tick(1)]);
    expect(later.part2!.teams.t4!.effects.trafficMultiplier).toBe(3);
    expect(later.part2!.crises.map((c) => [c.id, c.fired])).toEqual([
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
    expect(a.part2!.teams.t3!.runs[0]!.outcome).toBe('shipped');
    expect(a.part2!.teams.t3!.runs[0]!.exposure).toBeGreaterThan(0); // two bad regions shipped
    expect(a.part2!.teams.t4!.runs[0]!.outcome).toBe('rolled-back');
  });
});
