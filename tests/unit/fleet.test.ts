// Part 2's fleet simulation on the pure core: runs, ticks, determinism, and what a stratified canary shows.
import { describe, expect, it } from 'vitest';
import { CANARY_TRACKS, MAX_RUNS_PER_TEAM } from '../../shared/sim/constants.js';
import { cohortConfidences, runConfidence, runReleaseHours } from '../../shared/sim/parts/part2/metrics.js';
import { extendRun, plannedShadowHours, promoteRun, rollbackRun, startRun } from '../../shared/sim/parts/part2/run.js';
import { NO_EFFECTS, type TeamEffects } from '../../shared/sim/crises/effects.js';
import { newTeamPart2 } from '../../shared/sim/parts/part2/start.js';
import { advanceTeam } from '../../shared/sim/parts/part2/tick.js';
import { baseCohortRates, isBadCohort } from '../../shared/sim/parts/part2/truth.server.js';
import type { RunConfig, TeamPart2 } from '../../shared/sim/parts/part2/types.js';
import type { TrackId } from '../../shared/sim/tracks.js';

const SEED = 20261128;

function ok(result: TeamPart2 | string): TeamPart2 {
  if (typeof result === 'string') throw new Error(result);
  return result;
}

/** Runs the clock for `hours` in one-hour ticks from `from`. */
function runFor(team: TeamPart2, track: TrackId, from: number, hours: number, effects: TeamEffects = NO_EFFECTS): TeamPart2 {
  const baseRates = baseCohortRates(SEED, track);
  let t = team;
  for (let h = 0; h < hours; h++) t = advanceTeam(t, { track, baseRates, effects, from: from + h, hours: 1 });
  return t;
}

const config = (over: Partial<RunConfig> = {}): RunConfig => ({
  confidence: 0.95,
  rate: 1 / 1000,
  shadowFraction: 0.5,
  cohortMode: 'random',
  sprt: false,
  ...over,
});

describe('the hidden truth', () => {
  it('is the same for every team of a track and varies between games', () => {
    expect(baseCohortRates(SEED, 'mobile-nomad')).toEqual(baseCohortRates(SEED, 'mobile-nomad'));
    expect(baseCohortRates(SEED, 'mobile-nomad')).not.toEqual(baseCohortRates(SEED + 1, 'mobile-nomad'));
  });

  it("keeps each track's story: Edge Guardian bad only on the oldest hardware, two bad Mobile Nomad regions", () => {
    for (const seed of [1, 2, 3, 99, SEED]) {
      const edge = baseCohortRates(seed, 'edge-guardian').map((r) => isBadCohort('edge-guardian', r));
      expect(edge).toEqual([false, false, true]);
      const nomad = baseCohortRates(seed, 'mobile-nomad').filter((r) => isBadCohort('mobile-nomad', r));
      expect(nomad).toHaveLength(2);
      expect(baseCohortRates(seed, 'cloud-titan').some((r) => isBadCohort('cloud-titan', r))).toBe(false);
      expect(baseCohortRates(seed, 'tiny-pioneer').every((r) => isBadCohort('tiny-pioneer', r))).toBe(true);
    }
  });
});

