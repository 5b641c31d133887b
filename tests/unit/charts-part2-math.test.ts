// Part 2's previews and Math Peeks (src/lib/charts): the numbers a team plans a run with agree with GAME.md's
// reference values and with the server's planned window, and the peeks substitute the current values.
import { describe, expect, it } from 'vitest';
import type { RunView } from '../../shared/protocol/views.js';
import { CANARY_TRACKS } from '../../shared/sim/constants.js';
import { plannedShadowHours } from '../../shared/sim/parts/part2/run.js';
import { clockMath, dashboardMath, radarMath } from '../../src/lib/parts/part2/charts/canary-math.js';
import * as fmt from '../../src/lib/format.js';
import { stageShare } from '../../src/lib/parts/part2/stages.js';
import { confidenceChoices, planRun, rateChoices, type FleetSpec } from '../../src/lib/parts/part2/charts/canary-preview.js';
import { TRACK_IDS, type TrackId } from '../../shared/sim/tracks.js';

/** The fleet spec a team receives (shared/sim/parts/part2/views.ts), without the hidden rates. */
function specOf(track: TrackId): FleetSpec {
  const s = CANARY_TRACKS[track];
  return {
    requestsPerHour: s.requestsPerHour,
    targetConfidence: s.targetConfidence,
    targetRate: s.targetRate,
    maxShadowFraction: s.maxShadowFraction,
    rollbackHoursAtFull: s.rollbackHoursAtFull,
    driftTauHours: s.driftTauHours,
    latencyBudgetMs: s.latencyBudgetMs,
    cohorts: s.cohorts.map(({ id, name, share, shadow }) => ({ id, name, share, shadow })),
  };
}

const config = { confidence: 0.95, rate: 1 / 1000, shadowFraction: 0.5, cohortMode: 'random' as const, sprt: false };

describe('run preview', () => {
  it('needs n*(0.95, 1/1000) = 2995 clean requests: 0.3 h in shadow on Cloud Titan at f = 0.5', () => {
    const plan = planRun(specOf('cloud-titan'), config);
    expect(plan.needed).toBe(2995);
    expect(plan.shadowHours).toBeCloseTo(2995 / (20_000 * 0.5));
    expect(plan.releaseHours).toBeCloseTo(plan.shadowHours + 24);
    expect(plan.withinLimit).toBe(true);
  });

  it('plans the same shadow window as the server, on every track, random or stratified', () => {
    for (const track of TRACK_IDS) {
      for (const cohortMode of ['random', 'stratified'] as const) {
        const c = { ...config, confidence: 0.99, rate: 1 / 10_000, shadowFraction: 0.3, cohortMode };
        const cohorts = CANARY_TRACKS[track].cohorts.map((x) => ({ id: x.id, requests: 0, failures: 0, clean: 0, excluded: false }));
        expect(planRun(specOf(track), c).shadowHours).toBeCloseTo(plannedShadowHours(track, c, { cohorts }));
      }
    }
  });

  it('shows Edge Guardian that shadow mode cannot reach its oldest hardware, and that stratifying breaks the week', () => {
    const edge = { ...config, confidence: 0.99, rate: 1 / 10_000, shadowFraction: 0.8 };
    const random = planRun(specOf('edge-guardian'), edge);
    expect(random.unshadowed).toEqual(['Hardware gen 1 (oldest)']);
    expect(random.watchedShare).toBeCloseTo(0.8);
    expect(random.withinLimit).toBe(true);
    const stratified = planRun(specOf('edge-guardian'), { ...edge, cohortMode: 'stratified' });
    expect(stratified.slowestCohort).toBe('Hardware gen 2');
    expect(stratified.withinLimit).toBe(false);
  });

  it('with SPRT, previews the clean requests to a promote verdict (H0: p/10, α = 0.05, β = 1 − C)', () => {
    const plan = planRun(specOf('cloud-titan'), { ...config, sprt: true });
    // ln(0.05/0.95) / ln((1 − 1/1000)/(1 − 1/10,000)) = 3269.6: a clean candidate is not promoted sooner than
    // n* — the SPRT's gain is on a bad one (each failure adds ln 10).
    expect(plan.sprt!.clean).toBe(3270);
    expect(plan.sprt!.shadowHours).toBeCloseTo(3270 / (20_000 * 0.5));
    expect(planRun(specOf('cloud-titan'), config).sprt).toBeNull();
  });

  it("offers the track's own target among the choices", () => {
    expect(confidenceChoices(0.99)).toContain(0.99);
    expect(rateChoices(1 / 500).map((r) => Math.round(1 / r))).toContain(500);
    expect(new Set(rateChoices(1 / 1000)).size).toBe(rateChoices(1 / 1000).length);
  });
});

