// What each audience sees of Part 2 (GAME.md §9). A team: its own fleet and runs once it locked, the truth of
// its lock after the reveal — never the candidate's hidden rates, latency or slices, only what its runs and
// monitors measure. The screen: fleet health tiles. The host: everything, hidden truths included.
import type { FleetTile, HostPart2, RunView, ScreenPart2, TeamPart2 as TeamPart2View } from '../../../protocol/views.js';
import { revealNumeric } from '../../calibration.js';
import { CANARY_TRACKS, MAX_RUNS_PER_TEAM } from '../../constants.js';
import type { TeamEffects } from '../../crises/effects.js';
import type { Team } from '../../state.js';
import type { TrackId } from '../../tracks.js';
import { numericLock as numeric, reflectedTeams, reflectionView, type PartContext } from '../part.js';
import { PART2_ACTUAL } from './answer.js';
import { requiredCleanRequests, sprtPlan } from './canary-stats.js';
import { cohortConfidences, runClean, runConfidence, runFailures, runReleaseHours, runRequests, runSprtDecision, runStaleness, stageCovers } from './metrics.js';
import { alertsNow, driftsView, monitorSummary, monitorView } from './alerts/views.js';
import type { LatencyMix } from './latency/model.js';
import { cohortLatency } from './latency/truth.server.js';
import { latencyTruth, runLatency, shownP99 } from './latency/views.js';
import { opsBreakdown } from './score.js';
import { teamClockState } from './clock.js';
import { shipEvidence } from './evidence.js';
import { skewTile, skewTruthView, slicesView } from './slices/views.js';
import { skewTruth } from './slices/truth.server.js';
import { baseCohortRates, cohortRates, isBadCohort } from './truth.server.js';
import type { Part2State, Run } from './types.js';

/** What crises did to a team's fleet, the candidate's latency on it and the skew's regions with where its
 *  instrument reads them at hour `now` (hidden: the views read from them). */
function fleetTruth(ctx: PartContext, team: Team, now: number) {
  const effects = ctx.effects(team.id);
  const base = baseCohortRates(ctx.seed, team.track);
  const skew = { truth: skewTruth(ctx.seed, team.track), where: { seed: ctx.seed, track: team.track, skewAt: effects.skewAt, now } };
  return { effects, base, latency: cohortLatency(team.track, base, effects), skew };
}

export function runView(track: TrackId, run: Run, effects: TeamEffects, now: number, latency: readonly LatencyMix[]): RunView {
  const spec = CANARY_TRACKS[track];
  const plan = sprtPlan(run.config.confidence, run.config.rate);
  const confidences = cohortConfidences(run);
  const readings = runLatency(track, run, latency);
  return {
    number: run.number,
    config: { ...run.config },
    stage: run.stage,
    outcome: run.outcome,
    startedAt: run.startedAt,
    windowEndsAt: run.windowEndsAt,
    endedAt: run.endedAt,
    rollbackUntil: run.rollbackUntil,
    confidence: runConfidence(run),
    requiredClean: requiredCleanRequests(run.config.confidence, run.config.rate),
    clean: runClean(run),
    shipEvidence: shipEvidence(run.decisions),
    requests: runRequests(run),
    failures: runFailures(run),
    cohorts:
      run.config.cohortMode === 'stratified'
        ? run.cohorts.map((c, i) => ({
            id: c.id,
            name: spec.cohorts[i]!.name,
            requests: c.requests,
            failures: c.failures,
            confidence: confidences[i]!,
            excluded: c.excluded,
            covered: stageCovers(track, run, i),
            p99Ms: readings.cohorts[i]!.p99Ms,
            latency: readings.cohorts[i]!.evidence,
          }))
        : null,
    p99Ms: readings.p99Ms,
    exposure: run.exposure,
    shadowCost: run.shadowCost,
    releaseHours: runReleaseHours(run, now),
    staleness: runStaleness(track, run, effects, now),
    sprt: run.config.sprt
      ? { llr: run.llr, promoteAt: plan.promoteAt, rollbackAt: plan.rollbackAt, decision: runSprtDecision(run) }
      : null,
    samples: run.samples,
  };
}

