// The pure rules behind Part 2's host console and projector (src/lib): what the instructor and the room
// would notice — a clock that reads like a week, rates as "1 in N", a Confidence Clock that never rounds up to
// its target, crises aimed and logged in the right order, the hidden truth condensed but never hiding a bad
// cohort, and a reveal chart whose axis holds every answer and the truth.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HostView, RunView } from '../../shared/protocol/views.js';
import { PART2_ACTUAL } from '../../shared/sim/parts/part2/answer.js';
import { revealNumeric } from '../../shared/sim/calibration.js';
import { closeBand, logBounds, part2RevealOptions } from '../../src/lib/parts/part2/charts/part2-reveal-options.js';
import * as fmt from '../../src/lib/format.js';
import { stageLabel } from '../../src/lib/parts/part2/stages.js';
import { sparkPaths } from '../../src/lib/components/sparkline.js';
import { aimLabel, crisisLog, decodeTarget, encodeTarget, scheduleHours, targetLabel, tracksInPlay } from '../../src/lib/crises/crisis.js';
import { part2Revealed, part2Rows, truthSummary } from '../../src/lib/parts/part2/host/part2-rows.js';
import { phaseLabel } from '../../src/lib/phase.js';
import { hitLabel, newestCrises, teamBanners } from '../../src/lib/crises/crisis-banners.js';
import { fleetAsTable } from '../../src/lib/parts/part2/screen/part2-status.js';
import { reflectedTeams } from '../../src/lib/screen/reflected.js';

/** A team's answer to Part 2 as the server reveals it (ratio and badge from the core's one rule). */
const answer = (prediction: number | null) => {
  const r = revealNumeric(prediction, 2995);
  return { prediction, ratio: r.ratio, within30: r.within30 };
};

describe('Part 2 formats', () => {
  it('reads the simulated clock as days and hours of a week', () => {
    expect(fmt.simClock(0)).toBe('Day 1 · 00:00');
    expect(fmt.simClock(38)).toBe('Day 2 · 14:00');
    expect(fmt.simClock(167.999)).toBe('Day 7 · 23:59');
    expect(fmt.simClock(168)).toBe('Day 8 · 00:00');
    expect(fmt.hours(2.25)).toBe('2.3 h');
    expect(fmt.hours(1200)).toBe('1,200 h');
  });

  it('writes rates as "1 in N" with two significant digits', () => {
    expect(fmt.oneIn(1 / 1000)).toBe('1 in 1,000');
    expect(fmt.oneIn(1 / 4762)).toBe('1 in 4,800');
    expect(fmt.oneIn(1 / 100_000)).toBe('1 in 100,000');
    expect(fmt.oneIn(0.02)).toBe('1 in 50');
    expect(fmt.oneIn(0)).toBe('never');
  });

  it('never shows a confidence below its target as reaching it', () => {
    expect(fmt.confidence(0.9499)).toBe('94.9 %');
    expect(fmt.confidence(0.98999)).toBe('98.9 %');
    expect(fmt.confidence(0.99)).toBe('99.00 %');
    expect(fmt.confidence(0)).toBe('0.0 %');
    expect(fmt.confidence(1)).toBe('99.99 %');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (c) => {
        expect(Number.parseFloat(fmt.confidence(c)) / 100).toBeLessThanOrEqual(c + 1e-12);
      }),
    );
    expect(fmt.targetPercent(0.95)).toBe('95 %');
    expect(fmt.targetPercent(0.999)).toBe('99.9 %');
  });

  it('names the stages of the rollout plan', () => {
    expect([null, -1, 0, 2, 4].map(stageLabel)).toEqual(['No run yet', 'Shadow', '1 % live', '25 % live', '100 % live']);
  });

  it('labels Part 2 for every audience', () => {
    expect(phaseLabel('part2', 'play', 'player')).toBe('Part 2 · Canary duration');
    expect(phaseLabel('part2', 'play', 'screen')).toBe('Part 2 · Canary duration');
    expect(phaseLabel('part2', 'play', 'host')).toBe('Part 2 · Lock and live fleet');
    expect(phaseLabel('part2', 'reveal', 'screen')).toBe('Part 2 · Reveal');
    expect(phaseLabel('part1', 'play', 'host')).toBe('Part 1 · Lock and workbench');
  });
});

