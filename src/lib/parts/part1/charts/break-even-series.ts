// The OpsBreakEvenPlot's series (GAME.md §4): the manual and platform cost curves, the manual cost's three
// components as stacked areas, and the markers where the slider's N meets the curves. Pure, like the options.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import {
  manualCost,
  manualHourComponents,
  platformCost,
  type CostParams,
} from '../../../../../shared/sim/parts/part1/roi-model.js';
import type { LineSeriesOption, ScatterSeriesOption } from '../../../charts/options-types.js';
import { INK, SERIES } from '../../../charts/theme.js';

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

export function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

export function componentSeries(ns: number[], h: number, engineerCost: number): LineSeriesOption[] {
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

/** A cost curve: the manual one solid with a circle marker, the platform dashed with a diamond (a second cue
    besides colour: the legend shows each line with the shape of its marker at N). */
export function costLine(kind: 'manual' | 'platform', ns: number[], h: number, params: CostParams): LineSeriesOption {
  const manual = kind === 'manual';
  return {
    type: 'line',
    name: BREAK_EVEN_SERIES[kind],
    symbol: manual ? 'circle' : 'diamond',
    showSymbol: false,
    color: SERIES[kind],
    lineStyle: { width: 3, type: manual ? 'solid' : 'dashed' },
    z: 3,
    endLabel: { show: true, formatter: manual ? 'Manual' : 'Platform', color: SERIES[kind], fontWeight: 'bold', fontSize: 12 },
    data: ns.map((v) => [v, finite(manual ? manualCost(v, h, params) : platformCost(v, params))]),
  };
}

/** Two markers of different shapes where the slider's N meets each curve. */
export function currentMarkers(n: number, h: number, params: CostParams): ScatterSeriesOption {
  return {
    type: 'scatter',
    name: BREAK_EVEN_SERIES.current,
    z: 4,
    symbolSize: 12,
    itemStyle: { borderColor: INK.surface, borderWidth: 2 },
    data: [
      { value: [n, finite(manualCost(n, h, params))], symbol: 'circle', itemStyle: { color: SERIES.manual } },
      { value: [n, finite(platformCost(n, params))], symbol: 'diamond', itemStyle: { color: SERIES.platform } },
    ],
    tooltip: { show: false },
  };
}
