// Part 2's ops score blends the canary's outcome with the outcome of each crisis that judges a team's tools
// (docs/scoring.md): once such a crisis struck a team, its 0–100 outcome counts with its weight and the canary
// keeps the rest. One rule for every such crisis, so that two of them share the score the same way.

/** A crisis outcome that counts in the ops score: its weight (0–1) and its score (0–100). */
export interface CrisisOutcome {
  weight: number;
  score: number;
}

/** ops = round((1 − Σ w) · canary + Σ w · outcome); the canary's own score when no such crisis struck. */
export function blendOps(canary: number, outcomes: readonly CrisisOutcome[]): number {
  if (outcomes.length === 0) return canary;
  const weight = outcomes.reduce((sum, o) => sum + o.weight, 0);
  return Math.round((1 - weight) * canary + outcomes.reduce((sum, o) => sum + o.weight * o.score, 0));
}
