import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../shared/sim/hash.js';
import { replay } from '../../shared/sim/replay.js';
import { leaderboard } from '../../shared/sim/scoring.js';
import type { GameConfig } from '../../shared/sim/state.js';
import { part2Of } from '../support/slices.js';

const golden = JSON.parse(readFileSync(new URL('./golden/game-log.json', import.meta.url), 'utf8')) as {
  config: GameConfig;
  log: unknown[];
};

describe('golden log', () => {
  it('replays to the pinned final state', () => {
    const state = replay(golden.config, golden.log);
    expect(state.version).toBe(56);
    expect([state.phase, state.step]).toEqual(['debrief', null]);
    expect(state.teams.map((t) => `${t.name}/${t.track}`)).toEqual([
      'Night Owls/cloud-titan',
      'Team 2/tiny-pioneer',
      'Team 3/mobile-nomad',
    ]);
    expect(state.players.filter((p) => p.kicked).map((p) => p.nickname)).toEqual(['Barbara']);
    // Part 1 at capex $400k: N* = 64 (Cloud Titan), 34 (Tiny Pioneer), 39 (Mobile Nomad).
    // Part 2: n* = 2995; Night Owls predicted 3000 and shipped a good candidate in 6 simulated hours;
    // Team 2 predicted 1000 and rolled back its bad candidate after 4 hours.
    expect(leaderboard(state).map((r) => [r.name, r.learning, r.ops, r.total])).toEqual([
      ['Night Owls', 90 + 50 + 100 + 50, 84, 374],
      ['Team 2', 99 + 50 + 52, 74, 275],
      ['Team 3', 51, 0, 51],
    ]);
    expect(part2Of(state)!.teams.t1!.runs.map((r) => r.outcome)).toEqual(['shipped']);
    expect(part2Of(state)!.teams.t2!.runs.map((r) => r.outcome)).toEqual(['rolled-back']);
    // The world drifted, aimed at hour 2 for 3 hours later, strikes at hour 5, inside the tick from 4 to 6.
    expect(state.crises.map((c) => [c.id, c.at, c.fired])).toEqual([
      ['traffic-spike', 2, true],
      ['world-drifted', 5, true],
    ]);
    // A change to any rule that touches this log changes the hash: update it only on purpose. (Last changed
    // when a tick began to split at a crisis due inside it; before, when parts became slices of `state.parts`.)
    expect(stateHash(state)).toBe('1af4d9ddd42e46ed');
  });

  it('replays identically every time', () => {
    expect(stateHash(replay(golden.config, golden.log))).toBe(stateHash(replay(golden.config, golden.log)));
  });

  it('refuses a corrupt log instead of silently skipping an entry', () => {
    const corrupt = [...golden.log, { type: 'host/kick', by: { role: 'host' }, playerId: 'p4' }];
    expect(() => replay(golden.config, corrupt)).toThrow(/refused on replay: player\/kicked/);
    const early = [{ type: 'team/lock-prediction', by: { role: 'player', playerId: 'p1' }, part: 1, value: 9 }];
    expect(() => replay(golden.config, early)).toThrow(/phase\/closed/);
    expect(() => replay(golden.config, [{ type: 'nope' }])).toThrow();
  });
});

describe('stateHash', () => {
  it('ignores key order and sees every value', () => {
    expect(stateHash({ a: 1, b: [1, 2] })).toBe(stateHash({ b: [1, 2], a: 1 }));
    expect(stateHash({ a: 1 })).not.toBe(stateHash({ a: 2 }));
  });
});
