// The pure rules behind Part 2's crisis instruments (src/lib/parts/part2): what a student and an instructor would
// notice — the chapter's 432 alerts a day written out in the Math Peek, a k that cuts the storm's alerts below
// capacity while a drift still fires, the hottest cells first, the global mean green while a slice is red, each
// remedy's cost, an honest "no shadow on this hardware", the projector's chips and the host's hidden truth.
import { describe, expect, it } from 'vitest';
import type { FleetTile, HostPart2, MonitorView, SliceSeries, SlicesView } from '../../shared/protocol/views.js';
import * as fmt from '../../src/lib/format.js';
import {
  aggregationOptions,
  alertMath,
  cellName,
  cellStatuses,
  foundDrifts,
  hottestCells,
  litShare,
  loadMeter,
  METER_TICKS,
  thresholdPreview,
  thresholdWords,
} from '../../src/lib/parts/part2/alerts/alert-words.js';
import { accuracyWords, levelOptions, remedyCosts, remedyLines, skewLesson, sliceMatrix, sliceName } from '../../src/lib/parts/part2/slices/slice-words.js';
import { ms, p99Reading, pooledReading } from '../../src/lib/parts/part2/play/latency-words.js';
import { fleetLayout } from '../../src/lib/parts/part2/play/fleet-layout.js';
import { tileCrisisFacts } from '../../src/lib/parts/part2/screen/tile-crises.js';
import { driftLines, latencyTruthLines, skewTruthSummary, toolsSummary } from '../../src/lib/parts/part2/host/crisis-rows.js';
import { truthSummary } from '../../src/lib/parts/part2/host/part2-rows.js';

type HostEntry = NonNullable<HostPart2>['teams'][number];

/** A Cloud Titan monitor: 50 models × 10 metrics at static 3σ, calm. */
function monitor(overrides: Partial<MonitorView> = {}): MonitorView {
  return {
    models: 50,
    metrics: 10,
    k: null,
    kEff: 3,
    noise: 1,
    aggregation: 'metric',
    falseAlertRate: 0.003,
    alertsPerDay: 432,
    pagesPerDay: 432,
    capacityPerDay: 50,
    heatmap: Array.from({ length: 50 }, () => Array.from({ length: 10 }, () => 0)),
    investigations: [],
    storm: false,
    driftsFound: [],
    toilMinutes: 0,
    overrunPages: 0,
    ...overrides,
  };
}

const series = (region: number | null, os: 'current' | 'update' | null, fps: number | null, users = 2000): SliceSeries => ({
  region,
  os,
  name: region === null ? (os === null ? 'Whole fleet' : os === 'update' ? 'OS update' : 'Current OS') : sliceName(region, os ?? 'update'),
  users,
  fps,
  below: fps !== null && fps < 60,
});

function slices(overrides: Partial<SlicesView> = {}): SlicesView {
  return {
    level: 'global',
    costPerHour: 0,
    monitorCost: 0,
    targetFps: 60,
    updateAt: 24,
    global: series(null, null, 62.4, 100_000),
    series: [],
    remedies: [],
    decisions: [],
    accuracyGivenUp: 0,
    ...overrides,
  };
}

