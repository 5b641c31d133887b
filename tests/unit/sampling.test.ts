import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rngFromSeed, type RngState } from '../../shared/sim/rng.js';
import { binomial, poisson, type Draw } from '../../shared/sim/sampling.js';

function sample(count: number, seed: number, draw: (rng: RngState) => Draw): number[] {
  const out: number[] = [];
  let rng = rngFromSeed(seed);
  for (let i = 0; i < count; i++) {
    const [value, next] = draw(rng);
    out.push(value);
    rng = next;
  }
  return out;
}

function moments(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/** The sample mean of n draws lies within 5 standard errors of the true mean (a false alarm ~ 1 in 3.5M). */
function expectMean(values: number[], mean: number, variance: number) {
  const stderr = Math.sqrt(variance / values.length);
  expect(Math.abs(moments(values).mean - mean)).toBeLessThan(5 * stderr + 1e-12);
}

describe('Poisson draws', () => {
  it.each([0.3, 4, 9.9, 10, 37, 600, 20_000])('have mean and variance λ = %s', (lambda) => {
    const values = sample(20_000, 7, (rng) => poisson(rng, lambda));
    expectMean(values, lambda, lambda);
    expect(moments(values).variance / lambda).toBeGreaterThan(0.95);
    expect(moments(values).variance / lambda).toBeLessThan(1.05);
    expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('match the Poisson probabilities of small counts', () => {
    const values = sample(50_000, 11, (rng) => poisson(rng, 2));
    const share = (k: number) => values.filter((v) => v === k).length / values.length;
    const pmf = (k: number) => (Math.exp(-2) * 2 ** k) / [1, 1, 2, 6, 24][k]!;
    for (const k of [0, 1, 2, 3, 4]) expect(Math.abs(share(k) - pmf(k))).toBeLessThan(0.01);
  });

  it('give 0 for a mean of 0', () => {
    expect(poisson(rngFromSeed(1), 0)[0]).toBe(0);
  });
});

describe('binomial draws', () => {
  it.each([
    [10, 0.5],
    [3000, 0.001],
    [50_000, 1 / 500],
    [1000, 0.9],
    [100_000, 1e-5],
  ])('have mean np and variance np(1 − p) for n = %s, p = %s', (n, p) => {
    const values = sample(20_000, 13, (rng) => binomial(rng, n, p));
    const variance = n * p * (1 - p);
    expectMean(values, n * p, variance);
    expect(moments(values).variance / variance).toBeGreaterThan(0.94);
    expect(moments(values).variance / variance).toBeLessThan(1.06);
  });

  it('stay within 0…n and are deterministic for a seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (n, p, seed) => {
        const [a] = binomial(rngFromSeed(seed), n, p);
        const [b] = binomial(rngFromSeed(seed), n, p);
        expect(a).toBe(b);
        expect(a >= 0 && a <= n && Number.isInteger(a)).toBe(true);
      }),
    );
  });
});
