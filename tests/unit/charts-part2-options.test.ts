// Part 2's instruments (src/lib/charts): what a player would notice — the dial at the run's confidence with
// its target marked, a radar whose five axes stay on 0–1 whatever the run, and a dashboard drawn from the
// run's samples with its stages named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confidenceGaugeOptions, gaugeDescription, gaugeReading } from '../../src/lib/parts/part2/charts/confidence-gauge-options.js';
import { riskAxes, riskRadarOptions, shadowHoursSpent, type RadarRun } from '../../src/lib/parts/part2/charts/risk-radar-options.js';
import {
  DASHBOARD_SERIES,
  dashboardSeries,
  shadowDashboardOptions,
  type DashboardSample,
} from '../../src/lib/parts/part2/charts/shadow-dashboard-options.js';

type Gauge = { data: { value: number; name: string }[]; axisLine?: { lineStyle?: { color?: [number, string][] } } };

describe('Confidence Clock', () => {
  it('reads the run confidence against its target, in percent', () => {
    expect(gaugeReading({ confidence: 0.873, target: 0.95 })).toEqual({ value: 87.3, target: 95, reached: false });
    expect(gaugeReading({ confidence: 0.951, target: 0.95 }).reached).toBe(true);
  });

  it('puts the value on the dial and the target on its marker and band', () => {
    const [dial, marker] = (confidenceGaugeOptions({ confidence: 0.5, target: 0.99 }) as { series: Gauge[] }).series;
    expect(dial!.data[0]!.value).toBe(50);
    expect(marker!.data[0]!.value).toBe(99);
    expect(marker!.data[0]!.name).toBe('target 99 %');
    expect(dial!.axisLine!.lineStyle!.color![0]![0]).toBeCloseTo(0.99);
  });

  it('says "target reached" in words, not only by colour', () => {
    const [, marker] = (confidenceGaugeOptions({ confidence: 0.96, target: 0.95 }) as { series: Gauge[] }).series;
    expect(marker!.data[0]!.name).toBe('✓ target 95 %');
    expect(gaugeDescription({ confidence: 0.96, target: 0.95 })).toContain('target reached');
  });

  it('always draws: NaN and out-of-range inputs are clamped to the dial', () => {
    expect(gaugeReading({ confidence: Number.NaN, target: 0.95 }).value).toBe(0);
    expect(gaugeReading({ confidence: 1.5, target: 0.95 }).value).toBe(100);
  });
});

const spec = { requestsPerHour: 20_000, targetRate: 1 / 1000 };
const run: RadarRun = {
  config: { confidence: 0.95, shadowFraction: 0.5 },
  stage: -1,
  startedAt: 10,
  endedAt: null,
  confidence: 0.475,
  exposure: 0,
  shadowCost: 0,
  releaseHours: 42,
  staleness: 0.3,
  samples: [{ hour: 10, stage: -1 }],
};

