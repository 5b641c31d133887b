import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  confidenceAfter,
  failuresTooMany,
  releaseHours,
  requiredCleanRequests,
  shadowHours,
  sprtCleanRequestsToPromote,
  sprtDecision,
  sprtPlan,
  sprtUpdate,
} from '../../shared/sim/parts/part2/canary-stats.js';

describe('n*(C, p): the exact zero-failure binomial (GAME.md §5 reference values)', () => {
  it.each([
    [0.95, 1 / 1000, 2995],
    [0.99, 1 / 1000, 4603],
    [0.9, 1 / 1000, 2302],
    [0.95, 1 / 100, 299],
    [0.95, 1 / 10_000, 29_956],
    [0.99, 1 / 10_000, 46_050],
  ])('n*(%s, %s) = %s', (c, p, n) => {
    expect(requiredCleanRequests(c, p)).toBe(n);
  });

  it('is not the Poisson approximation (2996) nor the rule of three (3000)', () => {
    const n = requiredCleanRequests(0.95, 1 / 1000);
    expect(n).not.toBe(Math.ceil(-Math.log(0.05) / (1 / 1000))); // Poisson: 2996
    expect(n).not.toBe(3 / (1 / 1000)); // rule of three: 3000
    expect(0.999 ** 2995).toBeLessThanOrEqual(0.05);
    expect(0.999 ** 2994).toBeGreaterThan(0.05);
  });

  it('rises with C, falls with p, and is finite for valid input', () => {
    const confidence = fc.double({ min: 0.5, max: 0.9999, noNaN: true });
    const rate = fc.double({ min: 1e-6, max: 0.2, noNaN: true });
    fc.assert(
      fc.property(confidence, confidence, rate, (c1, c2, p) => {
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(requiredCleanRequests(hi, p)).toBeGreaterThanOrEqual(requiredCleanRequests(lo, p));
      }),
    );
    fc.assert(
      fc.property(confidence, rate, rate, (c, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(requiredCleanRequests(c, hi)).toBeLessThanOrEqual(requiredCleanRequests(c, lo));
        const n = requiredCleanRequests(c, lo);
        expect(Number.isFinite(n) && Number.isInteger(n) && n >= 1).toBe(true);
        // n* is the first n whose confidence reaches C.
        expect(confidenceAfter(n, lo)).toBeGreaterThanOrEqual(c - 1e-12);
        if (n > 1) expect(confidenceAfter(n - 1, lo)).toBeLessThan(c + 1e-12);
      }),
    );
  });
});

describe('the Confidence Clock and the release time', () => {
  it('climbs as 1 − (1 − p)^n', () => {
    expect(confidenceAfter(0, 0.001)).toBe(0);
    expect(confidenceAfter(2995, 0.001)).toBeCloseTo(0.95004, 5);
    expect(confidenceAfter(1000, 0.001)).toBeCloseTo(1 - 0.999 ** 1000, 12);
  });

  it('gives shadow hours n/(R·f) and adds the stage durations', () => {
    expect(shadowHours(2995, 20_000, 0.5)).toBeCloseTo(0.2995, 10);
    expect(shadowHours(46_050, 600, 0.8)).toBeCloseTo(95.9375, 10);
    expect(releaseHours(95.9375, [12, 12, 24, 24])).toBeCloseTo(167.9375, 10);
  });

  it('never returns NaN or Infinity for valid input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (n, p, r, f) => {
          expect(Number.isFinite(confidenceAfter(n, p))).toBe(true);
          expect(Number.isFinite(shadowHours(n, r, f))).toBe(true);
        },
      ),
    );
  });
});

describe('SPRT (Wald): H0 p/10 against H1 p, α = 0.05, β = 1 − C', () => {
  const plan = sprtPlan(0.95, 1 / 1000);

  it('has the textbook boundaries and steps', () => {
    expect(plan.promoteAt).toBeCloseTo(Math.log(0.05 / 0.95), 12);
    expect(plan.rollbackAt).toBeCloseTo(Math.log(0.95 / 0.05), 12);
    expect(plan.failureStep).toBeCloseTo(Math.log(10), 12);
    expect(plan.cleanStep).toBeCloseTo(Math.log(0.999 / 0.9999), 12);
  });

  it('promotes a clean candidate and stops early on a bad one', () => {
    const toPromote = sprtCleanRequestsToPromote(plan);
    expect(sprtDecision(plan, sprtUpdate(plan, 0, toPromote, 0))).toBe('promote');
    expect(sprtDecision(plan, sprtUpdate(plan, 0, toPromote - 1, 0))).toBe('continue');
    // One failure is not enough evidence; two in the first 100 requests roll back, long before n* = 2995.
    expect(sprtDecision(plan, sprtUpdate(plan, 0, 49, 1))).toBe('continue');
    expect(sprtDecision(plan, sprtUpdate(plan, 0, 98, 2))).toBe('rollback');
  });
});

describe('failures more than the target rate would give: the exact one-sided binomial test', () => {
  // P(X ≥ k | n = 3,000, p = 1/1,000), worked out independently (exact sums of binomial terms): 0.0838 for k = 6,
  // 0.0334 for k = 7. At 95 % (α = 0.05) six failures are still possible at the target rate, seven are too many.
  it('draws the line where P(X ≥ k) falls below 1 − C', () => {
    expect(failuresTooMany(0, 3000, 1 / 1000, 0.95)).toBe(false);
    expect(failuresTooMany(3, 3000, 1 / 1000, 0.95)).toBe(false);
    expect(failuresTooMany(6, 3000, 1 / 1000, 0.95)).toBe(false);
    expect(failuresTooMany(7, 3000, 1 / 1000, 0.95)).toBe(true);
    // A stricter confidence asks for more before it calls the failures too many: P(X ≥ 9) = 0.0038 > 0.001.
    expect(failuresTooMany(9, 3000, 1 / 1000, 0.999)).toBe(false);
  });

  it('sees what the Confidence Clock forgets: 711 failures in 120,000 requests, at any scale', () => {
    expect(failuresTooMany(711, 120_000, 1 / 1000, 0.95)).toBe(true);
    // n·ln(1 − p) underflows a plain (1 − p)^n here: the test sums in log space.
    // P(X ≥ 2,070 | 2,000,000, 1/1,000) = 0.061, P(X ≥ 2,080) = 0.038.
    expect(failuresTooMany(2_070, 2_000_000, 1 / 1000, 0.95)).toBe(false);
    expect(failuresTooMany(2_080, 2_000_000, 1 / 1000, 0.95)).toBe(true);
    expect(failuresTooMany(5, 4, 1 / 1000, 0.95)).toBe(true);
  });
});
