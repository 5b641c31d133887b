// A team's monitoring of its fleet (GAME.md §7): its thresholds and paging, its investigations, and what an
// alert storm costs it — on-call toil and pages beyond capacity, accumulated as expected values (no draws),
// so that the outcome depends on the team's choices, not on luck.
import type { AlertAggregation } from '../../../../protocol/views.js';
import { ALERT_STORM, MONITORING, TRACK_MODEL_COUNT } from '../../../constants.js';
import type { TeamEffects } from '../../../crises/effects.js';
import type { TrackId } from '../../../tracks.js';
import type { MonitorState } from '../types.js';
import { driftsOf } from './drifts.server.js';
import { effectiveK, falseAlertRate, pagesPerDay } from './model.js';

/** Metric noise against calm: ×4 from the storm's hour on. */
export function noiseAt(effects: TeamEffects, hour: number): number {
  return effects.stormAt !== null && hour >= effects.stormAt ? ALERT_STORM.noiseFactor : 1;
}

/** The false-alert rate and pages a day of a team's monitoring at a noise level. */
export function paging(track: TrackId, monitor: Pick<MonitorState, 'k' | 'aggregation'>, noise: number) {
  const kEff = effectiveK(monitor.k, noise);
  const fpr = falseAlertRate(kEff);
  return { kEff, fpr, pagesPerDay: pagesPerDay(TRACK_MODEL_COUNT[track], fpr, monitor.aggregation) };
}

/** The monitoring after `hours` from `from`: during a storm, toil for the pages handled and the overrun. */
export function advanceMonitor(monitor: MonitorState, track: TrackId, effects: TeamEffects, from: number, hours: number): MonitorState {
  if (effects.stormAt === null) return monitor;
  const start = Math.max(from, effects.stormAt);
  const dt = from + hours - start;
  if (dt <= 0) return monitor;
  const perHour = paging(track, monitor, ALERT_STORM.noiseFactor).pagesPerDay / 24;
  const capacity = MONITORING.capacityPerDay / 24;
  const handled = Math.min(perHour, capacity) * dt;
  return {
    ...monitor,
    toilMinutes: monitor.toilMinutes + handled * MONITORING.minutesPerPage[monitor.aggregation],
    overrunPages: monitor.overrunPages + Math.max(0, perHour - capacity) * dt,
  };
}

export const withThresholds = (monitor: MonitorState, k: number | null): MonitorState => ({ ...monitor, k });

export const withAggregation = (monitor: MonitorState, aggregation: AlertAggregation): MonitorState => ({ ...monitor, aggregation });

/** An investigation of one cell: it costs on-call minutes during a storm, and finds a drift that has begun there. */
export function investigate(
  monitor: MonitorState,
  cell: { model: number; metric: number },
  ctx: { seed: number; track: TrackId; effects: TeamEffects; hours: number },
): MonitorState {
  const { stormAt } = ctx.effects;
  const drifts = stormAt === null ? [] : driftsOf(ctx.seed, ctx.track, stormAt);
  const found = drifts.map((_, i) => monitor.found[i] ?? null);
  const index = drifts.findIndex((d, i) => d.model === cell.model && d.metric === cell.metric && d.at <= ctx.hours && found[i] === null);
  if (index >= 0) found[index] = ctx.hours;
  return {
    ...monitor,
    found,
    investigations: [...monitor.investigations, { at: ctx.hours, ...cell, found: index >= 0 }],
    toilMinutes: monitor.toilMinutes + (stormAt !== null ? MONITORING.minutesPerInvestigation : 0),
  };
}

/** The alert outcome of a storm, 0–100 (docs/scoring.md): drifts found fast, little toil, no overrun. */
export function alertOps(monitor: MonitorState, track: TrackId, effects: TeamEffects, seed: number, now: number): number {
  const stormAt = effects.stormAt;
  if (stormAt === null) return 0;
  const drifts = driftsOf(seed, track, stormAt);
  const days = Math.max(1 / 24, (now - stormAt) / 24);
  const found = drifts.reduce((sum, d, i) => {
    const at = monitor.found[i];
    return at == null ? sum : sum + Math.max(0, 1 - (at - d.at) / ALERT_STORM.delayLimitHours);
  }, 0);
  const toilRef = MONITORING.capacityPerDay * MONITORING.minutesPerPage.metric * days;
  const overrunRef = MONITORING.capacityPerDay * days;
  const points =
    60 * (found / drifts.length) + 25 * Math.max(0, 1 - monitor.toilMinutes / toilRef) + 15 * Math.max(0, 1 - monitor.overrunPages / overrunRef);
  return Math.round(points);
}
