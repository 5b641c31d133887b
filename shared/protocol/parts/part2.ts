// Part 2 on the wire (GAME.md §5): the canary run's configuration and decisions (intents), and what a team,
// the host and the projector see of the live fleet.
import { z } from 'zod';
import { ALERT_K_MAX, ALERT_K_MIN, ALERT_METRICS, ALERT_MODELS_MAX, SIM_SPEED_MAX, SIM_SPEED_MIN, SKEW_REGIONS } from '../limits.js';
import {
  HostNumericLockSchema,
  NumericRevealSchema,
  ReflectedSchema,
  ReflectionSchema,
  RidSchema,
  TrackSchema,
  type IntentTable,
} from '../common.js';


export const CohortModeSchema = z.enum(['random', 'stratified']);
export type CohortMode = z.infer<typeof CohortModeSchema>;
export const RunOutcomeSchema = z.enum(['running', 'holding', 'rolling-back', 'rolled-back', 'shipped']);

/** A run's configuration: the zero-failure test's C and p, shadow fraction f, cohorts, SPRT. */
export const RunConfigSchema = z.strictObject({
  confidence: z.number().min(0.5).max(0.9999),
  rate: z.number().min(1e-6).max(0.1),
  shadowFraction: z.number().min(0.01).max(1),
  cohortMode: CohortModeSchema,
  sprt: z.boolean(),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

/** How the fleet's alerts page the on-call: one page per alert, per model with alerts, or per fleet check. */
export const AlertAggregationSchema = z.enum(['metric', 'model', 'fleet']);
export type AlertAggregation = z.infer<typeof AlertAggregationSchema>;

/** The app-OS skew's monitors: the global one only, or besides it one per region, per OS version, or per region ×
 *  OS version (a slice). */
export const SliceLevelSchema = z.enum(['global', 'region', 'os', 'slice']);
export type SliceLevel = z.infer<typeof SliceLevelSchema>;
/** The two OS versions on the glasses: the current one and the update that changed the NPU power policy. */
export const OsVersionSchema = z.enum(['current', 'update']);
export type OsVersion = z.infer<typeof OsVersionSchema>;
/** What a team does to one slice: ship the lighter model variant, roll its devices back to the current OS (final),
 *  or run the standard model again. */
export const SliceActionSchema = z.enum(['lighter', 'rollback', 'none']);
export type SliceAction = z.infer<typeof SliceActionSchema>;

/** Part 2's intents. */
export const PART2_INTENTS = {
  /** Start a canary run with a configuration (one run at a time, at most 10). */
  'team:start-run': { roles: ['player'], schema: z.strictObject({ config: RunConfigSchema, rid: RidSchema }) },
  /** Watch the current stage for another window. */
  'team:extend': { roles: ['player'], schema: z.strictObject({ rid: RidSchema }) },
  /** The next stage of the rollout (from 50 % it ships). */
  'team:promote': { roles: ['player'], schema: z.strictObject({ rid: RidSchema }) },
  /** Roll the candidate back — everywhere, or one cohort of a stratified run. */
  'team:rollback': {
    roles: ['player'],
    schema: z.strictObject({ cohortId: z.string().min(1).max(32).nullable().optional(), rid: RidSchema }),
  },
  /** Threshold discovery: per-model thresholds at k·σ of each model's recent noise, or null for the static 3σ. */
  'team:set-thresholds': {
    roles: ['player'],
    schema: z.strictObject({ k: z.number().min(ALERT_K_MIN).max(ALERT_K_MAX).nullable(), rid: RidSchema }),
  },
  'team:set-aggregation': { roles: ['player'], schema: z.strictObject({ aggregation: AlertAggregationSchema, rid: RidSchema }) },
  /** Investigate one model × metric cell of the alert heatmap (spends on-call minutes). */
  'team:investigate': {
    roles: ['player'],
    schema: z.strictObject({ model: z.int().min(0).max(ALERT_MODELS_MAX - 1), metric: z.int().min(0).max(ALERT_METRICS - 1), rid: RidSchema }),
  },
  /** The app-OS skew's monitors (each costs dollars per simulated hour; the global one is always on). */
  'team:set-slice-monitoring': { roles: ['player'], schema: z.strictObject({ level: SliceLevelSchema, rid: RidSchema }) },
  /** A remedy for one region (0–9) × OS slice, once the OS update rolls out. */
  'team:slice-action': {
    roles: ['player'],
    schema: z.strictObject({
      region: z.int().min(0).max(SKEW_REGIONS - 1),
      os: OsVersionSchema,
      action: SliceActionSchema,
      rid: RidSchema,
    }),
  },
  /** Simulated hours per real second (0.25–8). */
  'host:set-speed': {
    roles: ['host'],
    schema: z.strictObject({ speed: z.number().min(SIM_SPEED_MIN).max(SIM_SPEED_MAX), rid: RidSchema }),
  },
} as const satisfies IntentTable;

/** Where a run measures a cohort's latency now: in shadow mode or on a live stage; or why not — shadow mode cannot
 *  run on that hardware, the cohort was rolled back, or the whole run was. */
export const LatencyEvidenceSchema = z.enum(['shadow', 'live', 'no-shadow', 'rolled-back', 'ended']);
export type LatencyEvidence = z.infer<typeof LatencyEvidenceSchema>;

/** The evidence a team had in hand when it decided (GAME.md §5): its Confidence Clock against its run's target C,
 *  the SPRT's verdict when the run uses it (else null), and the failures seen so far among the judged requests
 *  watched, against the run's target rate p. `requests` and `rate` are absent from decisions recorded before
 *  rules v6. */
export const DecisionEvidenceSchema = z.object({
  confidence: z.number(),
  target: z.number(),
  sprt: z.enum(['promote', 'rollback', 'continue']).nullable(),
  failures: z.int(),
  requests: z.int().optional(),
  rate: z.number().optional(),
});
export type DecisionEvidence = z.infer<typeof DecisionEvidenceSchema>;

/**
 * One line of the ops score's breakdown: a decision (promote, ship = promote to 100 %, extend, rollback, one
 * cohort's rollback) with the evidence in hand and the team's simulated hour, or the hidden outcome of a run, or
 * what is taken off for exposure and shadow cost. `judgement`: what the evidence said of the decision (or, for
 * the outcome, whether it turned out well).
 */
export const OpsLineSchema = z.object({
  kind: z.enum(['promote', 'ship', 'extend', 'rollback', 'rollback-cohort', 'outcome', 'undecided', 'exposure', 'cost']),
  /** The stage the run was on when the team decided (−1: shadow mode); null for other lines. */
  stage: z.int().nullable(),
  cohortId: z.string().nullable(),
  at: z.number().nullable(),
  evidence: DecisionEvidenceSchema.nullable(),
  judgement: z.enum(['backed', 'without-evidence', 'cautious', 'against-evidence', 'neutral', 'good', 'bad']),
  points: z.number(),
});
export type OpsLine = z.infer<typeof OpsLineSchema>;

/** One run's points in the ops score; `counts`: the run the canary's score is (a ship, else the best ended run). */
export const RunScoreSchema = z.object({
  run: z.int(),
  result: z.enum(['shipped', 'rolled-back', 'testing']),
  points: z.int(),
  lines: z.array(OpsLineSchema),
  counts: z.boolean(),
});
export type RunScore = z.infer<typeof RunScoreSchema>;

/** A team's Part 2 ops score and how it is made: the canary (its runs) blended with the crises that judge tools. */
export const OpsBreakdownSchema = z.object({
  total: z.int(),
  canary: z.int(),
  runs: z.array(RunScoreSchema),
  crises: z.array(z.object({ crisis: z.enum(['alert-storm', 'app-os-skew']), weight: z.number(), score: z.number() })),
});
export type OpsBreakdown = z.infer<typeof OpsBreakdownSchema>;

/** Where a team's own simulated clock stands (GAME.md §5): before its first run, held while a decision is due,
 *  or running. */
export const TeamClockSchema = z.enum(['not-started', 'held', 'running']);

const SampleSchema = z.object({ hour: z.number(), confidence: z.number(), failures: z.int(), stage: z.int() });

/** One run as its team (and the host) sees it: evidence, instruments' readings, the dashboard's points. */
export const RunViewSchema = z.object({
  number: z.int(),
  config: z.object(RunConfigSchema.shape),
  /** −1 in shadow mode, else an index into the stage plan (1, 5, 25, 50, 100 %). */
  stage: z.int(),
  outcome: RunOutcomeSchema,
  startedAt: z.number(),
  windowEndsAt: z.number(),
  endedAt: z.number().nullable(),
  rollbackUntil: z.number().nullable(),
  /** The Confidence Clock, 0–1, and the target it runs toward. */
  confidence: z.number(),
  /** n*(C, p) of the run's configuration. */
  requiredClean: z.int(),
  /** n: the clean requests behind the Confidence Clock (pooled since the last failure, or the weakest cohort's). */
  clean: z.int(),
  /** How the run's ship was backed when it shipped (below the target without the SPRT's "promote": shipped
   *  without evidence, shown amber); null when it did not ship. */
  shipEvidence: z.enum(['backed', 'without-evidence']).nullable(),
  requests: z.int(),
  failures: z.int(),
  /** Per cohort: only for a stratified run (a random canary pools its evidence). */
  cohorts: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        requests: z.int(),
        failures: z.int(),
        confidence: z.number(),
        excluded: z.boolean(),
        /** Whether the current stage reaches the cohort (shadow mode cannot run everywhere). */
        covered: z.boolean(),
        /** The p99 latency of the candidate's frames there (ms), where the run measures it now; else null. */
        p99Ms: z.number().nullable(),
        latency: LatencyEvidenceSchema,
      }),
    )
    .nullable(),
  /** The p99 latency (ms) of every frame the run measures now, pooled over its cohorts; null when it measures
   *  none. A random canary reads only this one. */
  p99Ms: z.number().nullable(),
  exposure: z.int(),
  shadowCost: z.number(),
  releaseHours: z.number(),
  staleness: z.number(),
  /** The SPRT's state when the run uses it. */
  sprt: z
    .object({
      llr: z.number(),
      promoteAt: z.number(),
      rollbackAt: z.number(),
      decision: z.enum(['promote', 'rollback', 'continue']),
    })
    .nullable(),
  samples: z.array(SampleSchema),
});
export type RunView = z.infer<typeof RunViewSchema>;

