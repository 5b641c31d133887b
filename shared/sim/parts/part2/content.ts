// The words of Part 2 (GAME.md §5, §7): the lock question, the reflection, and each crisis in the voice of
// the stakeholder of the track it hits.
import type { Choice } from '../../../protocol/views.js';
import type { TrackId } from '../../tracks.js';
import type { CrisisId } from './types.js';

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

export const CRISIS_TITLES: Readonly<Record<CrisisId, string>> = {
  'rollout-jitter': 'Rollout jitter',
  'world-drifted': 'The world drifted',
  'traffic-spike': 'Traffic spike',
};

const STAKEHOLDER: Readonly<Record<TrackId, string>> = {
  'cloud-titan': 'CFO',
  'edge-guardian': 'Safety Lead',
  'mobile-nomad': 'UX Designer',
  'tiny-pioneer': 'Hardware Lead',
};

/** The banner a crisis shows, in the voice of the stakeholder of `track` (null: every stakeholder at once). */
export function crisisText(id: CrisisId, track: TrackId | null): string {
  const who = track === null ? 'Every stakeholder' : STAKEHOLDER[track];
  switch (id) {
    case 'rollout-jitter':
      return track === 'edge-guardian'
        ? `${who}: "Gen 1 vehicles are missing the 10 ms safety loop — the new perception model has a 100 ms latency tail on the oldest hardware. Find that cohort and roll it back."`
        : `${who}: "The new model's latency tail is blowing up on our oldest devices. Look at your cohorts before you promote."`;
    case 'world-drifted':
      return `${who}: "The world moved under us — last week's evidence is already stale. Shorter, sequential validation, please."`;
    case 'traffic-spike':
      return `${who}: "Traffic just tripled. More requests, more evidence — and more users hit by anything bad you ship."`;
  }
}