describe('the crisis catalog', () => {
  it('round-trips every target through the chooser and refuses unknown tracks', () => {
    for (const target of [{ kind: 'all' }, { kind: 'track', track: 'edge-guardian' }, { kind: 'team', teamId: 't7' }] as const) {
      expect(decodeTarget(encodeTarget(target))).toEqual(target);
    }
    expect(decodeTarget('track:moon-base')).toBeNull();
    expect(decodeTarget('team:')).toBeNull();
    expect(targetLabel('all teams')).toBe('All teams');
    expect(targetLabel('mobile-nomad')).toBe('Mobile Nomad teams');
    expect(targetLabel('Team 3')).toBe('Team 3');
  });

  it('fires now or schedules 0.5–168 simulated hours ahead', () => {
    expect(scheduleHours('now', 6)).toBeNull();
    expect(scheduleHours('later', 6)).toBe(6);
    expect(scheduleHours('later', 0)).toBe('invalid');
    expect(scheduleHours('later', null)).toBe('invalid');
    expect(scheduleHours('later', 200)).toBe('invalid');
  });

  it('logs scheduled crises soonest first above fired ones newest first', () => {
    const log = crisisLog(
      [
        { id: 'world-drifted', target: 'all teams', part: 'part2', at: 2, fired: true },
        { id: 'rollout-jitter', target: 'edge-guardian', part: 'part2', at: 5, fired: true },
        { id: 'traffic-spike', target: 'Team 2', part: 'part2', at: 30, fired: false },
        { id: 'traffic-spike', target: 'all teams', part: 'part2', at: 12, fired: false },
      ],
      10,
    );
    expect(log.map((e) => [e.title, e.fired])).toEqual([
      ['Traffic spike', false],
      ['Traffic spike', false],
      ['Rollout jitter', true],
      ['The world drifted', true],
    ]);
    expect(log[0]!.when).toBe('Day 1 · 12:00 (in 2 h)');
    expect(log[2]!.target).toBe('Edge Guardian teams');
  });
});

const run = (over: Partial<RunView> = {}): RunView => ({
  number: 1,
  config: { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'random', sprt: false },
  stage: -1,
  outcome: 'running',
  startedAt: 0,
  windowEndsAt: 10,
  endedAt: null,
  rollbackUntil: null,
  confidence: 0.5,
  requiredClean: 2995,
  clean: 2000,
  shipEvidence: null,
  requests: 700,
  failures: 0,
  cohorts: null,
  p99Ms: null,
  exposure: 3,
  shadowCost: 0,
  releaseHours: 4,
  staleness: 0.05,
  sprt: null,
  samples: [],
  ...over,
});

