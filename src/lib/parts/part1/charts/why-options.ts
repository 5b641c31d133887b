// The projector's "why" of Part 1's reveal (GAME.md §4): N* against heterogeneity h, with the four tracks on
// the curve, and the shared manual cost curve with its O(N²) dependency term shaded against the platform's
// line — heterogeneity multiplies the N² term, so the platform pays off at fewer models. Both from the public
// cost model (roi-model.ts: formulas and the public settings, no hidden truth). Pure, for tests.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import {
  breakEvenModels,
  manualCost,
  manualHourComponents,
  platformCost,
  type CostParams,
} from '../../../../../shared/sim/parts/part1/roi-model.js';
import { TRACKS, type TrackId } from '../../../../../shared/sim/tracks.js';
import type { ChartOption, LineSeriesOption, ScatterSeriesOption } from '../../../charts/options-types.js';
import { FONT, INK, SERIES, TRACK_COLOURS } from '../../../charts/theme.js';
import { finite } from './break-even-series.js';

/** The h axis of the N*(h) curve: the workbench slider's range. */
export const H_RANGE = { min: 0.5, max: 5, step: 0.1 } as const;

export const WHY_SERIES = {
  nStar: 'N* (break-even models)',
  linear: 'O(N) + O(N log N)',
  quadratic: 'O(N²) at h = 1',
  platform: 'Platform (capex + toil)',
} as const;

export interface TrackPoint {
  track: TrackId;
  h: number;
  /** The track's N* as the server revealed it. */
  nStar: number;
}

/** The tracks in play with their revealed h and N*, in track order. */
export function trackPoints(truths: readonly { track: TrackId; h: number; actual: number }[]): TrackPoint[] {
  const seen = new Map<TrackId, { h: number; actual: number }>();
  for (const t of truths) if (!seen.has(t.track)) seen.set(t.track, t);
  return (Object.keys(TRACKS) as TrackId[])
    .filter((track) => seen.has(track))
    .map((track) => ({ track, h: seen.get(track)!.h, nStar: seen.get(track)!.actual }));
}

/** N*(h) sampled over H_RANGE, [h, N*] pairs (h where N* does not exist are left out). */
export function nStarCurve(params: CostParams): [number, number][] {
  const points: [number, number][] = [];
  const steps = Math.round((H_RANGE.max - H_RANGE.min) / H_RANGE.step);
  for (let i = 0; i <= steps; i++) {
    const h = Math.round((H_RANGE.min + i * H_RANGE.step) * 10) / 10;
    const n = breakEvenModels(h, params);
    if (n !== null) points.push([h, n]);
  }
  return points;
}

/** What a screen reader hears for the two charts. */
export function whyDescription(points: readonly TrackPoint[]): string {
  const tracks = points.map((p) => `${TRACKS[p.track].name} (h = ${p.h}) N* = ${p.nStar}`).join('; ');
  return `The more heterogeneous the fleet, the fewer models before the platform pays off: ${tracks}. The manual cost is dominated by the O(N²) dependency term, which h multiplies.`;
}

const axisStyle = (fontSize: number) => ({
  nameLocation: 'middle' as const,
  nameTextStyle: { color: INK.muted, fontSize: fontSize * 0.85 },
  axisLabel: { color: INK.muted, fontSize: fontSize * 0.8 },
  axisLine: { lineStyle: { color: INK.axis } },
  splitLine: { lineStyle: { color: INK.grid } },
});

/** N* against h: the curve, and each track in play as a labelled point on it. */
export function nStarByHOptions(points: readonly TrackPoint[], params: CostParams, fontSize = 18): ChartOption {
  const curve: LineSeriesOption = {
    type: 'line',
    name: WHY_SERIES.nStar,
    symbol: 'none',
    silent: true,
    color: INK.text,
    lineStyle: { width: 3 },
    data: nStarCurve(params),
  };
  const marks: ScatterSeriesOption = {
    type: 'scatter',
    name: 'Tracks',
    symbolSize: fontSize * 0.9,
    z: 4,
    silent: true,
    data: points.map((p) => ({
      value: [p.h, p.nStar],
      itemStyle: { color: TRACK_COLOURS[p.track], borderColor: INK.surface, borderWidth: 2 },
      label: {
        show: true,
        // Right of the steep left part of the curve, under its flatter right part (the curve falls, so the
        // space below a point is free), so no label sits on the line or on its neighbour.
        position: p.h <= 1 ? 'right' : 'bottom',
        distance: fontSize * 0.4,
        color: INK.text,
        fontSize: fontSize * 0.85,
        fontWeight: 'bold',
        formatter: `${TRACKS[p.track].name.split(' ')[0]} ${p.nStar}`,
        backgroundColor: INK.surface,
        padding: [1, 4],
      },
    })),
  };
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text, fontSize },
    aria: { enabled: true, label: { description: whyDescription(points) } },
    grid: { left: 8, right: fontSize * 2, top: fontSize * 0.8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { show: false },
    xAxis: { type: 'value', name: 'Heterogeneity h', nameGap: fontSize * 1.6, min: H_RANGE.min, max: H_RANGE.max, ...axisStyle(fontSize) },
    yAxis: { type: 'value', name: 'N*', nameGap: fontSize * 2.2, min: 0, ...axisStyle(fontSize) },
    series: [curve, marks],
  };
}

