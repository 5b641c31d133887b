// The alert-noise panel's rules (GAME.md §7, the alert storm): the chapter's arithmetic N·M·FPR·288 with this
// moment's numbers, alerts against the on-call's capacity on a log scale, what a threshold would do before the
// team sets it, the heatmap's hottest cells and what investigating each found. Readings come from the server's
// MonitorView; previews use the same shared formulas the server does (alerts/model.ts), never a hidden truth.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { AlertAggregation, MonitorView } from '../../../../../shared/protocol/views.js';
import { ALERT_STORM, MONITORING } from '../../../../../shared/sim/constants.js';
import { alertsPerDay, driftAlertRate, effectiveK, falseAlertRate, pagesPerDay } from '../../../../../shared/sim/parts/part2/alerts/model.js';
import type { MathLine } from '../../../charts/math-line.js';
import * as fmt from '../../../format.js';

/** Checks of one cell in the heatmap's hour (every 5 minutes). */
export const CHECKS_PER_HOUR = MONITORING.checksPerDay / 24;

/** A model × metric cell as people read it: 1-based, "model 23 · metric 9". */
export function cellName(model: number, metric: number): string {
  return `model ${model + 1} · metric ${metric + 1}`;
}

/** A false-alert rate per check, small ones in scientific-ish words: 0.003 → "0.003", 7.1e-5 → "0.000071". */
export function perCheck(rate: number): string {
  if (!(rate > 0)) return '0';
  if (rate >= 0.01) return fmt.decimal(rate, 3);
  const digits = Math.min(12, 1 - Math.floor(Math.log10(rate)));
  return rate.toFixed(digits).replace(/0+$/, '');
}

/** The thresholds in force, in words: "static 3σ (0.75σ of the storm's noise)" or "k = 4σ, per model". */
export function thresholdWords(monitor: Pick<MonitorView, 'k' | 'kEff' | 'noise'>): string {
  if (monitor.k === null) {
    return monitor.noise > 1
      ? `static ${MONITORING.staticK}σ — set on calm noise, only ${fmt.decimal(monitor.kEff, 2)}σ of the storm's`
      : `static ${MONITORING.staticK}σ`;
  }
  return `k = ${fmt.decimal(monitor.k, 1)}σ, re-estimated per model`;
}

/** The Math Peek: alerts a day = N · M · FPR · 288, the FPR of the thresholds, and the pages they make. */
export function alertMath(monitor: MonitorView): MathLine[] {
  const { models: n, metrics: m, falseAlertRate: fpr } = monitor;
  const checks = MONITORING.checksPerDay;
  const lines: MathLine[] = [
    {
      name: 'FPR',
      formula: `0.003 · P(Z > k) / P(Z > 3)`,
      substituted: `k = ${fmt.decimal(monitor.kEff, 2)}σ of the noise now${monitor.k === null && monitor.noise > 1 ? ` (3σ ÷ noise ×${fmt.decimal(monitor.noise, 0)})` : ''}`,
      result: `${perCheck(fpr)} false alerts per check`,
    },
    {
      name: 'alerts/day',
      formula: 'N · M · FPR · 288',
      substituted: `${n} · ${m} · ${perCheck(fpr)} · ${checks}`,
      result: `${fmt.count(monitor.alertsPerDay)} a day against a capacity of ${monitor.capacityPerDay}`,
    },
  ];
  if (monitor.aggregation !== 'metric') {
    const formula =
      monitor.aggregation === 'model' ? 'N · 288 · (1 − (1 − FPR)^M)' : '288 · (1 − (1 − FPR)^(N·M))';
    const substituted =
      monitor.aggregation === 'model'
        ? `${n} · ${checks} · (1 − (1 − ${perCheck(fpr)})^${m})`
        : `${checks} · (1 − (1 − ${perCheck(fpr)})^${n * m})`;
    lines.push({ name: 'pages/day', formula, substituted, result: `${fmt.count(monitor.pagesPerDay)} pages a day` });
  }
  return lines;
}

export interface LoadMeter {
  /** Positions along a log scale from 1 to 100,000 a day, 0–1. */
  alertsAt: number;
  capacityAt: number;
  /** Alerts a day over the capacity, and how many times over. */
  over: boolean;
  times: number;
}

const METER_MAX = 100_000;
const logPosition = (value: number) => Math.min(1, Math.max(0, Math.log10(Math.max(1, value)) / Math.log10(METER_MAX)));

/** Alerts a day against the capacity line on a log scale (the storm's 72,000 and the capacity's 50 both fit). */
export function loadMeter(perDay: number, capacity: number): LoadMeter {
  return {
    alertsAt: logPosition(perDay),
    capacityAt: logPosition(capacity),
    over: perDay > capacity,
    times: capacity > 0 ? perDay / capacity : Infinity,
  };
}

/** The log scale's labelled ticks: 1, 10, …, 100,000 a day, with their positions. */
export const METER_TICKS = [1, 10, 100, 1_000, 10_000, 100_000].map((v) => ({ value: v, at: logPosition(v), label: v >= 1000 ? `${v / 1000}k` : String(v) }));

