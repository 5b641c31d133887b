// The words of Part 2's ops breakdown, the confirmation before shipping below the target, and the team clock's
// cost (GAME.md §5): pure functions, the same on the team's phone and the host console.
import { describe, expect, it } from 'vitest';
import type { OpsLine, RunScore, RunView } from '../../shared/protocol/views.js';
import { countingRule, evidenceText, lineLabel, points, runResult, shipWithoutEvidenceQuestion, unprovenStepWarning } from '../../src/lib/parts/part2/play/ops-words.js';
import { endedSummary, teamClockWords } from '../../src/lib/parts/part2/play/run-words.js';

const run = (overrides: Partial<RunView> = {}): RunView => ({
  number: 2,
  config: { confidence: 0.99, rate: 1e-4, shadowFraction: 0.8, cohortMode: 'random', sprt: false },
  stage: 3,
  outcome: 'holding',
  startedAt: 0,
  windowEndsAt: 10,
  endedAt: null,
  rollbackUntil: null,
  confidence: 0.08,
  requiredClean: 46_050,
  clean: 834,
  shipEvidence: null,
  requests: 834,
  failures: 0,
  cohorts: null,
  p99Ms: null,
  exposure: 0,
  shadowCost: 0,
  releaseHours: 10,
  staleness: 0.1,
  sprt: null,
  samples: [],
  ...overrides,
});
const line = (overrides: Partial<OpsLine>): OpsLine => ({ kind: 'promote', stage: -1, cohortId: null, at: 3, evidence: null, judgement: 'neutral', points: 0, ...overrides });

describe('the ship confirmation', () => {
  it('names the confidence and the target when a promotion would ship below it', () => {
    expect(shipWithoutEvidenceQuestion(run())).toBe('Confidence 8.0 % is below your 99 % target. Ship without evidence?');
  });

  it('does not ask before a stage below 100 %, at the target, or on the SPRT’s "promote"', () => {
    expect(shipWithoutEvidenceQuestion(run({ stage: 2 }))).toBeNull();
    expect(shipWithoutEvidenceQuestion(run({ confidence: 0.995 }))).toBeNull();
    const sprt = { llr: -5, promoteAt: -4.5, rollbackAt: 4.5, decision: 'promote' as const };
    expect(shipWithoutEvidenceQuestion(run({ sprt }))).toBeNull();
    expect(shipWithoutEvidenceQuestion(run({ confidence: 0.995, sprt: { ...sprt, llr: 5, decision: 'rollback' } }))).toMatch(/^The SPRT says roll back/);
  });
});

describe('the warning beside Promote on a live stage', () => {
  it('says what an unproven promotion costs before the team presses it', () => {
    expect(unprovenStepWarning(run({ stage: -1 }))).toBe(
      'Confidence 8.0 % is below your 99 % target: promoting now serves an unproven candidate (−5 points).',
    );
    expect(unprovenStepWarning(run({ stage: 1, confidence: 0.995, sprt: { llr: 5, promoteAt: -4.5, rollbackAt: 4.5, decision: 'rollback' } }))).toMatch(
      /^The SPRT says roll back \(confidence 99\.50 %, your target 99 %\): promoting now/,
    );
  });

  it('names the failures the clock forgot when there are more than the target rate would give', () => {
    // The clock climbed back to 99.5 % after the last of 711 failures in 120,000 requests (12 were to be expected).
    const failing = run({ stage: 2, confidence: 0.995, requests: 120_000, failures: 711 });
    expect(unprovenStepWarning(failing)).toBe(
      '711 failures in 120,000 requests — more than 1 in 10,000 would give (the clock counts only since the last one: ' +
        'confidence 99.50 %, your target 99 %): promoting now serves an unproven candidate (−5 points).',
    );
    expect(shipWithoutEvidenceQuestion({ ...failing, stage: 3 })).toMatch(/^711 failures in 120,000 requests .* Ship without evidence\?$/);
    // Twelve failures are what the rate gives: the step is backed.
    expect(unprovenStepWarning(run({ stage: 2, confidence: 0.995, requests: 120_000, failures: 12 }))).toBeNull();
  });

  it('stays silent when the evidence backs the step, and for the ship (which asks instead)', () => {
    expect(unprovenStepWarning(run({ stage: 0, confidence: 0.995 }))).toBeNull();
    expect(unprovenStepWarning(run({ stage: 0, sprt: { llr: -5, promoteAt: -4.5, rollbackAt: 4.5, decision: 'promote' } }))).toBeNull();
    expect(unprovenStepWarning(run({ stage: 3 }))).toBeNull();
  });
});

