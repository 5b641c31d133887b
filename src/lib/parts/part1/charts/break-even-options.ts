// OpsBreakEvenPlot (GAME.md §4): a team's yearly cost of running N models by hand against the platform, with
// the team capacity, the locked prediction and — after the reveal — N*. Pure: the browser recomputes it on
// every slider step from the shared cost model, without a server round trip. The series are built in
// break-even-series.ts, the reference lines in break-even-marks.ts; this file lays out axes, legend and tooltip.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { manualCost, platformCost, type CostParams } from '../../../../../shared/sim/parts/part1/roi-model.js';
import * as fmt from '../../../format.js';
import type { ChartOption } from '../../../charts/options-types.js';
import { FONT, INK } from '../../../charts/theme.js';
import { markLines, markRows, ROW_HEIGHT } from './break-even-marks.js';
import { BREAK_EVEN_SERIES, componentSeries, costLine, currentMarkers, sampleModelCounts, type BreakEvenInput } from './break-even-series.js';

export { BREAK_EVEN_SERIES, sampleModelCounts, type BreakEvenInput };

/** Height of a legend entry and the gap between entries, px. */
const LEGEND_ROW = 14;
const LEGEND_GAP = 6;

function legendRows(input: BreakEvenInput): number {
  return input.stacked ? 5 : 2;
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

  const series = [
    ...(input.stacked ? componentSeries(ns, input.h, input.engineerCost) : []),
    { ...costLine('manual', ns, input.h, params), markLine: { silent: true, symbol: ['none', 'none'], animation: false, data: markLines(input) } },
    costLine('platform', ns, input.h, params),
    currentMarkers(input.n, input.h, params),
  ];

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