describe('a canary run', () => {
  it('plans the shadow window from n*: t_shadow = n*/(R·f)', () => {
    const team = ok(startRun(newTeamPart2(SEED, 'cloud-titan'), 'cloud-titan', config(), 0));
    expect(team.runs[0]!.windowEndsAt).toBeCloseTo(2995 / (20_000 * 0.5), 10);
    // Stratified: n* in every cohort, so the smallest cohort (free tier, 20 %) sets the window.
    const cohorts = team.runs[0]!.cohorts;
    expect(plannedShadowHours('cloud-titan', config({ cohortMode: 'stratified' }), { cohorts })).toBeCloseTo(
      2995 / (20_000 * 0.2 * 0.5),
      10,
    );
  });

  it('climbs the Confidence Clock on a good candidate and ships through the stages', () => {
    let team = ok(startRun(newTeamPart2(SEED, 'cloud-titan'), 'cloud-titan', config(), 0));
    team = runFor(team, 'cloud-titan', 0, 1);
    const run = team.runs[0]!;
    expect(run.outcome).toBe('holding'); // the 0.3 h window has passed
    expect(run.cohorts.reduce((s, c) => s + c.requests, 0)).toBeGreaterThan(9000);
    expect(runConfidence(run)).toBeGreaterThan(0.95);
    for (let i = 0; i < 5; i++) team = ok(promoteRun(team, 1 + i * 6));
    expect(team.runs[0]).toMatchObject({ outcome: 'shipped', stage: 4, endedAt: 25, exposure: 0 });
    expect(runReleaseHours(team.runs[0]!, 100)).toBe(25);
  });

  it("keeps a good candidate's clock high on big ticks (8 simulated hours a second), failures and all", () => {
    const track = 'cloud-titan';
    let team = ok(startRun(newTeamPart2(SEED, track), track, config(), 0));
    const baseRates = baseCohortRates(SEED, track);
    const readings: number[] = [];
    for (let i = 0; i < 10; i++) {
      team = advanceTeam(team, { track, baseRates, effects: NO_EFFECTS, from: i * 8, hours: 8 });
      readings.push(runConfidence(team.runs[0]!));
    }
    // About 80,000 requests a tick at 1 in 10,000: a few failures every tick, yet thousands of clean requests
    // after the last one.
    expect(team.runs[0]!.cohorts.reduce((sum, c) => sum + c.failures, 0)).toBeGreaterThan(10);
    expect(readings.filter((c) => c > 0.95).length).toBeGreaterThanOrEqual(8);
  });

  it('shows the oldest hardware failing in its own cohort when stratified (Edge Guardian)', () => {
    const track = 'edge-guardian';
    let team = ok(startRun(newTeamPart2(SEED, track), track, config({ confidence: 0.99, rate: 1e-4, shadowFraction: 0.8, cohortMode: 'stratified' }), 0));
    // Shadow mode cannot reach gen 1: its confidence stays at 0 however long the team watches.
    team = runFor(team, track, 0, 24);
    expect(team.runs[0]!.cohorts[2]!.requests).toBe(0);
    expect(cohortConfidences(team.runs[0]!)[2]).toBe(0);
    expect(runConfidence(team.runs[0]!)).toBe(0);
    // Live stages reach it, and the failures land there.
    team = ok(promoteRun(team, 24));
    team = ok(promoteRun(team, 24));
    team = ok(promoteRun(team, 24));
    team = ok(promoteRun(team, 24)); // 50 %
    const before = team.runs[0]!.cohorts.map((c) => ({ ...c }));
    team = runFor(team, track, 24, 40);
    const live = team.runs[0]!.cohorts.map((c, i) => ({ requests: c.requests - before[i]!.requests, failures: c.failures - before[i]!.failures }));
    const observed = live.map((c) => c.failures / c.requests);
    expect(live[2]!.failures).toBeGreaterThan(3);
    // Gen 1 fails far above the Safety Lead's 1 in 10,000; the newer generations do not.
    expect(observed[2]).toBeGreaterThan(10 * 1e-4);
    expect(observed[2]).toBeGreaterThan(10 * Math.max(observed[0]!, observed[1]!));
    // Every failure of gen 1 on live traffic reached real vehicles.
    expect(team.runs[0]!.exposure).toBe(live[2]!.failures);
    // The team rolls back that cohort only and carries on with the others.
    team = ok(rollbackRun(team, track, 64, 'gen-1'));
    expect(team.runs[0]!.cohorts[2]!.excluded).toBe(true);
    expect(team.runs[0]!.outcome).not.toBe('rolled-back');
  });

  it('holds a clean shadow window at its target, not a few requests short of it by the luck of arrivals', () => {
    // t_shadow = n*/(R·f) plans n* requests at the average rate; Poisson arrivals bring fewer by then about half
    // the time. A clean run watches on for the rest, so every clean window holds at or above its target.
    const track = 'cloud-titan';
    let stretched = 0;
    for (let seed = 1; seed <= 60; seed++) {
      let team = ok(startRun(newTeamPart2(seed, track), track, config(), 0));
      const planned = team.runs[0]!.windowEndsAt;
      const baseRates = baseCohortRates(seed, track);
      // As the team's clock does (clock.ts): a tick stops where the window ends.
      for (let now = 0, i = 0; team.runs[0]!.outcome === 'running' && i < 100; i++) {
        const hours = Math.min(1, team.runs[0]!.windowEndsAt - now);
        team = advanceTeam(team, { track, baseRates, effects: NO_EFFECTS, from: now, hours });
        now += hours;
      }
      const run = team.runs[0]!;
      expect(run.outcome).toBe('holding');
      if (run.cohorts.some((c) => c.failures > 0)) continue;
      expect(runConfidence(run)).toBeGreaterThanOrEqual(0.95);
      if (run.windowEndsAt > planned) stretched++;
    }
    expect(stretched).toBeGreaterThan(10);
  });

  it('ends a shadow window at its planned hour when a failure came, or when the clock cannot climb', () => {
    // Tiny Pioneer's candidate is bad everywhere: failures come, the window ends as planned for the decision.
    const tiny = 'tiny-pioneer';
    let team = ok(startRun(newTeamPart2(SEED, tiny), tiny, config({ confidence: 0.9, rate: 1 / 500 }), 0));
    const planned = team.runs[0]!.windowEndsAt;
    team = advanceTeam(team, { track: tiny, baseRates: baseCohortRates(SEED, tiny), effects: NO_EFFECTS, from: 0, hours: planned });
    expect(team.runs[0]!.cohorts.some((c) => c.failures > 0)).toBe(true);
    expect(team.runs[0]).toMatchObject({ outcome: 'holding', windowEndsAt: planned });
    // Stratified on Edge Guardian, shadow mode cannot reach gen 1: its clock stays at 0, the window ends.
    const edge = 'edge-guardian';
    let strat = ok(startRun(newTeamPart2(SEED, edge), edge, config({ confidence: 0.99, rate: 1e-4, shadowFraction: 0.8, cohortMode: 'stratified' }), 0));
    const end = strat.runs[0]!.windowEndsAt;
    strat = advanceTeam(strat, { track: edge, baseRates: baseCohortRates(SEED, edge), effects: NO_EFFECTS, from: 0, hours: end });
    expect(strat.runs[0]).toMatchObject({ outcome: 'holding', windowEndsAt: end });
  });

  it('takes time to roll back a live stage: 50,000 vehicles an hour for Edge Guardian', () => {
    const track = 'edge-guardian';
    let team = ok(startRun(newTeamPart2(SEED, track), track, config({ shadowFraction: 0.8 }), 0));
    team = ok(promoteRun(team, 1));
    team = ok(promoteRun(team, 2));
    team = ok(promoteRun(team, 3)); // 25 % of 500,000 vehicles: 2.5 h
    team = ok(rollbackRun(team, track, 3, null));
    expect(team.runs[0]).toMatchObject({ outcome: 'rolling-back', rollbackUntil: 3 + CANARY_TRACKS[track].rollbackHoursAtFull * 0.25 });
    team = runFor(team, track, 3, 3);
    expect(team.runs[0]).toMatchObject({ outcome: 'rolled-back', endedAt: 5.5 });
  });

  it('enforces one run at a time, the 10-run rule, no runs after shipping, and the shadow limit', () => {
    const track = 'tiny-pioneer';
    let team = newTeamPart2(SEED, track);
    expect(startRun(team, 'edge-guardian', config({ shadowFraction: 0.9 }), 0)).toBe('canary/shadow-limit');
    for (let i = 0; i < MAX_RUNS_PER_TEAM; i++) {
      team = ok(startRun(team, track, config(), i));
      expect(startRun(team, track, config(), i)).toBe('canary/run-active');
      team = ok(rollbackRun(team, track, i, null));
    }
    expect(startRun(team, track, config(), 10)).toBe('canary/run-limit');
    let shipped = ok(startRun(newTeamPart2(SEED, track), track, config(), 0));
    for (let i = 0; i < 5; i++) shipped = ok(promoteRun(shipped, i));
    expect(startRun(shipped, track, config(), 6)).toBe('canary/shipped');
    expect(promoteRun(shipped, 6)).toBe('canary/no-run');
  });

  it('stops early with the SPRT on a bad candidate (Tiny Pioneer)', () => {
    const track = 'tiny-pioneer';
    let team = ok(startRun(newTeamPart2(SEED, track), track, config({ confidence: 0.9, rate: 1 / 500, sprt: true }), 0));
    team = runFor(team, track, 0, 10);
    expect(team.runs[0]!.outcome).toBe('holding');
    expect(team.runs[0]!.llr).toBeGreaterThan(0);
    // Extending after a verdict restarts the sequential test instead of holding again at once.
    team = ok(extendRun(team, track, 10));
    expect(team.runs[0]).toMatchObject({ outcome: 'running', llr: 0 });
  });

  it('gives the same fleet, failures and exposure for the same seed and decisions', () => {
    const play = () => {
      let team = ok(startRun(newTeamPart2(SEED, 'mobile-nomad'), 'mobile-nomad', config(), 0));
      team = runFor(team, 'mobile-nomad', 0, 2);
      for (let i = 0; i < 5; i++) team = ok(promoteRun(team, 2 + i));
      return runFor(team, 'mobile-nomad', 7, 10);
    };
    const a = play();
    expect(a.runs[0]!.exposure).toBeGreaterThan(0); // shipped with two bad regions
    expect(JSON.stringify(play())).toBe(JSON.stringify(a));
  });

  it('keeps a shipped regression failing, even through hours without a failure (Edge Guardian gen 1)', () => {
    const track = 'edge-guardian';
    let team = ok(startRun(newTeamPart2(SEED, track), track, config({ cohortMode: 'stratified', shadowFraction: 0.8 }), 0));
    for (let i = 0; i < 5; i++) team = ok(promoteRun(team, 0));
    // Gen 1 fails 1 in 500 of its 120 judged requests an hour: most hours see no failure at all.
    const day = (from: number) => runFor(team, track, from, 24);
    team = day(0);
    const first = team.runs[0]!.exposure;
    for (let d = 1; d < 8; d++) team = day(24 * d);
    expect(team.runs[0]!.exposure).toBeGreaterThan(first + 10); // ≈ 0.24 an hour: ≈ 40 in a week
  });
});
