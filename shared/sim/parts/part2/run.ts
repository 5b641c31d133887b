// A team's decisions on a canary run (GAME.md §5): start a run, extend its window, promote it a stage, roll
// it back (all of it, or one cohort of a stratified run). Pure functions of the team's Part 2 state.
import type { ErrorCode } from '../../../protocol/errors.js';
import {
  CANARY_STAGES,
  CANARY_TRACKS,
  LIVE_STAGE_HOURS,
  MAX_RUNS_PER_TEAM,
  type CanaryTrackSpec,
} from '../../constants.js';
import type { TrackId } from '../../tracks.js';
import { requiredCleanRequests, shadowHours } from './canary-stats.js';
import { runConfidence, runFailures, runRequests, runSprtDecision } from './metrics.js';
import type { DecisionEvidence, DecisionKind, Run, RunConfig, TeamPart2 } from './types.js';

export type RunResult = TeamPart2 | ErrorCode;

/** The run a team is working on: the latest, unless it has ended. */
export function activeRun(team: TeamPart2): Run | null {
  const run = team.runs.at(-1);
  return run && (run.outcome === 'running' || run.outcome === 'holding' || run.outcome === 'rolling-back')
    ? run
    : null;
}

/** Share of the fleet's judged requests a run can watch in shadow mode (cohorts where shadow can run). */
function shadowShare(spec: CanaryTrackSpec, run: Pick<Run, 'cohorts'>): number {
  return spec.cohorts.reduce((sum, cohort, i) => (cohort.shadow && !run.cohorts[i]!.excluded ? sum + cohort.share : sum), 0);
}

/**
 * Hours of shadow mode the zero-failure test plans for: n*(C, p) clean requests at R·f over the shadowable
 * traffic — or, stratified, n* in every cohort, so the slowest cohort sets the window.
 */
export function plannedShadowHours(track: TrackId, config: RunConfig, run: Pick<Run, 'cohorts'>): number {
  const spec = CANARY_TRACKS[track];
  const needed = requiredCleanRequests(config.confidence, config.rate);
  if (config.cohortMode === 'random') {
    const share = shadowShare(spec, run);
    return share > 0 ? shadowHours(needed, spec.requestsPerHour * share, config.shadowFraction) : LIVE_STAGE_HOURS;
  }
  const perCohort = spec.cohorts
    .filter((cohort, i) => cohort.shadow && !run.cohorts[i]!.excluded)
    .map((cohort) => shadowHours(needed, spec.requestsPerHour * cohort.share, config.shadowFraction));
  return perCohort.length > 0 ? Math.max(...perCohort) : LIVE_STAGE_HOURS;
}

function replaceRun(team: TeamPart2, run: Run): TeamPart2 {
  return { ...team, runs: [...team.runs.slice(0, -1), run] };
}

/** The evidence a team has in hand on a run right now: what the score judges its decision against. */
export function evidenceOf(run: Run): DecisionEvidence {
  return {
    confidence: runConfidence(run),
    target: run.config.confidence,
    sprt: run.config.sprt ? runSprtDecision(run) : null,
    failures: runFailures(run),
    requests: runRequests(run),
    rate: run.config.rate,
  };
}

/** The run as it was decided on, with the decision and its evidence recorded (before the decision's effect). */
function decided(run: Run, kind: DecisionKind, hours: number, cohortId: string | null = null): Run {
  const decision = { kind, at: hours, stage: run.stage, cohortId, evidence: evidenceOf(run) };
  return { ...run, decisions: [...run.decisions, decision] };
}

/** Checks a configuration against the track's limits. */
export function configProblem(track: TrackId, config: RunConfig): ErrorCode | null {
  const spec = CANARY_TRACKS[track];
  if (config.shadowFraction <= 0 || config.shadowFraction > spec.maxShadowFraction) return 'canary/shadow-limit';
  return null;
}

