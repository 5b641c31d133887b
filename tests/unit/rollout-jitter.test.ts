// Rollout jitter (GAME.md §7, Edge Guardian's crisis) as latency per hardware cohort: the candidate's p99 on the
// oldest hardware goes from about 9 ms to 100 ms against the 10 ms loop, and every frame past the loop is a
// failure. What a team reads of it (only where its run measures latency: never gen 1 in shadow mode), what a
// pooled canary hides, what the projector and the host see.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { CANARY_TRACKS, ROLLOUT_JITTER } from '../../shared/sim/constants.js';
import { NO_EFFECTS, effectsOf } from '../../shared/sim/crises/effects.js';
import { crisisById } from '../../shared/sim/crises/catalog.js';
import { enterPart } from '../../shared/sim/flow.js';
import { normalTail, normalTailInverse } from '../../shared/sim/normal.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import { latencyQuantile, pooledMix, shareAbove, sigmaForShareAbove } from '../../shared/sim/parts/part2/latency/model.js';
import { cohortLatency } from '../../shared/sim/parts/part2/latency/truth.server.js';
import { plannedShadowHours } from '../../shared/sim/parts/part2/run.js';
import { baseCohortRates, cohortRates, isBadCohort } from '../../shared/sim/parts/part2/truth.server.js';
import { NOBODY_ONLINE, projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import type { GameState } from '../../shared/sim/state.js';
import { TRACK_IDS } from '../../shared/sim/tracks.js';
import { AT, applyAll, crisisAt, join, lock2, newGame, promoteAs, rollbackAs, startRunAs, tick } from '../support/actions.js';
import { part2Of } from '../support/slices.js';

const BUDGET = CANARY_TRACKS['edge-guardian'].latencyBudgetMs;
const JITTER = { ...NO_EFFECTS, jitter: true };
const SEEDS = [1, 2, 3, 7, 99, 20261128];

describe('the latency arithmetic', () => {
  it('inverts the normal tail', () => {
    for (const p of [0.5, 0.01, 1e-3, 1e-6]) expect(normalTail(normalTailInverse(p)) / p).toBeCloseTo(1, 6);
    expect(normalTailInverse(0.01)).toBeCloseTo(2.3263479, 6);
  });

  it('reads a log-normal p99 in closed form, and a mixture’s between its parts', () => {
    const body = { weight: 1, medianMs: 4, sigma: 0.2 };
    expect(latencyQuantile([body], 0.99)).toBeCloseTo(4 * Math.exp(0.2 * 2.3263479), 5);
    const mix = [
      { ...body, weight: 0.98 },
      { weight: 0.02, medianMs: 100, sigma: 0.5 },
    ];
    // Half the stalled 2 % lies past its median: exactly 1 % of the frames are slower than 100 ms.
    expect(latencyQuantile(mix, 0.99)).toBeCloseTo(100, 3);
    expect(shareAbove(mix, latencyQuantile(mix, 0.99))).toBeCloseTo(0.01, 9);
    expect(sigmaForShareAbove(6, 10, 1 / 500)).toBeCloseTo(Math.log(10 / 6) / normalTailInverse(1 / 500), 12);
  });
});

describe('the hidden latency of the candidate', () => {
  it('never misses a budget more often than its cohort fails, on every track', () => {
    for (const seed of SEEDS) {
      for (const track of TRACK_IDS) {
        const base = baseCohortRates(seed, track);
        const mixes = cohortLatency(track, base, NO_EFFECTS);
        mixes.forEach((mix, i) => expect(shareAbove(mix, CANARY_TRACKS[track].latencyBudgetMs)).toBeLessThanOrEqual(base[i]! * (1 + 1e-6)));
      }
    }
  });

  it('puts gen 1 right against the 10 ms loop: a p99 near 9 ms, its 1-in-500 failures all late frames', () => {
    for (const seed of SEEDS) {
      const base = baseCohortRates(seed, 'edge-guardian');
      const [gen3, gen2, gen1] = cohortLatency('edge-guardian', base, NO_EFFECTS);
      expect(latencyQuantile(gen1!, 0.99)).toBeGreaterThan(8.5);
      expect(latencyQuantile(gen1!, 0.99)).toBeLessThan(BUDGET);
      expect(shareAbove(gen1!, BUDGET) / base[2]!).toBeCloseTo(1, 6);
      expect(latencyQuantile(gen2!, 0.99)).toBeLessThan(7);
      expect(latencyQuantile(gen3!, 0.99)).toBeLessThan(latencyQuantile(gen2!, 0.99));
    }
  });

  it('under jitter: gen 1’s p99 is 100 ms, its failure rate is its share of frames past 10 ms, and nothing else changes', () => {
    for (const seed of SEEDS) {
      const base = baseCohortRates(seed, 'edge-guardian');
      const mixes = cohortLatency('edge-guardian', base, JITTER);
      const rates = cohortRates(base, JITTER);
      expect(latencyQuantile(mixes[2]!, 0.99)).toBeCloseTo(100, 1);
      expect(rates[2]! / shareAbove(mixes[2]!, BUDGET)).toBeCloseTo(1, 4);
      expect(rates[2]).toBeGreaterThan(base[2]! + 0.019); // about 1 in 46 instead of 1 in 500
      expect(rates.slice(0, 2)).toEqual(base.slice(0, 2));
      expect(mixes.slice(0, 2)).toEqual(cohortLatency('edge-guardian', base, NO_EFFECTS).slice(0, 2));
      expect(rates.map((r) => isBadCohort('edge-guardian', r))).toEqual([false, false, true]);
    }
  });

  it('hides in a pooled p99: the whole fleet’s stays under the loop while gen 1’s is 100 ms', () => {
    const base = baseCohortRates(7, 'edge-guardian');
    const mixes = cohortLatency('edge-guardian', base, JITTER);
    const pooled = pooledMix(CANARY_TRACKS['edge-guardian'].cohorts.map((c, i) => ({ traffic: c.share, mix: mixes[i]! })));
    expect(latencyQuantile(pooled, 0.99)).toBeLessThan(BUDGET);
    expect(shareAbove(pooled, BUDGET)).toBeGreaterThan(0.004); // 40 × the 1-in-10,000 target, all on gen 1
  });

  it('stalls the last cohort of any fleet the same way, ten budgets out', () => {
    for (const track of TRACK_IDS) {
      const base = baseCohortRates(3, track);
      const last = cohortLatency(track, base, JITTER).at(-1)!;
      expect(latencyQuantile(last, 0.99) / CANARY_TRACKS[track].latencyBudgetMs).toBeCloseTo(ROLLOUT_JITTER.tailMedianBudgets, 1);
      expect(isBadCohort(track, cohortRates(base, JITTER).at(-1)!)).toBe(true);
    }
  });
});

describe('shadow mode on Edge Guardian', () => {
  it('cannot reach gen 1, so at the cap f = 0.8 the window is 119.9 h random and 319.8 h stratified', () => {
    const cohorts = CANARY_TRACKS['edge-guardian'].cohorts.map((c) => ({ id: c.id, requests: 0, failures: 0, clean: 0, excluded: false }));
    const config = { confidence: 0.99, rate: 1e-4, shadowFraction: 0.8, cohortMode: 'random', sprt: false } as const;
    expect(CANARY_TRACKS['edge-guardian'].cohorts.map((c) => c.shadow)).toEqual([true, true, false]);
    expect(plannedShadowHours('edge-guardian', config, { cohorts })).toBeCloseTo(46_050 / (600 * 0.8 * 0.8), 9);
    expect(plannedShadowHours('edge-guardian', { ...config, cohortMode: 'stratified' }, { cohorts })).toBeCloseTo(46_050 / (600 * 0.3 * 0.8), 9);
    expect(46_050 / (600 * 0.8 * 0.8)).toBeCloseTo(119.9, 1);
    expect(46_050 / (600 * 0.3 * 0.8)).toBeCloseTo(319.8, 1);
  });
});

/** Four teams, one per track (t2 Edge Guardian, player p2), in Part 2's play step, all locked. */
function inPart2(): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  const state = { ...enterPart({ ...lobby, phase: 'briefing' }, part2, AT), version: lobby.version };
  return applyAll(state, ['p1', 'p2', 'p3', 'p4'].map((p) => lock2(p, 3000)));
}
const EDGE_RUN = { confidence: 0.99, rate: 1e-4, shadowFraction: 0.8 } as const;
const jitterEdge = crisisAt('rollout-jitter', { kind: 'track', track: 'edge-guardian' });
const edgeRun = (state: GameState) => projectTeam(state, 't2', NOBODY_ONLINE)!.part2!.fleet!.runs.at(-1)!;
const edgeTile = (state: GameState) => projectScreen(state).part2!.tiles[1]!;

