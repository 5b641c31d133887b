// The debrief on the wire (GAME.md §10): the timeline of a game (crises, decisions and outcomes per team on one
// simulated-time axis), each team's canary story, the instructor's talking points, the replay of a finished
// game and its "what if" branches. Built by the server from the game's log (shared/sim/debrief/), never by a page.
import { z } from 'zod';
import { LeaderboardRowSchema, RidSchema, TrackSchema, type IntentTable, type Phase, type Step } from './common.js';
import { LedgerEntrySchema, ScreenViewSchema } from './views.js';

/** The parts that run a simulated clock, whose hours the timeline lays end to end. */
export const ClockPartSchema = z.enum(['part2', 'part3']);
export type ClockPart = z.infer<typeof ClockPartSchema>;

/** What a team's decision can be replaced with in a "what if" (the rules decide whether it applies there). */
export const REPLACEMENTS = [
  'promote',
  'extend',
  'rollback',
  'deploy-v1',
  'deploy-v2',
  'policy-loose',
  'policy-strict',
  'retrain-on',
  'retrain-off',
  'refuse',
  'approve',
  'approve-pinned',
] as const;
export const ReplacementSchema = z.enum(REPLACEMENTS);
export type Replacement = z.infer<typeof ReplacementSchema>;

export const TimelineEntrySchema = z.object({
  /** The game's version right after it happened: where a replay scrubs to, where a "what if" branches. */
  version: z.int(),
  teamId: z.string(),
  part: ClockPartSchema,
  /** The part's simulated clock (the team's own clock where a part keeps one per team). */
  hour: z.number(),
  /** The one axis: Part 2's hours, then Part 3's after Part 2's last hour. */
  axis: z.number(),
  kind: z.enum(['crisis', 'decision', 'outcome']),
  label: z.string(),
  /** For a decision a "what if" may replace: what it may become. Empty otherwise. */
  alternatives: z.array(z.object({ id: ReplacementSchema, label: z.string() })),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** Part 2's canary story of one team: each run's Confidence Clock over the part's hours. */
export const CanaryStorySchema = z.object({
  teamId: z.string(),
  runs: z.array(
    z.object({
      number: z.int(),
      /** The run's target confidence C (0–1). */
      target: z.number(),
      outcome: z.string(),
      /** [hour, confidence 0–1]. */
      points: z.array(z.tuple([z.number(), z.number()])),
    }),
  ),
});
export type CanaryStory = z.infer<typeof CanaryStorySchema>;

/** Something for the instructor to ask or say, computed from the game. `hidden`: it names a hidden truth, so the
 *  presenter-safe console shows it only when the host shows answers. */
export const TalkingPointSchema = z.object({ part: z.int().nullable(), text: z.string(), hidden: z.boolean() });
export type TalkingPoint = z.infer<typeof TalkingPointSchema>;

export const DebriefSchema = z.object({
  /** The game's version the debrief was built at. */
  version: z.int(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), track: TrackSchema })),
  /** Where Part 3's hours start on the axis (null before Part 3), and the axis's last hour. */
  part3From: z.number().nullable(),
  end: z.number(),
  entries: z.array(TimelineEntrySchema),
  stories: z.array(CanaryStorySchema),
  /** Only the host's console gets them (empty for the projector). */
  talkingPoints: z.array(TalkingPointSchema),
  /** Each team's governance ledger, for the projector once Part 3 is revealed (empty before, and for the host,
   *  whose console shows them with Part 3's results). What a team saw of its own ledger: no hidden truth. */
  ledgers: z.array(z.object({ teamId: z.string(), entries: z.array(LedgerEntrySchema) })),
});
export type Debrief = z.infer<typeof DebriefSchema>;

/** One team's lock of one part against the truth, as the debrief shows it. */
export const LockCellSchema = z.object({
  /** "60", "B" or null when the team never locked. */
  predicted: z.string().nullable(),
  actual: z.string(),
  good: z.boolean(),
  /** "×1.22", "right", "wrong" or "not locked". */
  verdict: z.string(),
});
export type LockCell = z.infer<typeof LockCellSchema>;

export const PredictionLineSchema = z.object({
  teamId: z.string(),
  name: z.string(),
  track: TrackSchema,
  /** By part number; absent for a part not revealed. */
  cells: z.object({ 1: LockCellSchema.optional(), 2: LockCellSchema.optional(), 3: LockCellSchema.optional() }),
});
export type PredictionLine = z.infer<typeof PredictionLineSchema>;

