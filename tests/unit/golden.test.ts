import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../shared/sim/hash.js';
import { replay } from '../../shared/sim/replay.js';
import { leaderboard } from '../../shared/sim/scoring.js';
import type { GameConfig } from '../../shared/sim/state.js';
import { part2Of, part3Of } from '../support/slices.js';

const golden = JSON.parse(readFileSync(new URL('./golden/game-log.json', import.meta.url), 'utf8')) as {
  config: GameConfig;
  log: unknown[];
};

describe('golden log', () => {
  it('replays to the pinned final state', () => {
    const state = replay(golden.config, golden.log);
    expect(state.version).toBe(78);
    expect([state.phase, state.step]).toEqual(['debrief', null]);
    expect(state.teams.map((t) => `${t.name}/${t.track}`)).toEqual([
      'Night Owls/cloud-titan',
      'Team 2/tiny-pioneer',
      'Team 3/mobile-nomad',
    ]);
    expect(state.players.filter((p) => p.kicked).map((p) => p.nickname)).toEqual(['Barbara']);
    // Part 1 at capex $400k: N* = 64 (Cloud Titan), 34 (Tiny Pioneer), 39 (Mobile Nomad).
    // Part 2: n* = 2995; Night Owls predicted 3000, promoted to 1 % as soon as its window's planned hours were
    // over, at 94.9 % (2,968 clean requests of 2,995: the clean window was watching on for the rest) — below its
    // 95 % target: −5 — and shipped a good candidate at 99.5 % (50 + 50, less shadow cost): 95; Team 2 predicted
    // 1000 and rolled back its bad candidate on 5 failures at its hour 2 (50 + 40): 90. Each team's clock
    // started with its run and held while its decision was due.
    // Part 3: Night Owls locked the right answer and upgraded behind a strict contract (97 ops: 16 h of a
    // second pipeline); Team 2 locked a wrong one, fell silently for 6 h after the domino, then rolled back
    // and refused the challenge without evidence (37); Team 3 never locked, so it scores nothing there (its
    // challenge, put at hour 3 with 150 seconds of play to answer — 60 simulated hours at the host's ×2 — was
    // still open, 112.5 s left, when the part ended at hour 18).
    expect(leaderboard(state).map((r) => [r.name, r.learning, r.ops, r.total])).toEqual([
      ['Night Owls', 90 + 50 + 100 + 50 + 100 + 50, 95 + 97, 632],
      ['Team 2', 99 + 50 + 52, 90 + 37, 328],
      ['Team 3', 51, 0, 51],
    ]);
    expect(part2Of(state)!.teams.t1!.runs.map((r) => r.outcome)).toEqual(['shipped']);
    expect(part2Of(state)!.teams.t2!.runs.map((r) => r.outcome)).toEqual(['rolled-back']);
    // The world drifted, aimed at hour 2 for 3 hours later, strikes at hour 5, inside the tick from 4 to 6.
    // In Part 3, the domino hits Team 2 at hour 2; the challenge, aimed at hour 2 for an hour later, at 3.
    expect(state.crises.map((c) => [c.id, c.part, c.at, c.fired])).toEqual([
      ['traffic-spike', 'part2', 2, true],
      ['world-drifted', 'part2', 5, true],
      ['dependency-domino', 'part3', 2, true],
      ['deploy-tonight', 'part3', 3, true],
    ]);
    const ledger = (teamId: string) => part3Of(state)!.teams[teamId]!.ledger.map((e) => `${e.at} ${e.kind}`);
    expect(ledger('t1')).toEqual(['0 policy', '0 check', '0 deploy', '0 retrain-start', '3 challenge', '4 answer', '12 retrain-done', '16 validated']);
    expect(ledger('t2')).toEqual(['2 auto-update', '3 challenge', '8 rollback', '8 answer']);
    expect(ledger('t3')).toEqual(['3 challenge']);
    expect(part3Of(state)!.teams.t3!.challenge).toMatchObject({ lapsed: false, secondsLeft: 150 - (18 - 3) / (0.2 * 2) });
    expect(part3Of(state)!.teams.t2!.silentHours).toBe(6);
    // A change to any rule that touches this log changes the hash: update it only on purpose. (Last changed
    // for rules v6: decisions record the requests watched and the target rate, and the clean shadow window that
    // ended 27 requests short now watches on (its team's later draws moved); the challenge's time to answer
    // became seconds of play (150 s, whatever the speed) instead of 12 simulated hours: Team 3's challenge no
    // longer lapses at hour 15, so its upstream stays on v1 and its ledger has no deadline entry; every score
    // above stayed. Before, for rules v5: per-team Part 2 clocks (a crisis records each team's hour it struck at), decisions recording
    // their evidence, the evidence-based ops score;
    // before, when the game state got `proposals` (agree before you lock), empty here: a change of shape only, every
    // score above stayed; before, when every fleet got its app-OS skew tools — slice monitors, remedies and
    // their toll — in its Part 2 state, also a change of shape; before, when Part 3 joined the game and this log
    // played it, and fleets got their monitoring.)
    expect(stateHash(state)).toBe('d429b7e1a70ae955');
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
