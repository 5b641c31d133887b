// What a team, the projector and the host read of a fleet's monitoring (GAME.md §7, §9). The team: its
// thresholds, the chapter's arithmetic, the last hour's heatmap and the drifts it found. The host also gets
// the storm's hidden drifts.
import type { MonitorView } from '../../../../protocol/views.js';
import { MONITORING, TRACK_MODEL_COUNT } from '../../../constants.js';
import type { TeamEffects } from '../../../crises/effects.js';
import type { TrackId } from '../../../tracks.js';
import type { MonitorState } from '../types.js';
import { driftsOf } from './drifts.server.js';
import { heatmapOf } from './heatmap.js';
import { alertsPerDay } from './model.js';
import { noiseAt, paging } from './monitor.js';

type Where = { seed: number; track: TrackId; effects: TeamEffects; now: number };

/** The drifts of the storm that struck a team, with when the team found each (host only). */
export function driftsView(monitor: MonitorState, where: Where) {
  const stormAt = where.effects.stormAt;
  if (stormAt === null) return [];
  return driftsOf(where.seed, where.track, stormAt).map((d, i) => ({ ...d, foundAt: monitor.found[i] ?? null }));
}

/** The alerts a day of a team's monitoring now, for the projector's tile. */
export function alertsNow(monitor: MonitorState, where: Where) {
  const { fpr } = paging(where.track, monitor, noiseAt(where.effects, where.now));
  return {
    storm: where.effects.stormAt !== null && where.now >= where.effects.stormAt,
    alertsPerDay: alertsPerDay(TRACK_MODEL_COUNT[where.track], fpr),
    capacityPerDay: MONITORING.capacityPerDay,
    driftsFound: monitor.found.filter((at) => at != null).length,
  };
}

/** The team's monitoring as the host's row carries it: everything but the heatmap. */
export function monitorSummary(monitor: MonitorState, where: Where): Omit<MonitorView, 'heatmap'> {
  const { heatmap: _heatmap, ...summary } = monitorView(monitor, where, false);
  return summary;
}

export function monitorView(monitor: MonitorState, where: Where, withHeatmap = true): MonitorView {
  const noise = noiseAt(where.effects, where.now);
  const { kEff, fpr, pagesPerDay } = paging(where.track, monitor, noise);
  const models = TRACK_MODEL_COUNT[where.track];
  return {
    models,
    metrics: MONITORING.metricsPerModel,
    k: monitor.k,
    kEff,
    noise,
    aggregation: monitor.aggregation,
    falseAlertRate: fpr,
    alertsPerDay: alertsPerDay(models, fpr),
    pagesPerDay,
    capacityPerDay: MONITORING.capacityPerDay,
    heatmap: withHeatmap ? heatmapOf(monitor, where) : [],
    investigations: monitor.investigations.map((i) => ({ ...i })),
    storm: noise > 1,
    driftsFound: driftsView(monitor, where).flatMap((d) => (d.foundAt === null ? [] : [d as typeof d & { foundAt: number }])),
    toilMinutes: monitor.toilMinutes,
    overrunPages: monitor.overrunPages,
  };
}
