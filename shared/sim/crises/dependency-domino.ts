// The dependency domino (Tiny Pioneer's storyline, GAME.md §7): the upstream auto-updates to v2. Under loose
// versioning the downstream silently reads features it was not trained on; a strict contract holds.
import { speaker } from './stakeholders.js';
import type { CrisisModule } from './types.js';

export const dependencyDomino: CrisisModule = {
  id: 'dependency-domino',
  title: 'Dependency domino',
  parts: ['part3'],
  targets: ['all', 'track', 'team'],
  voice: (track) =>
    track === 'tiny-pioneer'
      ? `${speaker(track)}: "The noise-isolation model auto-updated to v2 overnight. Every dashboard is green, but users say the wake word stopped working. Check what your wake-word detector reads."`
      : `${speaker(track)}: "Our upstream model auto-updated to v2 overnight. Nothing raised an error — is the system still as good as the components say?"`,
  effect: 'The upstream auto-updates to v2. Under loose versioning the downstream reads v2 features it was not trained on (training-serving PSI 0.32) and the system metric drops with no error; a strict contract keeps it on features_v1.',
  story: "Tiny Pioneer's crisis (noise isolation → wake-word), but it can hit any ensemble. Good teams run the consistency check, pin their features, and retrain or roll the upstream back.",
  strike: (effects, at) => ({ ...effects, dominoAt: at }),
};
