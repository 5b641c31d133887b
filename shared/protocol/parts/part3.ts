// Part 3 on the wire (GAME.md §6): the ensemble's versioning decisions (intents), and what a team, the host and
// the projector see of each team's upstream → downstream pair, its feature store and its governance ledger.
import { z } from 'zod';
import { ChoiceRevealSchema, ChoiceSchema, ReflectedSchema, ReflectionSchema, RidSchema, TrackSchema, type IntentTable } from '../common.js';

/** A version of the upstream's output features (and of the features a downstream model was trained on). */
export const FeatureVersionSchema = z.enum(['v1', 'v2']);
export type FeatureVersion = z.infer<typeof FeatureVersionSchema>;

/** Loose: the downstream reads whatever the upstream serves. Strict: it reads the features of its contract. */
export const VersioningPolicySchema = z.enum(['loose', 'strict']);
export type VersioningPolicy = z.infer<typeof VersioningPolicySchema>;

/** The team's answer to the stakeholder challenge "deploy the new extractor tonight". */
export const ChallengeAnswerSchema = z.enum(['refuse', 'approve', 'approve-pinned']);
export type ChallengeAnswer = z.infer<typeof ChallengeAnswerSchema>;

/** How a PSI reads: < 0.1 stable, 0.1–0.25 watch, ≥ 0.25 act. */
export const PsiBandSchema = z.enum(['stable', 'watch', 'act']);
export type PsiBand = z.infer<typeof PsiBandSchema>;

/** Which two feature distributions a PSI compares (Part 3 shows two PSIs that read alike and differ):
 *  `training-serving`, the features the serving downstream was trained on against those it reads now (the skew it
 *  suffers: 0 while it reads its own); `v1-v2`, upstream v1's output against v2's (the skew a downstream trained
 *  on v1 would suffer if it read v2: 0.32 by design). Named in words by PSI_NAMES (parts/part3/content.ts). */
export const PsiComparisonSchema = z.enum(['training-serving', 'v1-v2']);
export type PsiComparison = z.infer<typeof PsiComparisonSchema>;

/** Part 3's intents: every one a versioning decision that goes into the team's ledger. */
export const PART3_INTENTS = {
  /** The upstream serves v2 ("Deploy v2") or goes back to v1 ("Roll back to v1"). */
  'team:deploy-upstream': { roles: ['player'], schema: z.strictObject({ version: FeatureVersionSchema, rid: RidSchema }) },
  /** Start retraining the downstream on v2 features (true) or cancel a retraining in progress (false). */
  'team:retrain': { roles: ['player'], schema: z.strictObject({ on: z.boolean(), rid: RidSchema }) },
  'team:set-policy': { roles: ['player'], schema: z.strictObject({ policy: VersioningPolicySchema, rid: RidSchema }) },
  /** The feature-store consistency check: training against serving features (and validation of a retrained
   *  model under a strict contract). */
  'team:consistency-check': { roles: ['player'], schema: z.strictObject({ rid: RidSchema }) },
  'team:answer-challenge': { roles: ['player'], schema: z.strictObject({ answer: ChallengeAnswerSchema, rid: RidSchema }) },
} as const satisfies IntentTable;

/** A PSI with its reading. */
const PsiSchema = z.object({ value: z.number(), band: PsiBandSchema });

/** One run of the consistency check, with the two distributions it compared (10 bins, shares summing to 1). */
export const ConsistencyCheckSchema = z.object({
  at: z.number(),
  byNickname: z.string(),
  /** Features the serving downstream model was trained on, and the features it reads. */
  trainedOn: FeatureVersionSchema,
  serving: FeatureVersionSchema,
  training: z.array(z.number()),
  served: z.array(z.number()),
  /** The training-serving PSI: `training` against `served`. */
  psi: PsiSchema,
  /** While the downstream is still on v1 features, the v1 → v2 PSI: its training features against the upstream's
   *  v2 output. */
  againstV2: PsiSchema.nullable(),
  /** A retrained model was validated by this check (strict contracts: the pin moved to features_v2). */
  validated: z.boolean(),
});
export type ConsistencyCheck = z.infer<typeof ConsistencyCheckSchema>;

