// The charts of Part 3's instruments (GAME.md §6), as pure option builders: the consistency check's two feature
// distributions side by side (training vs served, 10 bins), and the Ensemble Trace's measured system metric per
// simulated hour against the floor. Series differ by a hatch or a dash and by their legend names, not by colour
// alone; each chart carries a description for screen readers.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { ConsistencyCheck, Ensemble } from '../../../../../shared/protocol/views.js';
import type { BarSeriesOption, ChartOption, LineSeriesOption } from '../../../charts/options-types.js';
import { hoursAxis, hoursChartFrame, wholeHours } from '../../../charts/hours-chart.js';
import { ENSEMBLE, FONT, INK } from '../../../charts/theme.js';
import * as fmt from '../../../format.js';
import { psiName } from '../ensemble-words.js';

const axisLabel = { color: INK.muted, fontSize: 11 } as const;

/** The legend names of the check's two distributions: which features each one is. */
export function histogramNames(check: Pick<ConsistencyCheck, 'trainedOn' | 'serving'>): { training: string; served: string } {
  return { training: `Trained on (features_${check.trainedOn})`, served: `Served now (features_${check.serving})` };
}

/** What a screen reader hears of the histograms: where the two distributions differ most. */
export function histogramDescription(check: ConsistencyCheck): string {
  let widest = 0;
  for (let i = 1; i < check.served.length; i++) {
    if (Math.abs(check.served[i]! - check.training[i]!) > Math.abs(check.served[widest]! - check.training[widest]!)) widest = i;
  }
  const gap = check.served[widest]! - check.training[widest]!;
  const where = Math.abs(gap) < 1e-9 ? 'The two distributions are identical' : `They differ most in bin ${widest + 1}: ${fmt.percent(check.training[widest]!)} in training, ${fmt.percent(check.served[widest]!)} served`;
  return `Feature distributions over 10 bins, trained on ${check.trainedOn} against served ${check.serving}. ${where}. ${psiName('training-serving', true)} ${fmt.psi(check.psi.value)}.`;
}

/** The consistency check's bar chart: shares in percent per bin, training filled, served hatched. */
export function histogramOptions(check: ConsistencyCheck): ChartOption {
  const names = histogramNames(check);
  const bins = check.training.map((_, i) => String(i + 1));
  const bar = (name: string, data: readonly number[], color: string, hatched: boolean): BarSeriesOption => ({
    type: 'bar',
    name,
    data: data.map((x) => Number((x * 100).toFixed(1))),
    barGap: '10%',
    itemStyle: {
      color,
      // A diagonal hatch on the served bars: told apart without colour.
      ...(hatched ? { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: 'rgba(4, 18, 28, 0.55)' } } : {}),
    },
  });
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text },
    aria: { enabled: true, label: { description: histogramDescription(check) } },
    tooltip: { show: false },
    legend: { top: 0, left: 0, selectedMode: false, textStyle: { color: INK.text, fontSize: 12 }, itemWidth: 18 },
    grid: { left: 8, right: 8, top: 44, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category',
      data: bins,
      name: 'bin',
      nameLocation: 'end',
      nameTextStyle: { color: INK.muted, fontSize: 11, verticalAlign: 'top', padding: [8, 0, 0, 0] },
      axisLine: { lineStyle: { color: INK.axis } },
      axisLabel,
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { ...axisLabel, formatter: '{value} %' },
      splitLine: { lineStyle: { color: INK.grid } },
    },
    series: [bar(names.training, check.training, ENSEMBLE.training, false), bar(names.served, check.served, ENSEMBLE.served, true)],
  };
}

export const TRACE_SERIES = { measured: 'System, measured', floor: (floor: number) => `Floor ${fmt.percentValue(floor)}` } as const;

/**
 * [hour, measured %] points; an hour without labelled requests is a gap (null), never a zero. The hour the clock
 * is in (`now`) is still filling up: a handful of requests would swing the line, so it waits until complete.
 */
