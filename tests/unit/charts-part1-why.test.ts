// The projector's "why" charts of Part 1's reveal: N* against h passes through every track's revealed N*, and
// on the cost chart each track's manual line meets the platform's at that N* — so the picture explains the
// numbers rather than decorating them.
import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from '../../src/lib/charts/options-types.js';
import {
  WHY_SERIES,
  costAxisMax,
  costCurveOptions,
  nStarByHOptions,
  nStarCurve,
  trackPoints,
} from '../../src/lib/parts/part1/charts/why-options.js';
import { DEFAULT_COST_PARAMS } from '../../shared/sim/parts/part1/roi-model.js';

const TRUTHS = [
  { track: 'tiny-pioneer', h: 4, actual: 39 },
  { track: 'cloud-titan', h: 1, actual: 73 },
  { track: 'edge-guardian', h: 2, actual: 53 },
  { track: 'mobile-nomad', h: 3, actual: 44 },
  { track: 'cloud-titan', h: 1, actual: 73 },
] as const;

const seriesOf = (option: ReturnType<typeof costCurveOptions>) => option.series as LineSeriesOption[];
const pointAt = (series: LineSeriesOption, n: number) => (series.data as [number, number][]).find(([x]) => x === n)![1];

describe('Part 1 reveal: why N* differs by track', () => {
  it('lists each track in play once, in track order, with its h and N*', () => {
    expect(trackPoints(TRUTHS).map((p) => [p.track, p.h, p.nStar])).toEqual([
      ['cloud-titan', 1, 73],
      ['edge-guardian', 2, 53],
      ['mobile-nomad', 3, 44],
      ['tiny-pioneer', 4, 39],
    ]);
  });

  it('N*(h) passes through the reference values of GAME.md and falls as h rises', () => {
    const curve = new Map(nStarCurve(DEFAULT_COST_PARAMS));
    expect([1, 2, 3, 4].map((h) => curve.get(h))).toEqual([73, 53, 44, 39]);
    const values = [...curve.values()];
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!);
    const option = nStarByHOptions(trackPoints(TRUTHS), DEFAULT_COST_PARAMS);
    expect(JSON.stringify(option)).toContain('Cloud 73');
  });

  it('shades the O(N²) term, and each manual line crosses the platform at its track N*', () => {
    const points = trackPoints(TRUTHS);
    const series = seriesOf(costCurveOptions(points, DEFAULT_COST_PARAMS));
    const quadratic = series.find((s) => s.name === WHY_SERIES.quadratic)!;
    expect(quadratic.areaStyle).toBeDefined();
    expect(quadratic.stack).toBe(series.find((s) => s.name === WHY_SERIES.linear)!.stack);
    const platform = series.find((s) => s.name === WHY_SERIES.platform)!;
    // h = 1 is the top of the stack; the others are their own lines.
    const manualAt = (h: number, n: number) =>
      h === 1 ? pointAt(series.find((s) => s.name === WHY_SERIES.linear)!, n) + pointAt(quadratic, n) : pointAt(series.find((s) => s.name === `h = ${h}`)!, n);
    for (const p of points) {
      expect(manualAt(p.h, p.nStar)).toBeGreaterThan(pointAt(platform, p.nStar));
      expect(manualAt(p.h, p.nStar - 1)).toBeLessThanOrEqual(pointAt(platform, p.nStar - 1));
    }
    expect(costAxisMax(points)).toBeGreaterThan(73);
  });
});

describe('Part 1 reveal chart: team names', () => {
  it('slants long names even with few teams, so that neighbours never overlap', async () => {
    const { revealOptions } = await import('../../src/lib/parts/part1/charts/reveal-options.js');
    const team = (name: string, track: 'cloud-titan' | 'edge-guardian') => ({ name, track, prediction: 50, actual: 73, ratio: 1.46, within30: false });
    const rotateOf = (names: string[]) => {
      const option = revealOptions(names.map((n, i) => team(n, i % 2 ? 'edge-guardian' : 'cloud-titan')));
      return ((option.xAxis as { axisLabel?: { rotate?: number } }[])[0]!.axisLabel!.rotate);
    };
    expect(rotateOf(['Team 1', 'Team 2', 'Team 3', 'Team 4'])).toBe(0);
    expect(rotateOf(['01 Wombat Mammoth Wizard', 'Team 2', 'Team 3', 'Team 4'])).toBe(30);
  });
});
