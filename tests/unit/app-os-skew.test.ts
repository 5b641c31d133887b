// The app-OS skew (GAME.md §7, Mobile Nomad's crisis): an OS update throttles the NPU in a few regions, so some
// region × OS slices fall below 60 FPS while the fleet's mean stays above it. Slice monitors reveal what the
// global one hides; the lighter variant holds 60 FPS at an accuracy cost; a rollback costs no accuracy but drains
// slowly. Through the reducer and the projections: what the team, the projector and the host each see.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { APP_OS_SKEW, SLICE_MONITORING } from '../../shared/sim/constants.js';
import { crisisById } from '../../shared/sim/crises/catalog.js';
import { effectsOf } from '../../shared/sim/crises/effects.js';
import { enterPart } from '../../shared/sim/flow.js';
import { stateHash } from '../../shared/sim/hash.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import { blendOps } from '../../shared/sim/parts/part2/ops-blend.js';
import { part2OpsScore } from '../../shared/sim/parts/part2/score.js';
import { GLOBAL_SERIES, aggregate, sliceFps, slicesAt } from '../../shared/sim/parts/part2/slices/model.js';
import { updateShare, updateShareHours } from '../../shared/sim/parts/part2/slices/rollout.js';
import { skewTruth } from '../../shared/sim/parts/part2/slices/truth.server.js';
import { baseCohortRates } from '../../shared/sim/parts/part2/truth.server.js';
import { NOBODY_ONLINE, projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import { reduce } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import { AT, applyAll, clockRunningAs, crisisAt, join, lock2, newGame, outcome, player, tick } from '../support/actions.js';
import { part2Of } from '../support/slices.js';

const TARGET = APP_OS_SKEW.targetFps;

describe('the skew’s model', () => {
  it('keeps the fleet’s mean above 60 FPS on every seed while some slice falls below it', () => {
    for (let seed = 0; seed < 300; seed++) {
      const truth = skewTruth(seed, 'mobile-nomad');
      expect(truth.filter((r) => r.bad)).toHaveLength(APP_OS_SKEW.badRegions);
      for (const hour of [0.5, 6, 24, 100]) {
        const slices = slicesAt(truth, 0, [], hour);
        expect(aggregate(slices, GLOBAL_SERIES).fps!).toBeGreaterThan(TARGET + 1);
        expect(slices.some((s) => s.users > 0 && s.fps < TARGET)).toBe(true);
      }
    }
  });

  it('throttles only the update slices of the bad regions; elsewhere the update costs 1–2 FPS', () => {
    for (const region of skewTruth(7, 'mobile-nomad')) {
      expect(region.baseFps).toBeGreaterThanOrEqual(64);
      expect(region.baseFps).toBeLessThanOrEqual(68);
      if (region.bad) expect(region.updateFps).toBeLessThanOrEqual(57);
      else expect(region.baseFps - region.updateFps).toBeGreaterThanOrEqual(1);
      if (!region.bad) expect(region.updateFps).toBeGreaterThan(TARGET);
    }
  });

  it('gives the lighter variant at least 60 FPS on every slice of every seed', () => {
    for (let seed = 0; seed < 300; seed++) {
      for (const region of skewTruth(seed, 'mobile-nomad')) {
        expect(sliceFps(region, 'update', 'lighter')).toBeGreaterThanOrEqual(TARGET);
        expect(sliceFps(region, 'current', 'lighter')).toBeGreaterThanOrEqual(TARGET);
      }
    }
  });

  it('rolls the update out linearly to its cap, and a rollback drains it at 1/24 of the region an hour', () => {
    const region = { start: 10, hoursToCap: 20, rollbackAt: null };
    expect(updateShare(region, 10)).toBe(0);
    expect(updateShare(region, 20)).toBeCloseTo(0.3, 12);
    expect(updateShare(region, 40)).toBe(APP_OS_SKEW.updateCap);
    expect(updateShareHours(region, 0, 40)).toBeCloseTo((20 * 0.6) / 2 + 10 * 0.6, 9);
    const back = { ...region, rollbackAt: 20 };
    expect(updateShare(back, 20 + 0.3 * 24)).toBeCloseTo(0, 12);
    expect(updateShare(back, 100)).toBe(0);
    // Exact on its breakpoints: the same as a fine Riemann sum.
    let sum = 0;
    for (let t = 0; t < 60; t += 0.001) sum += updateShare(back, t + 0.0005) * 0.001;
    expect(updateShareHours(back, 0, 60)).toBeCloseTo(sum, 5);
  });
});

/** Four teams, one per track (t3 Mobile Nomad, player p3), in Part 2's play step, all locked but t4. */
function inPart2(locked = ['p1', 'p2', 'p3']): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  const state = { ...enterPart({ ...lobby, phase: 'briefing' }, part2, AT), version: lobby.version };
  return applyAll(state, [...locked.map((p) => lock2(p, 3000)), ...locked.flatMap(clockRunningAs)]);
}
const skewNomad = crisisAt('app-os-skew', { kind: 'track', track: 'mobile-nomad' });
const monitorAt = (p: string, level: 'global' | 'region' | 'os' | 'slice'): Action => ({ type: 'team/set-slice-monitoring', by: player(p), level });
const treat = (p: string, region: number, os: 'current' | 'update', action: 'lighter' | 'rollback' | 'none'): Action => ({
  type: 'team/slice-action',
  by: player(p),
  region,
  os,
  action,
});
const hours = (n: number) => Array.from({ length: n }, () => tick(1));
const slicesOf = (state: GameState, teamId = 't3') => projectTeam(state, teamId, NOBODY_ONLINE)!.part2!.fleet!.slices;
const hostRow = (state: GameState, index = 2) => projectHost(state, NOBODY_ONLINE).part2!.teams[index]!;
const tileOf = (state: GameState, index = 2) => projectScreen(state).part2!.tiles[index]!;
const skewOf = (state: GameState) => part2Of(state)!.teams.t3!.slices;
const bad = (state: GameState) => skewTruth(state.seed, 'mobile-nomad').flatMap((r, i) => (r.bad ? [i] : []));

