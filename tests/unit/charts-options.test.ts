// The chart option builders (src/lib/charts): what a player or the class would notice on the chart — marks
// present exactly when their value is known, the components when asked for, numbers that draw (no NaN).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BREAK_EVEN_SERIES,
  breakEvenDescription,
  breakEvenOptions,
  type BreakEvenInput,
} from '../../src/lib/parts/part1/charts/break-even-options.js';
import { REVEAL_SERIES, revealOptions, type RevealTeam } from '../../src/lib/parts/part1/charts/reveal-options.js';
import { manualCost, platformCost } from '../../shared/sim/parts/part1/roi-model.js';
import { revealNumeric } from '../../shared/sim/calibration.js';

type Series = { name?: string; type?: string; data?: unknown[]; stack?: string; markLine?: { data?: unknown[] }; markArea?: { data?: unknown[] } };
type MarkLine = { xAxis?: number; yAxis?: number; label?: { formatter?: string } };

const base: BreakEvenInput = {
  n: 50,
  h: 1,
  capex: 500_000,
  engineerCost: 150,
  capacityHours: 2_500,
  stacked: false,
  prediction: null,
  nStar: null,
  xMax: 100,
};

function seriesOf(option: unknown): Series[] {
  return (option as { series: Series[] }).series;
}

function marksOf(option: unknown): MarkLine[] {
  const manual = seriesOf(option).find((s) => s.name === BREAK_EVEN_SERIES.manual)!;
  return (manual.markLine?.data ?? []) as MarkLine[];
}

function markLabels(option: unknown): string[] {
  return marksOf(option).map((m) => m.label?.formatter ?? '');
}

/** Every number in the series data (points are [x, y] pairs or { value: [x, y] }). */
function numbersIn(option: unknown): unknown[] {
  return seriesOf(option).flatMap((s) =>
    (s.data ?? []).flatMap((d) => {
      const point = typeof d === 'object' && d !== null && 'value' in d ? (d as { value: unknown }).value : d;
      return Array.isArray(point) ? point : [point];
    }),
  );
}

