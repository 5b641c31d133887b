// OpsBreakEvenPlot (GAME.md §4): a team's yearly cost of running N models by hand against the platform, with
// the team capacity, the locked prediction and — after the reveal — N*. Pure: the browser recomputes it on
// every slider step from the shared cost model, without a server round trip.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import {
  manualCost,
  manualHourComponents,
  platformCost,
  type CostParams,
} from '../../../../../shared/sim/parts/part1/roi-model.js';
import * as fmt from '../../../format.js';
import type { ChartOption, LineSeriesOption, ScatterSeriesOption } from '../../../charts/options-types.js';
import { FONT, INK, SERIES } from '../../../charts/theme.js';

export interface BreakEvenInput {
  /** The N slider: models run today or considered. */
  n: number;
  /** The h slider: heterogeneity. */
  h: number;
  /** Platform capex, dollars. */
  capex: number;
  /** Engineer cost, dollars per hour. */
  engineerCost: number;
  /** Engineer-hours a team can spend on operations per year. */
  capacityHours: number;
  /** Show the three manual components as stacked areas. */
  stacked: boolean;
  /** The team's locked prediction, or null. */
  prediction: number | null;
  /** The true break-even N* — only after the reveal, else null. */
  nStar: number | null;
  /** Right end of the N axis; widened if a mark (N, prediction, N*) lies beyond it. */
  xMax: number;
}

/** Points per curve: smooth at 360 px wide, cheap enough to rebuild on every slider step. */
const MAX_POINTS = 200;

export const BREAK_EVEN_SERIES = {
  manual: 'Manual (toil)',
  platform: 'Platform (capex + toil)',
  alerts: 'Alerts O(N)',
  deployment: 'Deployment O(N log N)',
  dependencies: 'Dependencies O(N²)',
  current: 'Current N',
} as const;