describe('the app-OS skew through the reducer', () => {
  const struck = (...before: Action[]) => applyAll(inPart2(), [...before, skewNomad, ...hours(24)]);

  it('hits the aimed track from its hour on, once', () => {
    const state = struck();
    expect(effectsOf(state, 't3').skewAt).toBe(0);
    expect(effectsOf(state, 't1').skewAt).toBeNull();
    const again = applyAll(state, [skewNomad]);
    expect(effectsOf(again, 't3').skewAt).toBe(0);
    expect(projectTeam(state, 't3', NOBODY_ONLINE)!.crises[0]!.text).toMatch(/^UX Designer: ".*above 60 FPS/);
    expect(crisisById('app-os-skew').effect).toMatch(/3 hidden regions/);
  });

  it('stays green on the global monitor while the host sees slices below 60 FPS', () => {
    const state = struck();
    const view = slicesOf(state);
    expect(view).toMatchObject({ level: 'global', series: [], updateAt: 0, costPerHour: 0 });
    expect(view.global.fps!).toBeGreaterThan(TARGET);
    expect(view.global.below).toBe(false);
    const truth = hostRow(state).skew!;
    const failing = truth.slices.filter((s) => s.below);
    expect(failing.map((s) => s.region).sort()).toEqual(bad(state));
    expect(failing.every((s) => s.os === 'update' && s.bad && s.users > 1000)).toBe(true);
    expect(truth.globalFps).toBeGreaterThan(TARGET);
    expect(tileOf(state).skew).toMatchObject({ struck: true, level: 'global', below: 0, remedies: 0 });
  });

  it('reveals at region × OS level exactly the slices the global monitor hides', () => {
    const state = struck(monitorAt('p3', 'slice'));
    const view = slicesOf(state);
    expect(view.series).toHaveLength(20);
    expect(view.costPerHour).toBe(20 * SLICE_MONITORING.costPerSeriesHour);
    const below = view.series.filter((s) => s.below);
    expect(below.map((s) => [s.region, s.os])).toEqual(bad(state).map((r) => [r, 'update']));
    expect(below.every((s) => s.fps! < 58 && s.name.endsWith('OS update'))).toBe(true);
    expect(view.global.below).toBe(false);
    expect(tileOf(state).skew.below).toBe(APP_OS_SKEW.badRegions);
    expect(tileOf(state).skew.worstFps!).toBeLessThan(58);
    // The OS-level monitor averages the bad regions with the good ones: the update reads above every bad slice.
    const byOs = slicesOf(applyAll(state, [monitorAt('p3', 'os')])).series;
    expect(byOs.map((s) => s.os)).toEqual(['current', 'update']);
    expect(byOs[1]!.fps!).toBeGreaterThan(Math.max(...below.map((s) => s.fps!)) + 2);
  });

  it('reads the same numbers for the same state, within ±0.5 FPS at 1,000 users, noisier for fewer', () => {
    const late = struck(monitorAt('p3', 'slice'));
    expect(slicesOf(struck(monitorAt('p3', 'slice')))).toEqual(slicesOf(late));
    const early = applyAll(inPart2(), [monitorAt('p3', 'slice'), skewNomad, tick(0.05)]);
    /** How far each update slice reads from its true FPS, against the documented noise width for its users. */
    const errors = (state: GameState) =>
      slicesOf(state)
        .series.filter((s) => s.os === 'update' && s.fps !== null)
        .map((s) => {
          const truth = hostRow(state).skew!.slices.find((t) => t.region === s.region && t.os === 'update')!;
          const width = Math.min(APP_OS_SKEW.maxNoiseFps, APP_OS_SKEW.noiseFps * Math.sqrt(APP_OS_SKEW.noiseUsers / truth.users));
          return { error: Math.abs(s.fps! - truth.fps), width };
        });
    for (const state of [early, late]) for (const { error, width } of errors(state)) expect(error).toBeLessThanOrEqual(width);
    expect(Math.max(...errors(late).map((e) => e.error))).toBeLessThan(0.5); // thousands of users a slice
    expect(Math.max(...errors(early).map((e) => e.error))).toBeGreaterThan(1); // a few dozen
  });

  it('charges the monitors by the hour, the global one free', () => {
    const state = applyAll(inPart2(), [monitorAt('p3', 'region'), ...hours(5), monitorAt('p3', 'slice'), ...hours(5)]);
    expect(skewOf(state).monitorCost).toBeCloseTo(5 * 10 * 2 + 5 * 20 * 2, 9);
    expect(slicesOf(state).series).toHaveLength(20);
    expect(part2Of(state)!.teams.t1!.slices.monitorCost).toBe(0);
  });

  it('holds 60 FPS with the lighter variant at an accuracy cost, from the hour it ships', () => {
    const before = struck(monitorAt('p3', 'slice'));
    const treated = applyAll(before, bad(before).map((r) => treat('p3', r, 'update', 'lighter')));
    const later = applyAll(treated, hours(12));
    expect(skewOf(later).userHoursBelow).toBeCloseTo(skewOf(before).userHoursBelow, 6);
    const series = slicesOf(later).series.filter((s) => bad(later).includes(s.region!) && s.os === 'update');
    expect(series.every((s) => s.fps! >= TARGET && !s.below)).toBe(true);
    const usersOnLighter = hostRow(later).skew!.slices.filter((s) => s.remedy === 'lighter').reduce((sum, s) => sum + s.users, 0);
    expect(skewOf(later).accuracyGivenUp).toBeGreaterThan(usersOnLighter * 12 * APP_OS_SKEW.lighterAccuracyPoints * 0.9);
    expect(slicesOf(later).remedies.map((r) => [r.region, r.os, r.action, r.at])).toEqual(bad(later).map((r) => [r, 'update', 'lighter', 24]));
    expect(tileOf(later).skew).toMatchObject({ below: 0, remedies: 3 });
    // Back to the standard model: below 60 FPS again.
    const undone = applyAll(later, [treat('p3', bad(later)[0]!, 'update', 'none'), ...hours(1)]);
    expect(skewOf(undone).userHoursBelow).toBeGreaterThan(skewOf(later).userHoursBelow);
  });

  it('rolls a slice back with no accuracy cost, but its users stay below 60 FPS until the devices are back', () => {
    const before = struck();
    const region = bad(before)[0]!;
    const share = hostRow(before).skew!.slices.find((s) => s.region === region && s.os === 'update')!.users / (APP_OS_SKEW.users / 10);
    const rolled = applyAll(before, [treat('p3', region, 'update', 'rollback')]);
    const drainHours = share / APP_OS_SKEW.rollbackSharePerHour;
    const during = applyAll(rolled, hours(Math.floor(drainHours / 2)));
    const after = applyAll(rolled, hours(Math.ceil(drainHours) + 1));
    const usersOf = (state: GameState) => hostRow(state).skew!.slices.find((s) => s.region === region && s.os === 'update')!.users;
    expect(usersOf(during)).toBeGreaterThan(0);
    expect(usersOf(after)).toBe(0);
    expect(skewOf(after).accuracyGivenUp).toBe(0);
    // The trade: against the lighter variant shipped at the same hour, more user-hours below 60, no accuracy lost.
    const lighter = applyAll(before, [treat('p3', region, 'update', 'lighter'), ...hours(Math.ceil(drainHours) + 1)]);
    expect(skewOf(after).userHoursBelow).toBeGreaterThan(skewOf(lighter).userHoursBelow);
    expect(skewOf(lighter).accuracyGivenUp).toBeGreaterThan(0);
    // Final, and only for devices on the update.
    expect(outcome(reduce(after, treat('p3', region, 'update', 'lighter')))).toBe('skew/rolled-back');
    expect(outcome(reduce(after, treat('p3', region, 'current', 'rollback')))).toBe('skew/current-os');
    expect(outcome(reduce(after, treat('p3', region, 'current', 'none')))).toBe('skew/no-change');
    expect(outcome(reduce(after, treat('p3', region, 'current', 'lighter')))).toBe('accepted');
  });

  it('refuses remedies before the update rolls out, and slices outside the fleet', () => {
    const state = inPart2();
    expect(outcome(reduce(state, treat('p3', 0, 'update', 'lighter')))).toBe('skew/none');
    expect(outcome(reduce(state, monitorAt('p3', 'slice')))).toBe('accepted');
    expect(outcome(reduce(inPart2([]), monitorAt('p3', 'slice')))).toBe('lock/required');
    expect(() => applyAll(state, [treat('p3', 10, 'update', 'lighter')])).toThrow();
  });

  it('scores a team that found and treated the bad slices fast above one that watched the global mean', () => {
    const found = struck(monitorAt('p3', 'slice'));
    const early = applyAll(inPart2(), [monitorAt('p3', 'slice'), skewNomad, tick(1), ...bad(found).map((r) => treat('p3', r, 'update', 'lighter')), ...hours(23)]);
    const idle = struck();
    expect(hostRow(early).skew!.detectedAt).toBe(1);
    expect(hostRow(early).skew!.delayHours).toBe(1);
    expect(hostRow(idle).skew!.detectedAt).toBeNull();
    expect(hostRow(idle).skew!.delayHours).toBe(24);
    expect(hostRow(early).skew!.score).toBeGreaterThan(hostRow(idle).skew!.score + 40);
    expect(hostRow(early).ops).toBeGreaterThan(hostRow(idle).ops);
    // A remedy on a healthy slice detects nothing.
    const good = [...Array(10).keys()].find((r) => !bad(found).includes(r))!;
    expect(hostRow(applyAll(idle, [treat('p3', good, 'update', 'lighter')])).skew!.detectedAt).toBeNull();
  });

  it('blends the skew into Part 2’s ops score like the alert storm; a team that never locked scores nothing', () => {
    const state = struck();
    const row = hostRow(state);
    const fleet = part2Of(state)!.teams.t3!;
    const canary = part2OpsScore(fleet, 'mobile-nomad', baseCohortRates(state.seed, 'mobile-nomad'), effectsOf(state, 't3'));
    expect(row.ops).toBe(blendOps(canary, [{ weight: APP_OS_SKEW.opsWeight, score: row.skew!.score }]));
    expect(row.skew!.score).toBeGreaterThan(0);
    const all = applyAll(inPart2(), [crisisAt('app-os-skew', { kind: 'all' }), ...hours(24)]);
    expect(hostRow(all, 3).skew).not.toBeNull(); // t4 never locked
    expect(hostRow(all, 3).ops).toBe(0);
    expect(hostRow(all, 0).skew!.slices.some((s) => s.below)).toBe(true); // any fleet can be hit
  });

  it('never shows a team or the projector the hidden truth', () => {
    for (const state of [struck(), struck(monitorAt('p3', 'slice'))]) {
      for (const text of [JSON.stringify(projectTeam(state, 't3', NOBODY_ONLINE)), JSON.stringify(projectScreen(state))]) {
        expect(text).not.toMatch(/"bad"|"userHoursBelow"|"detectedAt"|"delayHours"|"skew":\{"at"/);
      }
      expect(JSON.stringify(projectHost(state, NOBODY_ONLINE))).toMatch(/"bad":true/);
    }
  });

  it('replays to the same state from the same actions', () => {
    const actions = [monitorAt('p3', 'region'), skewNomad, ...hours(3), treat('p3', 2, 'update', 'rollback'), ...hours(5), treat('p3', 4, 'current', 'lighter'), tick(2.5)];
    expect(stateHash(applyAll(inPart2(), actions))).toBe(stateHash(applyAll(inPart2(), actions)));
    expect(skewOf(applyAll(inPart2(), actions)).decisions).toHaveLength(2);
  });
});
