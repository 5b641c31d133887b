import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakEvenModels,
  isToilOverload,
  manualCost,
  manualHourComponents,
  manualHours,
  platformCost,
  platformRoi,
} from '../../shared/sim/parts/part1/roi-model.js';

describe('Part 1 cost model (GAME.md §4 reference values)', () => {
  it('gives N* = 73, 53, 44, 39 for h = 1, 2, 3, 4 at the defaults', () => {
    expect([1, 2, 3, 4].map((h) => breakEvenModels(h))).toEqual([73, 53, 44, 39]);
  });

  it('is exactly at break-even between N* − 1 and N*', () => {
    for (const h of [1, 2, 3, 4]) {
      const n = breakEvenModels(h)!;
      expect(platformRoi(n, h)).toBeGreaterThan(0);
      expect(platformRoi(n - 1, h)).toBeLessThanOrEqual(0);
    }
  });

  it('costs $366,840 by hand and $603,021 on the platform for 50 models at h = 1', () => {
    expect(Math.round(manualCost(50, 1))).toBe(366_840);
    expect(Math.round(platformCost(50))).toBe(603_021);
  });

  it('splits manual hours into alerts O(N), deployment O(N log N) and dependencies O(N²)', () => {
    const c = manualHourComponents(50, 1);
    expect(c.alerts).toBe(1000);
    expect(c.deployment).toBeCloseTo(50 * Math.log(50), 10);
    expect(c.dependencies).toBe(1250);
    expect(manualHours(50, 1)).toBeCloseTo(2445.6, 1);
  });

  it('raises toil overload above 2,500 engineer-hours a year', () => {
    expect(isToilOverload(50, 1)).toBe(false); // 2,445.6 h
    expect(isToilOverload(51, 1)).toBe(true); // 2,520.0 h
  });

  it('pays off at once without capex', () => {
    expect(breakEvenModels(1, { capex: 0, engineerCost: 150 })).toBe(1);
  });
});

describe('Part 1 cost model properties', () => {
  const h = fc.double({ min: 0.5, max: 5, noNaN: true });
  const capex = fc.integer({ min: 0, max: 5_000_000 });
  const engineerCost = fc.integer({ min: 50, max: 500 });

  it('N* never rises with heterogeneity', () => {
    fc.assert(
      fc.property(h, h, capex, engineerCost, (h1, h2, cap, cost) => {
        const [lo, hi] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const params = { capex: cap, engineerCost: cost };
        expect(breakEvenModels(hi, params)!).toBeLessThanOrEqual(breakEvenModels(lo, params)!);
      }),
    );
  });

  it('N* never falls with capex', () => {
    fc.assert(
      fc.property(h, capex, capex, engineerCost, (hh, c1, c2, cost) => {
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(breakEvenModels(hh, { capex: hi, engineerCost: cost })!).toBeGreaterThanOrEqual(
          breakEvenModels(hh, { capex: lo, engineerCost: cost })!,
        );
      }),
    );
  });

  it('never returns NaN or Infinity over the sliders and settings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), h, capex, engineerCost, (n, hh, cap, cost) => {
        const params = { capex: cap, engineerCost: cost };
        for (const value of [manualHours(n, hh), manualCost(n, hh, params), platformCost(n, params), platformRoi(n, hh, params)]) {
          expect(Number.isFinite(value)).toBe(true);
        }
        const nStar = breakEvenModels(hh, params);
        expect(nStar !== null && Number.isInteger(nStar) && nStar >= 1).toBe(true);
      }),
    );
  });
});
