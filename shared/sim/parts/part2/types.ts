// Part 2's state: every team runs canaries of one candidate model on its own simulated fleet.
import type { AlertAggregation, CohortMode, OsVersion, RunConfig, SliceAction, SliceLevel } from '../../../protocol/views.js';
import type { RngState } from '../../rng.js';
import type { TeamPartState } from '../../state.js';
import type { PartSlice } from '../part.js';

export type { CohortMode, RunConfig };

/** Evidence from one cohort during one run. */
export interface CohortEvidence {
  id: string;
  requests: number;
  failures: number;
  /** Clean requests since the last failure: what the Confidence Clock counts. */
  clean: number;
  /** Rolled back from this cohort (stratified runs only): the candidate no longer serves it. */
  excluded: boolean;
}

/** One point of the ShadowModeDashboard, kept at most every few simulated hours. */
export interface RunSample {
  hour: number;
  confidence: number;
  failures: number;
  stage: number;
}

/** `holding`: the planned window ended or the SPRT reached a verdict — the team is asked to decide, while the
 *  candidate keeps serving its stage and evidence keeps coming. */
export type RunOutcome = 'running' | 'holding' | 'rolling-back' | 'rolled-back' | 'shipped';

/** What a team knew when it decided (GAME.md §5 "the ops score rewards evidence"): the Confidence Clock against
 *  the run's target C, the SPRT's verdict when the run uses it, and the failures seen so far. */
export interface DecisionEvidence {
  confidence: number;
  target: number;
  /** null: the run does not use the SPRT. */
  sprt: 'promote' | 'rollback' | 'continue' | null;
  failures: number;
  /** The judged requests watched and the run's target rate p: the failures are judged against them (evidence.ts).
   *  Absent from decisions recorded before rules v6. */
  requests?: number;
  rate?: number;
}

export type DecisionKind = 'promote' | 'extend' | 'rollback' | 'rollback-cohort';

/** One decision on a run, with the evidence in hand when the team made it (the score and the ledger read it). */
export interface RunDecision {
  kind: DecisionKind;
  /** The team's simulated hour. */
  at: number;
  /** The stage the run was on when the team decided (−1: shadow mode). */
  stage: number;
  /** The cohort rolled back ('rollback-cohort' only). */
  cohortId: string | null;
  evidence: DecisionEvidence;
}

export interface Run {
  number: number;
  config: RunConfig;
  /** Simulated hour the run started. */
  startedAt: number;
  /** −1 in shadow mode, else an index into CANARY_STAGES. */
  stage: number;
  stageStartedAt: number;
  /** When the current window of evidence ends and the run holds for a decision. */
  windowEndsAt: number;
  outcome: RunOutcome;
  /** Simulated hour the run shipped or finished rolling back. */
  endedAt: number | null;
  /** Until when a rollback is still in progress (the candidate still serves its share meanwhile). */
  rollbackUntil: number | null;
  cohorts: CohortEvidence[];
  /** Clean requests since the last failure in any cohort: the random (pooled) canary's Confidence Clock. */
  pooledClean: number;
  /** The SPRT's log-likelihood ratio (used when config.sprt). */
  llr: number;
  /** Failures the candidate caused on live traffic (stages > 0 %) and after shipping. */
  exposure: number;
  /** Dollars spent on shadow traffic. */
  shadowCost: number;
  /** Simulated hour of the first failure seen, if any (detection time). */
  firstFailureAt: number | null;
  samples: RunSample[];
  /** Every decision on the run, in order, with its evidence. */
  decisions: RunDecision[];
}

/** The fleet's monitoring: the team's thresholds and paging, what it investigated, and the storm's toll. */
export interface MonitorState {
  /** Threshold discovery's k, or null for the static 3σ thresholds. */
  k: number | null;
  aggregation: AlertAggregation;
  investigations: Array<{ at: number; model: number; metric: number; found: boolean }>;
  /** Per drift of the storm (in onset order): the hour the team found it by investigating, or null. */
  found: Array<number | null>;
  /** During an alert storm: minutes of on-call toil, and pages beyond the on-call's capacity. */
  toilMinutes: number;
  overrunPages: number;
}

/** A remedy on one region × OS slice of the app-OS skew, since simulated hour `at`. */
export interface SliceRemedy {
  region: number;
  os: OsVersion;
  action: 'lighter' | 'rollback';
  at: number;
}

/** The team's tools against the app-OS skew and its toll, accumulated as expected values (no draws). */
export interface SliceState {
  level: SliceLevel;
  /** Slices on a remedy now (the others run the standard model and follow the rollout). */
  remedies: SliceRemedy[];
  /** Every remedy decision, in order. */
  decisions: Array<{ at: number; region: number; os: OsVersion; action: SliceAction }>;
  /** User-hours below 60 FPS since the update began rolling out. */
  userHoursBelow: number;
  /** Accuracy points × user-hours given up to the lighter variant. */
  accuracyGivenUp: number;
  /** Dollars spent on monitors beyond the global one. */
  monitorCost: number;
}

export interface TeamPart2 extends TeamPartState {
  /** The team's own simulated clock (GAME.md §5 "the clock must not punish talking"): it starts with the team's
   *  first run and holds while a run waits on a decision. Crisis hours (TeamEffects) count on it. */
  hours: number;
  runs: Run[];
  monitor: MonitorState;
  slices: SliceState;
  /** The team's own stream of draws, seeded from its track: same-track teams with the same decisions see
   *  the same fleet. */
  rng: RngState;
}

export interface Part2State extends PartSlice<TeamPart2> {
  /** The part's clock, hours since Part 2 began (its speed is settings.simSpeed): it schedules the host's crises;
   *  each team's fleet runs on its own clock (TeamPart2.hours). */
  hours: number;
}
