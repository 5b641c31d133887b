// Random draws for the fleet simulation, from the seeded generator in the game state (rng.ts), so that a
// replay draws the same numbers. Exact algorithms, documented here and tested for their mean and variance in
// tests/unit/sampling.test.ts:
// - Poisson, small mean (< 10): Knuth's multiplication method — count uniforms until their product drops
//   below e^−λ.
// - Poisson, larger mean: PTRS, W. Hörmann, "The transformed rejection method for generating Poisson random
//   variables", Insurance: Mathematics and Economics 12 (1993) 39–45 — exact, O(1) expected draws.
// - Binomial(n, p): the geometric waiting-time method (Devroye, Non-Uniform Random Variate Generation, 1986,
//   §X.4): jump from success to success by geometric gaps; exact, O(n·p) expected draws, which suits the tiny
//   failure rates of a canary. For p > 1/2 it counts the complementary outcome.
import { nextFloat, type RngState } from './rng.js';

export type Draw = [value: number, rng: RngState];

/** A uniform in (0, 1): never 0, so that logarithms stay finite. */
function openUniform(rng: RngState): Draw {
  let s = rng;
  for (;;) {
    const [u, next] = nextFloat(s);
    s = next;
    if (u > 0) return [u, s];
  }
}

/** ln(k!) by summation for small k and Stirling's series beyond (error < 1e-10 for k ≥ 10). */
function logFactorial(k: number): number {
  if (k < 10) {
    let sum = 0;
    for (let i = 2; i <= k; i++) sum += Math.log(i);
    return sum;
  }
  const k1 = k + 1;
  return (k1 - 0.5) * Math.log(k1) - k1 + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k1) - 1 / (360 * k1 ** 3);
}

/** A Poisson draw with mean `mean` ≥ 0. */
export function poisson(rng: RngState, mean: number): Draw {
  if (!(mean > 0)) return [0, rng];
  return mean < 10 ? poissonKnuth(rng, mean) : poissonPtrs(rng, mean);
}

function poissonKnuth(rng: RngState, mean: number): Draw {
  const limit = Math.exp(-mean);
  let s = rng;
  let product = 1;
  let count = -1;
  do {
    const [u, next] = nextFloat(s);
    s = next;
    product *= u;
    count += 1;
  } while (product > limit);
  return [count, s];
}

function poissonPtrs(rng: RngState, mean: number): Draw {
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  let s = rng;
  for (;;) {
    const [u0, s1] = nextFloat(s);
    const [v, s2] = openUniform(s1);
    s = s2;
    const u = u0 - 0.5;
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return [k, s];
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const accept = Math.log(v * invAlpha / (a / (us * us) + b));
    if (accept <= -mean + k * logMean - logFactorial(k)) return [k, s];
  }
}

/** A binomial draw: successes in `trials` independent trials of probability `p`. */
export function binomial(rng: RngState, trials: number, p: number): Draw {
  if (trials <= 0 || !(p > 0)) return [0, rng];
  if (p >= 1) return [trials, rng];
  if (p > 0.5) {
    const [failures, s] = binomial(rng, trials, 1 - p);
    return [trials - failures, s];
  }
  const logQ = Math.log1p(-p);
  let s = rng;
  let position = 0;
  let successes = 0;
  for (;;) {
    // The number of trials up to and including the next success is geometric: ⌈ln U / ln(1 − p)⌉.
    const [u, next] = openUniform(s);
    s = next;
    position += Math.max(1, Math.ceil(Math.log(u) / logQ));
    if (position > trials) return [successes, s];
    successes += 1;
  }
}
