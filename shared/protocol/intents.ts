// Every client→server intent: its zod schema, the roles that may send it, and the shape of a successful ack.
// The server validates every payload against its schema before anything else looks at it. The intents are
// grouped by domain (intents/, crises.ts, parts/); this file composes them.
import { z } from 'zod';
import type { Role } from './common.js';
import { CRISIS_INTENTS } from './crises.js';
import { DEBRIEF_INTENTS, DebriefSchema, PredictionTableSchema, ReplayFrameSchema, WhatIfSchema } from './debrief.js';
import type { ErrorCode } from './errors.js';
import { FLOW_INTENTS } from './intents/flow.js';
import { GameCodeSchema, LOBBY_INTENTS } from './intents/lobby.js';
import { TEAM_INTENTS } from './intents/team.js';
import { PART_INTENTS } from './parts/index.js';
import { SPOTLIGHT_INTENTS } from './spotlight.js';
import { ScreenViewSchema, ViewSchema } from './views.js';

export type { Role };
export { GameCodeSchema, SeatTokenSchema } from './intents/lobby.js';

export const INTENTS = {
  ...LOBBY_INTENTS,
  ...FLOW_INTENTS,
  ...TEAM_INTENTS,
  ...CRISIS_INTENTS,
  ...SPOTLIGHT_INTENTS,
  ...PART_INTENTS,
  ...DEBRIEF_INTENTS,
};

export type IntentName = keyof typeof INTENTS;
export type IntentPayload<K extends IntentName> = z.input<(typeof INTENTS)[K]['schema']>;
export type IntentInput<K extends IntentName> = z.infer<(typeof INTENTS)[K]['schema']>;

export const INTENT_NAMES = Object.keys(INTENTS) as IntentName[];

export function isIntentName(name: string): name is IntentName {
  return Object.hasOwn(INTENTS, name);
}

/** The host intents a co-host may not send: the settings (the host's own console keeps them). */
export const COHOST_DENIED: ReadonlySet<IntentName> = new Set<IntentName>([
  'host:set-settings',
  'host:set-team-count',
  'host:set-ask-student-id',
  'host:new-cohost-link',
]);

/** Whether a connection of `role` may send intent `name`: its table's roles, a co-host as a host but the settings. */
export function maySend(name: IntentName, role: Role): boolean {
  const roles = INTENTS[name].roles as readonly Role[];
  if (roles.includes(role)) return true;
  return role === 'cohost' && roles.includes('host') && !COHOST_DENIED.has(name);
}

/** The ack of an intent that returns nothing but success. */
const Done = z.looseObject({});

/** What a successful ack carries: the intents that answer more than "done" are listed. */
const RESULTS = {
  /** The host token, and the secrets of the recovery and co-host links: each sent once, here. */
  'game:create': z.object({ code: GameCodeSchema, hostToken: z.string(), recoveryToken: z.string(), cohostToken: z.string() }),
  /** A session token for the console the link opens; the page connects with it as a host. */
  'game:recover': z.object({ code: GameCodeSchema, token: z.string(), role: z.enum(['host', 'cohost']) }),
  'game:join': z.object({ code: GameCodeSchema, playerId: z.string() }),
  /** The new co-host link's secret, sent once, here. */
  'host:new-cohost-link': z.object({ cohostToken: z.string() }),
  'game:peek': z.object({ askStudentId: z.boolean(), roomLocked: z.boolean() }),
  'sync:snapshot': z.object({ rev: z.int(), view: ViewSchema }),
  'sync:debrief': z.object({ debrief: DebriefSchema }),
  'sync:class-predictions': z.object({ table: PredictionTableSchema }),
  /** The projector's view at the version scrubbed to. */
  'host:replay-seek': z.object({ frame: ReplayFrameSchema, view: ScreenViewSchema }),
  'host:what-if': z.object({ whatIf: WhatIfSchema }),
};
type Results = typeof RESULTS;

export type IntentResult<K extends IntentName> = K extends keyof Results ? z.infer<Results[K]> : z.infer<typeof Done>;

export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
}

export type Ack<T> = ({ ok: true } & T) | Refusal;
