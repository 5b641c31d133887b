// The hidden truth of the alert storm: which model × metric cells drift, and when. Drawn from the track's seed
// and the storm's hour, so every team on a track that the same storm hits faces the same drifts. Server-side
// only: only the host's view carries them.
import { ALERT_STORM, MONITORING, TRACK_MODEL_COUNT } from '../../../constants.js';
import { deriveSeed, nextFloat, nextInt, rngFromSeed } from '../../../rng.js';
import type { TrackId } from '../../../tracks.js';

export interface Drift {
  model: number;
  metric: number;
  /** Simulated hour of Part 2 the drift begins. */
  at: number;
}

/** The storm's drifts on a track's fleet, in distinct cells, in order of onset. */
export function driftsOf(gameSeed: number, track: TrackId, stormAt: number): Drift[] {
  let rng = rngFromSeed(deriveSeed(gameSeed, `storm:${track}:${stormAt}`));
  const drifts: Drift[] = [];
  while (drifts.length < ALERT_STORM.drifts) {
    const [model, r1] = nextInt(rng, 0, TRACK_MODEL_COUNT[track] - 1);
    const [metric, r2] = nextInt(r1, 0, MONITORING.metricsPerModel - 1);
    const [u, r3] = nextFloat(r2);
    rng = r3;
    if (drifts.some((d) => d.model === model && d.metric === metric)) continue;
    const { min, max } = ALERT_STORM.onsetHours;
    drifts.push({ model, metric, at: stormAt + min + u * (max - min) });
  }
  return drifts.sort((a, b) => a.at - b.at);
}
