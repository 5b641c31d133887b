// Part 3's ops score (GAME.md §8; docs/scoring.md): the outcome of a team's versioning decisions, normalized
// per track by its retrain time T — an upgraded ensemble, silent-failure hours and how deep the metric fell
// below the floor (against the untrained v2 depth for 2·T), a second feature pipeline (against 4·T), and the challenge answer.
import { ENSEMBLE_TRACKS, PART3_OPS } from '../../constants.js';
import type { Team } from '../../state.js';
import type { TrackId } from '../../tracks.js';
import type { PartContext } from '../part.js';
import { readsOf } from './ensemble.js';
import { ENSEMBLE_TRUTH } from './truth.server.js';
import { settle } from './clock.js';
import type { Part3State, TeamPart3 } from './types.js';

/** 1 at none, 0 at the reference or beyond. */
const spare = (used: number, reference: number) => Math.max(0, 1 - used / reference);

/** Whether a team runs the upgraded ensemble: upstream v2 and a downstream retrained on v2 reading v2. */
export function isUpgraded(team: Pick<TeamPart3, 'upstream' | 'policy' | 'model'>): boolean {
  return team.upstream === 'v2' && team.model === 'v2' && readsOf(team) === 'v2';
}

/** A team's Part 3 ops score, 0–100. */
export function part3OpsScore(team: TeamPart3, track: TrackId): number {
  const spec = ENSEMBLE_TRACKS[track];
  // How far below the floor a downstream served v2 features untrained falls: the depth of the careless upgrade.
  const depth = spec.floor - ENSEMBLE_TRUTH[track].untrained;
  const t = spec.retrainHours;
  const challenge = team.challenge;
  const quality = !challenge ? 1 : (challenge.answer?.quality ?? 0);
  const points =
    (isUpgraded(team) ? PART3_OPS.upgraded : 0) +
    PART3_OPS.silent * spare(team.silentHours, 2 * t) +
    PART3_OPS.depth * spare(team.belowFloorPointHours, depth * 2 * t) +
    PART3_OPS.cost * spare(team.extraPipelineHours, 4 * t) +
    PART3_OPS.challenge * quality;
  return Math.round(Math.min(100, Math.max(0, points)));
}

/** A team's Part 3 ops score now, on the hidden truth (the host's live number). A team that never locked never
 *  had the workbench: it played nothing to score. */
export function liveOps(slice: Part3State, ctx: PartContext, team: Team): number {
  const ensemble = slice.teams[team.id];
  if (!ensemble || ensemble.prediction === null) return 0;
  return part3OpsScore(settle(ensemble, ctx.effects(team.id), slice.hours), team.track);
}

/** The ops a team's Part 3 adds to the leaderboard: nothing until the reveal, because the score is made of
 *  silent-failure hours, and a number that fell on the board would break the silence it measures. */
export function teamOps(slice: Part3State, ctx: PartContext, team: Team): number {
  return slice.revealed ? liveOps(slice, ctx, team) : 0;
}
