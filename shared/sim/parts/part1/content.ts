// The words of Part 1 (GAME.md §4): the lock question and the Patterson reflection with its four structured
// answers. Reflections are not graded right or wrong: submitting one scores a fixed amount (docs/scoring.md).
import type { Choice } from '../../../protocol/views.js';

export const PART1_TITLE = 'Platform ROI audit';

/** The lock question; `capex` in dollars. */
export function part1Question(capex: number): string {
  const amount = capex >= 1_000_000 ? `$${(capex / 1_000_000).toLocaleString('en-US')}M` : `$${Math.round(capex / 1000)}k`;
  return (
    'How many concurrent models N can your team manage manually before the yearly cost of toil exceeds ' +
    `the cost of a ${amount} ML platform?`
  );
}

export const PART1_REFLECTION_PROMPT =
  'Patterson asks: why does heterogeneity (O(N²)) kill productivity faster than simple scale (O(N))?';

export const PART1_REFLECTION_OPTIONS: Readonly<Record<Choice, string>> = {
  a: 'Every new kind of model must be coordinated with every other kind, so dependency work grows with N² while alerts grow only with N.',
  b: 'Heterogeneous models need more hardware, so the compute bill grows quadratically with the fleet.',
  c: 'Each model type multiplies the alerts of all the others, so alert volume is what grows quadratically.',
  d: 'It does not: hire engineers in proportion to N and the cost of operations stays linear.',
};
