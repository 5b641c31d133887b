// The alert storm (GAME.md §7): the chapter's false-alert arithmetic, static against re-estimated thresholds
// in a storm, a drift found at k = 3 and late or missed at k = 6, and the storm through the reducer.
import { describe, expect, it } from 'vitest';
import { ALERT_STORM, MONITORING } from '../../shared/sim/constants.js';
import { effectsOf } from '../../shared/sim/crises/effects.js';
import { enterPart } from '../../shared/sim/flow.js';
import { driftsOf } from '../../shared/sim/parts/part2/alerts/drifts.server.js';
import { alertsPerDay, driftAlertRate, effectiveK, falseAlertRate, pagesPerDay } from '../../shared/sim/parts/part2/alerts/model.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import { normalTail } from '../../shared/sim/normal.js';
import { NOBODY_ONLINE, projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import { reduce } from '../../shared/sim/reducer.js';
import type { Action } from '../../shared/sim/actions.js';
import type { GameState } from '../../shared/sim/state.js';
import { AT, applyAll, clockRunningAs, crisisAt, join, lock2, newGame, outcome, player, tick } from '../support/actions.js';
import { part2Of } from '../support/slices.js';

const CHECKS_PER_HOUR = MONITORING.checksPerDay / 24;

describe('the alert arithmetic', () => {
  it('computes the normal tail accurately, far into it', () => {
    expect(normalTail(0)).toBeCloseTo(0.5, 7);
    expect(normalTail(1.959964)).toBeCloseTo(0.025, 7);
    expect(normalTail(3) / 0.0013498980316).toBeCloseTo(1, 5);
    expect(normalTail(6) / 9.8658765e-10).toBeCloseTo(1, 4);
    expect(normalTail(-3)).toBeCloseTo(1 - 0.0013498980316, 9);
  });

  it('gives the chapter’s 432 false alerts a day for 50 models × 10 metrics at static 3σ, against a capacity of 50', () => {
    expect(falseAlertRate(effectiveK(null, 1))).toBeCloseTo(0.003, 12);
    expect(alertsPerDay(50, 0.003)).toBeCloseTo(432, 9);
    expect(MONITORING.capacityPerDay).toBe(50);
  });

  it('drowns static thresholds in a storm, and re-estimated ones tame it', () => {
    const storm = ALERT_STORM.noiseFactor;
    const staticPerDay = alertsPerDay(50, falseAlertRate(effectiveK(null, storm)));
    const k4PerDay = alertsPerDay(50, falseAlertRate(effectiveK(4, storm)));
    expect(staticPerDay).toBeGreaterThan(50_000); // thresholds at 0.75σ of the storm's noise
    expect(k4PerDay).toBeLessThan(MONITORING.capacityPerDay);
    expect(alertsPerDay(50, falseAlertRate(effectiveK(3, storm)))).toBeCloseTo(432, 6); // k·σ follows the noise
    // Aggregation: per model, per fleet check.
    const fpr = falseAlertRate(effectiveK(null, storm));
    expect(pagesPerDay(50, fpr, 'model')).toBeLessThanOrEqual(50 * 288);
    expect(pagesPerDay(50, fpr, 'fleet')).toBeLessThanOrEqual(288);
    expect(pagesPerDay(50, 0.003, 'metric')).toBe(alertsPerDay(50, 0.003));
  });

  it('finds a 3.5σ drift within minutes at k = 3, and hours late at k = 6', () => {
    const perCheck = (k: number) => driftAlertRate(k, ALERT_STORM.driftSigma);
    expect(perCheck(3)).toBeGreaterThan(0.6);
    // Expected checks to the first alert: 1 / rate; at k = 6 that is more than 12 simulated hours.
    expect(1 / perCheck(6) / CHECKS_PER_HOUR).toBeGreaterThan(12);
  });
});

/** Four teams, one per track (t1 Cloud Titan), one player each, in Part 2's play step, all locked. */
function inPart2(): GameState {
  const lobby = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee'].map((n) => join(n)));
  const state = { ...enterPart({ ...lobby, phase: 'briefing' }, part2, AT), version: lobby.version };
  const players = ['p1', 'p2', 'p3', 'p4'];
  return applyAll(state, [...players.map((p) => lock2(p, 3000)), ...players.flatMap(clockRunningAs)]);
}
const thresholds = (p: string, k: number | null): Action => ({ type: 'team/set-thresholds', by: player(p), k });
const investigateAs = (p: string, model: number, metric: number): Action => ({ type: 'team/investigate', by: player(p), model, metric });
const monitorOf = (state: GameState, teamId: string) => projectTeam(state, teamId, NOBODY_ONLINE)!.part2!.fleet!.monitor;

describe('the alert storm in the reducer', () => {
  const stormed = (...before: Action[]) =>
    applyAll(inPart2(), [...before, crisisAt('alert-storm', { kind: 'track', track: 'cloud-titan' }), tick(ALERT_STORM.onsetHours.max + 1)]);

  it('hits the aimed track: its heatmap lights up everywhere under static thresholds', () => {
    const state = stormed();
    expect(effectsOf(state, 't1').stormAt).toBe(0);
    expect(effectsOf(state, 't2').stormAt).toBeNull();
    const heat = monitorOf(state, 't1').heatmap;
    expect(heat).toHaveLength(50);
    const hotCells = heat.flat().filter((n) => n > 0).length;
    expect(hotCells).toBeGreaterThan(400); // of 500: the drifts cannot be told from the noise
    expect(monitorOf(state, 't1').alertsPerDay).toBeGreaterThan(50_000);
    expect(projectScreen(state).part2!.tiles[0]!.alerts).toMatchObject({ storm: true, capacityPerDay: 50 });
    expect(projectScreen(state).part2!.tiles[1]!.alerts.storm).toBe(false);
  });

  it('shows the drifts as the only hot cells at k = 4, and finds one by investigating it', () => {
    const state = stormed(thresholds('p1', 4));
    const drifts = driftsOf(state.seed, 'cloud-titan', 0);
    const heat = monitorOf(state, 't1').heatmap;
    const hot = heat.flatMap((row, model) => row.flatMap((n, metric) => (n > 0 ? [`${model}:${metric}`] : [])));
    expect(hot.sort()).toEqual(drifts.map((d) => `${d.model}:${d.metric}`).sort());
    const found = applyAll(state, [investigateAs('p1', drifts[0]!.model, drifts[0]!.metric)]);
    expect(monitorOf(found, 't1').driftsFound).toHaveLength(1);
    const wasted = applyAll(state, [investigateAs('p1', (drifts[0]!.model + 1) % 50, drifts[0]!.metric)]);
    expect(monitorOf(wasted, 't1').driftsFound).toHaveLength(0);
    expect(part2Of(wasted)!.teams.t1!.monitor.toilMinutes).toBeGreaterThan(part2Of(state)!.teams.t1!.monitor.toilMinutes);
    // The host sees where the drifts are; the team and the projector never do.
    expect(projectHost(state, NOBODY_ONLINE).part2!.teams[0]!.drifts).toHaveLength(2);
    expect(JSON.stringify(projectScreen(state))).not.toMatch(/"drifts"/);
  });

  it('scores the team that tamed the storm and found its drifts above the one that did not', () => {
    const tamed = stormed(thresholds('p1', 4));
    const drifts = driftsOf(tamed.seed, 'cloud-titan', 0);
    const done = applyAll(tamed, drifts.map((d) => investigateAs('p1', d.model, d.metric)));
    const ops = (state: GameState) => projectHost(state, NOBODY_ONLINE).part2!.teams[0]!.ops;
    expect(ops(done)).toBeGreaterThan(ops(stormed()));
    expect(part2Of(stormed())!.teams.t1!.monitor.overrunPages).toBeGreaterThan(0);
    expect(part2Of(done)!.teams.t1!.monitor.overrunPages).toBe(0);
  });

  it('refuses a cell outside the fleet and thresholds out of range', () => {
    const state = inPart2();
    expect(outcome(reduce(state, investigateAs('p4', 40, 0)))).toBe('alerts/unknown-cell'); // Tiny Pioneer: 30 models
    expect(outcome(reduce(state, investigateAs('p1', 49, 9)))).toBe('accepted');
  });
});