/** What a team knows of its fleet: the track's public numbers, never the candidate's hidden rates. */
export const FleetSpecViewSchema = z.object({
  requestsPerHour: z.number(),
  targetConfidence: z.number(),
  targetRate: z.number(),
  maxShadowFraction: z.number(),
  rollbackHoursAtFull: z.number(),
  driftTauHours: z.number(),
  /** A request served later than this (ms) is a failure (Edge Guardian: the 10 ms safety loop). */
  latencyBudgetMs: z.number(),
  cohorts: z.array(z.object({ id: z.string(), name: z.string(), share: z.number(), shadow: z.boolean() })),
});

/** The fleet's monitoring as its team sees it: thresholds, the chapter's arithmetic, the last hour's alerts. */
export const MonitorViewSchema = z.object({
  models: z.int(),
  metrics: z.int(),
  /** The team's discovered k, or null for the static 3σ thresholds. */
  k: z.number().nullable(),
  /** The thresholds in σ of the noise now (a storm shrinks static ones). */
  kEff: z.number(),
  /** Metric noise against calm (4 in an alert storm). */
  noise: z.number(),
  aggregation: AlertAggregationSchema,
  /** False alerts per check and per day at these thresholds (N · M · FPR · 288), and pages a day. */
  falseAlertRate: z.number(),
  alertsPerDay: z.number(),
  pagesPerDay: z.number(),
  capacityPerDay: z.int(),
  /** Alerts per model (rows) × metric (columns) in the last simulated hour. */
  heatmap: z.array(z.array(z.int())),
  investigations: z.array(z.object({ at: z.number(), model: z.int(), metric: z.int(), found: z.boolean() })),
  storm: z.boolean(),
  driftsFound: z.array(z.object({ model: z.int(), metric: z.int(), at: z.number(), foundAt: z.number() })),
  toilMinutes: z.number(),
  overrunPages: z.number(),
});
export type MonitorView = z.infer<typeof MonitorViewSchema>;