describe('the host table of Part 2', () => {
  const regions = Array.from({ length: 10 }, (_, i) => ({ cohort: `Region ${i + 1}`, rate: i === 3 || i === 7 ? 0.004 : 0.00005 + i * 1e-6, bad: i === 3 || i === 7, p99Ms: 11, pastBudget: 7e-6 }));

  it('keeps every bad cohort in sight and folds the good ones of a large fleet', () => {
    const big = truthSummary(regions);
    expect(big.lines.map((l) => l.cohort)).toEqual(['Region 4', 'Region 8']);
    expect(big.lines.every((l) => l.bad && l.oneIn === '1 in 250')).toBe(true);
    expect(big.rest?.count).toBe(8);
    const small = truthSummary(regions.slice(0, 3));
    expect(small.lines).toHaveLength(3);
    expect(small.rest).toBeNull();
  });

  it('joins each team with its latest run, total exposure and, once revealed, its score against n*', () => {
    const view = {
      phase: 'part2',
      step: 'reveal',
      teams: [
        { id: 't1', name: 'Alpha', track: 'cloud-titan', members: [] },
        { id: 't2', name: 'Beta', track: 'edge-guardian', members: [] },
      ],
    } as unknown as HostView;
    const NO_OPS = { total: 0, canary: 0, runs: [], crises: [] };
    const part2: NonNullable<HostView['part2']> = {
      hours: 20,
      revealed: false,
      actual: PART2_ACTUAL,
      teams: [
        { teamId: 't1', prediction: 3000, lockedByNickname: 'ada', reveal: revealNumeric(3000, PART2_ACTUAL), runs: [run(), run({ number: 2, exposure: 4, stage: 2 })], truth: regions.slice(0, 3), latencyBudgetMs: 1000 / 60, monitor: null, drifts: [], slices: null, skew: null, hours: 20, clock: 'running', ops: 40, opsBreakdown: NO_OPS, reflection: null },
        { teamId: 't2', prediction: null, lockedByNickname: null, reveal: revealNumeric(null, PART2_ACTUAL), runs: [], truth: [], latencyBudgetMs: 10, monitor: null, drifts: [], slices: null, skew: null, hours: 0, clock: 'not-started', ops: 0, opsBreakdown: NO_OPS, reflection: null },
      ],
    };
    const [alpha, beta] = part2Rows(view, part2, part2Revealed(view));
    expect(alpha!.run?.number).toBe(2);
    expect(alpha!.exposure).toBe(7);
    expect(alpha!.within30).toBe(true);
    expect(alpha!.score).toBe(100);
    expect(beta!.run).toBeNull();
    expect(beta!.score).toBeNull();
    expect(beta!.stakeholderConfidence).toBe(0.99);
    expect(part2Revealed({ phase: 'part2', step: 'play' })).toBe(false);
    expect(part2Revealed({ phase: 'debrief', step: null })).toBe(true);
  });
});

