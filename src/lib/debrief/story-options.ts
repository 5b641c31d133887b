// A team's canary story (Part 2): each run's Confidence Clock over the part's simulated hours, the target it
// aimed for, and the team's crises, decisions and outcomes as markers along the top on the same time axis.
// Runs differ by dash pattern and by name, markers by shape. Pure, for tests.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { CanaryStory, TimelineEntry } from '../../../shared/protocol/debrief.js';
import type { ChartOption, LineSeriesOption, ScatterSeriesOption } from '../charts/options-types.js';
import { CANARY, FONT, INK } from '../charts/theme.js';
import { KIND_STYLE, KINDS } from './timeline-options.js';
import * as fmt from '../format.js';

const DASHES = ['solid', 'dashed', 'dotted'] as const;
/** Where the markers ride: above the 100 % line, one lane per kind so that a crisis and a decision of the same
 *  hour stay apart. */
const MARKER_ROW = { crisis: 130, decision: 119, outcome: 108 } as const;

/** What a screen reader hears of a story. */
export function storyDescription(story: CanaryStory, entries: readonly TimelineEntry[]): string {
  if (story.runs.length === 0) return 'No canary run.';
  const runs = story.runs.map((r) => `run ${r.number} ${r.outcome} at ${fmt.confidence(r.points.at(-1)?.[1] ?? 0)} confidence`).join(', ');
  return `${runs}; ${entries.length} events: ${entries.map((e) => e.label).join('; ')}`;
}

export function storyOptions(story: CanaryStory, entries: readonly TimelineEntry[], fontSize = 12): ChartOption {
  const lastHour = Math.max(1, ...story.runs.flatMap((r) => r.points.map(([h]) => h)), ...entries.map((e) => e.hour));
  const runs: LineSeriesOption[] = story.runs.map((run, i) => ({
    type: 'line',
    name: `Run ${run.number}`,
    symbol: 'none',
    color: CANARY.confidence,
    lineStyle: { width: 2, type: DASHES[i % DASHES.length] },
    data: run.points.map(([hour, confidence]) => [hour, Math.round(confidence * 1000) / 10]),
    ...(i === 0
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: CANARY.target, type: 'dashed', width: 1.5 },
            label: { color: CANARY.target, fontSize, position: 'insideEndBottom', formatter: `target ${Math.round(run.target * 1000) / 10} %` },
            data: [{ yAxis: run.target * 100 }],
          },
        }
      : {}),
  }));
  const markers: ScatterSeriesOption[] = KINDS.map((kind) => ({
    type: 'scatter',
    name: KIND_STYLE[kind].name,
    symbol: KIND_STYLE[kind].symbol,
    symbolSize: fontSize * 0.9,
    itemStyle: { color: KIND_STYLE[kind].color },
    data: entries.filter((e) => e.kind === kind).map((e) => ({ value: [e.hour, MARKER_ROW[kind]], name: e.label })),
  }));
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: INK.text, fontSize },
    aria: { enabled: true, label: { description: storyDescription(story, entries) } },
    tooltip: { trigger: 'item', formatter: (p: unknown) => `${(p as { seriesName: string; name: string }).name || (p as { seriesName: string }).seriesName}` },
    legend: { top: 0, textStyle: { color: INK.text, fontSize: fontSize * 0.9 }, itemWidth: 20 },
    grid: { left: 8, right: 8, top: fontSize * 3.2, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(lastHour),
      minInterval: 1,
      axisLabel: { color: INK.muted, fontSize, formatter: (v: number) => `${Math.round(v)} h` },
      axisLine: { lineStyle: { color: INK.axis } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 135,
      interval: 25,
      axisLabel: { color: INK.muted, fontSize, formatter: (v: number) => (v <= 100 ? `${v} %` : '') },
      splitLine: { lineStyle: { color: INK.grid } },
    },
    series: [...runs, ...markers],
  };
}
