// The standard normal tail P(Z > z), for alert thresholds (a k·σ threshold fires on noise with probability
// 2·P(Z > k)). Computed through the complementary error function with the Chebyshev fit of W. H. Press et
// al., Numerical Recipes in C, 2nd ed. (1992), §6.2, `erfcc`: fractional error below 1.2e-7 everywhere, so
// it stays accurate in the far tail (k = 6), where 1 − Φ(k) computed by subtraction would not.

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
