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

export const TeamViewSchema = z.object({
  audience: z.literal('team'),
  ...ViewBase,
  team: z.object({ id: z.string(), name: z.string(), track: Track, members: z.array(MemberSchema) }),
  teams: z.array(PublicTeamSchema),
  /** Null until Part 1 begins. */
  part1: TeamPart1Schema.nullable(),
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
});
export type ScreenView = z.infer<typeof ScreenViewSchema>;

export const ViewSchema = z.discriminatedUnion('audience', [TeamViewSchema, HostViewSchema, ScreenViewSchema]);
export type View = z.infer<typeof ViewSchema>;
