// What the host puts on the projector besides the step's own page (issue 10: "the room sees its reflections"):
// one team's reflection, named by its team only, or how the teams chose — the options of a part's reflection,
// or of a choice lock once it is revealed. Nothing hidden: reflections are the teams' own words, and a lock's
// choices show only after its reveal. At the debrief, which section of the debrief the projector holds (the
// instructor talks through one: "let's look at the ledgers"), or null for the whole deck in turn.
import { z } from 'zod';
import { ChoiceSchema, IdSchema, RidSchema, type IntentTable } from './common.js';
import { PartNumberSchema } from './parts/index.js';

/** The sections of the projector's debrief, in the order the room reads them (src/lib/screen/debrief-slides.ts
 *  gives each its title and its pages). */
export const DEBRIEF_SECTIONS = ['podium', 'tracks', 'standings', 'predictions', 'timeline', 'stories', 'ledgers'] as const;
export const DebriefSectionSchema = z.enum(DEBRIEF_SECTIONS);
export type DebriefSection = z.infer<typeof DebriefSectionSchema>;

export const SpotlightSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reflection'), part: PartNumberSchema, teamId: IdSchema }),
  z.strictObject({ kind: z.literal('choices'), part: PartNumberSchema, of: z.enum(['reflection', 'lock']) }),
  z.strictObject({ kind: z.literal('debrief'), section: DebriefSectionSchema.nullable() }),
]);
export type Spotlight = z.infer<typeof SpotlightSchema>;

const OptionCountSchema = z.object({ choice: ChoiceSchema, text: z.string(), count: z.int().min(0) });

/** The spotlight as the projector (and the host's console) reads it. */
export const SpotlightViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reflection'),
    part: z.int(),
    prompt: z.string(),
    teamName: z.string(),
    choice: ChoiceSchema,
    option: z.string(),
    text: z.string(),
  }),
  z.object({
    kind: z.literal('choices'),
    part: z.int(),
    of: z.enum(['reflection', 'lock']),
    prompt: z.string(),
    options: z.array(OptionCountSchema),
    /** How many teams answered; the teams of the game is the projector's own count. */
    answered: z.int().min(0),
    /** The right option of a revealed choice lock (null for a reflection: it has none). */
    correct: ChoiceSchema.nullable(),
  }),
  z.object({
    kind: z.literal('debrief'),
    /** A section the game may lack (its timeline comes from the server's debrief, not the state): the projector
     *  then turns its whole deck. */
    section: DebriefSectionSchema.nullable(),
  }),
]);
export type SpotlightView = z.infer<typeof SpotlightViewSchema>;

export const SPOTLIGHT_INTENTS = {
  /** Puts a spotlight on the projector, or takes it off (null). */
  'host:spotlight': { roles: ['host'], schema: z.strictObject({ spotlight: SpotlightSchema.nullable(), rid: RidSchema }) },
} as const satisfies IntentTable;
