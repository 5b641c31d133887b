// The standard normal tail P(Z > z) and its inverse: for alert thresholds (a k·σ threshold fires on noise with
// probability 2·P(Z > k)) and for log-normal latencies (the share of frames past a budget). Computed through
// the complementary error function with the Chebyshev fit of W. H. Press et al., Numerical Recipes in C, 2nd
// ed. (1992), §6.2, `erfcc`: fractional error below 1.2e-7 everywhere, so it stays accurate in the far tail
// (k = 6), where 1 − Φ(k) computed by subtraction would not.

/** erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

/** P(Z > z) for a standard normal Z. */
export function normalTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** The z with P(Z > z) = p, for p in (0, 1): Abramowitz & Stegun 26.2.23 as a start (error < 4.5e-4), then
 *  Newton's steps on the tail itself, so the inverse is as accurate as `normalTail` (a test checks the round trip). */
export function normalTailInverse(p: number): number {
  const q = Math.min(p, 1 - p);
  const t = Math.sqrt(-2 * Math.log(q));
  let z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  if (p > 0.5) z = -z;
  for (let i = 0; i < 4; i++) {
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    z += (normalTail(z) - p) / density;
  }
  return z;
}
