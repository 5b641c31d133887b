// Part 2's ops score (GAME.md §8; docs/scoring.md): the outcome of a team's canaries, normalized per track so
// that the four tracks are comparable — exposure against a day of failures at the track's target rate, cost
// against a week of full shadowing on the track, time against the one-week release limit.
import { ALERT_STORM, APP_OS_SKEW, CANARY_TRACKS, OPS_SCORE } from '../../constants.js';
import { alertOps } from './alerts/monitor.js';
import { blendOps, type CrisisOutcome } from './ops-blend.js';
import { skewOps } from './slices/monitor.js';
import { skewTruth } from './slices/truth.server.js';
import type { TrackId } from '../../tracks.js';
import { RELEASE_LIMIT_HOURS } from './canary-stats.js';
import type { Team } from '../../state.js';
import type { PartContext } from '../part.js';
import { baseCohortRates, cohortRates, isBadCohort } from './truth.server.js';
import type { TeamEffects } from '../../crises/effects.js';
import type { Part2State, TeamPart2 } from './types.js';

/** 1 at no time, 0 at the one-week limit or beyond. */
const speed = (hours: number) => Math.max(0, 1 - hours / RELEASE_LIMIT_HOURS);

/** A team's ops score for Part 2 at simulated hour `now`, 0–100. */
export function part2OpsScore(
  team: TeamPart2,
  track: TrackId,
  baseRates: readonly number[],
  effects: TeamEffects,
  now: number,
): number {
  const first = team.runs[0];
  const last = team.runs.at(-1);
  if (!first || !last) return 0;
  const spec = CANARY_TRACKS[track];
  const rates = cohortRates(baseRates, effects);
  const bad = rates.map((rate) => isBadCohort(track, rate));
  const elapsed = (last.endedAt ?? now) - first.startedAt;
  let points: number;
  if (last.outcome === 'shipped') {
    const servesBad = last.cohorts.some((c, i) => !c.excluded && bad[i]);
    points = servesBad ? OPS_SCORE.shippedBad : OPS_SCORE.shippedGood + OPS_SCORE.speed * speed(elapsed);
  } else if (last.outcome === 'rolled-back' || last.outcome === 'rolling-back') {
    points = bad.some(Boolean) ? OPS_SCORE.caughtBad + OPS_SCORE.speed * speed(elapsed) : OPS_SCORE.rolledBackGood;
  } else {
    points = OPS_SCORE.undecided;
  }
  const exposure = team.runs.reduce((sum, run) => sum + run.exposure, 0);
  const cost = team.runs.reduce((sum, run) => sum + run.shadowCost, 0);
  const exposureRef = spec.requestsPerHour * spec.targetRate * 24;
  const costRef = spec.shadowCostPerHour * RELEASE_LIMIT_HOURS;
  points -= OPS_SCORE.exposure * Math.min(1, exposure / exposureRef);
  points -= OPS_SCORE.cost * Math.min(1, cost / costRef);
  return Math.round(Math.min(100, Math.max(0, points)));
}

/** The crises whose outcome counts in a team's ops score once they struck it, scored at simulated hour `now`. */
function crisisOutcomes(fleet: TeamPart2, track: TrackId, effects: TeamEffects, seed: number, now: number): CrisisOutcome[] {
  const outcomes: CrisisOutcome[] = [];
  // The alert storm judges the team's monitoring.
  if (effects.stormAt !== null && now >= effects.stormAt) {
    outcomes.push({ weight: ALERT_STORM.opsWeight, score: alertOps(fleet.monitor, track, effects, seed, now) });
  }
  // The app-OS skew judges its slice monitors and remedies.
  if (effects.skewAt !== null && now >= effects.skewAt) {
    outcomes.push({ weight: APP_OS_SKEW.opsWeight, score: skewOps(fleet.slices, skewTruth(seed, track), effects.skewAt, now) });
  }
  return outcomes;
}

/** A team's Part 2 ops score now, in the part's context. */
export function teamOps(slice: Part2State, ctx: PartContext, team: Team): number {
  const fleet = slice.teams[team.id];
  if (!fleet) return 0;
  const effects = ctx.effects(team.id);
  const canary = part2OpsScore(fleet, team.track, baseCohortRates(ctx.seed, team.track), effects, slice.hours);
  // A team that never locked could use none of its tools: the crises that struck it score nothing either.
  if (fleet.prediction === null) return canary;
  return blendOps(canary, crisisOutcomes(fleet, team.track, effects, ctx.seed, slice.hours));
}
