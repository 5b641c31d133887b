// The wire's shared vocabulary: tracks, phases, steps, choices, the timer, public settings, the leaderboard,
// reflections and reveals. Every schema file of the protocol builds on these; nothing here imports the game.
import { z } from 'zod';
import { REQUEST_ID_MAX } from './limits.js';

/** The four tracks of GAME.md §2 (their cards live in shared/sim/tracks.ts). */
export const TRACK_IDS = ['cloud-titan', 'edge-guardian', 'mobile-nomad', 'tiny-pioneer'] as const;
export type TrackId = (typeof TRACK_IDS)[number];
export const TrackSchema = z.enum(TRACK_IDS);

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

/** A team id ("t1"…) or a player id ("p1"…). */
export const IdSchema = z.string().min(1).max(16);

/** Every host and team intent may carry a request id that makes a retried intent count once. */
export const RidSchema = z.string().min(1).max(REQUEST_ID_MAX).optional();

/**
 * Who a connection is. A co-host (GAME.md §1) opens the host console from the co-host link: the server lets it
 * send every host intent except the settings (COHOST_DENIED in intents.ts).
 */
export type Role = 'guest' | 'host' | 'cohost' | 'player' | 'screen';

/** An intent's entry in a table: who may send it and the schema its payload must pass. */
export type IntentTable = Record<string, { roles: readonly Role[]; schema: z.ZodObject }>;

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
  /** Simulated hours per real second of the parts that run a simulated clock. */
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
  track: TrackSchema,
  learning: z.int(),
  ops: z.int(),
  total: z.int(),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRowSchema>;

export const PublicTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  track: TrackSchema,
  /** Seated players, in join order. Nicknames are public: the screen shows them as teams fill up. */
  members: z.array(z.object({ id: z.string(), nickname: z.string() })),
});
export type PublicTeam = z.infer<typeof PublicTeamSchema>;

export const MemberSchema = z.object({ id: z.string(), nickname: z.string(), online: z.boolean() });
export type Member = z.infer<typeof MemberSchema>;

export const HostMemberSchema = MemberSchema.extend({ studentId: z.string().nullable() });
export type HostMember = z.infer<typeof HostMemberSchema>;

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

/** The chosen option against the right one, once the host has revealed a choice lock. */
export const ChoiceRevealSchema = z.object({
  predicted: ChoiceSchema.nullable(),
  actual: ChoiceSchema,
  correct: z.boolean(),
  /** 100 when correct, else 0. */
  score: z.int(),
});
export type ChoiceReveal = z.infer<typeof ChoiceRevealSchema>;

/** One team's numeric lock as the host reads it: predicted against the truth, live (the host may see hidden
 *  truths), with its reflection. A part's host row extends this. */
export const HostNumericLockSchema = z.object({
  teamId: z.string(),
  prediction: z.int().nullable(),
  lockedByNickname: z.string().nullable(),
  /** Predicted against the truth, with ratio, badge and score: live for the host, final once revealed. */
  reveal: NumericRevealSchema,
  reflection: ReflectionSchema.nullable(),
});

/** Which teams have reflected on a part (never what): for the projector. */
export const ReflectedSchema = z.array(z.object({ teamId: z.string(), reflected: z.boolean() }));
