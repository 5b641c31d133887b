// The Risk-vs-Velocity Radar (GAME.md §5): five readings of a run, each normalized to 0–1 so that they share
// one scale. Confidence grows outward as the run earns it; the four others grow outward as they hurt —
// waiting for confidence is paid in release time, staleness and cost, and shipping early in exposure.
// Every axis is named with its value in words, so no reading is told by colour or shape alone. Pure.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { RELEASE_LIMIT_HOURS } from '../../../../../shared/sim/parts/part2/canary-stats.js';
import * as fmt from '../../../format.js';
import type { FleetSpec, RunConfig } from './canary-preview.js';
import type { ChartOption } from '../../../charts/options-types.js';
import { CANARY, FONT, INK } from '../../../charts/theme.js';

/**
 * The run fields the radar reads (a RunView satisfies it). `samples` tells how long the run shadowed: the
 * last point in shadow mode is when it left shadow mode (to within one dashboard point).
 */
export interface RadarRun {
  config: Pick<RunConfig, 'confidence' | 'shadowFraction'>;
  stage: number;
  startedAt: number;
  endedAt: number | null;
  confidence: number;
  exposure: number;
  shadowCost: number;
  releaseHours: number;
  staleness: number;
  samples: readonly { hour: number; stage: number }[];
}

/** Exposure is measured against a day of failures at the track's target rate, R · p · 24 (as the ops score). */
export const EXPOSURE_REFERENCE_HOURS = 24;

export type RiskKey = 'confidence' | 'release' | 'exposure' | 'staleness' | 'cost';

export interface RiskAxis {
  key: RiskKey;
  /** Short, for the chart's axis (a 360 px phone has room for one word a side). */
  name: string;
  /** In full, for the readings below the chart. */
  label: string;
  /** 0–1, never NaN. */
  value: number;
  /** The raw reading in words, e.g. "41 h of 168 h". */
  reading: string;
}

const unit = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Simulated hours the run spent in shadow mode so far. */
export function shadowHoursSpent(run: RadarRun, now: number): number {
  if (run.stage < 0) return Math.max(0, (run.endedAt ?? now) - run.startedAt);
  const lastShadow = run.samples.findLast((s) => s.stage < 0);
  return Math.max(0, (lastShadow?.hour ?? run.startedAt) - run.startedAt);
}

/**
 * The five axes of a run at simulated hour `now`:
 * - confidence: C(n) / target C of the run (1 = target reached);
 * - release: T_release / 168 h (1 = the one-week limit; beyond it the page raises a banner);
 * - exposure: failures served to users by a bad candidate / (R · p · 24), a day of failures at the target;
 * - staleness: 1 − exp(−T_release/τ), already 0–1;
 * - cost: shadow compute / a week of full shadowing (the ops score's cost reference). Shadow compute costs a
 *   fixed price per hour at f = 1, so this ratio is f · t_shadow / 168 h whatever the track's price — which
 *   the team's view does not carry (its dollars are shown as the reading).
 */
export function riskAxes(run: RadarRun, spec: Pick<FleetSpec, 'requestsPerHour' | 'targetRate'>, now: number): RiskAxis[] {
  const exposureReference = spec.requestsPerHour * spec.targetRate * EXPOSURE_REFERENCE_HOURS;
  const shadowed = shadowHoursSpent(run, now);
  return [
    {
      key: 'confidence',
      name: 'Confidence',
      label: 'Confidence',
      value: run.config.confidence > 0 ? unit(run.confidence / run.config.confidence) : 0,
      reading: `${fmt.confidence(run.confidence)} of ${fmt.targetPercent(run.config.confidence)}`,
    },
    {
      key: 'release',
      name: 'Release',
      label: 'Release time',
      value: unit(run.releaseHours / RELEASE_LIMIT_HOURS),
      reading: `${fmt.hours(run.releaseHours)} of ${RELEASE_LIMIT_HOURS} h`,
    },
    {
      key: 'exposure',
      name: 'Exposure',
      label: 'Exposure',
      value: exposureReference > 0 ? unit(run.exposure / exposureReference) : 0,
      reading: `${fmt.count(run.exposure)} bad answers served`,
    },
    { key: 'staleness', name: 'Staleness', label: 'Drift staleness', value: unit(run.staleness), reading: fmt.percent(run.staleness, 0) },
    {
      key: 'cost',
      name: 'Cost',
      label: 'Shadow cost',
      value: unit((run.config.shadowFraction * shadowed) / RELEASE_LIMIT_HOURS),
      reading: fmt.dollars(run.shadowCost),
    },
  ];
}

/** What a screen reader announces for the radar. */
export function radarDescription(axes: readonly RiskAxis[]): string {
  return axes.map((a) => `${a.label}: ${a.reading} (${Math.round(a.value * 100)} % of the axis)`).join('; ') + '.';
}

/** The ECharts option of the radar. */
export function riskRadarOptions(axes: readonly RiskAxis[]): ChartOption {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text },
    aria: { enabled: true, label: { description: radarDescription(axes) } },
    tooltip: { show: false },
    radar: {
      center: ['50%', '54%'],
      radius: '60%',
      splitNumber: 4,
      // Each axis name carries its value: the shape is read from words as well as geometry.
      indicator: axes.map((a) => ({ name: `${a.name}\n${Math.round(a.value * 100)} %`, max: 1, min: 0 })),
      axisName: { color: INK.text, fontSize: 12, lineHeight: 15 },
      axisLine: { lineStyle: { color: INK.axis } },
      splitLine: { lineStyle: { color: INK.grid, width: 1 } },
      splitArea: { show: false },
    },
    series: [
      {
        type: 'radar',
        silent: true,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: CANARY.radar, width: 2 },
        itemStyle: { color: CANARY.radar },
        areaStyle: { color: CANARY.radar, opacity: 0.2 },
        data: [{ value: axes.map((a) => a.value), name: 'This run' }],
      },
    ],
  };
}
