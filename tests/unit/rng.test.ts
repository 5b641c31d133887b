import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveSeed, nextFloat, nextInt, nextUint32, rngFromSeed, type RngState } from '../../shared/sim/rng.js';

function draws<T>(state: RngState, count: number, step: (s: RngState) => [T, RngState]): T[] {
  const out: T[] = [];
  let s = state;
  for (let i = 0; i < count; i++) {
    const [value, next] = step(s);
    out.push(value);
    s = next;
  }
  return out;
}

describe('seeded PRNG (sfc32 seeded by splitmix32)', () => {
  it('gives pinned values for a pinned seed', () => {
    expect(rngFromSeed(42)).toEqual([525187462, 1481333944, 1177879824, 3317318729]);
    expect(draws(rngFromSeed(42), 5, nextUint32)).toEqual([1028872839, 2516511472, 400437680, 853279530, 1920286840]);
    expect(draws(rngFromSeed(7), 3, nextFloat)).toEqual([0.19514828245155513, 0.36103195301257074, 0.8405470312573016]);
    expect(draws(rngFromSeed(1), 8, (s) => nextInt(s, 1, 6))).toEqual([6, 4, 3, 1, 4, 3, 3, 3]);
    expect([deriveSeed(42, 'cloud-titan'), deriveSeed(42, 'edge-guardian')]).toEqual([1975360095, 1071606691]);
  });

  it('never mutates the state it is given (the state lives in the game state)', () => {
    const state = rngFromSeed(9);
    const copy = [...state];
    nextUint32(state);
    nextInt(state, 0, 10);
    expect([...state]).toEqual(copy);
  });

  it('is deterministic and stays in range for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -50, max: 50 }), (seed, lo) => {
        const a = draws(rngFromSeed(seed), 20, (s) => nextInt(s, lo, lo + 9));
        const b = draws(rngFromSeed(seed), 20, (s) => nextInt(s, lo, lo + 9));
        expect(a).toEqual(b);
        for (const v of a) expect(v >= lo && v <= lo + 9).toBe(true);
        for (const f of draws(rngFromSeed(seed), 20, nextFloat)) expect(f >= 0 && f < 1).toBe(true);
      }),
    );
  });

  it('draws uniform floats and unbiased integers', () => {
    const floats = draws(rngFromSeed(123), 100_000, nextFloat);
    const mean = floats.reduce((a, b) => a + b, 0) / floats.length;
    const variance = floats.reduce((a, b) => a + (b - mean) ** 2, 0) / floats.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);

    const counts = new Array<number>(6).fill(0);
    for (const v of draws(rngFromSeed(321), 60_000, (s) => nextInt(s, 0, 5))) counts[v]! += 1;
    // Chi-square with 5 degrees of freedom: 20.5 is the 0.999 quantile.
    const chi = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi).toBeLessThan(20.5);
  });

  it('derives different seeds for different labels', () => {
    const seeds = new Set(['cloud-titan', 'edge-guardian', 'mobile-nomad', 'tiny-pioneer'].map((l) => deriveSeed(1, l)));
    expect(seeds.size).toBe(4);
  });
});