/** One series of FPS the team's monitors measure: a region, an OS version, a slice, or the whole fleet. */
export const SliceSeriesSchema = z.object({
  /** The region (0–9) and OS version it covers; null: all of them. */
  region: z.int().nullable(),
  os: OsVersionSchema.nullable(),
  name: z.string(),
  /** Active users it covers now. */
  users: z.int(),
  /** FPS as measured (noisier the fewer users it covers); null while it covers nobody. */
  fps: z.number().nullable(),
  /** Measured below the 60 FPS target. */
  below: z.boolean(),
});
export type SliceSeries = z.infer<typeof SliceSeriesSchema>;

const SliceRemedySchema = z.object({ region: z.int(), os: OsVersionSchema, action: z.enum(['lighter', 'rollback']), at: z.number() });

/** The app-OS skew's instrument as the team sees it: FPS at the granularity it monitors, beside the global mean. */
export const SlicesViewSchema = z.object({
  level: SliceLevelSchema,
  /** Dollars per simulated hour of the chosen monitors (the global one is free), and spent so far. */
  costPerHour: z.number(),
  monitorCost: z.number(),
  targetFps: z.number(),
  /** The simulated hour the OS update began rolling out on the fleet, or null. */
  updateAt: z.number().nullable(),
  global: SliceSeriesSchema,
  /** The series of the chosen level (none at 'global'): 10 regions, 2 OS versions, or 20 slices. */
  series: z.array(SliceSeriesSchema),
  /** Slices on a remedy now, and every decision in order. */
  remedies: z.array(SliceRemedySchema),
  decisions: z.array(z.object({ at: z.number(), region: z.int(), os: OsVersionSchema, action: SliceActionSchema })),
  /** Accuracy given up to the lighter variant so far: accuracy points × user-hours. */
  accuracyGivenUp: z.number(),
});
export type SlicesView = z.infer<typeof SlicesViewSchema>;

