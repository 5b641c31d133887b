// Rollout jitter (Edge Guardian's storyline, GAME.md §7): a latency tail on the oldest hardware.
import { JITTER_RATE_FACTOR } from '../constants.js';
import { speaker } from './stakeholders.js';
import type { CrisisModule } from './types.js';

export const rolloutJitter: CrisisModule = {
  id: 'rollout-jitter',
  title: 'Rollout jitter',
  parts: ['part2'],
  targets: ['all', 'track', 'team'],
  voice: (track) =>
    track === 'edge-guardian'
      ? `${speaker(track)}: "Gen 1 vehicles are missing the 10 ms safety loop — the new perception model has a 100 ms latency tail on the oldest hardware. Find that cohort and roll it back."`
      : `${speaker(track)}: "The new model's latency tail is blowing up on our oldest devices. Look at your cohorts before you promote."`,
  effect: `A 100 ms latency tail on the oldest hardware: the candidate's hidden failure rate in each fleet's last cohort ×${JITTER_RATE_FACTOR}.`,
  story: "Edge Guardian's crisis (gen 1 vehicles), but it can hit any fleet. Good teams stratify by cohort and roll that cohort back.",
  strike: (effects) => ({ ...effects, jitter: true }),
};
