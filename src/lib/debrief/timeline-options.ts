// The debrief's timeline chart: one row per team, the simulated hours of Part 2 then Part 3 on one axis, a
// marker per crisis (triangle), decision (circle) and outcome (diamond). Kinds differ by shape and by colour,
// never by colour alone; Part 2 and Part 3 are labelled bands. Pure, for tests.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { Debrief, TimelineEntry } from '../../../shared/protocol/debrief.js';
import type { ChartOption, ScatterSeriesOption } from '../charts/options-types.js';
import { FONT, INK } from '../charts/theme.js';

export const KIND_STYLE = {
  crisis: { name: 'Crisis', symbol: 'triangle', color: '#ff9b8f' },
  decision: { name: 'Decision', symbol: 'circle', color: '#6cc6ff' },
  outcome: { name: 'Outcome', symbol: 'diamond', color: '#7ee2a1' },
} as const;

export const KINDS = ['crisis', 'decision', 'outcome'] as const;

/** The plot's margins inside the chart, in pixels, besides the y axis's team names. */
const GRID = { left: 8, right: 16 } as const;

/**
 * The label of an axis hour: "P2 6 h" or "P3 4 h", to a tenth where it is not whole ("P3 0.4 h"), so that two
 * ticks of a short game (ECharts ticks every 0.2 h there) or a tick after Part 3's fractional start never read alike.
 */
export function axisLabel(debrief: Pick<Debrief, 'part3From'>, axis: number, digits?: number): string {
  const from = debrief.part3From;
  const hours = from === null || axis < from ? axis : axis - from;
  const round = digits === undefined ? String(Math.round(hours * 10) / 10) : hours.toFixed(digits);
  return `${from === null || axis < from ? 'P2' : 'P3'} ${round} h`;
}

/** When an entry happened, to a tenth of an hour: a shadow window of 0.3 h is not "0 h". */
export function entryHour(debrief: Pick<Debrief, 'part3From'>, axis: number): string {
  return axisLabel(debrief, axis, 1);
}

/** A few words for a screen reader: how many of each kind, per team. */
export function timelineDescription(debrief: Debrief): string {
  if (debrief.entries.length === 0) return 'No crisis, decision or outcome yet.';
  return debrief.teams
    .map((team) => {
      const own = debrief.entries.filter((e) => e.teamId === team.id);
      const n = (kind: TimelineEntry['kind']) => own.filter((e) => e.kind === kind).length;
      return `${team.name}: ${n('decision')} decisions, ${n('crisis')} crises, ${n('outcome')} outcomes`;
    })
    .join('; ');
}

/** A decision a "what if" can replace (something to put in its place): the host's list offers exactly these. */
export function isWhatIfChoice(entry: TimelineEntry): boolean {
  return entry.kind === 'decision' && entry.alternatives.length > 0;
}

/** The entries a kind's series draws, in its data order: series `KINDS.indexOf(kind)`, item i is entry i. */
function entriesOf(debrief: Debrief, kind: TimelineEntry['kind']): TimelineEntry[] {
  return debrief.entries.filter((e) => e.kind === kind);
}

/** What ECharts says of a clicked element (`chart.on('click', params)`): only the fields the mapping reads. */
export interface ChartPoint {
  componentType?: string;
  seriesIndex?: number;
  dataIndex?: number;
}

/** The entry a marker of the chart stands for; undefined for anything else of the chart (a band, the legend). */
function entryAt(debrief: Debrief, point: ChartPoint): TimelineEntry | undefined {
  if (point.componentType !== 'series' || point.seriesIndex === undefined || point.dataIndex === undefined) return undefined;
  const kind = KINDS[point.seriesIndex];
  return kind ? entriesOf(debrief, kind)[point.dataIndex] : undefined;
}

/** The decision a clicked point of the timeline stands for, as its version, when a "what if" can replace it;
 *  null for a crisis, an outcome, a decision nothing can replace, or anything else of the chart (band, legend). */
export function whatIfChoiceAt(debrief: Debrief, point: ChartPoint): number | null {
  const entry = entryAt(debrief, point);
  return entry && isWhatIfChoice(entry) ? entry.version : null;
}