export interface ThresholdPreview {
  k: number;
  /** False alerts a day on this fleet at k (thresholds re-estimated: the storm's noise does not move them). */
  alertsPerDay: number;
  /** The chance a check of a metric drifted by the storm's drift size fires, and the hours to its first alert. */
  driftPerCheck: number;
  hoursToFirstAlert: number;
}

/** What k·σ thresholds would do on a fleet of `models`: false alerts a day, and how fast a real drift fires. */
export function thresholdPreview(models: number, k: number): ThresholdPreview {
  const fpr = falseAlertRate(effectiveK(k, 1));
  const driftPerCheck = driftAlertRate(k, ALERT_STORM.driftSigma);
  return {
    k,
    alertsPerDay: alertsPerDay(models, fpr),
    driftPerCheck,
    hoursToFirstAlert: 1 / (driftPerCheck * CHECKS_PER_HOUR),
  };
}

/** The one-line trade-off under the threshold control. */
export const THRESHOLD_TRADE_OFF = 'Higher k: fewer false alerts, but later or missed real drifts.';

export interface AggregationOption {
  value: AlertAggregation;
  label: string;
  /** Pages a day at the thresholds in force, and on-call minutes each. */
  pagesPerDay: number;
  minutesPerPage: number;
}

const AGGREGATION_LABELS: Record<AlertAggregation, string> = {
  metric: 'Page per metric',
  model: 'Page per model',
  fleet: 'Page per fleet',
};

/** The three ways to page, each with what it would send the on-call at the current false-alert rate. */
export function aggregationOptions(monitor: Pick<MonitorView, 'models' | 'falseAlertRate'>): AggregationOption[] {
  return (['metric', 'model', 'fleet'] as const).map((value) => ({
    value,
    label: AGGREGATION_LABELS[value],
    pagesPerDay: pagesPerDay(monitor.models, monitor.falseAlertRate, value),
    minutesPerPage: MONITORING.minutesPerPage[value],
  }));
}

export type CellStatus = 'found' | 'noise' | null;

export interface HotCell {
  model: number;
  metric: number;
  name: string;
  /** Alerts in the last simulated hour (of 12 checks). */
  count: number;
  /** What the team's investigations of the cell found: a drift, noise only, or not investigated. */
  status: CellStatus;
}

/** Per cell, what the team's investigations found there: 'found' wins over 'noise' (a drift may begin later). */
export function cellStatuses(monitor: Pick<MonitorView, 'investigations' | 'driftsFound'>): Map<string, CellStatus> {
  const statuses = new Map<string, CellStatus>();
  for (const i of monitor.investigations) statuses.set(cellKey(i.model, i.metric), i.found ? 'found' : (statuses.get(cellKey(i.model, i.metric)) ?? 'noise'));
  for (const d of monitor.driftsFound) statuses.set(cellKey(d.model, d.metric), 'found');
  return statuses;
}

export const cellKey = (model: number, metric: number) => `${model}:${metric}`;

/** The hottest cells of the last hour (any alert), most alerts first, at most `limit`. */
export function hottestCells(monitor: Pick<MonitorView, 'heatmap' | 'investigations' | 'driftsFound'>, limit = 5): HotCell[] {
  const statuses = cellStatuses(monitor);
  const cells: HotCell[] = [];
  monitor.heatmap.forEach((row, model) =>
    row.forEach((count, metric) => {
      if (count > 0) cells.push({ model, metric, name: cellName(model, metric), count, status: statuses.get(cellKey(model, metric)) ?? null });
    }),
  );
  return cells.sort((a, b) => b.count - a.count || a.model - b.model || a.metric - b.metric).slice(0, limit);
}

/** The heatmap's colour step of a cell: 0 (quiet) to 4 (fires on most checks of the hour). */
export function heatLevel(count: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  if (count <= 1) return 1;
  if (count <= 3) return 2;
  if (count <= 6) return 3;
  return 4;
}

/** Past this share of lit cells the noise drowns the drifts: the hottest cells say nothing yet. */
export const DROWNED_SHARE = 0.5;

/** How much of the heatmap is lit: cells with any alert in the last hour, of all. */
export function litShare(heatmap: readonly (readonly number[])[]): { lit: number; cells: number } {
  let lit = 0;
  let cells = 0;
  for (const row of heatmap) for (const count of row) {
    cells += 1;
    if (count > 0) lit += 1;
  }
  return { lit, cells };
}

export interface FoundDrift {
  name: string;
  /** When it began, when the team found it, and the delay in between (hours). */
  at: number;
  foundAt: number;
  delay: number;
}

/** The drifts the team found, in the order it found them, with their detection delay. */
export function foundDrifts(monitor: Pick<MonitorView, 'driftsFound'>): FoundDrift[] {
  return monitor.driftsFound
    .map((d) => ({ name: cellName(d.model, d.metric), at: d.at, foundAt: d.foundAt, delay: Math.max(0, d.foundAt - d.at) }))
    .sort((a, b) => a.foundAt - b.foundAt);
}

/** The storm's drifts (public: the crisis says how many there are). */
export const STORM_DRIFTS = ALERT_STORM.drifts;
