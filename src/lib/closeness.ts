// How close a locked prediction came to the truth, as every reveal shows it (GAME.md §3).
// Relative imports only: unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { CLOSE_PREDICTION_TOLERANCE } from '../../shared/sim/constants.js';

/** actual / predicted, or null when there is no prediction to compare. */
export function ratioOf(actual: number, predicted: number | null): number | null {
  return predicted === null || predicted <= 0 ? null : actual / predicted;
}

/** GAME.md §3: a prediction is "within 30 %" when |actual/predicted − 1| is below the tolerance. */
export function isWithin30(ratio: number | null): boolean {
  return ratio !== null && Math.abs(ratio - 1) < CLOSE_PREDICTION_TOLERANCE;
}