/** The class's predictions against the truth: the parts revealed, and a line per team. */
export const PredictionTableSchema = z.object({
  parts: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])),
  lines: z.array(PredictionLineSchema),
});
export type PredictionTable = z.infer<typeof PredictionTableSchema>;

/** One side of a "what if": the leaderboard, and the team's own outcome in plain facts. */
export const BranchOutcomeSchema = z.object({
  leaderboard: z.array(LeaderboardRowSchema),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type BranchOutcome = z.infer<typeof BranchOutcomeSchema>;

export const WhatIfSchema = z.object({
  decision: TimelineEntrySchema,
  teamName: z.string(),
  replacement: z.object({ id: ReplacementSchema, label: z.string() }),
  /** The team's later decisions that the rules refused in the branch (they no longer made sense there). */
  skipped: z.int(),
  live: BranchOutcomeSchema,
  branch: BranchOutcomeSchema,
});
export type WhatIf = z.infer<typeof WhatIfSchema>;

export const REPLAY_SPEEDS = [1, 4, 16, 64] as const;
export const ReplaySpeedSchema = z.union(REPLAY_SPEEDS.map((speed) => z.literal(speed)) as [z.ZodLiteral<1>, z.ZodLiteral<4>, z.ZodLiteral<16>, z.ZodLiteral<64>]);
export type ReplaySpeed = z.infer<typeof ReplaySpeedSchema>;

/** Where a replay stands: the projector shows `view`, the version it was rebuilt at. */
export const ReplayFrameSchema = z.object({
  version: z.int(),
  last: z.int(),
  playing: z.boolean(),
  speed: ReplaySpeedSchema,
  view: ScreenViewSchema,
  /** At the last version: whether the replayed state's hash equals the live game's (null elsewhere). */
  matchesLive: z.boolean().nullable(),
});
export type ReplayFrame = z.infer<typeof ReplayFrameSchema>;

/** What the host drives on the projector after the game: a replay, a "what if", both or neither. */
export const StudioSchema = z.object({ replay: ReplayFrameSchema.nullable(), whatIf: WhatIfSchema.nullable() });
export type Studio = z.infer<typeof StudioSchema>;

/** The largest version a seek may name (a game's log is far shorter). */
export const VERSION_MAX = 10_000_000;
const Bare = z.strictObject({ rid: RidSchema });

export const DEBRIEF_INTENTS = {
  /** The timeline, canary stories and (for the host) talking points, once Part 2 is revealed. */
  'sync:debrief': { roles: ['host', 'screen'], schema: z.strictObject({}) },
  /** A phone's class table of predictions against the truth, at the debrief only (asked once: it no longer
   *  changes, and in every team's view it would be resent to every phone at each presence change). */
  'sync:class-predictions': { roles: ['player'], schema: z.strictObject({}) },
  /** Open the replay of a finished game on the projector (paused at the start). */
  'host:replay-open': { roles: ['host'], schema: Bare },
  'host:replay-play': { roles: ['host'], schema: Bare },
  'host:replay-pause': { roles: ['host'], schema: Bare },
  'host:replay-speed': { roles: ['host'], schema: z.strictObject({ speed: ReplaySpeedSchema, rid: RidSchema }) },
  /** Scrub to a version (e.g. a decision's); the ack carries the projector's view there. */
  'host:replay-seek': { roles: ['host'], schema: z.strictObject({ version: z.int().min(0).max(VERSION_MAX), rid: RidSchema }) },
  'host:replay-close': { roles: ['host'], schema: Bare },
  /** Replace the team decision logged at `version` and replay the rest of the game with the same seeds. */
  'host:what-if': {
    roles: ['host'],
    schema: z.strictObject({ version: z.int().min(1).max(VERSION_MAX), replacement: ReplacementSchema, rid: RidSchema }),
  },
  'host:what-if-clear': { roles: ['host'], schema: Bare },
} as const satisfies IntentTable;

/** Whether the timeline is open at a step: from Part 2's reveal on (before, it would show teams each other's moves). */
export function timelineOpenAt(phase: Phase, step: Step | null): boolean {
  if (phase === 'part3' || phase === 'debrief') return true;
  return phase === 'part2' && step !== null && step !== 'play';
}
