// Part 1 on the wire (GAME.md §4): what a team, the host and the projector see. Part 1 has no intents of its
// own: teams lock and reflect through the intents every part shares (intents/team.ts).
import { z } from 'zod';
import { HostNumericLockSchema, NumericRevealSchema, ReflectedSchema, ReflectionSchema, TrackSchema } from '../common.js';

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

/** Part 1 for the host: every team's lock and reflection, and the hidden truth per track, live. */
export const HostPart1Schema = z.object({
  revealed: z.boolean(),
  truths: z.array(z.object({ track: TrackSchema, h: z.number(), nStar: z.int() })),
  teams: z.array(HostNumericLockSchema),
});
export type HostPart1 = z.infer<typeof HostPart1Schema>;

/** Part 1 on the projector: who has locked (never what) until the reveal, then everything. */
export const ScreenPart1Schema = z.object({
  locked: z.array(z.object({ teamId: z.string(), locked: z.boolean() })),
  /** After the reveal: each team's track, its h (revealed with N*) and its reveal. */
  results: z.array(z.object({ teamId: z.string(), track: TrackSchema, h: z.number(), reveal: NumericRevealSchema })).nullable(),
  reflected: ReflectedSchema,
});
export type ScreenPart1 = z.infer<typeof ScreenPart1Schema>;