/** The skew's hidden truth on a team's fleet (host only): every slice's true users and FPS now. */
export const SkewTruthSchema = z.object({
  at: z.number(),
  slices: z.array(
    z.object({
      region: z.int(),
      os: OsVersionSchema,
      users: z.number(),
      /** True FPS now, after the team's remedy. */
      fps: z.number(),
      below: z.boolean(),
      /** The update throttles this slice below 60 FPS (before any remedy). */
      bad: z.boolean(),
      remedy: z.enum(['lighter', 'rollback']).nullable(),
    }),
  ),
  globalFps: z.number(),
  /** User-hours spent below 60 FPS, accuracy points × user-hours given up, and when the team first treated a bad
   *  slice (null: not yet) — the skew's outcome, 0–100. */
  userHoursBelow: z.number(),
  accuracyGivenUp: z.number(),
  detectedAt: z.number().nullable(),
  delayHours: z.number(),
  score: z.int(),
});
export type SkewTruth = z.infer<typeof SkewTruthSchema>;

export const TeamPart2Schema = z.object({
  prediction: z.int().nullable(),
  lockedByNickname: z.string().nullable(),
  /** The team's own simulated hours: its clock starts with its first run and holds while a decision is due. */
  hours: z.number(),
  clock: TeamClockSchema,
  /** The fleet and the runs arrive only after the team locked. */
  fleet: z
    .object({
      spec: FleetSpecViewSchema,
      runs: z.array(RunViewSchema),
      runsLeft: z.int(),
      /** The run's effective drift time-constant τ (shrunk by "the world drifted"). */
      driftTauHours: z.number(),
      trafficMultiplier: z.number(),
      monitor: MonitorViewSchema,
      slices: SlicesViewSchema,
    })
    .nullable(),
  reveal: NumericRevealSchema.nullable(),
  reflection: ReflectionSchema.nullable(),
  /** The team’s Part 2 ops score (0–100), and how it is made. */
  ops: z.int(),
  opsBreakdown: OpsBreakdownSchema,
});
export type TeamPart2 = z.infer<typeof TeamPart2Schema>;

