// What the server sends each audience: a team, the host, the screens (and spectators). The game-wide fields
// are here; each part's fields come from its schema file through the table in parts/index.ts. The
// projections in shared/sim/project.ts build exactly these shapes.
import { z } from 'zod';
import {
  ChoiceSchema,
  HostMemberSchema,
  LeaderboardRowSchema,
  MemberSchema,
  PhaseSchema,
  PublicSettingsSchema,
  PublicTeamSchema,
  StepSchema,
  TimerSchema,
  TrackSchema,
} from './common.js';
import { CrisisBannerSchema, HostCrisisSchema, ScreenCrisisSchema } from './crises.js';
import { HOST_PART_VIEWS, SCREEN_PART_VIEWS, TEAM_PART_VIEWS } from './parts/index.js';
import { SpotlightViewSchema } from './spotlight.js';

export * from './common.js';
export * from './crises.js';
export * from './parts/part1.js';
export * from './parts/part2.js';
export * from './parts/part3.js';
export * from './spotlight.js';
export { PART_IDS, PartNumberSchema, type PartId } from './parts/index.js';

const ViewBase = {
  /** Number of actions applied to the game: a view with a lower version than one already seen is stale. */
  version: z.int().min(0),
  code: z.string(),
  phase: PhaseSchema,
  /** The step within a part; null outside the parts. */
  step: StepSchema.nullable(),
  paused: z.boolean(),
  timer: TimerSchema.nullable(),
  /** The host's warning before the reveal, counting down (null: none). */
  warning: TimerSchema.nullable(),
  roomLocked: z.boolean(),
  settings: PublicSettingsSchema,
  /** The parts this version of the game plays, in order. */
  parts: z.array(z.int()),
  leaderboard: z.array(LeaderboardRowSchema),
};

/** The team's open proposal for the lock of the part in play: only that team ever sees it. */
export const ProposalViewSchema = z.object({
  part: z.int(),
  value: z.union([z.int(), ChoiceSchema]),
  byId: z.string(),
  byNickname: z.string(),
  /** The members who agree, in the order they agreed (the proposer first); members who left are not counted. */
  agreed: z.array(z.object({ id: z.string(), nickname: z.string() })),
});
export type ProposalView = z.infer<typeof ProposalViewSchema>;

export const TeamViewSchema = z.object({
  audience: z.literal('team'),
  ...ViewBase,
  team: z.object({ id: z.string(), name: z.string(), track: TrackSchema, members: z.array(MemberSchema) }),
  teams: z.array(PublicTeamSchema),
  /** The crises that struck this team, in the voice of its stakeholder. */
  crises: z.array(CrisisBannerSchema),
  /** The team's proposal for the lock in play (null when none, once locked, or outside a part's play step). */
  proposal: ProposalViewSchema.nullable(),
  ...TEAM_PART_VIEWS,
});
export type TeamView = z.infer<typeof TeamViewSchema>;

export const HostViewSchema = z.object({
  audience: z.literal('host'),
  ...ViewBase,
  teams: z.array(z.object({ id: z.string(), name: z.string(), track: TrackSchema, members: z.array(HostMemberSchema) })),
  kicked: z.array(z.object({ id: z.string(), nickname: z.string() })),
  playerCount: z.int(),
  onlineCount: z.int(),
  screenCount: z.int(),
  /** Every crisis, struck or scheduled. */
  crises: z.array(HostCrisisSchema),
  /** What the host has put on the projector (null: the step's own page). */
  spotlight: SpotlightViewSchema.nullable(),
  ...HOST_PART_VIEWS,
});
export type HostView = z.infer<typeof HostViewSchema>;

export const ScreenViewSchema = z.object({
  audience: z.literal('screen'),
  ...ViewBase,
  teams: z.array(PublicTeamSchema),
  playerCount: z.int(),
  /** Every struck crisis with the teams it hit. */
  crises: z.array(ScreenCrisisSchema),
  /** What the host has put on the projector over the step's own page (null: none). */
  spotlight: SpotlightViewSchema.nullable(),
  ...SCREEN_PART_VIEWS,
});
export type ScreenView = z.infer<typeof ScreenViewSchema>;

export const ViewSchema = z.discriminatedUnion('audience', [TeamViewSchema, HostViewSchema, ScreenViewSchema]);
export type View = z.infer<typeof ViewSchema>;

/**
 * What a moving simulated clock changes in a view, sent volatile (a dropped one is replaced by the next): the
 * version, the leaderboard, the crises and the running part's own view. A page folds it into its view with
 * { ...view, ...tick } (the audience is dropped).
 */
const TICK_FIELDS = { audience: true, version: true, leaderboard: true, crises: true } as const;
export const TickSchema = z.discriminatedUnion('audience', [
  TeamViewSchema.pick(TICK_FIELDS).extend(z.object(TEAM_PART_VIEWS).partial().shape),
  HostViewSchema.pick(TICK_FIELDS).extend(z.object(HOST_PART_VIEWS).partial().shape),
  ScreenViewSchema.pick(TICK_FIELDS).extend(z.object(SCREEN_PART_VIEWS).partial().shape),
]);
export type Tick = z.infer<typeof TickSchema>;