export function teamPart2(slice: Part2State, ctx: PartContext, team: Team): TeamPart2View {
  const fleet = slice.teams[team.id]!;
  const spec = CANARY_TRACKS[team.track];
  const now = fleet.hours;
  const { effects, latency, skew } = fleetTruth(ctx, team, now);
  const open = fleet.prediction !== null || slice.revealed;
  const ops = opsBreakdown(slice, ctx, team);
  return {
    prediction: numeric(fleet),
    lockedByNickname: ctx.nickname(fleet.lockedBy),
    hours: now,
    clock: teamClockState(fleet),
    fleet: open
      ? {
          spec: {
            requestsPerHour: spec.requestsPerHour,
            targetConfidence: spec.targetConfidence,
            targetRate: spec.targetRate,
            maxShadowFraction: spec.maxShadowFraction,
            rollbackHoursAtFull: spec.rollbackHoursAtFull,
            driftTauHours: spec.driftTauHours,
            latencyBudgetMs: spec.latencyBudgetMs,
            cohorts: spec.cohorts.map(({ id, name, share, shadow }) => ({ id, name, share, shadow })),
          },
          runs: fleet.runs.map((run) => runView(team.track, run, effects, now, latency)),
          runsLeft: MAX_RUNS_PER_TEAM - fleet.runs.length,
          driftTauHours: spec.driftTauHours * effects.driftFactor,
          trafficMultiplier: now < effects.trafficUntil ? effects.trafficMultiplier : 1,
          monitor: monitorView(fleet.monitor, { seed: ctx.seed, track: team.track, effects, now }),
          slices: slicesView(fleet.slices, skew.truth, skew.where),
        }
      : null,
    reveal: slice.revealed ? revealNumeric(numeric(fleet), PART2_ACTUAL) : null,
    reflection: reflectionView(ctx, fleet),
    ops: ops.total,
    opsBreakdown: ops,
  };
}

/** Rollout jitter on a team's tile: what its latest run reads against the budget, and what it rolled back. */
function latencyTile(team: Team, run: Run | undefined, truth: ReturnType<typeof fleetTruth>): FleetTile['latency'] {
  const spec = CANARY_TRACKS[team.track];
  return {
    jitter: truth.effects.jitter,
    budgetMs: spec.latencyBudgetMs,
    p99Ms: run ? shownP99(run, runLatency(team.track, run, truth.latency)) : null,
    rolledBack: run ? run.cohorts.flatMap((c, i) => (c.excluded ? [spec.cohorts[i]!.name] : [])) : [],
  };
}

function tileOf(slice: Part2State, ctx: PartContext, team: Team): FleetTile {
  const fleet = slice.teams[team.id]!;
  const now = fleet.hours;
  const truth = fleetTruth(ctx, team, now);
  const where = { seed: ctx.seed, track: team.track, effects: truth.effects, now };
  const run = fleet.runs.at(-1);
  return {
    teamId: team.id,
    hours: now,
    clock: teamClockState(fleet),
    locked: fleet.prediction !== null,
    runsUsed: fleet.runs.length,
    stage: run ? run.stage : null,
    outcome: run ? run.outcome : null,
    shipEvidence: run ? shipEvidence(run.decisions) : null,
    confidence: run ? runConfidence(run) : 0,
    targetConfidence: run ? run.config.confidence : null,
    failures: run ? runFailures(run) : 0,
    exposure: fleet.runs.reduce((sum, r) => sum + r.exposure, 0),
    releaseHours: run ? runReleaseHours(run, now) : 0,
    samples: run ? run.samples : [],
    alerts: alertsNow(fleet.monitor, where),
    latency: latencyTile(team, run, truth),
    skew: skewTile(fleet.slices, truth.skew.truth, truth.skew.where),
  };
}

export function screenPart2(slice: Part2State, ctx: PartContext): ScreenPart2 {
  return {
    hours: slice.hours,
    tiles: ctx.teams.map((team) => tileOf(slice, ctx, team)),
    results: slice.revealed
      ? ctx.teams.map((team) => ({
          teamId: team.id,
          track: team.track,
          reveal: revealNumeric(numeric(slice.teams[team.id]!), PART2_ACTUAL),
        }))
      : null,
    reflected: reflectedTeams(slice, ctx),
  };
}

export function hostPart2(slice: Part2State, ctx: PartContext): HostPart2 {
  return {
    hours: slice.hours,
    revealed: slice.revealed,
    actual: PART2_ACTUAL,
    teams: ctx.teams.map((team) => {
      const fleet = slice.teams[team.id]!;
      const now = fleet.hours;
      const { effects, base, latency, skew } = fleetTruth(ctx, team, now);
      const rates = cohortRates(base, effects);
      const where = { seed: ctx.seed, track: team.track, effects, now };
      const ops = opsBreakdown(slice, ctx, team);
      return {
        teamId: team.id,
        prediction: numeric(fleet),
        lockedByNickname: ctx.nickname(fleet.lockedBy),
        reveal: revealNumeric(numeric(fleet), PART2_ACTUAL),
        runs: fleet.runs.map((run) => runView(team.track, run, effects, now, latency)),
        truth: CANARY_TRACKS[team.track].cohorts.map((cohort, i) => ({
          cohort: cohort.name,
          rate: rates[i]!,
          bad: isBadCohort(team.track, rates[i]!),
          ...latencyTruth(team.track, latency[i]!),
        })),
        latencyBudgetMs: CANARY_TRACKS[team.track].latencyBudgetMs,
        monitor: fleet.prediction !== null ? monitorSummary(fleet.monitor, where) : null,
        drifts: driftsView(fleet.monitor, where),
        slices: fleet.prediction !== null ? slicesView(fleet.slices, skew.truth, skew.where) : null,
        skew: skewTruthView(fleet.slices, skew.truth, skew.where),
        hours: now,
        clock: teamClockState(fleet),
        ops: ops.total,
        opsBreakdown: ops,
        reflection: reflectionView(ctx, fleet),
      };
    }),
  };
}