/** A team's fleet health on the projector and the host console: no hidden truth. */
export const FleetTileSchema = z.object({
  teamId: z.string(),
  /** The team's own simulated hours and where its clock stands. */
  hours: z.number(),
  clock: TeamClockSchema,
  locked: z.boolean(),
  runsUsed: z.int(),
  stage: z.int().nullable(),
  outcome: RunOutcomeSchema.nullable(),
  /** As RunView's: amber "shipped without evidence" when it shipped below the target. */
  shipEvidence: z.enum(['backed', 'without-evidence']).nullable(),
  confidence: z.number(),
  /** The confidence the team's current run aims for (its own C), or null before the first run. */
  targetConfidence: z.number().nullable(),
  failures: z.int(),
  exposure: z.int(),
  releaseHours: z.number(),
  samples: z.array(SampleSchema),
  /** The fleet's alerts a day against the on-call's capacity, and drifts found in a storm. */
  alerts: z.object({ storm: z.boolean(), alertsPerDay: z.number(), capacityPerDay: z.int(), driftsFound: z.int() }),
  /** Rollout jitter: whether it struck, the highest p99 latency (ms) the team's latest run reads (per cohort when
   *  stratified, pooled when random) against the budget, and the cohorts that run rolled back. */
  latency: z.object({ jitter: z.boolean(), budgetMs: z.number(), p99Ms: z.number().nullable(), rolledBack: z.array(z.string()) }),
  /** App-OS skew: whether the update rolls out, the team's monitors, the global and the lowest FPS they measure,
   *  how many of their series read below 60 FPS, and how many slices the team treats. */
  skew: z.object({
    struck: z.boolean(),
    level: SliceLevelSchema,
    globalFps: z.number().nullable(),
    worstFps: z.number().nullable(),
    below: z.int(),
    remedies: z.int(),
  }),
});
export type FleetTile = z.infer<typeof FleetTileSchema>;

export const ScreenPart2Schema = z.object({
  /** The part's clock since Part 2 opened (it schedules crises); each tile has its team's own clock. */
  hours: z.number(),
  tiles: z.array(FleetTileSchema),
  results: z.array(z.object({ teamId: z.string(), track: TrackSchema, reveal: NumericRevealSchema })).nullable(),
  reflected: ReflectedSchema,
});
export type ScreenPart2 = z.infer<typeof ScreenPart2Schema>;

export const HostPart2Schema = z.object({
  /** The part's clock since Part 2 opened: the host's crises are scheduled on it. Each team has its own. */
  hours: z.number(),
  revealed: z.boolean(),
  /** The answer of the lock: n*(0.95, 1/1000). */
  actual: z.int(),
  teams: z.array(
    HostNumericLockSchema.extend({
      runs: z.array(RunViewSchema),
      /** The candidate's hidden failure rate per cohort, after crises, with its true latency: the p99 (ms) and
       *  the share of frames past the budget. Host only. */
      truth: z.array(z.object({ cohort: z.string(), rate: z.number(), bad: z.boolean(), p99Ms: z.number(), pastBudget: z.number() })),
      latencyBudgetMs: z.number(),
      /** The team's monitoring without its heatmap (forty heatmaps a second would be most of the host's bytes). */
      monitor: MonitorViewSchema.omit({ heatmap: true }).nullable(),
      /** The alert storm's hidden drifts, when one struck: host only. */
      drifts: z.array(z.object({ model: z.int(), metric: z.int(), at: z.number(), foundAt: z.number().nullable() })),
      /** The team's skew instrument (after its lock) and, once the skew struck, its hidden truth. */
      slices: SlicesViewSchema.nullable(),
      skew: SkewTruthSchema.nullable(),
      /** The team's own simulated hours and where its clock stands. */
      hours: z.number(),
      clock: TeamClockSchema,
      ops: z.int(),
      opsBreakdown: OpsBreakdownSchema,
    }),
  ),
});
export type HostPart2 = z.infer<typeof HostPart2Schema>;
