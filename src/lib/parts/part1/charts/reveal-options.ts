// The projector's reveal chart (GAME.md §3, §9): every team's prediction against its track's truth N*, teams
// grouped by track. Read from the back of a lecture hall: large type, each track in a labelled band with its
// N* written in the band's header, so no value is told by colour alone. Pure, for tests.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { TRACK_IDS, TRACKS, type TrackId } from '../../../../../shared/sim/tracks.js';
import type { BarSeriesOption, ChartOption, LineSeriesOption } from '../../../charts/options-types.js';
import { FONT, INK, TRACK_COLOURS } from '../../../charts/theme.js';

export interface RevealTeam {
  name: string;
  track: TrackId;
  /** The team's locked prediction; null when it never locked. */
  prediction: number | null;
  /** The truth N* of the team's track. */
  actual: number;
  /** actual / predicted, from the server; null without a lock. */
  ratio: number | null;
  /** The server's verdict: |actual / predicted − 1| < 0.3 (no page recomputes a scoring rule). */
  within30: boolean;
}

export interface RevealChartSettings {
  /** Base font size in px: 18 suits a 1080p projector; the host's laptop may pass less. */
  fontSize?: number;
}

export const REVEAL_SERIES = { prediction: 'Prediction', truth: 'True N* of the track' } as const;

/** The teams in track order (Cloud Titan first), keeping their order within a track. */
export function groupByTrack(teams: readonly RevealTeam[]): { track: TrackId; teams: RevealTeam[] }[] {
  return TRACK_IDS.map((track) => ({ track, teams: teams.filter((t) => t.track === track) })).filter(
    (group) => group.teams.length > 0,
  );
}

const within30 = (team: RevealTeam) => team.within30;

type MarkAreaData = NonNullable<NonNullable<BarSeriesOption['markArea']>['data']>;

/** What a screen reader announces: every team's prediction and its track's truth, in words. */
export function revealDescription(teams: readonly RevealTeam[]): string {
  const groups = groupByTrack(teams);
  if (groups.length === 0) return 'No predictions to show.';
  return groups
    .map(({ track, teams: members }) => {
      const predictions = members
        .map((t) => `${t.name} ${t.prediction === null ? 'did not lock' : `predicted ${t.prediction}${within30(t) ? ', within 30 %' : ''}`}`)
        .join('; ');
      return `${TRACKS[track].name}, true N* = ${members[0]!.actual}: ${predictions}.`;
    })
    .join(' ');
}

