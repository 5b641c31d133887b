// What the server sends each audience. One schema per audience: a team, the host, the screens (and
// spectators). The projections in shared/sim/project.ts build exactly these shapes.
import { z } from 'zod';
import { TRACK_IDS } from '../sim/tracks.js';

const Track = z.enum(TRACK_IDS);

export const PHASES = ['lobby', 'briefing', 'part1', 'part2', 'part3', 'debrief'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

/** The steps of every part: teams lock then work (per team), the host reveals, teams reflect. */
export const STEPS = ['play', 'reveal', 'reflect'] as const;
export const StepSchema = z.enum(STEPS);
export type Step = z.infer<typeof StepSchema>;

/** The answer options of a structured reflection or a choice lock. */
export const CHOICES = ['a', 'b', 'c', 'd'] as const;
export const ChoiceSchema = z.enum(CHOICES);
export type Choice = z.infer<typeof ChoiceSchema>;

/**
 * A part's countdown. Times are the server's milliseconds since the epoch; a page corrects for its own clock
 * with `hello.serverTime`. Running: ends at runningSince + remainingMs. Paused or stopped: runningSince null.
 */
export const TimerSchema = z.object({
  durationMs: z.int().min(0),
  remainingMs: z.int().min(0),
  runningSince: z.number().nullable(),
  expired: z.boolean(),
});
export type Timer = z.infer<typeof TimerSchema>;

/** Settings every audience may read (they appear in the questions). */
export const PublicSettingsSchema = z.object({
  teamCount: z.int(),
  askStudentId: z.boolean(),
  /** Platform capex in dollars. */
  capex: z.int(),
  /** Engineer cost in dollars per hour. */
  engineerCost: z.int(),
  /** Minutes per part, or null for no timer. */
  timerMinutes: z.int().nullable(),
  /** When the timer runs out: reveal at once (true) or wait for the host (false). */
  autoAdvance: z.boolean(),
  /** Part 2's simulated hours per real second. */
  simSpeed: z.number(),
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

export const LeaderboardRowSchema = z.object({
  /** 1-based position overall; ties are broken by team order, so positions are unique. */
  rank: z.int(),
  /** 1-based position among the teams of the same track. */
  trackRank: z.int(),
  teamId: z.string(),
  name: z.string(),
  track: Track,
  learning: z.int(),
  ops: z.int(),
  total: z.int(),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRowSchema>;

const ViewBase = {
  /** Number of actions applied to the game: a view with a lower version than one already seen is stale. */
  version: z.int().min(0),
  code: z.string(),
  phase: PhaseSchema,
  /** The step within a part; null outside the parts. */
  step: StepSchema.nullable(),
  paused: z.boolean(),
  timer: TimerSchema.nullable(),
  roomLocked: z.boolean(),
  settings: PublicSettingsSchema,
  /** The parts this version of the game plays, in order (parts not built yet are skipped). */
  parts: z.array(z.int()),
  leaderboard: z.array(LeaderboardRowSchema),
};

export const PublicTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  track: Track,
  /** Seated players, in join order. Nicknames are public: the screen shows them as teams fill up. */
  members: z.array(z.object({ id: z.string(), nickname: z.string() })),
});
export type PublicTeam = z.infer<typeof PublicTeamSchema>;

export const MemberSchema = z.object({ id: z.string(), nickname: z.string(), online: z.boolean() });
export type Member = z.infer<typeof MemberSchema>;

/** A team's reflection on a part: one of four structured answers and a justification. */
export const ReflectionSchema = z.object({ choice: ChoiceSchema, text: z.string(), byNickname: z.string() });
export type Reflection = z.infer<typeof ReflectionSchema>;

/** Predicted against actual, once the host has revealed a numeric lock. */
export const NumericRevealSchema = z.object({
  predicted: z.int().nullable(),
  actual: z.int(),
  /** actual / predicted; null when the team never locked. */
  ratio: z.number().nullable(),
  /** |ratio − 1| < 0.3 */
  within30: z.boolean(),
  /** The learning score of the lock (0–100). */
  score: z.int(),
});
export type NumericReveal = z.infer<typeof NumericRevealSchema>;

/** Part 1 as one team sees it. The workbench arrives only after the team locked; the truth only at reveal. */
export const TeamPart1Schema = z.object({
  prediction: z.int().nullable(),
  lockedByNickname: z.string().nullable(),
  workbench: z
    .object({
      /** The track's current model count (the N slider starts here). */
      n0: z.int(),
      /** The track's heterogeneity (the h slider starts here). */
      h: z.number(),
      capex: z.int(),
      engineerCost: z.int(),
      capacityHours: z.int(),
    })
    .nullable(),
  reveal: NumericRevealSchema.nullable(),
  reflection: ReflectionSchema.nullable(),
});
export type TeamPart1 = z.infer<typeof TeamPart1Schema>;

// ── Part 2: canary duration and the live fleet ─────────────────────────────────────────────────────────

export const CohortModeSchema = z.enum(['random', 'stratified']);
export const RunOutcomeSchema = z.enum(['running', 'holding', 'rolling-back', 'rolled-back', 'shipped']);
export const CRISIS_IDS = ['rollout-jitter', 'world-drifted', 'traffic-spike'] as const;
export const CrisisIdSchema = z.enum(CRISIS_IDS);

export const RunConfigViewSchema = z.object({
  confidence: z.number(),
  rate: z.number(),
  shadowFraction: z.number(),
  cohortMode: CohortModeSchema,
  sprt: z.boolean(),
});

/** One run as its team (and the host) sees it: evidence, instruments' readings, the dashboard's points. */
export const RunViewSchema = z.object({
  number: z.int(),
  config: RunConfigViewSchema,
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
      }),
    )
    .nullable(),
  exposure: z.int(),
  shadowCost: z.number(),
  releaseHours: z.number(),
  staleness: z.number(),
  /** The SPRT's state when the run uses it. */
  sprt: z.object({ llr: z.number(), promoteAt: z.number(), rollbackAt: z.number(), decision: z.enum(['promote', 'rollback', 'continue']) }).nullable(),
  samples: z.array(z.object({ hour: z.number(), confidence: z.number(), failures: z.int(), stage: z.int() })),
});
export type RunView = z.infer<typeof RunViewSchema>;

