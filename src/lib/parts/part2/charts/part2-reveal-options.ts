// The projector's Part 2 reveal (GAME.md §3, §5): every team's answer to "how many clean requests?" against
// the one true n* = 2995. Answers span orders of magnitude (30 to 1,000,000), so the value axis is
// logarithmic; the truth is a labelled line and "within 30 %" a labelled band, and each bar's label carries a
// check mark when close — never colour alone. Pure, for tests.
// Relative imports (not `$lib`/`$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { CLOSE_PREDICTION_TOLERANCE } from '../../../../../shared/sim/constants.js';
import * as fmt from '../../../format.js';
import type { TrackId } from '../../../../../shared/sim/tracks.js';
import type { BarSeriesOption, ChartOption } from '../../../charts/options-types.js';
import { FONT, INK, TRACK_COLOURS } from '../../../charts/theme.js';

export interface Part2RevealTeam {
  name: string;
  track: TrackId;
  /** The team's locked prediction; null when it never locked. */
  prediction: number | null;
  /** actual / predicted, from the server; null without a lock. */
  ratio: number | null;
  /** The server's verdict: within 30 % of n*. */
  within30: boolean;
}

/** The predictions that lie within 30 % of the truth: actual/1.3 < predicted < actual/0.7. */
export function closeBand(actual: number): [number, number] {
  return [actual / (1 + CLOSE_PREDICTION_TOLERANCE), actual / (1 - CLOSE_PREDICTION_TOLERANCE)];
}

/**
 * Powers of ten around every prediction and the truth, so the log axis starts and ends on a round number. The
 * bottom sits strictly below the smallest answer: an answer of exactly 10 on an axis starting at 10 would
 * draw no bar at all.
 */
export function logBounds(values: readonly number[]): { min: number; max: number } {
  const positive = values.filter((v) => v > 0);
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  const bottom = Math.ceil(Math.log10(low)) - 1;
  return { min: 10 ** bottom, max: 10 ** Math.max(bottom + 1, Math.ceil(Math.log10(high * 1.0001))) };
}

/** What a screen reader announces: the truth, then each team's prediction in words. */
export function part2RevealDescription(teams: readonly Part2RevealTeam[], actual: number): string {
  if (teams.length === 0) return `n* = ${fmt.count(actual)}. No predictions to show.`;
  const lines = teams.map((t) =>
    t.prediction === null ? `${t.name} did not lock` : `${t.name} predicted ${fmt.count(t.prediction)}${t.within30 ? ', within 30 %' : ''}`,
  );
  return `The true answer n* is ${fmt.count(actual)} clean requests. ${lines.join('; ')}.`;
}

export interface Part2RevealSettings {
  /** Base font size in px (18 suits a 1080p projector). */
  fontSize?: number;
}

/** Beyond this many answers, bars are sorted by value and labelled with the check mark only. */
export const DENSE_REVEAL = 16;

/**
 * The ECharts option of the Part 2 reveal: a bar per locked team on a log axis, the truth as a line. A few
 * teams keep their order and carry their numbers; many are sorted by answer (the spread is the story) and
 * only the close ones are marked, since forty upright numbers would cover each other.
 */
export function part2RevealOptions(teams: readonly Part2RevealTeam[], actual: number, settings: Part2RevealSettings = {}): ChartOption {
  const fontSize = settings.fontSize ?? 18;
  const locked = teams.filter((t) => t.prediction !== null && t.prediction > 0);
  const dense = locked.length > DENSE_REVEAL;
  const shown = dense ? [...locked].sort((a, b) => a.prediction! - b.prediction!) : locked;
  const rotate = dense ? 60 : shown.length > 8 ? 30 : 0;
  const labelSize = dense ? fontSize * 0.8 : fontSize;
  const { min, max } = logBounds([actual, ...shown.map((t) => t.prediction!)]);
  const [bandLow, bandHigh] = closeBand(actual);

  const bars: BarSeriesOption = {
    type: 'bar',
    name: 'Prediction',
    barMaxWidth: 96,
    data: shown.map((team) => ({
      value: team.prediction!,
      itemStyle: { color: TRACK_COLOURS[team.track], borderRadius: [4, 4, 0, 0] },
      label: {
        show: !dense || team.within30,
        position: 'top',
        color: dense ? '#7ee2a1' : INK.text,
        fontSize: labelSize,
        fontWeight: 'bold',
        formatter: dense ? '✓' : `${fmt.count(team.prediction!)}${team.within30 ? ' ✓' : ''}`,
        backgroundColor: INK.surface,
        padding: [2, dense ? 2 : 6],
        borderRadius: 4,
      },
    })),
    // The band is named in the page's legend: a label inside it would collide with the bars' own labels.
    markArea: {
      silent: true,
      itemStyle: { color: '#7ee2a1', opacity: 0.16 },
      label: { show: false },
      data: [[{ name: 'within 30 %', yAxis: bandLow }, { yAxis: bandHigh }]],
    },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: INK.text, width: 4, type: 'solid' },
      label: {
        show: true,
        // Right of the plot, where no bar stands.
        position: 'end',
        formatter: `n*\n${fmt.count(actual)}`,
        color: INK.text,
        fontSize,
        lineHeight: fontSize * 1.25,
        fontWeight: 'bold',
        backgroundColor: INK.surface,
        padding: [2, 6],
      },
      data: [{ yAxis: actual }],
    },
  };

  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text, fontSize },
    aria: { enabled: true, label: { description: part2RevealDescription(teams, actual) } },
    grid: { left: 8, right: fontSize * 4.5, top: fontSize * 1.5, bottom: fontSize * 3, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { show: false },
    xAxis: {
      type: 'category',
      data: shown.map((t) => t.name),
      axisLine: { lineStyle: { color: INK.axis } },
      axisTick: { show: false },
      // Upright names break into lines narrower than a bar's band (four 24-character names side by side ran
      // into each other); slanted ones are cut.
      axisLabel: { color: INK.text, fontSize: labelSize * 0.9, interval: 0, rotate, overflow: rotate ? 'truncate' : 'break', width: labelSize * (rotate ? 11 : 8) },
    },
    yAxis: {
      type: 'log',
      logBase: 10,
      min,
      max,
      name: 'Clean requests (log scale)',
      nameLocation: 'middle',
      nameGap: fontSize * 3.6,
      nameTextStyle: { color: INK.muted, fontSize: fontSize * 0.9 },
      axisLine: { show: false },
      axisLabel: { color: INK.muted, fontSize: fontSize * 0.9, formatter: (value: number) => fmt.count(value) },
      splitLine: { lineStyle: { color: INK.grid } },
    },
    series: [bars],
  };
}
