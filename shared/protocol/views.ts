// What the server sends each audience. One schema per audience: a team, the host, the screens (and
// spectators). The projections in shared/sim/project.ts build exactly these shapes.
import { z } from 'zod';
import { TRACK_IDS } from '../sim/tracks.js';

const Track = z.enum(TRACK_IDS);
const Phase = z.enum(['lobby']);

const ViewBase = {
  /** Number of actions applied to the game: views with a lower version than one already seen are stale. */
  version: z.int().min(0),
  code: z.string(),
  phase: Phase,
  roomLocked: z.boolean(),
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

export const TeamViewSchema = z.object({
  audience: z.literal('team'),
  ...ViewBase,
  team: z.object({ id: z.string(), name: z.string(), track: Track, members: z.array(MemberSchema) }),
  teams: z.array(PublicTeamSchema),
});
export type TeamView = z.infer<typeof TeamViewSchema>;

export const HostMemberSchema = MemberSchema.extend({ studentId: z.string().nullable() });
export type HostMember = z.infer<typeof HostMemberSchema>;

export const HostViewSchema = z.object({
  audience: z.literal('host'),
  ...ViewBase,
  settings: z.object({ teamCount: z.int(), askStudentId: z.boolean() }),
  teams: z.array(
    z.object({ id: z.string(), name: z.string(), track: Track, members: z.array(HostMemberSchema) }),
  ),
  kicked: z.array(z.object({ id: z.string(), nickname: z.string() })),
  playerCount: z.int(),
  onlineCount: z.int(),
  screenCount: z.int(),
});
export type HostView = z.infer<typeof HostViewSchema>;

export const ScreenViewSchema = z.object({
  audience: z.literal('screen'),
  ...ViewBase,
  teams: z.array(PublicTeamSchema),
  playerCount: z.int(),
});
export type ScreenView = z.infer<typeof ScreenViewSchema>;

export const ViewSchema = z.discriminatedUnion('audience', [TeamViewSchema, HostViewSchema, ScreenViewSchema]);
export type View = z.infer<typeof ViewSchema>;
