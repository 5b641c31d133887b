// A team's Part 3 state when the part begins: upstream v1, loose versioning (how most pipelines start), the
// downstream trained on v1 features.
import { deriveSeed, rngFromSeed } from '../../rng.js';
import type { TrackId } from '../../tracks.js';
import type { TeamPart3 } from './types.js';

export function newTeamPart3(gameSeed: number, track: TrackId): TeamPart3 {
  return {
    prediction: null,
    lockedBy: null,
    reflection: null,
    upstream: 'v1',
    policy: 'loose',
    model: 'v1',
    retrain: null,
    checks: [],
    challenge: null,
    challengeSeen: null,
    dominoSeen: null,
    ledger: [],
    evaluations: [],
    silentHours: 0,
    belowFloorPointHours: 0,
    pipelineCost: 0,
    extraPipelineHours: 0,
    // Seeded from the track: same-track teams with the same decisions measure the same numbers.
    rng: rngFromSeed(deriveSeed(gameSeed, `ensemble:${track}`)),
  };
}