/** The right end of the cost chart's N axis: past the largest N* shown, in round tens. */
export function costAxisMax(points: readonly TrackPoint[]): number {
  const largest = Math.max(40, ...points.map((p) => p.nStar));
  return Math.ceil((largest * 1.3) / 10) * 10;
}

/**
 * Yearly cost against N: the manual cost at h = 1 as two stacked areas — the linear terms, and the O(N²)
 * dependencies shaded — a manual line for each other track's h, and the platform's line. Each manual line
 * meets the platform's at its track's N*.
 */
export function costCurveOptions(points: readonly TrackPoint[], params: CostParams, fontSize = 18): ChartOption {
  const xMax = costAxisMax(points);
  const ns = Array.from({ length: xMax }, (_, i) => i + 1);
  const linear = (n: number) => {
    const c = manualHourComponents(n, 1);
    return params.engineerCost * (c.alerts + c.deployment);
  };
  const quadratic = (n: number) => params.engineerCost * manualHourComponents(n, 1).dependencies;
  const area = (name: string, colour: string, opacity: number, value: (n: number) => number): LineSeriesOption => ({
    type: 'line',
    name,
    stack: 'manual-h1',
    symbol: 'none',
    silent: true,
    color: colour,
    lineStyle: { width: 1.5 },
    areaStyle: { opacity },
    data: ns.map((n) => [n, finite(value(n))]),
  });
  const steeper: LineSeriesOption[] = points
    .filter((p) => p.h !== 1)
    .map((p) => ({
      type: 'line',
      name: `h = ${p.h}`,
      // No end label: the steep lines leave the top of the chart; the legend names them.
      symbol: 'none',
      silent: true,
      color: TRACK_COLOURS[p.track],
      lineStyle: { width: 2.5, type: 'dashed' },
      data: ns.map((n) => [n, finite(manualCost(n, p.h, params))]),
    }));
  // Where each track's manual line meets the platform's: its N*, as revealed.
  const crossings: ScatterSeriesOption = {
    type: 'scatter',
    name: 'N* of each track',
    z: 5,
    silent: true,
    symbolSize: fontSize * 0.8,
    data: points.map((p) => ({
      value: [p.nStar, finite(platformCost(p.nStar, params))],
      itemStyle: { color: TRACK_COLOURS[p.track], borderColor: INK.surface, borderWidth: 2 },
    })),
  };
  const platform: LineSeriesOption = {
    type: 'line',
    name: WHY_SERIES.platform,
    symbol: 'none',
    silent: true,
    color: SERIES.platform,
    z: 3,
    lineStyle: { width: 4 },
    endLabel: { show: true, formatter: 'Platform', color: SERIES.platform, fontSize: fontSize * 0.8, fontWeight: 'bold' },
    data: ns.map((n) => [n, finite(platformCost(n, params))]),
  };
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text, fontSize },
    aria: { enabled: true, label: { description: whyDescription(points) } },
    grid: { left: 8, right: fontSize * 4.5, top: fontSize * 3.6, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: {
      top: 0,
      left: 0,
      selectedMode: false,
      itemGap: fontSize * 0.6,
      textStyle: { color: INK.text, fontSize: fontSize * 0.75 },
      itemWidth: fontSize,
      itemHeight: fontSize * 0.6,
      data: [WHY_SERIES.linear, WHY_SERIES.quadratic, ...steeper.map((s) => s.name as string)],
    },
    tooltip: { show: false },
    xAxis: { type: 'value', name: 'Models N', nameGap: fontSize * 1.6, min: 0, max: xMax, ...axisStyle(fontSize) },
    yAxis: {
      type: 'value',
      name: '$ per year',
      nameGap: fontSize * 3,
      min: 0,
      max: (extent: { max: number }) => Math.min(extent.max, platformCost(xMax, params) * 1.6),
      ...axisStyle(fontSize),
      axisLabel: { color: INK.muted, fontSize: fontSize * 0.8, formatter: (v: number) => `${Math.round(v / 1000)}k` },
    },
    series: [
      area(WHY_SERIES.linear, SERIES.alerts, 0.35, linear),
      area(WHY_SERIES.quadratic, SERIES.dependencies, 0.55, quadratic),
      ...steeper,
      platform,
      crossings,
    ],
  };
}