/** The N values sampled: 1 … xMax, every integer when few, always including N itself so the marker sits on the curve. */
export function sampleModelCounts(xMax: number, n: number): number[] {
  const end = Math.max(1, Math.ceil(xMax));
  const step = Math.max(1, Math.ceil(end / MAX_POINTS));
  const values = new Set<number>();
  for (let v = 1; v <= end; v += step) values.add(v);
  values.add(end);
  if (n >= 1 && n <= end) values.add(n);
  return [...values].sort((a, b) => a - b);
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function componentSeries(ns: number[], h: number, engineerCost: number): LineSeriesOption[] {
  const parts = [
    { key: 'alerts', dash: 'dotted', opacity: 0.45 },
    { key: 'deployment', dash: 'dashed', opacity: 0.35 },
    { key: 'dependencies', dash: 'solid', opacity: 0.3 },
  ] as const;
  return parts.map(({ key, dash, opacity }) => ({
    type: 'line',
    name: BREAK_EVEN_SERIES[key],
    stack: 'manual-components',
    symbol: 'none',
    silent: true,
    color: SERIES[key],
    lineStyle: { width: 1.5, type: dash },
    areaStyle: { opacity },
    data: ns.map((v) => [v, finite(engineerCost * manualHourComponents(v, h)[key])]),
  }));
}

// Labels sit on the lines they name: a solid backing keeps them readable where they cross a curve.
const MARK_LABEL = { fontSize: 12, backgroundColor: INK.surface, padding: [2, 4], borderRadius: 3 };
/** Height of one row of mark labels above the plot, px. */
const ROW_HEIGHT = 20;

type MarkLineDatum = NonNullable<NonNullable<LineSeriesOption['markLine']>['data']>[number];

/** The reference lines: capacity (horizontal), current N, the prediction and N* (vertical). */
function markLines(input: BreakEvenInput): MarkLineDatum[] {
  // Vertical marks are labelled above the plot, one row each (N nearest, then the prediction, then N*):
  // horizontal text stays readable on a phone, and rows never collide however close the three values are.
  const marks: MarkLineDatum[] = [];
  const vertical = (x: number, label: string, colour: string, type: 'solid' | 'dashed' | 'dotted', width: number) => {
    const row = marks.length;
    marks.push({
      xAxis: x,
      lineStyle: { color: colour, type, width },
      label: { ...MARK_LABEL, formatter: label, position: 'end', distance: 4 + row * ROW_HEIGHT, color: colour, fontWeight: 'bold' },
    });
  };
  vertical(input.n, `N = ${input.n}`, SERIES.current, 'dotted', 1.5);
  if (input.prediction !== null) vertical(input.prediction, `Your prediction: ${input.prediction}`, SERIES.prediction, 'dashed', 2);
  if (input.nStar !== null) vertical(input.nStar, `N* = ${input.nStar}`, SERIES.nStar, 'solid', 3);
  // Last, so that its label is drawn over the vertical lines it crosses.
  marks.push({
    yAxis: input.capacityHours * input.engineerCost,
    lineStyle: { color: SERIES.capacity, type: 'dotted', width: 2 },
    label: { ...MARK_LABEL, formatter: 'Team capacity', position: 'insideEndTop', color: SERIES.capacity },
  });
  return marks;
}

/** Height of a legend entry and the gap between entries, px. */
const LEGEND_ROW = 14;
const LEGEND_GAP = 6;

function legendRows(input: BreakEvenInput): number {
  return input.stacked ? 5 : 2;
}

/** How many rows of mark labels sit above the plot. */
function markRows(input: BreakEvenInput): number {
  return 1 + (input.prediction !== null ? 1 : 0) + (input.nStar !== null ? 1 : 0);
}

/** What a screen reader announces for the chart: the numbers a sighted player reads off it. */
export function breakEvenDescription(input: BreakEvenInput): string {
  const params: CostParams = { capex: input.capex, engineerCost: input.engineerCost };
  const parts = [
    `Yearly cost against the number of models N, heterogeneity h = ${input.h}.`,
    `At N = ${input.n}: manual ${fmt.dollars(manualCost(input.n, input.h, params))}, platform ${fmt.dollars(platformCost(input.n, params))}.`,
    `Team capacity ${fmt.count(input.capacityHours)} engineer-hours, ${fmt.dollars(input.capacityHours * input.engineerCost)} per year.`,
  ];
  if (input.prediction !== null) parts.push(`Your prediction: N = ${input.prediction}.`);
  if (input.nStar !== null) parts.push(`Break-even N* = ${input.nStar}.`);
  return parts.join(' ');
}

/** The ECharts option of the OpsBreakEvenPlot. */
export function breakEvenOptions(input: BreakEvenInput): ChartOption {
  const params: CostParams = { capex: input.capex, engineerCost: input.engineerCost };
  const xMax = Math.max(input.xMax, input.n, input.prediction ?? 0, input.nStar ?? 0, 2);
  const ns = sampleModelCounts(xMax, input.n);
  const manualAtN = finite(manualCost(input.n, input.h, params));
  const platformAtN = finite(platformCost(input.n, params));

  const manual: LineSeriesOption = {
    type: 'line',
    name: BREAK_EVEN_SERIES.manual,
    // The legend shows each line with the shape of its marker at N (circle, diamond): a second cue besides colour.
    symbol: 'circle',
    showSymbol: false,
    color: SERIES.manual,
    lineStyle: { width: 3, type: 'solid' },
    z: 3,
    endLabel: { show: true, formatter: 'Manual', color: SERIES.manual, fontWeight: 'bold', fontSize: 12 },
    data: ns.map((v) => [v, finite(manualCost(v, input.h, params))]),
    markLine: { silent: true, symbol: ['none', 'none'], animation: false, data: markLines(input) },
  };
  const platform: LineSeriesOption = {
    type: 'line',
    name: BREAK_EVEN_SERIES.platform,
    symbol: 'diamond',
    showSymbol: false,
    color: SERIES.platform,
    lineStyle: { width: 3, type: 'dashed' },
    z: 3,
    endLabel: { show: true, formatter: 'Platform', color: SERIES.platform, fontWeight: 'bold', fontSize: 12 },
    data: ns.map((v) => [v, finite(platformCost(v, params))]),
  };
  // Two markers of different shapes where the slider's N meets each curve.
  const current: ScatterSeriesOption = {
    type: 'scatter',
    name: BREAK_EVEN_SERIES.current,
    z: 4,
    symbolSize: 12,
    itemStyle: { borderColor: INK.surface, borderWidth: 2 },
    data: [
      { value: [input.n, manualAtN], symbol: 'circle', itemStyle: { color: SERIES.manual } },
      { value: [input.n, platformAtN], symbol: 'diamond', itemStyle: { color: SERIES.platform } },
    ],
    tooltip: { show: false },
  };

  const series = [...(input.stacked ? componentSeries(ns, input.h, input.engineerCost) : []), manual, platform, current];

  return {
    // Redrawn on every slider step: an animation would lag behind the thumb (and ignore reduced motion).
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text },
    aria: { enabled: true, label: { description: breakEvenDescription(input) }, decal: { show: input.stacked } },
    // Room on the right for the end labels ("Platform"), above for the rows of mark labels, at the bottom for
    // the legend.
    grid: { left: 4, right: 64, top: 12 + markRows(input) * ROW_HEIGHT, bottom: 8 + legendRows(input) * (LEGEND_ROW + LEGEND_GAP), outerBoundsMode: 'same', outerBoundsContain: 'all' },
    // One entry per row: its height is then known at any width, so it can never run into the axis name.
    legend: {
      orient: 'vertical',
      bottom: 0,
      left: 0,
      selectedMode: false,
      itemWidth: 28,
      itemHeight: 12,
      itemGap: LEGEND_GAP,
      textStyle: { color: INK.text, fontSize: 12 },
      data: [
        BREAK_EVEN_SERIES.manual,
        BREAK_EVEN_SERIES.platform,
        // Areas have no marker: their legend shows the dash pattern alone.
        ...(input.stacked
          ? [BREAK_EVEN_SERIES.alerts, BREAK_EVEN_SERIES.deployment, BREAK_EVEN_SERIES.dependencies].map((name) => ({
              name,
              itemStyle: { opacity: 0 },
            }))
          : []),
      ],
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      backgroundColor: INK.surface,
      borderColor: INK.axis,
      textStyle: { color: INK.text, fontSize: 13 },
      valueFormatter: (value) => (typeof value === 'number' ? fmt.dollars(value) : String(value)),
      axisPointer: { type: 'line', lineStyle: { color: INK.muted } },
    },
    xAxis: {
      type: 'value',
      name: 'Models (N)',
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: INK.muted, fontSize: 12 },
      min: 1,
      max: Math.ceil(xMax),
      axisLine: { lineStyle: { color: INK.axis } },
      axisLabel: { color: INK.muted, fontSize: 12 },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: 'Cost ($/year)',
      nameLocation: 'middle',
      nameGap: 44,
      nameTextStyle: { color: INK.muted, fontSize: 12 },
      min: 0,
      axisLabel: { color: INK.muted, fontSize: 12, formatter: (value: number) => fmt.dollarsShort(value) },
      splitLine: { lineStyle: { color: INK.grid } },
    },
    series,
  };
}
