// One step of the simulated clock for one team's fleet: draw judged requests (Poisson) and failures
// (binomial) per cohort with the team's own seeded stream, update the evidence, the exposure and the cost,
// and let windows, SPRT verdicts and rollbacks take effect.
import { CANARY_STAGES, CANARY_TRACKS } from '../../constants.js';
import { nextFloat, type RngState } from '../../rng.js';
import { binomial, poisson } from '../../sampling.js';
import type { TrackId } from '../../tracks.js';
import { requiredCleanRequests, sprtPlan, sprtUpdate } from './canary-stats.js';
import { runClean, runConfidence, runFailures, runSprtDecision, stageCovers } from './metrics.js';
import { activeRun, plannedShadowHours } from './run.js';
import { cohortRates, isBadCohort } from './truth.server.js';
import type { TeamEffects } from '../../crises/effects.js';
import type { Run, RunSample, TeamPart2 } from './types.js';

/** The dashboard keeps a point at most every this many simulated hours, and at most MAX_SAMPLES points. */
export const SAMPLE_EVERY_HOURS = 1;
export const MAX_SAMPLES = 240;
/** A window counts as ended this close to its end (floating point), far below any tick. */
const WINDOW_EPS_HOURS = 1e-9;

export interface TickContext {
  track: TrackId;
  /** The candidate's hidden rate per cohort before crises (truth.ts). */
  baseRates: readonly number[];
  /** What crises did to the team's hidden truth. */
  effects: TeamEffects;
  from: number;
  hours: number;
}

/** Judged requests per hour on the whole fleet right now (a traffic spike multiplies it). */
function requestsPerHour(ctx: TickContext): number {
  const { trafficMultiplier, trafficUntil } = ctx.effects;
  return CANARY_TRACKS[ctx.track].requestsPerHour * (ctx.from < trafficUntil ? trafficMultiplier : 1);
}

/**
 * Clean requests after the last of `failures` failures among `requests`: the k failure positions are uniform,
 * so the last one sits at ⌈n · U^(1/k)⌉ (the largest of k uniforms is U^(1/k)). A tick can cover thousands of
 * requests at high speed; counting only whole clean ticks would keep a good candidate's clock at zero.
 */
function cleanAfterLastFailure(rng: RngState, requests: number, failures: number): [number, RngState] {
  if (failures <= 0) return [requests, rng];
  const [u, next] = nextFloat(rng);
  const last = Math.max(failures, Math.ceil(requests * u ** (1 / failures)));
  return [requests - Math.min(requests, last), next];
}

/** Adds a dashboard point, thinning old points when there are too many. */
function withSample(samples: RunSample[], sample: RunSample, force: boolean): RunSample[] {
  const last = samples.at(-1);
  if (!force && last && sample.hour - last.hour < SAMPLE_EVERY_HOURS) return samples;
  const next = [...samples, sample];
  return next.length > MAX_SAMPLES ? next.filter((_, i) => i % 2 === 0 || i === next.length - 1) : next;
}

/**
 * A clean shadow window closes when its n* clean requests are in. The window plans them at the average rate
 * (t_shadow = n* / (R·f)), but requests arrive at random, so at that hour a clean run has fewer than n* about half
 * the time: ending it there would leave the team just below its target by luck, and the formula the part teaches
 * would look wrong. So a run with no failure holds in the tick its clock reaches the target (the tick's end, as
 * for an SPRT verdict), and one still short at the planned end watches on (`hoursShortOfEvidence`). A run that was
 * already at its target when the team extended it watches the whole extension.
 */
function cleanWindowDone(before: Run, after: Run): boolean {
  if (after.stage >= 0 || runFailures(after) > 0) return false;
  return runConfidence(before) < after.config.confidence && runConfidence(after) >= after.config.confidence;
}

/**
 * The hours a clean shadow window goes on past its planned end, or 0 when it ends there: time for the requests
 * it lacks and three standard deviations of their random arrival more, so that one stretch almost always brings
 * them (the run holds as soon as they are in: `cleanWindowDone`). A failure, or a clock that cannot climb (a
 * cohort shadow mode cannot reach), ends the window as planned.
 */
function hoursShortOfEvidence(before: Run, after: Run, track: TrackId): number {
  if (after.stage >= 0 || runFailures(after) > 0 || runClean(after) <= runClean(before)) return 0;
  if (runConfidence(after) >= after.config.confidence) return 0;
  const needed = requiredCleanRequests(after.config.confidence, after.config.rate);
  const missing = Math.max(1, needed - runClean(after));
  return (plannedShadowHours(track, after.config, after) * (missing + 3 * Math.sqrt(missing))) / needed;
}