describe('the projector of Part 2', () => {
  const teams = [
    { id: 't1', name: 'Alpha', track: 'cloud-titan' as const },
    { id: 't2', name: 'Beta', track: 'edge-guardian' as const },
    { id: 't3', name: 'Gamma', track: 'edge-guardian' as const },
    { id: 't4', name: 'Delta', track: 'tiny-pioneer' as const },
  ];

  it('says whom a crisis hit, and shows the newest first', () => {
    expect(hitLabel(['t1', 't2', 't3', 't4'], teams)).toBe('All teams');
    expect(hitLabel(['t2', 't3'], teams)).toBe('Edge Guardian teams');
    expect(hitLabel(['t2'], teams)).toBe('Beta');
    expect(hitLabel(['t1', 't4'], teams)).toBe('Alpha and Delta');
    const banner = (title: string, at: number) => ({ id: 'traffic-spike' as const, title, text: '', at, part: 'part2', aimed: false, teamIds: [] });
    expect(newestCrises([banner('a', 1), banner('b', 2), banner('c', 3)], 2).map((c) => c.title)).toEqual(['c', 'b']);
  });

  it("keeps a team's own crisis open under a newer one that hit every team, and folds the other older ones", () => {
    const crisis = (title: string, at: number, aimed: boolean) => ({ title, at, aimed });
    const shown = teamBanners([crisis('storm', 1, false), crisis('skew', 2, true), crisis('drift', 3, false)]);
    expect(shown.map((b) => [b.crisis.title, b.open])).toEqual([
      ['drift', true],
      ['skew', true],
      ['storm', false],
    ]);
    // Two in the same hour: the later fired on top.
    expect(teamBanners([crisis('a', 5, false), crisis('b', 5, false)]).map((b) => b.crisis.title)).toEqual(['b', 'a']);
  });

  it('draws the confidence line inside its box and marks each new failure', () => {
    const paths = sparkPaths(
      [
        { hour: 0, confidence: 0, failures: 0 },
        { hour: 5, confidence: 0.6, failures: 0 },
        { hour: 10, confidence: 0.1, failures: 1 },
      ],
      0.95,
    );
    expect(paths.line.startsWith('M0 28')).toBe(true);
    expect(paths.failures).toEqual([100]);
    expect(paths.targetY).toBeGreaterThan(0);
    expect(sparkPaths([{ hour: 1, confidence: 1, failures: 0 }], 0.9).line).toBe('');
  });

  it('sorts many answers and marks only the close ones, so forty labels never cover each other', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `T${i}`, track: 'cloud-titan' as const, ...answer((20 - i) * 300) }));
    const option = part2RevealOptions(many, 2995) as { xAxis: { data: string[] }; series: { data: { label: { show: boolean } }[] }[] };
    expect(option.xAxis.data[0]).toBe('T19');
    const shown = option.series[0]!.data.filter((d) => d.label.show).length;
    expect(shown).toBe(many.filter((t) => t.within30).length);
    expect(shown).toBeGreaterThan(0);
  });

  it('puts every answer and the truth on a log axis, and marks the close ones', () => {
    expect(closeBand(2995)[0]).toBeLessThan(2995);
    expect(closeBand(2995)[1]).toBeGreaterThan(2995);
    expect(logBounds([2995, 30, 250_000])).toEqual({ min: 10, max: 1_000_000 });
    expect(logBounds([2995])).toEqual({ min: 1000, max: 10_000 });
    expect(logBounds([2995, 10]).min).toBe(1);
    const option = part2RevealOptions(
      [
        { name: 'Alpha', track: 'cloud-titan', ...answer(3000) },
        { name: 'Beta', track: 'edge-guardian', ...answer(null) },
      ],
      2995,
    );
    const json = JSON.stringify(option);
    expect(json).toContain('3,000 ✓');
    expect(json).toContain('n*\\n2,995');
    expect(json).not.toContain('"Beta"');
    expect(json).toContain('Beta did not lock');
  });

  it('gives each team a tile while they fit the projector, a table row beyond', () => {
    expect([4, 8, 9, 40].map((n) => fleetAsTable(n, 1080))).toEqual([false, false, true, true]);
    expect([4, 5].map((n) => fleetAsTable(n, 720))).toEqual([false, true]);
    // A crisis' banner and chips: more than four teams are rows at any height.
    expect([4, 5, 8].map((n) => fleetAsTable(n, 1080, true))).toEqual([false, true, true]);
    // Three crises' chips on a tile outgrow a short screen: even four teams become rows there.
    expect([720, 1080].map((h) => fleetAsTable(4, h, true, 3))).toEqual([true, false]);
  });

  it('lists the teams that have reflected', () => {
    const part2 = { hours: 0, tiles: [], results: null, reflected: [{ teamId: 't1', reflected: true }, { teamId: 't2', reflected: false }] };
    expect(reflectedTeams(part2)).toEqual(new Set(['t1']));
  });
});

describe('the crisis aim', () => {
  const teams = [
    { id: 't1', name: 'Alpha', track: 'edge-guardian' as const },
    { id: 't2', name: 'Beta', track: 'cloud-titan' as const },
    { id: 't3', name: 'Gamma', track: 'edge-guardian' as const },
  ];

  it('counts the tracks in play in the teams order', () => {
    expect(tracksInPlay(teams)).toEqual([
      { track: 'edge-guardian', count: 2 },
      { track: 'cloud-titan', count: 1 },
    ]);
    expect(tracksInPlay([])).toEqual([]);
  });

  it('says the aim as the sent line does', () => {
    expect(aimLabel('all', teams)).toBe('All teams');
    expect(aimLabel('track:cloud-titan', teams)).toBe(targetLabel('cloud-titan'));
    expect(aimLabel('team:t3', teams)).toBe('Gamma');
    expect(aimLabel('team:nobody', teams)).toBe('?');
  });
});
