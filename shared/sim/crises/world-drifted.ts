// The world drifted (every track, GAME.md §7): evidence goes stale faster.
import { DRIFT_CRISIS_FACTOR } from '../constants.js';
import { speaker } from './stakeholders.js';
import type { CrisisModule } from './types.js';

export const worldDrifted: CrisisModule = {
  id: 'world-drifted',
  title: 'The world drifted',
  parts: ['part2'],
  targets: ['all', 'track', 'team'],
  voice: (track) =>
    `${speaker(track)}: "The world moved under us — last week's evidence is already stale. Shorter, sequential validation, please."`,
  effect: `Evidence goes stale ${1 / DRIFT_CRISIS_FACTOR}× faster: the drift time-constant τ ×${DRIFT_CRISIS_FACTOR}.`,
  story: 'Long shadow windows lose their value. Good teams shorten validation and go sequential (SPRT).',
  strike: (effects) => ({ ...effects, driftFactor: effects.driftFactor * DRIFT_CRISIS_FACTOR }),
};
