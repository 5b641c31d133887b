// The OpsBreakEvenPlot's reference lines: the team capacity (horizontal), the current N, the locked prediction
// and N* (vertical), each labelled on its own row above the plot.
// Relative imports: unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { LineSeriesOption } from '../../../charts/options-types.js';
import { INK, SERIES } from '../../../charts/theme.js';
import type { BreakEvenInput } from './break-even-series.js';

// Labels sit on the lines they name: a solid backing keeps them readable where they cross a curve.
const MARK_LABEL = { fontSize: 12, backgroundColor: INK.surface, padding: [2, 4], borderRadius: 3 };
/** Height of one row of mark labels above the plot, px. */
export const ROW_HEIGHT = 20;

type MarkLineDatum = NonNullable<NonNullable<LineSeriesOption['markLine']>['data']>[number];

/** The reference lines: capacity (horizontal), current N, the prediction and N* (vertical). */
export function markLines(input: BreakEvenInput): MarkLineDatum[] {
  // Vertical marks are labelled above the plot, one row each (N nearest, then the prediction, then N*):
  // horizontal text stays readable on a phone, and rows never collide however close the three values are.
  const marks: MarkLineDatum[] = [];
  const vertical = (x: number, label: string, colour: string, type: 'solid' | 'dashed' | 'dotted', width: number) => {
    const row = marks.length;
    marks.push({
      xAxis: x,
      lineStyle: { color: colour, type, width },
      label: { ...MARK_LABEL, formatter: label, position: 'end', distance: 4 + row * ROW_HEIGHT, color: colour, fontWeight: 'bold' },
    });
  };
  vertical(input.n, `N = ${input.n}`, SERIES.current, 'dotted', 1.5);
  if (input.prediction !== null) vertical(input.prediction, `Your prediction: ${input.prediction}`, SERIES.prediction, 'dashed', 2);
  if (input.nStar !== null) vertical(input.nStar, `N* = ${input.nStar}`, SERIES.nStar, 'solid', 3);
  // Last, so that its label is drawn over the vertical lines it crosses.
  marks.push({
    yAxis: input.capacityHours * input.engineerCost,
    lineStyle: { color: SERIES.capacity, type: 'dotted', width: 2 },
    label: { ...MARK_LABEL, formatter: 'Team capacity', position: 'insideEndTop', color: SERIES.capacity },
  });
  return marks;
}

/** How many rows of mark labels sit above the plot. */
export function markRows(input: BreakEvenInput): number {
  return 1 + (input.prediction !== null ? 1 : 0) + (input.nStar !== null ? 1 : 0);
}

