// Part 2's state: every team runs canaries of one candidate model on its own simulated fleet.
import type { RngState } from '../../rng.js';
import type { TeamPartState } from '../../state.js';
import type { CRISIS_IDS } from '../../../protocol/views.js';

export type CohortMode = 'random' | 'stratified';

/** What a team chooses before it starts a run. */
export interface RunConfig {
  /** Target confidence C and rate p of the zero-failure test. */
  confidence: number;
  rate: number;
  /** Shadow fraction f of the judged requests the candidate sees in shadow mode. */
  shadowFraction: number;
  cohortMode: CohortMode;
  /** Decide with Wald's SPRT instead of the fixed zero-failure window. */
  sprt: boolean;
}

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
}

/** What crises did to one team's fleet (GAME.md §7). */
export interface FleetEffects {
  /** Rollout jitter: the latency tail on the oldest hardware counts as failures there. */
  jitter: boolean;
  /** Traffic spike: R is multiplied until the given hour. */
  trafficMultiplier: number;
  trafficUntil: number;
  /** The world drifted: τ is multiplied by this factor (< 1 makes evidence go stale faster). */
  driftFactor: number;
}

export interface TeamPart2 extends TeamPartState {
  runs: Run[];
  effects: FleetEffects;
  /** The team's own stream of draws, seeded from its track: same-track teams with the same decisions see
   *  the same fleet. */
  rng: RngState;
}

export type CrisisId = (typeof CRISIS_IDS)[number];

export type CrisisTarget = { kind: 'all' } | { kind: 'track'; track: string } | { kind: 'team'; teamId: string };

export interface CrisisRecord {
  id: CrisisId;
  target: CrisisTarget;
  /** Simulated hour it takes effect. */
  at: number;
  fired: boolean;
}

export interface Part2State {
  /** The simulated clock, hours since Part 2 began (its speed is settings.simSpeed). */
  hours: number;
  teams: Record<string, TeamPart2>;
  crises: CrisisRecord[];
  revealed: boolean;
}
