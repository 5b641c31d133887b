// The hidden truth of Part 3 (*teaching* constants, docs/model.md): what a downstream scores when served
// features it was not trained on, what retraining gains, and the answer of the lock. Server-side only (the
// pages' build refuses *.server.* modules, and a test checks the built client): before the reveal a team
// sees its system metric only as measured on labelled requests.
import type { Choice, FeatureVersion } from '../../../protocol/views.js';
import { ENSEMBLE_TRACKS } from '../../constants.js';
import type { TrackId } from '../../tracks.js';
import { featurePsi } from './psi.js';

/** The right option of the lock: yes, training-serving skew (content.ts words the options). */
export const PART3_ANSWER: Choice = 'b';

export interface EnsembleTruth {
  /** The downstream trained on v1 features, served v2 features, in percent (GAME.md §6). */
  untrained: number;
  /** Points the downstream gains over its v1 value once retrained on v2 features. */
  retrainGain: number;
}

export const ENSEMBLE_TRUTH: Readonly<Record<TrackId, EnsembleTruth>> = {
  'cloud-titan': { untrained: 85, retrainGain: 2 },
  // 99.0 % + 2 points would pass 100 %: the gain halves the remaining error instead.
  'edge-guardian': { untrained: 96.5, retrainGain: 0.5 },
  'mobile-nomad': { untrained: 81, retrainGain: 2 },
  'tiny-pioneer': { untrained: 82, retrainGain: 2 },
};

/** Points of downstream metric lost per unit of PSI: the track's drop at the designed PSI of v1 → v2. */
export function sensitivity(track: TrackId): number {
  return (ENSEMBLE_TRACKS[track].trained - ENSEMBLE_TRUTH[track].untrained) / featurePsi('v1', 'v2');
}

/** The downstream's offline metric for a model trained on `trainedOn` features (what it reports of itself). */
export function reportedMetric(track: TrackId, trainedOn: FeatureVersion): number {
  return ENSEMBLE_TRACKS[track].trained + (trainedOn === 'v2' ? ENSEMBLE_TRUTH[track].retrainGain : 0);
}

/** The true system metric: the downstream trained on `trainedOn`, reading `reads` features. */
export function systemMetric(track: TrackId, trainedOn: FeatureVersion, reads: FeatureVersion): number {
  return reportedMetric(track, trainedOn) - sensitivity(track) * featurePsi(trainedOn, reads);
}