describe('Risk-vs-Velocity Radar', () => {
  const byKey = (r: RadarRun, now = 52) => Object.fromEntries(riskAxes(r, spec, now).map((a) => [a.key, a]));

  it('normalizes confidence by the target, release time by the week, exposure by a day at the target rate', () => {
    const axes = byKey({ ...run, exposure: 240 });
    expect(axes.confidence!.value).toBeCloseTo(0.5);
    expect(axes.release!.value).toBeCloseTo(42 / 168);
    // R·p·24 = 20,000 · 1/1000 · 24 = 480 failures.
    expect(axes.exposure!.value).toBeCloseTo(0.5);
    expect(axes.staleness!.value).toBeCloseTo(0.3);
  });

  it('scales cost as f·t_shadow / 168 h: the share of a week of full shadowing', () => {
    expect(byKey(run, 52).cost!.value).toBeCloseTo((0.5 * 42) / 168);
    // After leaving shadow mode, the time in shadow ends at the last shadow sample.
    const live = { ...run, stage: 1, samples: [{ hour: 10, stage: -1 }, { hour: 30, stage: -1 }, { hour: 31, stage: 0 }] };
    expect(shadowHoursSpent(live, 80)).toBe(20);
  });

  it('keeps every axis on 0–1 and a number, whatever the run', () => {
    const anyRun = fc.record({
      config: fc.record({ confidence: fc.double({ min: 0, max: 1 }), shadowFraction: fc.double({ min: 0, max: 1 }) }),
      stage: fc.integer({ min: -1, max: 4 }),
      startedAt: fc.double({ min: 0, max: 500, noNaN: true }),
      endedAt: fc.option(fc.double({ min: 0, max: 1000 })),
      confidence: fc.double(),
      exposure: fc.double(),
      shadowCost: fc.double(),
      releaseHours: fc.double(),
      staleness: fc.double(),
      samples: fc.array(fc.record({ hour: fc.double({ min: 0, max: 1000 }), stage: fc.integer({ min: -1, max: 4 }) })),
    });
    fc.assert(
      fc.property(anyRun, fc.double({ min: 0, max: 1000, noNaN: true }), (r, now) => {
        for (const axis of riskAxes(r, spec, now)) {
          expect(Number.isNaN(axis.value)).toBe(false);
          expect(axis.value).toBeGreaterThanOrEqual(0);
          expect(axis.value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('names each axis with its value, so the shape is readable in words', () => {
    const option = riskRadarOptions(riskAxes(run, spec, 52)) as { radar: { indicator: { name: string; max: number }[] } };
    expect(option.radar.indicator.map((i) => i.name)).toEqual([
      'Confidence\n50 %',
      'Release\n25 %',
      'Exposure\n0 %',
      'Staleness\n30 %',
      'Cost\n13 %',
    ]);
    expect(option.radar.indicator.every((i) => i.max === 1)).toBe(true);
  });
});

describe('ShadowModeDashboard', () => {
  const samples: DashboardSample[] = [
    { hour: 0, confidence: 0, failures: 0, stage: -1 },
    { hour: 1, confidence: 0.4, failures: 0, stage: -1 },
    { hour: 2, confidence: 0.96, failures: 0, stage: -1 },
    { hour: 3, confidence: 0.1, failures: 1, stage: 0 },
    { hour: 4, confidence: 0.3, failures: 1, stage: 0 },
  ];

  it('draws confidence in percent and failures so far against simulated hours', () => {
    const series = dashboardSeries(samples);
    expect(series.confidence).toEqual([[0, 0], [1, 40], [2, 96], [3, 10], [4, 30]]);
    expect(series.failures.map(([, f]) => f)).toEqual([0, 0, 0, 1, 1]);
  });

  it('bands the stages without gaps: shadow until the first live point, then 1 %', () => {
    expect(dashboardSeries(samples).stages).toEqual([
      { stage: -1, from: 0, to: 3 },
      { stage: 0, from: 3, to: 4 },
    ]);
    const option = shadowDashboardOptions(dashboardSeries(samples), 0.95) as {
      series: { name: string; markArea?: { data: [{ name: string }, unknown][] }; markLine?: { data: { yAxis: number }[] } }[];
    };
    const confidence = option.series.find((s) => s.name === DASHBOARD_SERIES.confidence)!;
    expect(confidence.markArea!.data.map(([start]) => start.name)).toEqual(['Shadow', '1 %']);
    expect(confidence.markLine!.data[0]!.yAxis).toBeCloseTo(95);
  });

  it('drops points that cannot be drawn and sorts the rest', () => {
    const series = dashboardSeries([samples[2]!, { hour: Number.NaN, confidence: 1, failures: 0, stage: -1 }, samples[0]!]);
    expect(series.confidence).toEqual([[0, 0], [2, 96]]);
  });

  it('draws an empty run (no samples) without NaN in the axes', () => {
    const option = shadowDashboardOptions(dashboardSeries([]), 0.95) as { xAxis: { min: number; max: number } };
    expect(option.xAxis.min).toBe(0);
    expect(option.xAxis.max).toBe(1);
    // Whole hours at both ends of a run that started mid-hour.
    const late = shadowDashboardOptions(dashboardSeries([{ ...samples[0]!, hour: 3.4 }, { ...samples[1]!, hour: 5.2 }]), 0.95);
    expect((late as { xAxis: { min: number; max: number } }).xAxis).toMatchObject({ min: 3, max: 6 });
  });
});