/** A crisis banner, in the stakeholder's voice. */
export const CrisisBannerSchema = z.object({ id: CrisisIdSchema, title: z.string(), text: z.string(), at: z.number() });
export type CrisisBanner = z.infer<typeof CrisisBannerSchema>;

/** What a team knows of its fleet: the track's public numbers, never the candidate's hidden rates. */
export const FleetSpecViewSchema = z.object({
  requestsPerHour: z.number(),
  targetConfidence: z.number(),
  targetRate: z.number(),
  maxShadowFraction: z.number(),
  rollbackHoursAtFull: z.number(),
  driftTauHours: z.number(),
  cohorts: z.array(z.object({ id: z.string(), name: z.string(), share: z.number(), shadow: z.boolean() })),
});

export const TeamPart2Schema = z.object({
  prediction: z.int().nullable(),
  lockedByNickname: z.string().nullable(),
  /** Simulated hours since Part 2 began. */
  hours: z.number(),
  /** The fleet and the runs arrive only after the team locked. */
  fleet: z
    .object({
      spec: FleetSpecViewSchema,
      runs: z.array(RunViewSchema),
      runsLeft: z.int(),
      /** The run's effective drift time-constant τ (shrunk by "the world drifted"). */
      driftTauHours: z.number(),
      trafficMultiplier: z.number(),
    })
    .nullable(),
  crises: z.array(CrisisBannerSchema),
  reveal: NumericRevealSchema.nullable(),
  reflection: ReflectionSchema.nullable(),
  ops: z.int(),
});
export type TeamPart2 = z.infer<typeof TeamPart2Schema>;

/** A team's fleet health on the projector and the host console: no hidden truth. */
export const FleetTileSchema = z.object({
  teamId: z.string(),
  locked: z.boolean(),
  runsUsed: z.int(),
  stage: z.int().nullable(),
  outcome: RunOutcomeSchema.nullable(),
  confidence: z.number(),
  /** The confidence the team's current run aims for (its own C), or null before the first run. */
  targetConfidence: z.number().nullable(),
  failures: z.int(),
  exposure: z.int(),
  releaseHours: z.number(),
  samples: z.array(z.object({ hour: z.number(), confidence: z.number(), failures: z.int(), stage: z.int() })),
});
export type FleetTile = z.infer<typeof FleetTileSchema>;