function advanceRun(run: Run, ctx: TickContext, rng: RngState): [Run, RngState] {
  const spec = CANARY_TRACKS[ctx.track];
  const rates = cohortRates(ctx.baseRates, ctx.effects);
  const to = ctx.from + ctx.hours;
  const perHour = requestsPerHour(ctx);
  // A holding run's team clock stands (clock.ts), so a tick meets one only in a log of older rules; its
  // evidence would count as before.
  const counting = run.outcome === 'running' || run.outcome === 'holding';
  const liveShare = run.stage >= 0 ? CANARY_STAGES[run.stage]! / 100 : 0;
  let s = rng;
  let exposure = run.exposure;
  let newRequests = 0;
  let newFailures = 0;
  const cohorts = run.cohorts.map((cohort, i) => {
    if (!stageCovers(ctx.track, run, i)) return cohort;
    const share = spec.cohorts[i]!.share * (run.stage < 0 ? run.config.shadowFraction : liveShare);
    const [requests, s1] = poisson(s, perHour * share * ctx.hours);
    const [failures, s2] = binomial(s1, requests, rates[i]!);
    s = s2;
    // Live traffic served by a candidate that is worse than the target hurts real users.
    if (run.stage >= 0 && isBadCohort(ctx.track, rates[i]!)) exposure += failures;
    if (!counting) return cohort;
    newRequests += requests;
    newFailures += failures;
    const [after, s3] = cleanAfterLastFailure(s, requests, failures);
    s = s3;
    return {
      ...cohort,
      requests: cohort.requests + requests,
      failures: cohort.failures + failures,
      clean: failures > 0 ? after : cohort.clean + requests,
    };
  });
  let next: Run = { ...run, cohorts, exposure };
  if (counting) {
    const [pooledAfter, s4] = cleanAfterLastFailure(s, newRequests, newFailures);
    s = s4;
    next.pooledClean = newFailures > 0 ? pooledAfter : run.pooledClean + newRequests;
    next.llr = sprtUpdate(sprtPlan(run.config.confidence, run.config.rate), run.llr, newRequests - newFailures, newFailures);
    if (newFailures > 0 && next.firstFailureAt === null) next.firstFailureAt = to;
    if (run.stage < 0) next.shadowCost = run.shadowCost + run.config.shadowFraction * ctx.hours * spec.shadowCostPerHour;
    const verdict = run.config.sprt ? runSprtDecision(next) : 'continue';
    // The team's clock stops at the window's end (clock.ts): from + (end − from) may fall an ulp short of it.
    if (verdict !== 'continue' || cleanWindowDone(run, next)) next.outcome = 'holding';
    else if (to >= run.windowEndsAt - WINDOW_EPS_HOURS) {
      const more = hoursShortOfEvidence(run, next, ctx.track);
      if (more > 0) next.windowEndsAt = to + more;
      else next.outcome = 'holding';
    }
  }
  if (run.outcome === 'rolling-back' && run.rollbackUntil !== null && to >= run.rollbackUntil) {
    next = { ...next, outcome: 'rolled-back', endedAt: run.rollbackUntil };
  }
  const sample = { hour: to, confidence: runConfidence(next), failures: runFailures(next), stage: next.stage };
  next.samples = withSample(run.samples, sample, next.outcome !== run.outcome);
  return [next, s];
}

/** After shipping, a candidate worse than the target keeps failing on the whole fleet: that is exposure too. */
function advanceShipped(run: Run, ctx: TickContext, rng: RngState): [Run, RngState] {
  const spec = CANARY_TRACKS[ctx.track];
  const rates = cohortRates(ctx.baseRates, ctx.effects);
  const perHour = requestsPerHour(ctx);
  let s = rng;
  let exposure = run.exposure;
  for (const [i, cohort] of run.cohorts.entries()) {
    if (cohort.excluded || !isBadCohort(ctx.track, rates[i]!)) continue;
    const [requests, s1] = poisson(s, perHour * spec.cohorts[i]!.share * ctx.hours);
    const [failures, s2] = binomial(s1, requests, rates[i]!);
    s = s2;
    exposure += failures;
  }
  return [exposure === run.exposure ? run : { ...run, exposure }, s];
}

/** The team's fleet after `ctx.hours` more simulated hours. */
export function advanceTeam(team: TeamPart2, ctx: TickContext): TeamPart2 {
  const active = activeRun(team);
  const last = team.runs.at(-1);
  const target = active ?? (last?.outcome === 'shipped' ? last : null);
  if (!target) return team;
  const [run, rng] = active ? advanceRun(target, ctx, team.rng) : advanceShipped(target, ctx, team.rng);
  if (run === target && rng === team.rng) return team;
  // The stream moves on even when the run did not (a shipped run's tick without a failure): otherwise every
  // later tick would repeat the same draws, and a shipped regression would stop failing.
  return { ...team, rng, runs: run === target ? team.runs : [...team.runs.slice(0, -1), run] };
}
