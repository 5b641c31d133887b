// Part 1's truth: N* of a track under the game's cost settings (GAME.md §4).
import type { Settings } from '../../state.js';
import type { TrackId } from '../../tracks.js';
import { TRACK_HETEROGENEITY } from './heterogeneity.js';
import { breakEvenModels } from './roi-model.js';

/** N* at the track's heterogeneity and the game's capex and engineer cost. */
export function truthForTrack(settings: Pick<Settings, 'capex' | 'engineerCost'>, track: TrackId): number {
  const { capex, engineerCost } = settings;
  // breakEvenModels is null only for h ≤ 0; every track's h is ≥ 1.
  return breakEvenModels(TRACK_HETEROGENEITY[track], { capex, engineerCost }) ?? 0;
}
