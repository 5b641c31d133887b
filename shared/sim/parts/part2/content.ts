// The words of Part 2 (GAME.md §5): the lock question and the reflection. The crises speak in
// shared/sim/crises/.
import type { Choice } from '../../../protocol/views.js';

export const PART2_TITLE = 'Canary duration';

export const PART2_QUESTION =
  'To be 95 % confident that your new model has not regressed on a 1-in-1,000 edge case, how many live ' +
  'requests must you watch in shadow mode with zero failures?';

export const PART2_REFLECTION_PROMPT =
  'Jeff Dean observes: your shadow window is 3 months long; by the time you deploy, the world has drifted. ' +
  'Propose a sequential validation strategy to speed up the loop.';

export const PART2_REFLECTION_OPTIONS: Readonly<Record<Choice, string>> = {
  a: 'Run a sequential test (SPRT): stop as soon as the evidence is strong either way, which ends early on a bad candidate.',
  b: 'Shadow on more traffic (a larger f) and stratify by cohort, so each slice reaches n* sooner.',
  c: 'Lower the confidence target until the window fits in a week.',
  d: 'Skip shadow mode and watch the 1 % canary instead: real traffic is the only true test.',
};
