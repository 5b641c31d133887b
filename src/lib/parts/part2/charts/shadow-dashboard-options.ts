// The ShadowModeDashboard's chart (GAME.md §5): the Confidence Clock and the cumulative failures of one run
// over simulated hours, the stages of the rollout as labelled bands behind them. Two series told apart by
// line style (solid / dashed step) and by their own axis names, not by colour alone. Pure, for tests.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import * as fmt from '../../../format.js';
import { stageShare } from '../stages.js';
import type { ChartOption, LineSeriesOption } from '../../../charts/options-types.js';
import { hoursAxis, hoursChartFrame } from '../../../charts/hours-chart.js';
import { CANARY, INK } from '../../../charts/theme.js';

export interface DashboardSample {
  hour: number;
  confidence: number;
  failures: number;
  stage: number;
}

export interface StageSpan {
  stage: number;
  from: number;
  to: number;
}

export interface DashboardSeries {
  /** [hour, confidence in %]. */
  confidence: [number, number][];
  /** [hour, failures so far]. */
  failures: [number, number][];
  /** Consecutive hours at one stage. */
  stages: StageSpan[];
}

export const DASHBOARD_SERIES = { confidence: 'Confidence %', failures: 'Failures so far' } as const;

/** The chart's points from a run's samples: out-of-order or non-finite points are dropped, never drawn. */
export function dashboardSeries(samples: readonly DashboardSample[]): DashboardSeries {
  const clean = samples
    .filter((s) => Number.isFinite(s.hour) && Number.isFinite(s.confidence) && Number.isFinite(s.failures))
    .toSorted((a, b) => a.hour - b.hour);
  const stages: StageSpan[] = [];
  for (const s of clean) {
    const open = stages.at(-1);
    // A new stage starts where the previous one ends, so the bands leave no gap.
    if (open) open.to = s.hour;
    if (!open || open.stage !== s.stage) stages.push({ stage: s.stage, from: s.hour, to: s.hour });
  }
  return {
    confidence: clean.map((s) => [s.hour, Math.min(100, Math.max(0, s.confidence * 100))]),
    failures: clean.map((s) => [s.hour, Math.max(0, s.failures)]),
    stages,
  };
}

/** What a screen reader announces for the chart. */
export function dashboardDescription(series: DashboardSeries, target: number): string {
  const last = series.confidence.at(-1);
  const failures = series.failures.at(-1)?.[1] ?? 0;
  if (!last) return 'No evidence yet.';
  const path = series.stages.map((s) => stageShare(s.stage)).join(' → ');
  return `After ${Math.round(last[0] - series.confidence[0]![0])} simulated hours: confidence ${fmt.confidence(last[1] / 100)} of a ${fmt.targetPercent(target)} target, ${failures} failures; stages ${path}.`;
}

type MarkAreaData = NonNullable<NonNullable<LineSeriesOption['markArea']>['data']>;

/** The ECharts option of the dashboard chart; `target` is the run's C (0–1). */
export function shadowDashboardOptions(series: DashboardSeries, target: number): ChartOption {
  const first = series.confidence[0]?.[0] ?? 0;
  const last = series.confidence.at(-1)?.[0] ?? first;
  const maxFailures = Math.max(1, ...series.failures.map(([, f]) => f));
  const bands: MarkAreaData = series.stages.map((span, i) => [
    {
      xAxis: span.from,
      name: stageShare(span.stage),
      // Alternate shades so that neighbouring stages stay apart; each band is named by its label anyway.
      itemStyle: { color: INK.muted, opacity: i % 2 === 0 ? 0.06 : 0.12 },
      label: { color: INK.muted, fontSize: 11, position: 'insideTopLeft' },
    },
    { xAxis: Math.max(span.to, span.from) },
  ]);
  const confidence: LineSeriesOption = {
    type: 'line',
    name: DASHBOARD_SERIES.confidence,
    yAxisIndex: 0,
    symbol: 'none',
    color: CANARY.confidence,
    lineStyle: { width: 2.5 },
    areaStyle: { opacity: 0.12 },
    data: series.confidence,
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: CANARY.target, type: 'dashed', width: 1.5 },
      // At the right end, below the line: the stage names sit at the top left of their bands.
      label: { color: CANARY.target, position: 'insideEndBottom', formatter: `target ${fmt.targetPercent(target)}` },
      data: [{ yAxis: Math.min(100, target * 100) }],
    },
    markArea: { silent: true, data: bands },
  };
  const failures: LineSeriesOption = {
    type: 'line',
    name: DASHBOARD_SERIES.failures,
    yAxisIndex: 1,
    step: 'end',
    symbol: 'none',
    color: CANARY.failures,
    lineStyle: { width: 2, type: 'dashed' },
    data: series.failures,
  };
  return {
    ...hoursChartFrame(dashboardDescription(series, target), 40),
    xAxis: {
      ...hoursAxis(first, last),
      name: 'simulated h',
      nameLocation: 'end',
      nameTextStyle: { color: INK.muted, fontSize: 11, verticalAlign: 'top', padding: [8, 0, 0, 0] },
      axisLabel: { color: INK.muted, fontSize: 11, hideOverlap: true, formatter: (v: number) => `${Math.round(v)}` },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { color: INK.muted, fontSize: 11, formatter: '{value} %' },
        splitLine: { lineStyle: { color: INK.grid } },
      },
      {
        type: 'value',
        min: 0,
        max: maxFailures,
        minInterval: 1,
        axisLabel: { color: CANARY.failures, fontSize: 11 },
        splitLine: { show: false },
      },
    ],
    series: [confidence, failures],
  };
}