describe('rollout jitter through the reducer', () => {
  const stratified = (...after: Action[]) => applyAll(inPart2(), [startRunAs('p2', { ...EDGE_RUN, cohortMode: 'stratified' }), tick(1), ...after]);

  it('reads p99 per cohort in shadow mode, and says gen 1 has no evidence there, before and after the strike', () => {
    for (const state of [stratified(), stratified(jitterEdge, tick(1))]) {
      const cohorts = edgeRun(state).cohorts!;
      expect(cohorts.map((c) => c.latency)).toEqual(['shadow', 'shadow', 'no-shadow']);
      expect(cohorts[0]!.p99Ms).toBeLessThan(BUDGET);
      expect(cohorts[1]!.p99Ms).toBeLessThan(BUDGET);
      expect(cohorts[2]!.p99Ms).toBeNull();
    }
    expect(projectTeam(stratified(), 't2', NOBODY_ONLINE)!.part2!.fleet!.spec.latencyBudgetMs).toBe(10);
  });

  it('shows the 100 ms tail as soon as the 1 % stage reaches gen 1, and only there', () => {
    const before = stratified(promoteAs('p2'), tick(1));
    expect(edgeRun(before).cohorts![2]).toMatchObject({ latency: 'live' });
    expect(edgeRun(before).cohorts![2]!.p99Ms).toBeLessThan(BUDGET);
    const struck = applyAll(before, [jitterEdge, tick(1)]);
    const cohorts = edgeRun(struck).cohorts!;
    expect(cohorts[2]!.p99Ms).toBeCloseTo(100, 0);
    expect(cohorts[0]!.p99Ms).toBe(edgeRun(before).cohorts![0]!.p99Ms);
    // The projector's tile shows what the team reads; the banner speaks for the Safety Lead.
    expect(edgeTile(struck).latency).toMatchObject({ jitter: true, budgetMs: 10, rolledBack: [] });
    expect(edgeTile(struck).latency.p99Ms).toBeCloseTo(100, 0);
    expect(edgeTile(before).latency.jitter).toBe(false);
    expect(projectTeam(struck, 't2', NOBODY_ONLINE)!.crises[0]!.text).toMatch(/^Safety Lead: ".*100 ms latency tail/);
  });

  it('hides the tail from a random canary: its pooled p99 stays under the loop', () => {
    const state = applyAll(inPart2(), [startRunAs('p2', { ...EDGE_RUN, cohortMode: 'random' }), tick(1), promoteAs('p2'), jitterEdge, tick(1)]);
    const run = edgeRun(state);
    expect(run.cohorts).toBeNull();
    expect(run.p99Ms).toBeLessThan(BUDGET);
    expect(edgeTile(state).latency.p99Ms).toBeLessThan(BUDGET);
  });

  it('rolls gen 1 back: no more latency there, and the tile lists the cohort', () => {
    const state = stratified(promoteAs('p2'), jitterEdge, tick(1), rollbackAs('p2', 'gen-1'), tick(1));
    expect(edgeRun(state).cohorts![2]).toMatchObject({ latency: 'rolled-back', p99Ms: null, excluded: true });
    expect(edgeTile(state).latency.rolledBack).toEqual(['Hardware gen 1 (oldest)']);
    expect(edgeTile(state).latency.p99Ms).toBeLessThan(BUDGET);
    const ended = applyAll(state, [rollbackAs('p2')]);
    const done = applyAll(ended, [tick(1)]);
    expect(edgeRun(done).outcome).toBe('rolled-back');
    expect(edgeRun(done).cohorts!.map((c) => c.latency)).toEqual(['ended', 'ended', 'ended']);
    expect(edgeRun(done).p99Ms).toBeNull();
  });

  it('makes gen 1 fail on the live fleet as often as its frames miss the loop', () => {
    const shipAll = (...crisis: Action[]) =>
      applyAll(inPart2(), [startRunAs('p2', { ...EDGE_RUN, cohortMode: 'stratified' }), ...crisis, ...Array.from({ length: 5 }, () => promoteAs('p2')), ...Array.from({ length: 24 }, () => tick(1))]);
    const calm = part2Of(shipAll())!.teams.t2!.runs[0]!.exposure;
    const stalled = part2Of(shipAll(jitterEdge))!.teams.t2!.runs[0]!.exposure;
    // Expected over 24 h on gen 1 (120 judged requests an hour): ≈ 5 failures calm, ≈ 63 stalled.
    expect(stalled).toBeGreaterThan(30);
    expect(stalled).toBeGreaterThan(4 * calm);
  });

  it('gives the host every cohort’s true latency, and no team or projector view carries it', () => {
    const state = stratified(jitterEdge, tick(1));
    expect(effectsOf(state, 't2').jitter).toBe(true);
    const host = projectHost(state, NOBODY_ONLINE).part2!.teams[1]!;
    expect(host.latencyBudgetMs).toBe(10);
    expect(host.truth[2]!.p99Ms).toBeCloseTo(100, 0);
    expect(host.truth[2]!.pastBudget / host.truth[2]!.rate).toBeCloseTo(1, 4);
    expect(host.truth[0]!.p99Ms).toBeLessThan(BUDGET);
    for (const text of [JSON.stringify(projectTeam(state, 't2', NOBODY_ONLINE)), JSON.stringify(projectScreen(state))]) {
      expect(text).not.toMatch(/"truth"|"pastBudget"/);
      expect(text).not.toMatch(/"p99Ms":(99|100)\./); // gen 1's tail is not measured in shadow mode
    }
  });

  it('describes itself in the host’s catalog with the model’s numbers', () => {
    const crisis = crisisById('rollout-jitter');
    expect(crisis.effect).toMatch(/2 % of the candidate's frames/);
    expect(crisis.effect).toMatch(/p99 latency reaches 10 budgets/);
  });
});
