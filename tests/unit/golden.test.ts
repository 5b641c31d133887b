import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../shared/sim/hash.js';
import { replay } from '../../shared/sim/replay.js';
import { leaderboard } from '../../shared/sim/scoring.js';
import type { GameConfig } from '../../shared/sim/state.js';

const golden = JSON.parse(readFileSync(new URL('./golden/game-log.json', import.meta.url), 'utf8')) as {
  config: GameConfig;
  log: unknown[];
};

describe('golden log', () => {
  it('replays to the pinned final state', () => {
    const state = replay(golden.config, golden.log);
    expect(state.version).toBe(35);
    expect([state.phase, state.step]).toEqual(['debrief', null]);
    expect(state.teams.map((t) => `${t.name}/${t.track}`)).toEqual([
      'Night Owls/cloud-titan',
      'Team 2/tiny-pioneer',
      'Team 3/mobile-nomad',
    ]);
    expect(state.players.filter((p) => p.kicked).map((p) => p.nickname)).toEqual(['Barbara']);
    // Capex $400k: N* = 64 (Cloud Titan), 34 (Tiny Pioneer), 39 (Mobile Nomad).
    expect(leaderboard(state).map((r) => [r.name, r.learning, r.total])).toEqual([
      ['Team 2', 99 + 50, 149],
      ['Night Owls', 90 + 50, 140],
      ['Team 3', 51, 51],
    ]);
    // A change to any rule that touches this log changes the hash: update it only on purpose.
    expect(stateHash(state)).toBe('00a615581e897b13');
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
