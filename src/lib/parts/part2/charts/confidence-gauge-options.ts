// The Confidence Clock (GAME.md §5): a gauge of C(n) = 1 − (1 − p)^n climbing toward the run's target C. The
// zone past the target is drawn as a band with its own label, and the target has a marker and words, so the
// reading never depends on colour. Pure, for tests; the page shows the same value as text beside it.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import * as fmt from '../../../format.js';
import type { ChartOption, GaugeSeriesOption } from '../../../charts/options-types.js';
import { CANARY, FONT, INK } from '../../../charts/theme.js';

export interface GaugeInput {
  /** The run's confidence, 0–1. */
  confidence: number;
  /** The run's target C, 0–1. */
  target: number;
}

export interface GaugeReading {
  /** Percent on the dial, 0–100 (a NaN or out-of-range input is clamped, so the dial always draws). */
  value: number;
  target: number;
  reached: boolean;
}

const clampPercent = (share: number) => (Number.isFinite(share) ? Math.min(100, Math.max(0, share * 100)) : 0);

/** The dial's value and target in percent, and whether the target is reached. */
export function gaugeReading(input: GaugeInput): GaugeReading {
  const value = clampPercent(input.confidence);
  const target = clampPercent(input.target);
  return { value, target, reached: Number.isFinite(input.confidence) && input.confidence >= input.target };
}

/** What a screen reader announces for the dial. */
export function gaugeDescription(input: GaugeInput): string {
  const r = gaugeReading(input);
  return `Confidence ${fmt.confidence(input.confidence)} of a ${fmt.targetPercent(input.target)} target: ${r.reached ? 'target reached' : 'not reached yet'}.`;
}

// Both series share one geometry, so the target marker sits exactly on the dial's scale.
const geometry = (): Pick<GaugeSeriesOption, 'min' | 'max' | 'startAngle' | 'endAngle' | 'radius' | 'center'> => ({
  min: 0,
  max: 100,
  startAngle: 210,
  endAngle: -30,
  radius: '92%',
  center: ['50%', '60%'],
});

/** The ECharts option of the Confidence Clock. */
export function confidenceGaugeOptions(input: GaugeInput): ChartOption {
  const r = gaugeReading(input);
  const dial: GaugeSeriesOption = {
    type: 'gauge',
    ...geometry(),
    splitNumber: 4,
    progress: { show: true, width: 16, itemStyle: { color: CANARY.confidence } },
    // The track beyond the target is the "safe" band: tinted, and named by the marker's label.
    axisLine: { lineStyle: { width: 16, color: [[r.target / 100, INK.grid], [1, '#244a36']] } },
    axisTick: { show: false },
    splitLine: { length: 16, distance: -16, lineStyle: { color: INK.surface, width: 2 } },
    // No scale numbers: on a phone they collide with the arc, and the value and target are written out.
    axisLabel: { show: false },
    pointer: { show: false },
    anchor: { show: false },
    title: { show: false },
    detail: {
      offsetCenter: [0, '5%'],
      fontSize: 26,
      fontWeight: 'bold',
      color: INK.text,
      formatter: (value: number) => fmt.confidence(value / 100),
    },
    data: [{ value: r.value, name: 'Confidence' }],
  };
  const marker: GaugeSeriesOption = {
    type: 'gauge',
    ...geometry(),
    axisLine: { show: false },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { show: false },
    progress: { show: false },
    // A triangle on the rim at the target, with the word "target" under the value.
    pointer: { show: true, icon: 'triangle', length: 14, width: 12, offsetCenter: [0, '-108%'], itemStyle: { color: CANARY.target } },
    anchor: { show: false },
    title: { show: true, offsetCenter: [0, '34%'], color: CANARY.target, fontSize: 13 },
    detail: { show: false },
    data: [{ value: r.target, name: `${r.reached ? '✓ ' : ''}target ${fmt.targetPercent(input.target)}` }],
  };
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text },
    aria: { enabled: true, label: { description: gaugeDescription(input) } },
    tooltip: { show: false },
    series: [dial, marker],
  };
}
