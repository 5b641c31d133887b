// Numbers as the host and the projector read them. One place, so "$500k" and "×1.46" look the same everywhere.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { CLOSE_PREDICTION_TOLERANCE } from '../../../shared/sim/constants.js';

/** Dollars in short form: $0, $50k, $500k, $1M, $1.25M. */
export function formatDollars(amount: number): string {
  if (Math.abs(amount) >= 1_000_000) return `$${+(amount / 1_000_000).toFixed(2)}M`;
  if (Math.abs(amount) >= 1_000) return `$${+(amount / 1_000).toFixed(1)}k`;
  return `$${amount}`;
}

/** actual / predicted, or null when there is no prediction to compare. */
export function ratioOf(actual: number, predicted: number | null): number | null {
  return predicted === null || predicted <= 0 ? null : actual / predicted;
}

/** A ratio as "×1.46". */
export function formatRatio(ratio: number): string {
  return `×${ratio.toFixed(2)}`;
}

/** GAME.md §3: a prediction is "within 30 %" when |actual/predicted − 1| is below the tolerance. */
export function isWithin30(ratio: number | null): boolean {
  return ratio !== null && Math.abs(ratio - 1) < CLOSE_PREDICTION_TOLERANCE;
}
