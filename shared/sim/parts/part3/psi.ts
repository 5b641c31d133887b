// The population stability index between two binned distributions (GAME.md §6, *chapter*):
// PSI = Σ (A_i − E_i) · ln(A_i / E_i). It is symmetric in A and E, and 0 for identical distributions.
import type { FeatureVersion, PsiBand } from '../../../protocol/views.js';
import { FEATURE_BINS, PSI_BANDS } from '../../constants.js';

/** PSI between the shares `actual` and `expected` (same bins, every share > 0). */
export function psi(actual: readonly number[], expected: readonly number[]): number {
  let sum = 0;
  for (const [i, a] of actual.entries()) {
    const e = expected[i]!;
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

/** How a PSI reads: stable (< 0.1), watch (0.1–0.25), act (≥ 0.25). */
export function psiBand(value: number): PsiBand {
  return value < PSI_BANDS.stable ? 'stable' : value < PSI_BANDS.act ? 'watch' : 'act';
}

/** PSI between the features of two upstream versions. */
export function featurePsi(trainedOn: FeatureVersion, served: FeatureVersion): number {
  return trainedOn === served ? 0 : psi(FEATURE_BINS[served], FEATURE_BINS[trainedOn]);
}

/** A PSI and its reading, as views carry it. */
export function psiReading(value: number): { value: number; band: PsiBand } {
  return { value, band: psiBand(value) };
}