/** Escapes text for the tooltip, which ECharts writes as HTML: team names are typed by players. */
function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The tooltip of a marker: when and whose, what it was in words (a decision's label carries its evidence), and
 *  on a chart that picks decisions, that a click on this one sets up its "what if". */
export function timelineTooltip(debrief: Debrief, entry: TimelineEntry, pickable: boolean): string {
  const team = debrief.teams.find((t) => t.id === entry.teamId)?.name ?? entry.teamId;
  const lines = [
    `<strong>${html(team)}</strong> · ${html(entryHour(debrief, entry.axis))}`,
    `${KIND_STYLE[entry.kind].name}: ${html(entry.label)}`,
  ];
  if (pickable && isWhatIfChoice(entry)) lines.push('<em>Click to try a "what if" here</em>');
  return lines.join('<br>');
}

type MarkAreaData = NonNullable<NonNullable<ScatterSeriesOption['markArea']>['data']>;

/** A marker's size, and the least distance between the centres of two markers of one lane that are both to be
 *  seen and clicked: a marker's width and a little air (the chosen one, drawn larger, overlaps its neighbours'
 *  edges, never their centres). */
const markerSize = (fontSize: number) => fontSize * 0.9;
export const markerStep = (fontSize: number) => fontSize * 1.05;
/** How many steps a marker may move right of its hour at most: a team that decided dozens of times in a few hours
 *  must not march its markers across the chart into hours (or a part) where nothing happened. Past that, the
 *  markers of a crowded stretch overlap near their hours; the list below the chart has each of them. */
export const MAX_SHIFT_STEPS = 3;

/**
 * The horizontal offsets, in pixels, that keep each team's markers of one kind apart (`entries` in the series'
 * order): a team decides several times within the same hour (a clock that holds while a decision is due, a
 * Part 3 team acting between two ticks), and markers drawn on top of each other would leave only the top one
 * to click. Along the row, each marker moves right of the one before as far as it must to stand a step from it,
 * but never more than MAX_SHIFT_STEPS steps from its hour; its hour is unchanged (the tooltip and the list say it). `pxPerHour` is the plot's scale as the page measures
 * it; unknown (0, before the page is laid out), only markers at the very same hour move.
 */
export function markerOffsets(entries: readonly TimelineEntry[], pxPerHour: number, step: number): number[] {
  const offsets = entries.map(() => 0);
  const known = pxPerHour > 0;
  const lanes = new Map<string, number[]>();
  for (const [index, entry] of entries.entries()) {
    const key = known ? entry.teamId : `${entry.teamId} ${entry.axis}`;
    const lane = lanes.get(key);
    if (lane) lane.push(index);
    else lanes.set(key, [index]);
  }
  for (const lane of lanes.values()) {
    let last = Number.NEGATIVE_INFINITY;
    // In time order, the log's order among equals: left to right reads as the team decided.
    for (const index of lane.toSorted((a, b) => entries[a]!.axis - entries[b]!.axis || a - b)) {
      const at = known ? entries[index]!.axis * pxPerHour : 0;
      const placed = Math.min(Math.max(at, last + step), at + MAX_SHIFT_STEPS * step);
      offsets[index] = placed - at;
      last = placed;
    }
  }
  return offsets;
}

/** The ECharts option; `selected` (a decision's version) is drawn larger with a ring, `fontSize` for the projector;
 *  `pickable` (the host's console): the decisions a "what if" can replace take a pointer and say so in their tooltip;
 *  `width`: the chart's width in pixels, so that markers close in time stand apart (0 when not yet measured). */
export function timelineOptions(
  debrief: Debrief,
  options: { selected?: number | null; fontSize?: number; pickable?: boolean; width?: number } = {},
): ChartOption {
  const fontSize = options.fontSize ?? 12;
  const pickable = options.pickable ?? false;
  const names = debrief.teams.map((t) => t.name);
  const row = new Map(debrief.teams.map((t, i) => [t.id, i]));
  const end = Math.max(1, debrief.end);
  // The plot's width at least: the chart's, less the grid's margins and the widest team name the y axis allows
  // (a narrower name leaves a wider plot, so markers stand further apart than a step, never closer).
  const plot = (options.width ?? 0) - GRID.left - GRID.right - fontSize * 10;
  const pxPerHour = plot > 0 ? plot / Math.ceil(end) : 0;
  const bands: MarkAreaData = [
    [
      { xAxis: 0, name: 'Part 2', itemStyle: { color: INK.muted, opacity: 0.06 }, label: { color: INK.muted, fontSize, position: 'insideTopLeft' } },
      { xAxis: debrief.part3From ?? end },
    ],
  ];
  if (debrief.part3From !== null) {
    bands.push([
      { xAxis: debrief.part3From, name: 'Part 3', itemStyle: { color: INK.muted, opacity: 0.12 }, label: { color: INK.muted, fontSize, position: 'insideTopLeft' } },
      { xAxis: end },
    ]);
  }
  const series: ScatterSeriesOption[] = KINDS.map((kind, index) => {
    const style = KIND_STYLE[kind];
    const entries = entriesOf(debrief, kind);
    // Entries of one team at the same hour would hide each other: nudge each kind to its own lane of the row,
    // and, within a lane, each marker right of the one before it (markerOffsets).
    const lane = (index - 1) * 0.22;
    const offsets = markerOffsets(entries, pxPerHour, markerStep(fontSize));
    return {
      type: 'scatter',
      name: style.name,
      symbol: style.symbol,
      itemStyle: { color: style.color },
      data: entries.map((e, i) => ({
        // The pointer only where a click does something: the projector's chart and crises never select. Per item:
        // ECharts reads an item's own cursor (default: pointer) over the series' once items carry options.
        cursor: pickable && isWhatIfChoice(e) ? 'pointer' : 'default',
        value: [e.axis, (row.get(e.teamId) ?? 0) + lane],
        name: e.label,
        symbolSize: e.version === options.selected && kind === 'decision' ? fontSize * 1.6 : markerSize(fontSize),
        symbolOffset: [offsets[i]!, 0],
        itemStyle: e.version === options.selected && kind === 'decision' ? { borderColor: INK.text, borderWidth: 3 } : undefined,
      })),
      ...(index === 0 ? { markArea: { silent: true, data: bands } } : {}),
    };
  });
  return {
    aria: { enabled: true, label: { description: timelineDescription(debrief) } },
    textStyle: { fontFamily: FONT, color: INK.text, fontSize },
    animation: false,
    grid: { ...GRID, top: fontSize * 3, bottom: fontSize * 2.5, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { top: 0, textStyle: { color: INK.text, fontSize }, data: KINDS.map((k) => KIND_STYLE[k].name) },
    tooltip: {
      trigger: 'item',
      // Inside the chart (a phone's width), and wrapping: a decision's label with its evidence is a sentence.
      confine: true,
      // The page's dark card, not ECharts' white box: the same text colours as around it.
      backgroundColor: INK.surface,
      borderColor: INK.axis,
      textStyle: { color: INK.text, fontSize },
      extraCssText: `max-width: ${fontSize * 26}px; white-space: normal;`,
      formatter: (p: unknown) => {
        const entry = entryAt(debrief, p as ChartPoint);
        return entry ? timelineTooltip(debrief, entry, pickable) : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(end),
      name: 'simulated hours',
      nameLocation: 'middle',
      nameGap: fontSize * 1.8,
      nameTextStyle: { color: INK.muted, fontSize },
      axisLabel: { color: INK.muted, fontSize, formatter: (value: number) => axisLabel(debrief, value) },
      // At the bottom, not through the first team's row (its y value is 0).
      axisLine: { onZero: false, lineStyle: { color: INK.axis } },
      splitLine: { lineStyle: { color: INK.grid } },
    },
    yAxis: {
      type: 'value',
      min: -0.5,
      max: names.length - 0.5,
      inverse: true,
      interval: 1,
      // A 24-character team name would squeeze the chart on a phone: long names are cut, the list below has them whole.
      // A name on its own row (0, 1, …), not on the borders between rows where the ticks of [-0.5, n - 0.5] fall.
      axisLabel: {
        color: INK.text,
        fontSize,
        width: fontSize * 9,
        overflow: 'truncate',
        // Air between a name and the plot, whose first markers sit on its left edge.
        margin: fontSize * 0.8,
        customValues: names.map((_, i) => i),
        formatter: (value: number) => names[Math.round(value)] ?? '',
      },
      axisTick: { customValues: names.map((_, i) => i) },
      axisLine: { lineStyle: { color: INK.axis } },
      splitLine: { show: false },
    },
    series,
  };
}