describe('the ops breakdown in words', () => {
  it('reads each decision with its evidence in hand and its points', () => {
    expect(lineLabel(line({ kind: 'promote', stage: 1 }), 'testing')).toBe('Promoted to 25 %');
    expect(lineLabel(line({ kind: 'ship', stage: 3 }), 'shipped')).toBe('Shipped to 100 %');
    expect(lineLabel(line({ kind: 'extend', stage: -1 }), 'testing')).toBe('Extended shadow mode');
    expect(lineLabel(line({ kind: 'rollback-cohort', cohortId: 'gen-1' }), 'testing', () => 'Hardware gen 1')).toBe('Rolled back Hardware gen 1');
    expect(evidenceText({ confidence: 0.08, target: 0.99, sprt: null, failures: 0 })).toBe('8.0 % of 99 % target · 0 failures');
    expect(evidenceText({ confidence: 0.5, target: 0.95, sprt: 'rollback', failures: 1 })).toBe('50.0 % of 95 % target · SPRT: roll back · 1 failure');
    expect([points(50), points(-5), points(0), points(-0.04), points(-2.46)]).toEqual(['+50', '−5', '0', '0', '−2.5']);
  });

  it('heads a ship without evidence amber even when the candidate was good, and says which run counts', () => {
    const shipped: RunScore = {
      run: 1,
      result: 'shipped',
      points: 40,
      counts: true,
      lines: [line({ kind: 'ship', judgement: 'without-evidence', points: 10 }), line({ kind: 'outcome', judgement: 'good', points: 50, at: null })],
    };
    expect(runResult(shipped)).toEqual({ words: 'Shipped without evidence', tone: 'warn' });
    expect(countingRule({ total: 40, canary: 40, runs: [shipped], crises: [] })).toMatch(/^Run 1 counts: you shipped it/);
    const best = { ...shipped, result: 'rolled-back' as const, lines: [line({ kind: 'rollback', judgement: 'backed', points: 50 })] };
    expect(countingRule({ total: 90, canary: 90, runs: [best], crises: [] })).toMatch(/best ended run\. Exploring in shadow mode never loses it; shipping commits\.$/);
    // A second run left live on a bad candidate: what it served to users is taken off too, and said.
    const live = { ...shipped, run: 2, result: 'testing' as const, counts: false, lines: [line({ kind: 'exposure', judgement: 'bad', points: -20, at: null })] };
    expect(countingRule({ total: 70, canary: 70, runs: [{ ...best, counts: true }, live], crises: [] })).toMatch(
      /^Run 1 counts: your best ended run\. .* Failures your other runs served to users count too \(−20\)\.$/,
    );
    expect(endedSummary(run({ outcome: 'shipped', endedAt: 12, shipEvidence: 'without-evidence' }))).toMatch(/^Run 2 shipped to 100 % without evidence after [\d.]+ h( \(team clock 12 h\))?:/);
  });
});

describe('the team clock’s cost', () => {
  it('says that waiting costs nothing before the first run and while a decision is due, and the pace while running', () => {
    expect(teamClockWords('not-started', 1)).toMatch(/starts with your first run/);
    expect(teamClockWords('held', 1)).toBe('Clock held while you decide — waiting costs no simulated time.');
    expect(teamClockWords('running', 8)).toBe('Clock running: each real second ≈ 8 simulated h.');
  });
});
