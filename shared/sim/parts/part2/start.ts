// A team's Part 2 state when the part begins.
import { deriveSeed, rngFromSeed } from '../../rng.js';
import type { TrackId } from '../../tracks.js';
import type { TeamPart2 } from './types.js';

/** A team's fleet before its first run; its stream of draws is seeded from its track, as for every team on it. */
export function newTeamPart2(gameSeed: number, track: TrackId): TeamPart2 {
  return {
    prediction: null,
    lockedBy: null,
    reflection: null,
    hours: 0,
    runs: [],
    monitor: { k: null, aggregation: 'metric', investigations: [], found: [], toilMinutes: 0, overrunPages: 0 },
    slices: { level: 'global', remedies: [], decisions: [], userHoursBelow: 0, accuracyGivenUp: 0, monitorCost: 0 },
    rng: rngFromSeed(deriveSeed(gameSeed, `fleet:${track}`)),
  };
}
