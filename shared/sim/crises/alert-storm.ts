// The alert storm (Cloud Titan's storyline, "The N-Models Explosion", GAME.md §7): metric noise ×4 on every
// model of the fleet while real drifts hide in it. Static 3σ thresholds drown the on-call; threshold discovery
// and aggregation tame it.
import { ALERT_STORM, MONITORING } from '../constants.js';
import { speaker } from './stakeholders.js';
import type { CrisisModule } from './types.js';

export const alertStorm: CrisisModule = {
  id: 'alert-storm',
  title: 'Alert storm',
  parts: ['part2'],
  targets: ['all', 'track', 'team'],
  voice: (track) =>
    track === 'cloud-titan'
      ? `${speaker(track)}: "Fifty model versions and the pager has not stopped since midnight. The on-call can handle ${MONITORING.capacityPerDay} alerts a day — somewhere in this noise two tenants are really drifting, and I am paying for every hour we miss them."`
      : `${speaker(track)}: "Every dashboard is flashing red. The on-call cannot read ${MONITORING.capacityPerDay} alerts a day, let alone this. Are any of them real?"`,
  effect: `Metric noise ×${ALERT_STORM.noiseFactor} on every model: static 3σ thresholds fire on about half of all checks. ${ALERT_STORM.drifts} real drifts of ${ALERT_STORM.driftSigma}σ begin ${ALERT_STORM.onsetHours.min}–${ALERT_STORM.onsetHours.max} h later on hidden model × metric cells.`,
  story: "Cloud Titan's crisis (50 models × 10 metrics), but any fleet has monitoring. Good teams re-estimate thresholds per model (k·σ), aggregate pages, and investigate the cells that stay hot.",
  strike: (effects, at) => ({ ...effects, stormAt: at }),
};
