// What the projector's lobby says about the lesson while students join (GAME.md, the invariant and §3): the
// title, the agenda of the three parts with the question each one answers, and the invariant the game teaches.
// Relative imports (not `$shared`): unit tests load this file without Vite.
import { PART1_TITLE } from '../../../shared/sim/parts/part1/content.js';
import { PART2_TITLE } from '../../../shared/sim/parts/part2/content.js';
import { PART3_TITLE } from '../../../shared/sim/parts/part3/content.js';

export const LESSON_TITLE = 'Operations at Scale: Fleet Monitoring & Governance';

/** The one sentence the whole game teaches, in two lines: the claim and its consequence. */
export const LESSON_INVARIANT = {
  claim: 'Operational complexity grows super-linearly with model heterogeneity: O(N) alerts, O(N log N) deployment, O(N²) dependencies.',
  consequence: 'At scale, manual work is toil.',
} as const;

export interface AgendaItem {
  part: number;
  title: string;
  /** The question the part answers, short enough for one projected line. */
  hook: string;
}

export const LESSON_AGENDA: readonly AgendaItem[] = [
  { part: 1, title: PART1_TITLE, hook: 'How many models before a platform pays for itself?' },
  { part: 2, title: PART2_TITLE, hook: 'How long must a canary run to trust it?' },
  { part: 3, title: PART3_TITLE, hook: 'Can a better component break the system?' },
];
