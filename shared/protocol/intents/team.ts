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
  /** A team's reflection on a part; any member may submit it, and resubmit until the host moves on. */
  'team:reflect': {
    roles: ['player'],
    schema: z.strictObject({ part: PartNumberSchema, choice: ChoiceSchema, text: z.string().max(REFLECTION_MAX), rid: RidSchema }),
  },
} as const satisfies IntentTable;