describe('the alert-noise panel', () => {
  it("writes the chapter's arithmetic out: 50 · 10 · 0.003 · 288 = 432 alerts a day against 50", () => {
    const [fpr, alerts] = alertMath(monitor());
    expect(fpr!.result).toBe('0.003 false alerts per check');
    expect(alerts!.formula).toBe('N · M · FPR · 288');
    expect(alerts!.substituted).toBe('50 · 10 · 0.003 · 288');
    expect(alerts!.result).toBe('432 a day against a capacity of 50');
  });

  it('says why static thresholds drown in a storm, and adds the paging formula once pages are aggregated', () => {
    const storm = monitor({ noise: 4, kEff: 0.75, storm: true, aggregation: 'fleet', falseAlertRate: 0.5, alertsPerDay: 72_000, pagesPerDay: 288 });
    expect(thresholdWords(storm)).toBe("static 3σ — set on calm noise, only 0.75σ of the storm's");
    const lines = alertMath(storm);
    expect(lines[0]!.substituted).toContain('3σ ÷ noise ×4');
    expect(lines.at(-1)!.substituted).toBe('288 · (1 − (1 − 0.5)^500)');
    expect(thresholdWords(monitor({ k: 4, kEff: 4 }))).toBe('k = 4σ, re-estimated per model');
  });

  it('previews the trade-off of k: k = 4 falls under capacity and still catches a drift fast; k = 6 hardly fires on it', () => {
    const k3 = thresholdPreview(50, 3);
    const k4 = thresholdPreview(50, 4);
    const k6 = thresholdPreview(50, 6);
    expect(k3.alertsPerDay).toBeCloseTo(432, 6);
    expect(k4.alertsPerDay).toBeGreaterThan(5);
    expect(k4.alertsPerDay).toBeLessThan(50);
    expect(k4.driftPerCheck).toBeCloseTo(0.31, 2);
    expect(k6.driftPerCheck).toBeLessThan(0.01);
    expect(k6.hoursToFirstAlert).toBeGreaterThan(12);
    expect(k4.hoursToFirstAlert).toBeLessThan(1);
  });

  it("puts the storm's alerts and the capacity on one log scale, with short tick labels that do not collide", () => {
    const storm = loadMeter(72_000, 50);
    expect(storm.over).toBe(true);
    expect(Math.round(storm.times)).toBe(1440);
    expect(storm.alertsAt).toBeGreaterThan(0.95);
    expect(storm.capacityAt).toBeCloseTo(Math.log10(50) / 5, 6);
    expect(loadMeter(9.6, 50).over).toBe(false);
    expect(METER_TICKS.map((t) => t.label)).toEqual(['1', '10', '100', '1k', '10k', '100k']);
  });

  it('numbers cells from 1 and lists the hottest first, with what investigating them found', () => {
    const heatmap = monitor().heatmap;
    heatmap[22]![8] = 7;
    heatmap[3]![0] = 1;
    heatmap[41]![0] = 9;
    const m = monitor({
      heatmap,
      investigations: [
        { at: 5, model: 41, metric: 0, found: true },
        { at: 6, model: 3, metric: 0, found: false },
      ],
      driftsFound: [{ model: 41, metric: 0, at: 3, foundAt: 5 }],
    });
    expect(cellName(22, 8)).toBe('model 23 · metric 9');
    expect(hottestCells(m).map((c) => [c.name, c.count, c.status])).toEqual([
      ['model 42 · metric 1', 9, 'found'],
      ['model 23 · metric 9', 7, null],
      ['model 4 · metric 1', 1, 'noise'],
    ]);
    expect(hottestCells(m, 1)).toHaveLength(1);
    expect(litShare(heatmap)).toEqual({ lit: 3, cells: 500 });
    expect(cellStatuses({ investigations: [{ at: 1, model: 0, metric: 0, found: false }], driftsFound: [{ model: 0, metric: 0, at: 2, foundAt: 4 }] }).get('0:0')).toBe('found');
  });

  it('gives the detection delay of every drift found, in the order found', () => {
    const drifts = foundDrifts({ driftsFound: [{ model: 1, metric: 2, at: 10, foundAt: 16 }, { model: 0, metric: 0, at: 3, foundAt: 4.5 }] });
    expect(drifts.map((d) => [d.name, d.delay])).toEqual([
      ['model 1 · metric 1', 1.5],
      ['model 2 · metric 3', 6],
    ]);
  });

  it('says what each way of paging would send the on-call: fewer, longer pages up the hierarchy', () => {
    const [metric, model, fleet] = aggregationOptions({ models: 50, falseAlertRate: 0.003 });
    expect(metric!.pagesPerDay).toBeCloseTo(432, 6);
    expect(model!.pagesPerDay).toBeLessThan(metric!.pagesPerDay);
    expect(fleet!.pagesPerDay).toBeLessThanOrEqual(288);
    expect([metric!.minutesPerPage, model!.minutesPerPage, fleet!.minutesPerPage]).toEqual([5, 10, 30]);
  });
});

