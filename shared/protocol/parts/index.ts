// The table of parts on the wire: each part's views per audience and its intents, composed into the view
// and intent tables. A new part adds its schema file and one line in each table here.
import { z } from 'zod';
import { HostPart1Schema, ScreenPart1Schema, TeamPart1Schema } from './part1.js';
import { HostPart2Schema, PART2_INTENTS, ScreenPart2Schema, TeamPart2Schema } from './part2.js';
import { HostPart3Schema, PART3_INTENTS, ScreenPart3Schema, TeamPart3Schema } from './part3.js';

/** What each part adds to a team's view (null until the part begins). */
export const TEAM_PART_VIEWS = {
  part1: TeamPart1Schema.nullable(),
  part2: TeamPart2Schema.nullable(),
  part3: TeamPart3Schema.nullable(),
};

/** What each part adds to the host's view. */
export const HOST_PART_VIEWS = {
  part1: HostPart1Schema.nullable(),
  part2: HostPart2Schema.nullable(),
  part3: HostPart3Schema.nullable(),
};

/** What each part adds to the projector's view. */
export const SCREEN_PART_VIEWS = {
  part1: ScreenPart1Schema.nullable(),
  part2: ScreenPart2Schema.nullable(),
  part3: ScreenPart3Schema.nullable(),
};

/** The intents that belong to one part. */
export const PART_INTENTS = { ...PART2_INTENTS, ...PART3_INTENTS };

/** The key of a part in the state and the views: 'part1', 'part2', … */
export type PartId = keyof typeof TEAM_PART_VIEWS;
export const PART_IDS = Object.keys(TEAM_PART_VIEWS) as PartId[];
/** A part's number (1-based, the order of play). */
export const PartNumberSchema = z.int().min(1).max(PART_IDS.length);