describe('OpsBreakEvenPlot options', () => {
  it('draws manual and platform costs and the current N before anything is locked or revealed', () => {
    const option = breakEvenOptions(base);
    expect(seriesOf(option).map((s) => s.name)).toEqual([
      BREAK_EVEN_SERIES.manual,
      BREAK_EVEN_SERIES.platform,
      BREAK_EVEN_SERIES.current,
    ]);
    expect(markLabels(option)).toEqual(['N = 50', 'Team capacity']);
  });

  it('marks the prediction only when there is one, and N* only once revealed', () => {
    expect(markLabels(breakEvenOptions({ ...base, prediction: 80 }))).toContain('Your prediction: 80');
    expect(markLabels(breakEvenOptions({ ...base, prediction: 80 })).some((l) => l.startsWith('N*'))).toBe(false);
    const revealed = breakEvenOptions({ ...base, prediction: 80, nStar: 73 });
    expect(markLabels(revealed)).toEqual(expect.arrayContaining(['Your prediction: 80', 'N* = 73']));
    const n73 = marksOf(revealed).find((m) => m.label?.formatter === 'N* = 73');
    expect(n73?.xAxis).toBe(73);
  });

  it('puts the team capacity at capacity hours × engineer cost, in dollars', () => {
    const capacity = marksOf(breakEvenOptions(base)).find((m) => m.label?.formatter === 'Team capacity');
    expect(capacity?.yAxis).toBe(375_000);
  });

  it('adds the three manual components, stacked, when asked', () => {
    const stacked = seriesOf(breakEvenOptions({ ...base, stacked: true }));
    const components = stacked.filter((s) => s.stack !== undefined);
    expect(stacked).toHaveLength(6);
    expect(components.map((s) => s.name)).toEqual([
      BREAK_EVEN_SERIES.alerts,
      BREAK_EVEN_SERIES.deployment,
      BREAK_EVEN_SERIES.dependencies,
    ]);
    expect(new Set(components.map((s) => s.stack)).size).toBe(1);
  });

  it('stacks the components up to the manual cost at every N', () => {
    const series = seriesOf(breakEvenOptions({ ...base, h: 3, stacked: true }));
    const components = series.filter((s) => s.stack !== undefined).map((s) => s.data as [number, number][]);
    const manual = series.find((s) => s.name === BREAK_EVEN_SERIES.manual)!.data as [number, number][];
    manual.forEach(([n, cost], i) => {
      const sum = components.reduce((total, data) => total + data[i]![1], 0);
      expect(sum).toBeCloseTo(cost, 6);
      expect(cost).toBeCloseTo(manualCost(n, 3), 6);
    });
  });

  it('places the current-N markers on both curves (GAME.md: $366,840 and $603,021 at N = 50, h = 1)', () => {
    const current = seriesOf(breakEvenOptions(base)).find((s) => s.name === BREAK_EVEN_SERIES.current)!;
    const points = (current.data as { value: [number, number] }[]).map((d) => d.value);
    expect(points.map(([x]) => x)).toEqual([50, 50]);
    expect(Math.round(points[0]![1])).toBe(366_840);
    expect(Math.round(points[1]![1])).toBe(603_021);
    expect(points[1]![1]).toBeCloseTo(platformCost(50), 6);
  });

  it('widens the N axis so that a prediction or N* beyond xMax stays in view', () => {
    const option = breakEvenOptions({ ...base, xMax: 100, prediction: 400 }) as { xAxis: { max: number } };
    expect(option.xAxis.max).toBeGreaterThanOrEqual(400);
  });

  it('says the numbers for screen readers', () => {
    const text = breakEvenDescription({ ...base, prediction: 80, nStar: 73 });
    expect(text).toContain('manual $366,840');
    expect(text).toContain('platform $603,021');
    expect(text).toContain('N* = 73');
    expect((breakEvenOptions(base) as { aria: { enabled: boolean } }).aria.enabled).toBe(true);
  });

  it('never draws NaN or Infinity, whatever the sliders and settings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 10, max: 1_000 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 500 })),
        fc.integer({ min: 1, max: 500 }),
        (n, h, capex, engineerCost, stacked, prediction, xMax) => {
          const option = breakEvenOptions({ n, h, capex, engineerCost, capacityHours: 2_500, stacked, prediction, nStar: null, xMax });
          for (const value of numbersIn(option)) expect(Number.isFinite(value)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** A team as the server reveals it: prediction, truth, ratio and badge from the core's one rule. */
const revealed = (prediction: number | null, actual: number) => {
  const r = revealNumeric(prediction, actual);
  return { prediction, actual, ratio: r.ratio, within30: r.within30 };
};

describe('reveal chart options', () => {
  const teams: RevealTeam[] = [
    { name: 'Team 1', track: 'cloud-titan', ...revealed(80, 73) },
    { name: 'Team 2', track: 'edge-guardian', ...revealed(120, 53) },
    { name: 'Team 3', track: 'mobile-nomad', ...revealed(null, 44) },
    { name: 'Team 4', track: 'tiny-pioneer', ...revealed(39, 39) },
    { name: 'Team 5', track: 'cloud-titan', ...revealed(20, 73) },
  ];
  const option = revealOptions(teams) as unknown as {
    xAxis: { data?: string[] }[];
    series: Series[];
  };
  const bars = option.series.find((s) => s.name === REVEAL_SERIES.prediction)!;
  const truth = option.series.find((s) => s.name === REVEAL_SERIES.truth)!;

  it('groups the teams by track, in track order', () => {
    expect(option.xAxis[0]!.data).toEqual(['Team 1', 'Team 5', 'Team 2', 'Team 3', 'Team 4']);
  });

  it('draws one bar per prediction, with a check mark when within 30 %, and says which team never locked', () => {
    const data = bars.data as { value: number; label: { show: boolean; formatter: string } }[];
    expect(data.map((d) => d.value)).toEqual([80, 20, 120, 0, 39]);
    expect(data.map((d) => (d.label.show ? d.label.formatter : null))).toEqual(['80 ✓', '20', '120', 'no lock', '39 ✓']);
  });

  it('turns the value labels upright when many teams share the width', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...teams[i % teams.length]!, name: `Team ${i + 1}` }));
    const dense = revealOptions(many) as unknown as { series: Series[] };
    const labels = (dense.series[0]!.data as { label: { rotate?: number } }[]).map((d) => d.label.rotate);
    expect(labels.every((r) => r === 90)).toBe(true);
    expect((bars.data as { label: { rotate?: number } }[]).every((d) => d.label.rotate === undefined)).toBe(true);
  });

  it("draws one truth line per track across its teams, at the track's N*", () => {
    const points = truth.data as (number | string)[][];
    const segments = points.filter((p) => p[0] !== '-');
    expect(segments).toHaveLength(8); // 4 tracks × 2 ends
    expect(segments.map((p) => p[1])).toEqual([73, 73, 53, 53, 44, 44, 39, 39]);
    // Cloud Titan's line spans its two teams (categories 0 and 1), past their bars.
    expect(segments[0]![0]).toBeLessThan(0);
    expect(segments[1]![0]).toBeGreaterThan(1);
  });

  it('heads each track band with its name and N*', () => {
    const bands = bars.markArea!.data as [{ name: string }, unknown][];
    expect(bands.map(([start]) => start.name)).toEqual([
      'Cloud Titan\nN* = 73',
      'Edge Guardian\nN* = 53',
      'Mobile Nomad\nN* = 44',
      'Tiny Pioneer\nN* = 39',
    ]);
  });

  it('leaves out the tracks nobody plays and draws nothing for no teams', () => {
    const one = revealOptions([teams[0]!]) as unknown as { series: Series[] };
    expect(one.series[0]!.markArea!.data).toHaveLength(1);
    const none = revealOptions([]) as unknown as { series: Series[] };
    expect(none.series.every((s) => (s.data ?? []).length === 0)).toBe(true);
  });

  it('has no NaN in its data', () => {
    for (const value of numbersIn(option)) {
      if (value !== '-') expect(Number.isFinite(value)).toBe(true);
    }
  });
});