export function tracePoints(samples: Ensemble['samples'], now = Infinity): [number, number | null][] {
  const current = Math.floor(now);
  return samples
    .filter((s) => Number.isFinite(s.hour) && s.hour < current)
    .toSorted((a, b) => a.hour - b.hour)
    .map((s) => [s.hour, s.measured === null || !Number.isFinite(s.measured) ? null : s.measured]);
}

/** What a screen reader hears of the trace chart. */
export function traceDescription(samples: Ensemble['samples'], floor: number, metric: string, now = Infinity): string {
  const points = tracePoints(samples, now).filter((p): p is [number, number] => p[1] !== null);
  if (points.length === 0) return `No complete hour of ${metric} measured yet.`;
  const below = points.filter(([, m]) => m < floor).length;
  const last = points.at(-1)!;
  return `Measured ${metric} per simulated hour, ${points.length} hours: now ${fmt.percentValue(last[1])} against a floor of ${fmt.percentValue(floor)}; ${below} of ${points.length} hours below the floor.`;
}

/** The y range: the floor, the trained metric and every measurement in view, on whole ticks of a round step. */
export function traceBounds(points: readonly [number, number | null][], floor: number, trained: number): { min: number; max: number; interval: number } {
  const values = [floor, trained, ...points.flatMap(([, m]) => (m === null ? [] : [m]))];
  const low = Math.min(...values) - 1;
  const high = Math.max(...values) + 1;
  const interval = high - low <= 6 ? 1 : high - low <= 12 ? 2 : 5;
  const min = Math.max(0, Math.floor(low / interval) * interval);
  const max = Math.min(100, Math.ceil(high / interval) * interval);
  return { min, max: Math.max(max, min + interval), interval };
}

/** The Ensemble Trace's line chart: measured system metric per hour, the floor as a dashed line. */
export function traceOptions(samples: Ensemble['samples'], spec: Pick<Ensemble['spec'], 'floor' | 'trained' | 'metric'>, now = Infinity): ChartOption {
  const points = tracePoints(samples, now);
  const first = points[0]?.[0] ?? 0;
  const last = points.at(-1)?.[0] ?? first;
  const hours = wholeHours(first, last);
  const bounds = traceBounds(points, spec.floor, spec.trained);
  const measured: LineSeriesOption = {
    type: 'line',
    name: TRACE_SERIES.measured,
    symbol: points.length < 3 ? 'circle' : 'none',
    connectNulls: false,
    color: ENSEMBLE.measured,
    lineStyle: { width: 2.5 },
    data: points,
  };
  // The floor as a series of its own, not a mark line: the legend names it, and no label sits on the data.
  const floor: LineSeriesOption = {
    type: 'line',
    name: TRACE_SERIES.floor(spec.floor),
    symbol: 'none',
    silent: true,
    color: ENSEMBLE.floor,
    lineStyle: { type: 'dashed', width: 2 },
    data: [
      [hours.min, spec.floor],
      [hours.max, spec.floor],
    ],
  };
  return {
    ...hoursChartFrame(traceDescription(samples, spec.floor, spec.metric, now), 36),
    xAxis: {
      ...hoursAxis(first, last),
      // Under the axis, not at its end: a phone-wide chart has no width to spare for it.
      name: 'simulated hour',
      nameLocation: 'middle',
      nameGap: 22,
      nameTextStyle: { color: INK.muted, fontSize: 11 },
      axisLabel: { ...axisLabel, hideOverlap: true, formatter: (v: number) => `${Math.round(v)}` },
    },
    yAxis: {
      type: 'value',
      min: bounds.min,
      max: bounds.max,
      interval: bounds.interval,
      axisLabel: { ...axisLabel, formatter: '{value} %' },
      splitLine: { lineStyle: { color: INK.grid } },
    },
    series: [measured, floor],
  };
}