export function startRun(team: TeamPart2, track: TrackId, config: RunConfig, hours: number): RunResult {
  if (activeRun(team)) return 'canary/run-active';
  if (team.runs.some((run) => run.outcome === 'shipped')) return 'canary/shipped';
  if (team.runs.length >= MAX_RUNS_PER_TEAM) return 'canary/run-limit';
  const problem = configProblem(track, config);
  if (problem) return problem;
  const cohorts = CANARY_TRACKS[track].cohorts.map((c) => ({ id: c.id, requests: 0, failures: 0, clean: 0, excluded: false }));
  const run: Run = {
    number: team.runs.length + 1,
    config,
    startedAt: hours,
    stage: -1,
    stageStartedAt: hours,
    windowEndsAt: hours + plannedShadowHours(track, config, { cohorts }),
    outcome: 'running',
    endedAt: null,
    rollbackUntil: null,
    cohorts,
    pooledClean: 0,
    llr: 0,
    exposure: 0,
    shadowCost: 0,
    firstFailureAt: null,
    samples: [{ hour: hours, confidence: 0, failures: 0, stage: -1 }],
    decisions: [],
  };
  return { ...team, runs: [...team.runs, run] };
}

/** Watch the current stage for another window (the planned shadow window, or a live stage's hours). */
export function extendRun(team: TeamPart2, track: TrackId, hours: number): RunResult {
  const run = activeRun(team);
  if (!run || run.outcome === 'rolling-back') return 'canary/no-run';
  const window = run.stage < 0 ? plannedShadowHours(track, run.config, run) : LIVE_STAGE_HOURS;
  // Watching on after an SPRT verdict starts the sequential test afresh; otherwise the old verdict would
  // hold the run again at the next tick.
  const llr = run.config.sprt ? 0 : run.llr;
  return replaceRun(team, { ...decided(run, 'extend', hours), outcome: 'running', llr, windowEndsAt: Math.max(run.windowEndsAt, hours) + window });
}

/** The next stage of the rollout; promoting from 50 % ships the candidate to the whole fleet. */
export function promoteRun(team: TeamPart2, hours: number): RunResult {
  const active = activeRun(team);
  if (!active || active.outcome === 'rolling-back') return 'canary/no-run';
  const run = decided(active, 'promote', hours);
  const stage = run.stage + 1;
  if (stage === CANARY_STAGES.length - 1) {
    return replaceRun(team, { ...run, stage, stageStartedAt: hours, outcome: 'shipped', endedAt: hours });
  }
  return replaceRun(team, {
    ...run,
    stage,
    stageStartedAt: hours,
    windowEndsAt: hours + LIVE_STAGE_HOURS,
    outcome: 'running',
  });
}

/**
 * Rolls the candidate back. From shadow mode it is immediate; from a live stage it takes the track's rollback
 * time scaled by the stage, during which the candidate still serves its share. With a cohort id (stratified
 * runs only), only that cohort is rolled back and the run goes on with the others.
 */
export function rollbackRun(team: TeamPart2, track: TrackId, hours: number, cohortId: string | null): RunResult {
  const active = activeRun(team);
  if (!active || active.outcome === 'rolling-back') return 'canary/no-run';
  const run = decided(active, cohortId === null ? 'rollback' : 'rollback-cohort', hours, cohortId);
  if (cohortId !== null) {
    if (run.config.cohortMode !== 'stratified') return 'canary/not-stratified';
    const index = run.cohorts.findIndex((c) => c.id === cohortId);
    if (index < 0 || run.cohorts[index]!.excluded) return 'canary/unknown-cohort';
    if (run.cohorts.filter((c) => !c.excluded).length === 1) return 'canary/last-cohort';
    const cohorts = run.cohorts.map((c, i) => (i === index ? { ...c, excluded: true } : c));
    return replaceRun(team, { ...run, cohorts });
  }
  if (run.stage < 0) return replaceRun(team, { ...run, outcome: 'rolled-back', endedAt: hours, rollbackUntil: hours });
  const stageShare = CANARY_STAGES[run.stage]! / 100;
  const until = hours + CANARY_TRACKS[track].rollbackHoursAtFull * stageShare;
  return replaceRun(team, { ...run, outcome: 'rolling-back', rollbackUntil: until });
}
