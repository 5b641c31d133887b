// The headline of Part 2's reveal on the projector: n* = ⌈ln(1 − C) / ln(1 − p)⌉ with the question's C and p
// substituted, step by step to the answer, so that the room sees where 2995 comes from. Pure, for tests.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { requiredCleanRequests } from '../../../shared/sim/parts/part2/canary-stats.js';
import * as fmt from '../format.js';

export interface CanaryHeadline {
  /** The formula in symbols. */
  formula: string;
  /** The same with C and p substituted. */
  substituted: string;
  /** The unrounded quotient under its ceiling: "⌈2,994.2⌉". */
  quotient: string;
  /** n* itself. */
  answer: number;
}

/** The headline for confidence C and failure rate p (both in (0, 1)). */
export function canaryHeadline(confidence: number, rate: number): CanaryHeadline {
  const quotient = Math.log1p(-confidence) / Math.log1p(-rate);
  const answer = requiredCleanRequests(confidence, rate);
  return {
    formula: 'n* = ⌈ln(1 − C) / ln(1 − p)⌉',
    substituted: `⌈ln(1 − ${fmt.decimal(confidence, 4)}) / ln(1 − ${fmt.rateFraction(rate)})⌉`,
    quotient: `⌈${fmt.decimal(quotient, 1)}⌉`,
    answer,
  };
}