export const LedgerKindSchema = z.enum([
  'policy',
  'deploy',
  'rollback',
  'retrain-start',
  'retrain-cancel',
  'retrain-done',
  'check',
  'validated',
  'challenge',
  'answer',
  'auto-update',
  'deadline',
]);
export type LedgerKind = z.infer<typeof LedgerKindSchema>;

/** One entry of a team's governance ledger: a decision or an event, with the evidence the team had then. */
export const LedgerEntrySchema = z.object({
  at: z.number(),
  kind: LedgerKindSchema,
  /** Who decided (null for an event: a retraining that finished, an auto-update, a deadline). */
  byNickname: z.string().nullable(),
  text: z.string(),
  /** The latest consistency check before the entry, if any: the evidence in hand, the PSI that check showed for
   *  the decision (the v1 → v2 PSI while the downstream is on v1 features, else the training-serving PSI). */
  evidence: z.object({ at: z.number(), psi: z.number(), compares: PsiComparisonSchema }).nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** The pair and the track's public numbers (never the hidden metric of untrained v2 features). */
export const EnsembleSpecSchema = z.object({
  upstream: z.string(),
  downstream: z.string(),
  /** The downstream's metric (e.g. "relevance") and the upstream's own (e.g. "recall@10"). */
  metric: z.string(),
  upstreamMetric: z.string(),
  upstreamUnit: z.string(),
  /** The downstream's metric when trained on v1 features and served v1 features, in percent. */
  trained: z.number(),
  floor: z.number(),
  retrainHours: z.number(),
  pipelineCostPerHour: z.number(),
  labelledPerHour: z.int(),
});

export const SystemSampleSchema = z.object({ hour: z.number(), measured: z.number().nullable() });

/** The Ensemble Trace as a team sees it: measured, not the truth. */
export const TraceSchema = z.object({
  /** The serving upstream's own metric: it improves with v2. */
  upstreamMetric: z.number(),
  /** The training-serving PSI: the serving downstream's training features against the features it reads now. */
  psi: PsiSchema,
  /** What the downstream reports of itself: its offline validation metric (it raises no error). */
  downstreamReported: z.number(),
  /** The system metric measured end to end on labelled requests over the last few simulated hours. */
  system: z.object({ measured: z.number().nullable(), labelled: z.int(), correct: z.int(), windowHours: z.number() }),
  /** The measured system metric is below the floor while every component reports healthy. */
  silent: z.boolean(),
});
export type Trace = z.infer<typeof TraceSchema>;

export const ChallengeViewSchema = z.object({
  /** The simulated hour it was put. */
  at: z.number(),
  /** Seconds of play left to answer, as of the last tick: real time whatever the host's speed, held while paused. */
  secondsLeft: z.number(),
  answer: z.object({ answer: ChallengeAnswerSchema, at: z.number(), byNickname: z.string(), evidence: z.boolean() }).nullable(),
  /** Nobody answered in time: the software lead deployed v2. */
  lapsed: z.boolean(),
});
export type ChallengeView = z.infer<typeof ChallengeViewSchema>;

/** A team's ensemble: its decisions' state, the instruments, the ledger. */
export const EnsembleSchema = z.object({
  spec: EnsembleSpecSchema,
  upstream: FeatureVersionSchema,
  policy: VersioningPolicySchema,
  /** The features the serving downstream model was trained on, and the features it reads now. */
  model: FeatureVersionSchema,
  reads: FeatureVersionSchema,
  /** A retraining on v2 features: in progress until `until`, or done and (under a strict contract) awaiting
   *  validation by a consistency check. */
  retrain: z.object({ startedAt: z.number(), until: z.number(), done: z.boolean() }).nullable(),
  /** Feature pipelines running now (2 while a strict contract keeps features_v1 beside v2). */
  pipelines: z.int(),
  pipelineCost: z.number(),
  trace: TraceSchema,
  check: ConsistencyCheckSchema.nullable(),
  challenge: ChallengeViewSchema.nullable(),
  samples: z.array(SystemSampleSchema),
  ledger: z.array(LedgerEntrySchema),
});
export type Ensemble = z.infer<typeof EnsembleSchema>;

/** The hidden truth of a team's ensemble and its outcome: the host's always, everyone's after the reveal. */
export const EnsembleOutcomeSchema = z.object({
  /** Points of the downstream metric lost per unit of PSI. */
  s: z.number(),
  /** The true system metric now. */
  system: z.number(),
  silentNow: z.boolean(),
  silentHours: z.number(),
  /** Σ (floor − system metric) · hours while below the floor. */
  belowFloorPointHours: z.number(),
  /** Whether the team runs the upgraded ensemble: upstream v2, downstream retrained on v2 features. */
  upgraded: z.boolean(),
});
export type EnsembleOutcome = z.infer<typeof EnsembleOutcomeSchema>;

export const TeamPart3Schema = z.object({
  prediction: ChoiceSchema.nullable(),
  lockedByNickname: z.string().nullable(),
  hours: z.number(),
  /** Simulated hours per real second now (the part's pace × the host's speed). */
  hoursPerSecond: z.number(),
  /** The ensemble and its instruments arrive only after the team locked. */
  ensemble: EnsembleSchema.nullable(),
  reveal: ChoiceRevealSchema.nullable(),
  /** The truth of the team's ensemble, after the reveal. */
  outcome: EnsembleOutcomeSchema.nullable(),
  reflection: ReflectionSchema.nullable(),
  /** The team's Part 3 ops score: 0 until the reveal (it is made of the hidden truth: silent-failure hours). */
  ops: z.int(),
});
export type TeamPart3 = z.infer<typeof TeamPart3Schema>;

/** A team's ensemble on the projector: decisions and what its monitoring measures, no hidden truth. */
export const EnsembleTileSchema = z.object({
  teamId: z.string(),
  locked: z.boolean(),
  policy: VersioningPolicySchema,
  upstream: FeatureVersionSchema,
  model: FeatureVersionSchema,
  retraining: z.boolean(),
  measured: z.number().nullable(),
  floor: z.number(),
  silent: z.boolean(),
  challenge: z.enum(['none', 'open', 'answered', 'lapsed']),
  /** While the challenge is open: seconds of play left to answer (real time); else null. */
  challengeSecondsLeft: z.number().nullable(),
});
export type EnsembleTile = z.infer<typeof EnsembleTileSchema>;

export const ScreenPart3Schema = z.object({
  hours: z.number(),
  hoursPerSecond: z.number(),
  tiles: z.array(EnsembleTileSchema),
  /** After the reveal: how many teams chose each option, and every team's lock and ensemble outcome. */
  results: z
    .object({
      actual: ChoiceSchema,
      counts: z.object({ a: z.int(), b: z.int(), c: z.int(), d: z.int() }),
      teams: z.array(z.object({ teamId: z.string(), track: TrackSchema, reveal: ChoiceRevealSchema, outcome: EnsembleOutcomeSchema })),
    })
    .nullable(),
  reflected: ReflectedSchema,
});
export type ScreenPart3 = z.infer<typeof ScreenPart3Schema>;

export const HostPart3Schema = z.object({
  hours: z.number(),
  hoursPerSecond: z.number(),
  revealed: z.boolean(),
  actual: ChoiceSchema,
  teams: z.array(
    z.object({
      teamId: z.string(),
      prediction: ChoiceSchema.nullable(),
      lockedByNickname: z.string().nullable(),
      reveal: ChoiceRevealSchema,
      ensemble: EnsembleSchema,
      outcome: EnsembleOutcomeSchema,
      /** Live, on the hidden truth; the leaderboard adds it only at the reveal. */
      ops: z.int(),
      reflection: ReflectionSchema.nullable(),
    }),
  ),
});
export type HostPart3 = z.infer<typeof HostPart3Schema>;
