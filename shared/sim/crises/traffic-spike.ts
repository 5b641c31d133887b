// Traffic spike (every track, GAME.md §7): judged requests ×3 for a while.
import { TRAFFIC_SPIKE } from '../constants.js';
import { speaker } from './stakeholders.js';
import type { CrisisModule } from './types.js';

export const trafficSpike: CrisisModule = {
  id: 'traffic-spike',
  title: 'Traffic spike',
  parts: ['part2'],
  targets: ['all', 'track', 'team'],
  voice: (track) =>
    `${speaker(track)}: "Traffic just tripled. More requests, more evidence — and more users hit by anything bad you ship."`,
  effect: `Judged requests ×${TRAFFIC_SPIKE.multiplier} for ${TRAFFIC_SPIKE.hours} simulated hours.`,
  story: 'Evidence arrives faster, and so does the harm of a bad candidate on a live stage.',
  strike: (effects, at) => ({ ...effects, trafficMultiplier: TRAFFIC_SPIKE.multiplier, trafficUntil: at + TRAFFIC_SPIKE.hours }),
};
