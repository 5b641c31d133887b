import { describe, expect, it } from 'vitest';
import { CRISIS_IDS } from '../../shared/protocol/views.js';
import { ROLLOUT_JITTER } from '../../shared/sim/constants.js';
import { CRISES } from '../../shared/sim/crises/catalog.js';
import { effectsOf } from '../../shared/sim/crises/effects.js';
import { hits, strike, strikeDue } from '../../shared/sim/crises/fire.js';
import { blendOps } from '../../shared/sim/parts/part2/ops-blend.js';
import { baseCohortRates, cohortRates } from '../../shared/sim/parts/part2/truth.server.js';
import { resizeTeams } from '../../shared/sim/lobby.js';

const teams = resizeTeams([], 8); // two teams per track
const SEED = 7;

describe('crises', () => {
  it('hit all teams, one track or one team', () => {
    expect(teams.filter((t) => hits({ kind: 'all' }, t))).toHaveLength(8);
    expect(teams.filter((t) => hits({ kind: 'track', track: 'edge-guardian' }, t)).map((t) => t.id)).toEqual(['t2', 't6']);
    expect(teams.filter((t) => hits({ kind: 'team', teamId: 't3' }, t)).map((t) => t.id)).toEqual(['t3']);
  });

  it('change the hidden truth of the teams they hit, and only those', () => {
    const jitter = { id: 'rollout-jitter', target: { kind: 'track', track: 'edge-guardian' }, part: 'part2', at: 0, fired: false } as const;
    const struck = strike({ teams, crises: [], effects: {} }, jitter, 0);
    const base = baseCohortRates(SEED, 'edge-guardian');
    // Rollout jitter stalls 2 % of gen 1's frames past the 10 ms loop: each of them is a failure.
    const stalled = ROLLOUT_JITTER.tailShare;
    expect(cohortRates(base, effectsOf(struck, 't2'))[2]).toBeCloseTo(base[2]! + stalled * (1 - base[2]!), 5);
    expect(cohortRates(base, effectsOf(struck, 't2')).slice(0, 2)).toEqual(base.slice(0, 2));
    expect(cohortRates(base, effectsOf(struck, 't1'))).toEqual(base);
    expect(struck.crises).toEqual([{ ...jitter, fired: true }]);
  });

  it('strike at their scheduled simulated hour', () => {
    const spike = { id: 'traffic-spike', target: { kind: 'all' }, part: 'part2', at: 10, fired: false } as const;
    const state = { teams, crises: [spike], effects: {} };
    expect(strikeDue(state, 'part2', 9).crises[0]!.fired).toBe(false);
    const fired = strikeDue(state, 'part2', 10);
    expect(fired.crises[0]!.fired).toBe(true);
    expect(effectsOf(fired, 't4')).toMatchObject({ trafficMultiplier: 3, trafficUntil: 22 });
  });

  it('form a catalog with one module per crisis id of the protocol', () => {
    expect(CRISES.map((c) => c.id).sort()).toEqual([...CRISIS_IDS].sort());
    // Each speaks in the track stakeholder's voice, but for the challenge, which the software lead puts.
    for (const crisis of CRISES) {
      expect(crisis.voice('edge-guardian')).toMatch(crisis.id === 'deploy-tonight' ? /^Software lead: "/ : /^Safety Lead: "/);
    }
  });
});

describe('the Part 2 ops score (its canary cases: part2-ops-score.test.ts)', () => {
  it('blends the canary with the outcome of each crisis that judges the team’s tools, by weight', () => {
    expect(blendOps(73, [])).toBe(73);
    expect(blendOps(70, [{ weight: 0.4, score: 20 }])).toBe(Math.round(0.6 * 70 + 0.4 * 20));
    // Two such crises (an alert storm and an app-OS skew) take their weights; the canary keeps the rest.
    expect(blendOps(70, [{ weight: 0.4, score: 20 }, { weight: 0.4, score: 90 }])).toBe(Math.round(0.2 * 70 + 0.4 * 20 + 0.4 * 90));
    expect(blendOps(100, [{ weight: 0.4, score: 100 }, { weight: 0.4, score: 100 }])).toBe(100);
  });
});