export const ScreenPart2Schema = z.object({
  hours: z.number(),
  tiles: z.array(FleetTileSchema),
  crises: z.array(CrisisBannerSchema.extend({ teamIds: z.array(z.string()) })),
  results: z.array(z.object({ teamId: z.string(), track: Track, prediction: z.int().nullable(), actual: z.int() })).nullable(),
  /** Which teams have reflected (never what). */
  reflected: z.array(z.object({ teamId: z.string(), reflected: z.boolean() })),
});
export type ScreenPart2 = z.infer<typeof ScreenPart2Schema>;

export const HostPart2Schema = z.object({
  hours: z.number(),
  /** The answer of the lock: n*(0.95, 1/1000). */
  actual: z.int(),
  teams: z.array(
    z.object({
      teamId: z.string(),
      prediction: z.int().nullable(),
      lockedByNickname: z.string().nullable(),
      runs: z.array(RunViewSchema),
      /** The candidate's hidden failure rate per cohort, after crises: host only. */
      truth: z.array(z.object({ cohort: z.string(), rate: z.number(), bad: z.boolean() })),
      ops: z.int(),
      reflection: ReflectionSchema.nullable(),
    }),
  ),
  crises: z.array(
    z.object({ id: CrisisIdSchema, target: z.string(), at: z.number(), fired: z.boolean() }),
  ),
});
export type HostPart2 = z.infer<typeof HostPart2Schema>;

export const TeamViewSchema = z.object({
  audience: z.literal('team'),
  ...ViewBase,
  team: z.object({ id: z.string(), name: z.string(), track: Track, members: z.array(MemberSchema) }),
  teams: z.array(PublicTeamSchema),
  /** Null until Part 1 begins. */
  part1: TeamPart1Schema.nullable(),
  /** Null until Part 2 begins. */
  part2: TeamPart2Schema.nullable(),
});
export type TeamView = z.infer<typeof TeamViewSchema>;

export const HostMemberSchema = MemberSchema.extend({ studentId: z.string().nullable() });
export type HostMember = z.infer<typeof HostMemberSchema>;

/** Part 1 for the host: every team's lock and reflection, and the hidden truth per track, live. */
export const HostPart1Schema = z.object({
  truths: z.array(z.object({ track: Track, h: z.number(), nStar: z.int() })),
  teams: z.array(
    z.object({
      teamId: z.string(),
      prediction: z.int().nullable(),
      lockedByNickname: z.string().nullable(),
      actual: z.int(),
      /** The lock's score once revealed. */
      score: z.int().nullable(),
      reflection: ReflectionSchema.nullable(),
    }),
  ),
});
export type HostPart1 = z.infer<typeof HostPart1Schema>;

export const HostViewSchema = z.object({
  audience: z.literal('host'),
  ...ViewBase,
  teams: z.array(
    z.object({ id: z.string(), name: z.string(), track: Track, members: z.array(HostMemberSchema) }),
  ),
  kicked: z.array(z.object({ id: z.string(), nickname: z.string() })),
  playerCount: z.int(),
  onlineCount: z.int(),
  screenCount: z.int(),
  part1: HostPart1Schema.nullable(),
  part2: HostPart2Schema.nullable(),
});
export type HostView = z.infer<typeof HostViewSchema>;

/** Part 1 on the projector: who has locked (never what) until the reveal, then everything. */
export const ScreenPart1Schema = z.object({
  locked: z.array(z.object({ teamId: z.string(), locked: z.boolean() })),
  results: z
    .array(z.object({ teamId: z.string(), track: Track, prediction: z.int().nullable(), actual: z.int() }))
    .nullable(),
  reflected: z.array(z.object({ teamId: z.string(), reflected: z.boolean() })),
});
export type ScreenPart1 = z.infer<typeof ScreenPart1Schema>;

export const ScreenViewSchema = z.object({
  audience: z.literal('screen'),
  ...ViewBase,
  teams: z.array(PublicTeamSchema),
  playerCount: z.int(),
  part1: ScreenPart1Schema.nullable(),
  part2: ScreenPart2Schema.nullable(),
});
export type ScreenView = z.infer<typeof ScreenViewSchema>;

export const ViewSchema = z.discriminatedUnion('audience', [TeamViewSchema, HostViewSchema, ScreenViewSchema]);
export type View = z.infer<typeof ViewSchema>;

