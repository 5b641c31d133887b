// How a run reads on the player page (src/lib/play/part2/run-words.ts): what "Promote" will do, why a holding
// run waits for the team, and the one-line outcome of an ended run.
import { describe, expect, it } from 'vitest';
import type { RunView } from '../../shared/protocol/views.js';
import { endedSummary, holdingReason, isActive, promoteWords } from '../../src/lib/parts/part2/play/run-words.js';

const run = (overrides: Partial<RunView> = {}): RunView => ({
  number: 2,
  config: { confidence: 0.95, rate: 0.001, shadowFraction: 0.5, cohortMode: 'random', sprt: false },
  stage: -1,
  outcome: 'holding',
  startedAt: 10,
  windowEndsAt: 13,
  endedAt: null,
  rollbackUntil: null,
  confidence: 0.96,
  requiredClean: 2995,
  clean: 2000,
  shipEvidence: null,
  requests: 3300,
  failures: 0,
  cohorts: null,
  p99Ms: null,
  exposure: 0,
  shadowCost: 0,
  releaseHours: 3,
  staleness: 0.04,
  sprt: null,
  samples: [],
  ...overrides,
});

describe('run words', () => {
  it('says where Promote goes: the next live share, and shipping from 50 %', () => {
    expect(promoteWords(-1)).toBe('Next stage: 1 % of live traffic.');
    expect(promoteWords(2)).toBe('Next stage: 50 % of live traffic.');
    expect(promoteWords(3)).toBe('Ship to 100 % of the fleet.');
  });

  it("gives the SPRT's verdict, or the window that ended, as the reason a decision is due", () => {
    expect(holdingReason(run())).toBe('The shadow window ended at 13 h.');
    expect(holdingReason(run({ stage: 0, windowEndsAt: 19 }))).toBe('The 1 % window ended at 19 h.');
    const sprt = { llr: -3, promoteAt: -2.94, rollbackAt: 2.94, decision: 'promote' as const };
    expect(holdingReason(run({ sprt }))).toMatch(/^SPRT verdict: promote/);
    expect(holdingReason(run({ sprt: { ...sprt, llr: 3, decision: 'rollback' } }))).toMatch(/^SPRT verdict: roll back/);
  });

  it('sums up an ended run with counted nouns', () => {
    expect(endedSummary(run({ outcome: 'shipped', endedAt: 51, releaseHours: 41, failures: 1, exposure: 12 }))).toBe(
      'Run 2 shipped to 100 % after 41 h (team clock 51 h): 1 failure seen, 12 bad answers served.',
    );
    // The same hour twice says nothing: once.
    expect(endedSummary(run({ outcome: 'shipped', endedAt: 25, releaseHours: 25, failures: 0, exposure: 0 }))).toBe(
      'Run 2 shipped to 100 % after 25 h: 0 failures seen, 0 bad answers served.',
    );
  });

  it('treats running, holding and rolling back as live; shipped and rolled back as ended', () => {
    expect(['running', 'holding', 'rolling-back'].every((outcome) => isActive(run({ outcome: outcome as RunView['outcome'] })))).toBe(true);
    expect(isActive(run({ outcome: 'shipped' })) || isActive(run({ outcome: 'rolled-back' })) || isActive(null)).toBe(false);
  });
});