describe('the app-OS skew instrument', () => {
  it('prices each monitor level: global free, regions $20/h, OS versions $4/h, region × OS $40/h', () => {
    expect(levelOptions().map((o) => [o.level, o.series, o.costPerHour])).toEqual([
      ['global', 0, 0],
      ['region', 10, 20],
      ['os', 2, 4],
      ['slice', 20, 40],
    ]);
  });

  it('shows the lesson: the global mean green while a monitored slice is red', () => {
    const slice = slices({ level: 'slice', series: [series(1, 'current', 65.1), series(1, 'update', 54.2), series(2, 'update', 63)] });
    const lesson = skewLesson(slice);
    expect(lesson.tone).toBe('danger');
    expect(lesson.below).toBe(1);
    expect(lesson.text).toBe('The global mean is green at 62.4 FPS — yet 1 of your 3 monitored series reads below 60 FPS.');
    expect(skewLesson(slices()).tone).toBe('warn');
    expect(skewLesson(slices({ updateAt: null })).tone).toBe('ok');
    expect(skewLesson(slices({ global: series(null, null, 59.2, 100_000) })).tone).toBe('danger');
  });

  it('lays region × OS out as one row per region, the two OS versions side by side', () => {
    const rows = sliceMatrix([series(1, 'update', 54), series(0, 'current', 65), series(1, 'current', 66), series(0, 'update', 63)]);
    expect(rows.map((r) => [r.name, r.current?.fps, r.update?.fps])).toEqual([
      ['Region 1', 65, 63],
      ['Region 2', 66, 54],
    ]);
    expect(sliceMatrix([series(3, null, 61)])).toEqual([]);
  });

  it("says what each remedy costs a slice: accuracy for the lighter variant, hours for a rollback (never on the current OS)", () => {
    const update = remedyCosts('update', 3000);
    expect(update.lighter).toContain('costs 3 accuracy points for its 3,000 users');
    // 3,000 of a region's 10,000 glasses come back at 1/24 of the region an hour: 7.2 h.
    expect(update.rollback).toContain('≈ 7.2 h here');
    expect(remedyCosts('current', 4000).rollback).toBeNull();
    expect(remedyCosts('update', null).lighter).toContain('every user it serves');
  });

  it('lists remedies in the order decided, and accuracy given up in words', () => {
    const lines = remedyLines({
      remedies: [
        { region: 6, os: 'update', action: 'rollback', at: 30 },
        { region: 2, os: 'update', action: 'lighter', at: 26 },
      ],
    });
    expect(lines.map((l) => l.text)).toEqual(['Region 3 · OS update: lighter variant', 'Region 7 · OS update: rolled back']);
    expect(accuracyWords(0)).toBe('none');
    expect(accuracyWords(36_000)).toBe('36,000 point·user-hours (3 points for 12,000 user-hours)');
  });
});

describe('latency per hardware cohort', () => {
  it('reads a p99 against the budget, and says honestly where there is none', () => {
    expect(p99Reading(100.4, 'live', 10)).toMatchObject({ text: '100 ms', past: true, measured: true });
    expect(p99Reading(9.04, 'live', 10)).toMatchObject({ text: '9 ms', past: false });
    expect(p99Reading(null, 'no-shadow', 10)).toMatchObject({ text: 'no shadow on this hardware', measured: false });
    expect(p99Reading(null, 'rolled-back', 10).text).toBe('rolled back');
    expect(ms(8.31)).toBe('8.3 ms');
    expect(ms(287.4)).toBe('287 ms');
  });

  it("warns that a random canary's pooled p99 can hide a small cohort's tail", () => {
    const random = pooledReading({ p99Ms: 8.3, cohorts: null }, 10);
    expect(random).toMatchObject({ text: '8.3 ms', past: false });
    expect(random.hint).toMatch(/hide/);
    expect(pooledReading({ p99Ms: null, cohorts: [] }, 10).text).toBe('—');
  });
});

