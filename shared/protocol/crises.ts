// The crises on the wire (GAME.md §7): their ids, how the host aims them, and what each audience reads of them.
// The catalog itself — what each crisis does to the hidden truth — is game logic, in shared/sim/crises/.
import { z } from 'zod';
import { IdSchema, RidSchema, TrackSchema, type IntentTable } from './common.js';

export const CRISIS_IDS = ['alert-storm', 'rollout-jitter', 'app-os-skew', 'world-drifted', 'traffic-spike', 'dependency-domino', 'deploy-tonight'] as const;
export const CrisisIdSchema = z.enum(CRISIS_IDS);
export type CrisisId = z.infer<typeof CrisisIdSchema>;

/** Who a crisis hits: every team, the teams of one track, or one team. */
export const CrisisTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('track'), track: TrackSchema }),
  z.strictObject({ kind: z.literal('team'), teamId: IdSchema }),
]);
export type CrisisTarget = z.infer<typeof CrisisTargetSchema>;
export type CrisisTargetKind = CrisisTarget['kind'];

/** Simulated hours ahead a crisis may be scheduled. */
export const CRISIS_DELAY_MAX_HOURS = 168;

/**
 * A crisis banner, in the stakeholder's voice; `at` is the simulated hour it struck, on the clock of `part`.
 * `aimed`: the host aimed it at the reader's track or team (not at every team), so it is the reader's own.
 */
export const CrisisBannerSchema = z.object({
  id: CrisisIdSchema,
  title: z.string(),
  text: z.string(),
  at: z.number(),
  part: z.string(),
  aimed: z.boolean(),
});
export type CrisisBanner = z.infer<typeof CrisisBannerSchema>;

/** On the projector: every struck crisis with the teams it hit. */
export const ScreenCrisisSchema = CrisisBannerSchema.extend({ teamIds: z.array(z.string()) });
export type ScreenCrisis = z.infer<typeof ScreenCrisisSchema>;

/** On the host console: every crisis, struck or scheduled, with its target named. */
export const HostCrisisSchema = z.object({
  id: CrisisIdSchema,
  target: z.string(),
  /** The part whose simulated clock `at` counts in ('part2', 'part3'). */
  part: z.string(),
  at: z.number(),
  fired: z.boolean(),
});
export type HostCrisis = z.infer<typeof HostCrisisSchema>;

export const CRISIS_INTENTS = {
  /** A crisis from the catalog, aimed at all teams, a track or a team, now or in simulated hours. */
  'host:crisis': {
    roles: ['host'],
    schema: z.strictObject({
      crisis: CrisisIdSchema,
      target: CrisisTargetSchema,
      inHours: z.number().min(0).max(CRISIS_DELAY_MAX_HOURS).nullable().optional(),
      rid: RidSchema,
    }),
  },
} as const satisfies IntentTable;
