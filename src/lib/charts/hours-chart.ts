// What the workbench's live charts over simulated hours have in common (Part 2's Shadow Dashboard, Part 3's
// Ensemble Trace): redrawn every tick, so no animation; the theme's type on a transparent canvas described in
// words for screen readers; no tooltip (a phone has no hover); a fixed legend along the top; and an x axis of
// whole hours at both ends, so that its ticks fall on whole hours too. Each chart adds its own axis name, labels
// and series. Pure, for tests.
// Relative imports only: unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { ChartOption } from './options-types.js';
import { FONT, INK } from './theme.js';

/** The x axis' ends: whole hours around [first, last], at least one hour apart. */
export function wholeHours(first: number, last: number): { min: number; max: number } {
  const min = Math.floor(first);
  return { min, max: Math.max(Math.ceil(last), min + 1) };
}

/** The frame of a live hours chart: `description` read out, the plot `gridTop` px below the top (its legend's). */
export function hoursChartFrame(description: string, gridTop: number) {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text },
    aria: { enabled: true, label: { description } },
    tooltip: { show: false },
    legend: { top: 0, left: 0, selectedMode: false, textStyle: { color: INK.text, fontSize: 12 }, itemWidth: 24 },
    grid: { left: 8, right: 8, top: gridTop, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
  } satisfies ChartOption;
}

/** The x axis of whole simulated hours from `first` to `last`, without its name or labels. */
export function hoursAxis(first: number, last: number) {
  return {
    type: 'value',
    ...wholeHours(first, last),
    minInterval: 1,
    axisLine: { lineStyle: { color: INK.axis } },
    splitLine: { show: false },
  } as const;
}