describe('where the crisis instruments go on a team page', () => {
  it('puts a struck crisis on top; calm monitoring below; the skew only where it plays or struck', () => {
    const calm = { monitor: monitor(), slices: slices({ updateAt: null }) };
    expect(fleetLayout(calm, 'cloud-titan')).toEqual({ top: [], bottom: ['alerts'] });
    expect(fleetLayout(calm, 'mobile-nomad')).toEqual({ top: [], bottom: ['alerts', 'slices'] });
    expect(fleetLayout({ monitor: monitor({ storm: true }), slices: slices() }, 'edge-guardian')).toEqual({ top: ['alerts', 'slices'], bottom: [] });
  });
});

describe('crisis chips on the projector', () => {
  const tile = (overrides: Partial<Pick<FleetTile, 'alerts' | 'skew' | 'latency'>>): Pick<FleetTile, 'alerts' | 'skew' | 'latency'> => ({
    alerts: { storm: false, alertsPerDay: 432, capacityPerDay: 50, driftsFound: 0 },
    skew: { struck: false, level: 'global', globalFps: 64, worstFps: 64, below: 0, remedies: 0 },
    latency: { jitter: false, budgetMs: 10, p99Ms: null, rolledBack: [] },
    ...overrides,
  });

  it('shows nothing before a crisis struck', () => {
    expect(tileCrisisFacts(tile({}))).toEqual([]);
  });

  it('reads a storm over capacity red, a tamed one with both drifts green', () => {
    const [raging] = tileCrisisFacts(tile({ alerts: { storm: true, alertsPerDay: 72_346, capacityPerDay: 50, driftsFound: 0 } }));
    expect(raging).toMatchObject({ kind: 'storm', value: '72k', unit: '/day', detail: 'cap 50 · 0/2 drifts', tone: 'bad' });
    const [tamed] = tileCrisisFacts(tile({ alerts: { storm: true, alertsPerDay: 9.6, capacityPerDay: 50, driftsFound: 2 } }));
    expect(tamed).toMatchObject({ value: '9.6', unit: '/day', tone: 'ok' });
  });

  it('reads the skew by the worst slice the team measures, and a global-only team as blind, not fine', () => {
    const [red] = tileCrisisFacts(tile({ skew: { struck: true, level: 'slice', globalFps: 62.1, worstFps: 53.2, below: 3, remedies: 1 } }));
    expect(red).toMatchObject({ kind: 'skew', value: '53.2 FPS', detail: '3 below 60 · 1 treated', tone: 'bad' });
    const [blind] = tileCrisisFacts(tile({ skew: { struck: true, level: 'global', globalFps: 62.1, worstFps: 62.1, below: 0, remedies: 0 } }));
    expect(blind).toMatchObject({ detail: 'global only', tone: 'neutral' });
    expect(blind!.brief).toBe('global');
    expect(red!.brief).toBe('3 below');
  });

  it('reads jitter as p99 against the budget, and the cohorts rolled back', () => {
    const [late] = tileCrisisFacts(tile({ latency: { jitter: true, budgetMs: 10, p99Ms: 100.2, rolledBack: [] } }));
    expect(late).toMatchObject({ kind: 'jitter', value: '100 ms', detail: 'budget 10 ms', tone: 'bad' });
    const [back] = tileCrisisFacts(tile({ latency: { jitter: true, budgetMs: 10, p99Ms: 6.4, rolledBack: ['Hardware gen 1 (oldest)'] } }));
    expect(back).toMatchObject({ tone: 'ok', detail: 'budget 10 ms · ↩ Hardware gen 1 (oldest)' });
    // A team that has not run a canary reads no p99: a table row leaves that chip out.
    const [unread] = tileCrisisFacts(tile({ latency: { jitter: true, budgetMs: 10, p99Ms: null, rolledBack: [] } }));
    expect(unread).toMatchObject({ value: '—', measured: false });
  });
});