describe('formats', () => {
  it('writes numbers as GAME.md does', () => {
    expect(fmt.count(2995)).toBe('2,995');
    expect(fmt.count(29_956)).toBe('29,956');
    expect(fmt.percent(0.873)).toBe('87.3 %');
    expect(fmt.oneIn(1 / 10_000)).toBe('1 in 10,000');
    expect(stageShare(-1)).toBe('Shadow');
    expect(stageShare(3)).toBe('50 %');
    expect(fmt.simClock(38)).toBe('Day 2 · 14:00');
    expect(fmt.hours(0.3)).toBe('0.3 h');
    expect(fmt.hours(41.4)).toBe('41 h');
    expect(fmt.duration(0.05)).toBe('3 min');
    expect(fmt.duration(2.5)).toBe('2.5 h');
    expect(fmt.plural(1, 'failure')).toBe('1 failure');
    expect(fmt.plural(0, 'failure')).toBe('0 failures');
  });
});

function runView(overrides: Partial<RunView> = {}): RunView {
  return {
    number: 1,
    config,
    stage: -1,
    outcome: 'running',
    startedAt: 0,
    windowEndsAt: 10,
    endedAt: null,
    rollbackUntil: null,
    confidence: 1 - 0.999 ** 2412,
    requiredClean: 2995,
    clean: 2412,
    shipEvidence: null,
    requests: 2412,
    failures: 0,
    cohorts: null,
    p99Ms: null,
    exposure: 0,
    shadowCost: 100,
    releaseHours: 41,
    staleness: 1 - Math.exp(-41 / 72),
    sprt: null,
    samples: [{ hour: 0, confidence: 0, failures: 0, stage: -1 }],
    ...overrides,
  };
}

describe('Math Peeks', () => {
  it('substitutes n and p in C(n) and n*, n being the server’s count of clean requests', () => {
    const [c, nStar] = clockMath(runView());
    expect(c!.substituted).toBe('1 − (1 − 1/1,000)^2,412');
    expect(c!.result).toBe('91.0 %');
    expect(nStar!.substituted).toBe('⌈ln(1 − 0.95) / ln(1 − 1/1,000)⌉ = ⌈2,994.2⌉');
    expect(nStar!.result).toBe('2,995 clean requests');
  });

  it('shows true arithmetic once the clock saturates: the count, grouped, not n read back from C = 1', () => {
    const [c] = clockMath(runView({ clean: 120_000, requests: 120_000, confidence: 1 - 0.999 ** 120_000 }));
    expect(c!.substituted).toBe('1 − (1 − 1/1,000)^120,000');
    expect(c!.substituted).not.toMatch(/\^0$/);
  });

  it('adds the SPRT bounds when the run uses it', () => {
    expect(clockMath(runView())).toHaveLength(2);
    const lines = clockMath(runView({ sprt: { llr: -1.5, promoteAt: Math.log(0.05 / 0.95), rollbackAt: Math.log(0.95 / 0.05), decision: 'continue' } }));
    expect(lines.map((l) => l.name)).toEqual(['C(n)', 'n*', 'LLR', 'SPRT']);
    expect(lines[3]!.substituted).toContain('−2.94 < LLR < 2.94');
  });

  it('substitutes T_release and τ in the staleness, and R, f in t_shadow', () => {
    const spec = specOf('cloud-titan');
    const [release, staleness] = radarMath(runView(), spec, 72, 41);
    expect(release!.result).toBe('41 h so far');
    expect(staleness!.substituted).toBe('1 − exp(−41/72)');
    expect(staleness!.result).toBe(fmt.percent(1 - Math.exp(-41 / 72)));
    expect(dashboardMath(runView(), spec)[0]!.substituted).toBe('2,995 / (20,000 · 0.5)');
  });
});