/** The ECharts option of the reveal chart. */
export function revealOptions(teams: readonly RevealTeam[], settings: RevealChartSettings = {}): ChartOption {
  const fontSize = settings.fontSize ?? 18;
  const groups = groupByTrack(teams);
  const ordered = groups.flatMap((g) => g.teams);
  // Many teams: slant the names so that each stays readable instead of being skipped by ECharts, and turn
  // the value labels upright so that neighbours never overlap.
  // Long names (up to 24 characters) slant as well: upright, neighbours would run into each other.
  const longNames = ordered.some((t) => t.name.length > 12);
  const rotate = ordered.length > 16 ? 60 : ordered.length > 8 || longNames ? 30 : 0;
  const dense = ordered.length > 16;
  const labelSize = dense ? fontSize * 0.8 : fontSize;

  const bands: MarkAreaData = [];
  const truths: (number | string)[][] = [];
  let first = 0;
  for (const { track, teams: members } of groups) {
    const last = first + members.length - 1;
    const actual = members[0]!.actual;
    const colour = TRACK_COLOURS[track];
    bands.push([
      {
        xAxis: first,
        name: `${TRACKS[track].name}\nN* = ${actual}`,
        itemStyle: { color: colour, opacity: 0.1 },
        label: { color: colour, fontSize, fontWeight: 'bold', position: 'top', lineHeight: fontSize * 1.25 },
      },
      { xAxis: last },
    ]);
    // The truth spans the whole band (± half a category), so it reads as the track's bar to beat; '-' breaks
    // the line between tracks.
    truths.push([first - 0.45, actual], [last + 0.45, actual], ['-', '-']);
    first = last + 1;
  }

  const bars: BarSeriesOption = {
    type: 'bar',
    name: REVEAL_SERIES.prediction,
    barMaxWidth: 96,
    // Same z as the truth line: the line is drawn over the bars, and the labels (higher z2) over the line.
    z: 3,
    data: ordered.map((team) => ({
      // A team that never locked gets an empty bar whose label says so, where its bar would stand.
      value: team.prediction ?? 0,
      itemStyle: { color: TRACK_COLOURS[team.track], borderRadius: [4, 4, 0, 0] },
      label: {
        show: true,
        position: 'top',
        ...(dense ? { rotate: 90, align: 'left', verticalAlign: 'middle' } : {}),
        color: team.prediction === null ? INK.muted : INK.text,
        fontSize: labelSize,
        fontWeight: team.prediction === null ? 'normal' : 'bold',
        // A check mark as well as the number: "close" must not be told by colour.
        formatter: team.prediction === null ? 'no lock' : within30(team) ? `${team.prediction} ✓` : `${team.prediction}`,
        // Opaque backing: a label stays readable where the truth line crosses it (close predictions).
        backgroundColor: INK.surface,
        padding: [2, 6],
        borderRadius: 4,
      },
    })),
    markArea: { silent: true, data: bands },
  };

  // A category axis cannot place a point between categories: the truth lines live on a hidden value axis that
  // spans the same width, category i sitting at value i.
  const truthLine: LineSeriesOption = {
    type: 'line',
    name: REVEAL_SERIES.truth,
    xAxisIndex: 1,
    z: 3,
    symbol: 'none',
    connectNulls: false,
    silent: true,
    color: INK.text,
    lineStyle: { width: 4, type: 'solid' },
    data: truths,
  };

  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: INK.text, fontSize },
    aria: { enabled: true, label: { description: revealDescription(teams) } },
    // Room above for the two-line track headers, below for slanted team names.
    grid: { left: 8, right: 16, top: fontSize * 4, bottom: fontSize * 3, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: {
      top: 0,
      left: 0,
      selectedMode: false,
      itemGap: fontSize * 1.5,
      textStyle: { color: INK.text, fontSize: fontSize * 0.85 },
      itemWidth: fontSize * 1.8,
      itemHeight: fontSize * 0.8,
      data: [
        { name: REVEAL_SERIES.prediction, itemStyle: { color: INK.muted } },
        { name: REVEAL_SERIES.truth, itemStyle: { opacity: 0 } },
      ],
    },
    tooltip: { show: false },
    xAxis: [
      {
        type: 'category',
        data: ordered.map((t) => t.name),
        axisLine: { lineStyle: { color: INK.axis } },
        axisTick: { show: false },
        axisLabel: {
          color: INK.text,
          fontSize: labelSize * 0.9,
          interval: 0,
          rotate,
          overflow: 'truncate',
          width: rotate ? labelSize * 11 : undefined,
        },
      },
      { type: 'value', show: false, min: -0.5, max: Math.max(0, ordered.length - 0.5) },
    ],
    yAxis: {
      type: 'value',
      name: 'Models N',
      nameLocation: 'middle',
      nameGap: fontSize * 2.6,
      nameTextStyle: { color: INK.muted, fontSize: fontSize * 0.9 },
      min: 0,
      // Not at the hidden axis's zero (the first team's centre), where ECharts would put it by default.
      axisLine: { show: false, onZero: false },
      // Headroom for the label on the tallest bar; ECharts still rounds the top to a readable tick.
      boundaryGap: [0, dense ? '30%' : '12%'],
      axisLabel: { color: INK.muted, fontSize: fontSize * 0.9 },
      splitLine: { lineStyle: { color: INK.grid } },
    },
    series: [bars, truthLine],
  };
}