describe("the host's view of the crises", () => {
  it("sums up a team's tools in a line each", () => {
    const tools = toolsSummary({
      monitor: { ...monitor({ k: 4, kEff: 4, aggregation: 'model', alertsPerDay: 9.6, storm: true }) },
      slices: slices({ level: 'slice', costPerHour: 40, remedies: [{ region: 1, os: 'update', action: 'lighter', at: 26 }] }),
    });
    expect(tools).toEqual({ alerts: 'k = 4σ · page per model · 10 alerts/day', overCapacity: false, storm: true, slices: 'region × OS · $40/h · 1 slice treated' });
    expect(toolsSummary({ monitor: null, slices: null })).toMatchObject({ alerts: null, slices: null });
  });

  it('shows the drifts with onset and found-at, and one not begun yet', () => {
    const lines = driftLines(
      [
        { model: 24, metric: 3, at: 1.5, foundAt: 8.25 },
        { model: 41, metric: 0, at: 20, foundAt: null },
      ],
      10,
    );
    expect(lines).toEqual([
      { name: 'model 25 · metric 4', onset: 'Day 1 · 01:30', begun: true, found: 'found Day 1 · 08:15 (+6.8 h)' },
      { name: 'model 42 · metric 1', onset: 'Day 1 · 20:00', begun: false, found: null },
    ]);
  });

  it('lists only the slices the update throttles, with their true FPS and remedy', () => {
    const summary = skewTruthSummary({
      at: 24,
      slices: [
        { region: 0, os: 'current', users: 6000, fps: 65, below: false, bad: false, remedy: null },
        { region: 1, os: 'update', users: 3000, fps: 54.2, below: true, bad: true, remedy: null },
        { region: 6, os: 'update', users: 2000, fps: 66.24, below: false, bad: true, remedy: 'lighter' },
      ],
      globalFps: 62.3,
      userHoursBelow: 5000,
      accuracyGivenUp: 600,
      detectedAt: 27,
      delayHours: 3,
      score: 81,
    });
    expect(summary.bad.map((b) => [b.name, b.fps, b.remedy])).toEqual([
      ['Region 2 · OS update', '54.2 FPS · 3,000 users', null],
      ['Region 7 · OS update', '66.2 FPS · 2,000 users', 'Lighter variant'],
    ]);
    expect(summary.detection).toBe('first treated after 3 h');
  });

  it("keeps a cohort past the latency budget on the host's truth even on a large fleet", () => {
    const truth: HostEntry['truth'] = Array.from({ length: 10 }, (_, i) => ({ cohort: `Region ${i + 1}`, rate: 5e-5, bad: false, p99Ms: i === 9 ? 167 : 11.2, pastBudget: i === 9 ? 0.02 : 7e-6 }));
    const summary = truthSummary(truth, 16.7);
    expect(summary.lines.map((l) => [l.cohort, l.p99, l.late])).toEqual([['Region 10', '167 ms', true]]);
    expect(summary.rest?.count).toBe(9);
    expect(latencyTruthLines(truth.slice(0, 3), 10).map((l) => l.past)).toEqual([true, true, true]);
  });
});

describe('format', () => {
  it('writes fixed decimals for readings that line up', () => {
    expect(fmt.fixed(52)).toBe('52.0');
    expect(fmt.fixed(61.96)).toBe('62.0');
    expect(fmt.fixed(-0.04)).toBe('0.0');
    expect(fmt.fixed(12_345.67, 1)).toBe('12,345.7');
  });
});
