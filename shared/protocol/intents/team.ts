// Intents every part shares (GAME.md §3): a team locks its prediction — a number or one of four options —
// and reflects.
import { z } from 'zod';
import { ChoiceSchema, RidSchema, type IntentTable } from '../common.js';
import { PART_PREDICTION_MAX, PART_PREDICTION_MIN, REFLECTION_MAX } from '../limits.js';
import { PartNumberSchema } from '../parts/index.js';

export const TEAM_INTENTS = {
  /** A team's prediction for a part; any member may lock it, once. Each part's own rule (its range, or a
   *  choice) is checked by the reducer. */
  'team:lock-prediction': {
    roles: ['player'],
    schema: z.strictObject({
      part: PartNumberSchema,
      value: z.union([z.int().min(PART_PREDICTION_MIN).max(PART_PREDICTION_MAX), ChoiceSchema]),
      rid: RidSchema,
    }),
  },
  /** A member proposes the team's prediction for a part (the same rule as a lock's value); the proposer agrees
   *  with it. A new proposal replaces the team's current one and its agreements. Only the team sees it. */
  'team:propose': {
    roles: ['player'],
    schema: z.strictObject({
      part: PartNumberSchema,
      value: z.union([z.int().min(PART_PREDICTION_MIN).max(PART_PREDICTION_MAX), ChoiceSchema]),
      rid: RidSchema,
    }),
  },
  /** A member agrees with the team's current proposal, named by its value (a proposal that changed meanwhile is
   *  refused, never agreed to unseen). When every online member agrees, the server locks it. */
  'team:agree': {
    roles: ['player'],
    schema: z.strictObject({
      part: PartNumberSchema,
      value: z.union([z.int().min(PART_PREDICTION_MIN).max(PART_PREDICTION_MAX), ChoiceSchema]),
      rid: RidSchema,
    }),
  },
  /** A team's reflection on a part; any member may submit it, and resubmit until the host moves on. */
  'team:reflect': {
    roles: ['player'],
    schema: z.strictObject({ part: PartNumberSchema, choice: ChoiceSchema, text: z.string().max(REFLECTION_MAX), rid: RidSchema }),
  },
} as const satisfies IntentTable;
