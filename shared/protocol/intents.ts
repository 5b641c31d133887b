// Every client→server intent: its zod schema, the roles that may send it, and the shape of a successful ack.
// The server validates every payload against its schema before anything else looks at it.
import { z } from 'zod';
import { TRACK_IDS } from '../sim/tracks.js';
import { ChoiceSchema, CrisisIdSchema } from './views.js';
import { CrisisTargetSchema, RunConfigSchema } from '../sim/actions.js';
import { SIM_SPEED_MAX, SIM_SPEED_MIN } from '../sim/constants.js';
import {
  GAME_CODE_ALPHABET,
  GAME_CODE_LENGTH,
  CAPEX_MAX,
  ENGINEER_COST_MAX,
  ENGINEER_COST_MIN,
  EXTEND_MINUTES_MAX,
  PART1_PREDICTION_MAX,
  PART1_PREDICTION_MIN,
  PART2_PREDICTION_MAX,
  PART2_PREDICTION_MIN,
  REFLECTION_MAX,
  REQUEST_ID_MAX,
  STUDENT_ID_MAX,
  TIMER_MINUTES_MAX,
  TEAM_COUNT_MAX,
  TEAM_COUNT_MIN,
} from './limits.js';
import type { ErrorCode } from './errors.js';
import { ViewSchema } from './views.js';

export type Role = 'guest' | 'host' | 'player' | 'screen';

/** A client-chosen id that makes a retried intent count once (the idempotency key). */
const rid = z.string().min(1).max(REQUEST_ID_MAX).optional();
const Id = z.string().min(1).max(16);
/** Raw names are checked after normalization; this bound only stops absurd payloads early. */
const RawName = z.string().max(200);

export const GameCodeSchema = z
  .string()
  .length(GAME_CODE_LENGTH)
  .regex(new RegExp(`^[${GAME_CODE_ALPHABET}]+$`));

/**
 * The seat token is drawn by the browser (32 random bytes, base64url) and sent with the join; the server keeps
 * only its hash. A join retried after a lost ack carries the same token, so it lands on the same seat.
 */
export const SeatTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const INTENTS = {
  'game:create': {
    roles: ['guest'],
    schema: z.strictObject({
      teamCount: z.int().min(TEAM_COUNT_MIN).max(TEAM_COUNT_MAX).optional(),
      askStudentId: z.boolean().optional(),
    }),
  },
  'game:join': {
    roles: ['guest'],
    schema: z.strictObject({
      code: GameCodeSchema,
      nickname: RawName,
      studentId: z.string().max(STUDENT_ID_MAX).optional(),
      seatToken: SeatTokenSchema,
    }),
  },
  /** What the join form needs to know before joining: whether to ask for a student id, whether it is open. */
  'game:peek': { roles: ['guest'], schema: z.strictObject({ code: GameCodeSchema }) },
  'sync:snapshot': { roles: ['host', 'player', 'screen'], schema: z.strictObject({}) },
  'host:set-team-count': {
    roles: ['host'],
    schema: z.strictObject({ count: z.int().min(TEAM_COUNT_MIN).max(TEAM_COUNT_MAX), rid }),
  },
  'host:set-ask-student-id': { roles: ['host'], schema: z.strictObject({ ask: z.boolean(), rid }) },
  'host:move-player': { roles: ['host'], schema: z.strictObject({ playerId: Id, teamId: Id, rid }) },
  'host:rename-team': { roles: ['host'], schema: z.strictObject({ teamId: Id, name: RawName, rid }) },
  'host:set-track': {
    roles: ['host'],
    schema: z.strictObject({ teamId: Id, track: z.enum(TRACK_IDS), rid }),
  },
  'host:lock-room': { roles: ['host'], schema: z.strictObject({ locked: z.boolean(), rid }) },
  'host:kick': { roles: ['host'], schema: z.strictObject({ playerId: Id, rid }) },
  'host:balance-teams': { roles: ['host'], schema: z.strictObject({ rid }) },
  /** Game settings, before the parts begin (lobby and briefing). */
  'host:set-settings': {
    roles: ['host'],
    schema: z.strictObject({
      capex: z.int().min(0).max(CAPEX_MAX).optional(),
      engineerCost: z.int().min(ENGINEER_COST_MIN).max(ENGINEER_COST_MAX).optional(),
      timerMinutes: z.int().min(1).max(TIMER_MINUTES_MAX).nullable().optional(),
      autoAdvance: z.boolean().optional(),
      rid,
    }),
  },
  /** Lobby → briefing. */
  'host:start': { roles: ['host'], schema: z.strictObject({ rid }) },
  /** The next step: briefing → part, play → reveal → reflect → next part or debrief. */
  'host:next': { roles: ['host'], schema: z.strictObject({ rid }) },
  /** Play → reveal (the same as Next during play, named for the button). */
  'host:reveal': { roles: ['host'], schema: z.strictObject({ rid }) },
  'host:pause': { roles: ['host'], schema: z.strictObject({ rid }) },
  'host:resume': { roles: ['host'], schema: z.strictObject({ rid }) },
  'host:extend-timer': {
    roles: ['host'],
    schema: z.strictObject({ minutes: z.int().min(1).max(EXTEND_MINUTES_MAX), rid }),
  },
  /** A team's numeric prediction for a part; any member may lock it, once. */
  'team:lock-prediction': {
    roles: ['player'],
    schema: z.strictObject({
      part: z.union([z.literal(1), z.literal(2)]),
      /** Each part's own range is checked by the reducer (Part 1: 1–500, Part 2: 1–1,000,000). */
      value: z.int().min(Math.min(PART1_PREDICTION_MIN, PART2_PREDICTION_MIN)).max(Math.max(PART1_PREDICTION_MAX, PART2_PREDICTION_MAX)),
      rid,
    }),
  },
  /** A team's reflection on a part; any member may submit it, and resubmit until the host moves on. */
  'team:reflect': {
    roles: ['player'],
    schema: z.strictObject({
      part: z.union([z.literal(1), z.literal(2)]),
      choice: ChoiceSchema,
      text: z.string().max(REFLECTION_MAX),
      rid,
    }),
  },
  /** Part 2: start a canary run with a configuration (one run at a time, at most 10). */
  'team:start-run': { roles: ['player'], schema: z.strictObject({ config: RunConfigSchema, rid }) },
  /** Part 2: watch the current stage for another window. */
  'team:extend': { roles: ['player'], schema: z.strictObject({ rid }) },
  /** Part 2: the next stage of the rollout (from 50 % it ships). */
  'team:promote': { roles: ['player'], schema: z.strictObject({ rid }) },
  /** Part 2: roll the candidate back — everywhere, or one cohort of a stratified run. */
  'team:rollback': {
    roles: ['player'],
    schema: z.strictObject({ cohortId: z.string().min(1).max(32).nullable().optional(), rid }),
  },
  /** Part 2: a crisis from the catalog, aimed at all teams, a track or a team, now or in simulated hours. */
  'host:crisis': {
    roles: ['host'],
    schema: z.strictObject({
      crisis: CrisisIdSchema,
      target: CrisisTargetSchema,
      inHours: z.number().min(0).max(168).nullable().optional(),
      rid,
    }),
  },
  /** Simulated hours per real second (0.25–8). */
  'host:set-speed': { roles: ['host'], schema: z.strictObject({ speed: z.number().min(SIM_SPEED_MIN).max(SIM_SPEED_MAX), rid }) },
} as const satisfies Record<string, { roles: readonly Role[]; schema: z.ZodType }>;

export type IntentName = keyof typeof INTENTS;
export type IntentPayload<K extends IntentName> = z.input<(typeof INTENTS)[K]['schema']>;
export type IntentInput<K extends IntentName> = z.infer<(typeof INTENTS)[K]['schema']>;

export const INTENT_NAMES = Object.keys(INTENTS) as IntentName[];

export function isIntentName(name: string): name is IntentName {
  return Object.hasOwn(INTENTS, name);
}

/** The ack of an intent that returns nothing but success. */
const Done = z.looseObject({});

/** What a successful ack carries, per intent. */
export const IntentResultSchemas = {
  'game:create': z.object({ code: GameCodeSchema, hostToken: z.string() }),
  'game:join': z.object({ code: GameCodeSchema, playerId: z.string() }),
  'game:peek': z.object({ askStudentId: z.boolean(), roomLocked: z.boolean() }),
  'sync:snapshot': z.object({ view: ViewSchema }),
  'host:set-team-count': Done,
  'host:set-ask-student-id': Done,
  'host:move-player': Done,
  'host:rename-team': Done,
  'host:set-track': Done,
  'host:lock-room': Done,
  'host:kick': Done,
  'host:balance-teams': Done,
  'host:set-settings': Done,
  'host:start': Done,
  'host:next': Done,
  'host:reveal': Done,
  'host:pause': Done,
  'host:resume': Done,
  'host:extend-timer': Done,
  'team:lock-prediction': Done,
  'team:reflect': Done,
  'team:start-run': Done,
  'team:extend': Done,
  'team:promote': Done,
  'team:rollback': Done,
  'host:crisis': Done,
  'host:set-speed': Done,
} as const satisfies Record<IntentName, z.ZodType>;

export type IntentResult<K extends IntentName> = z.infer<(typeof IntentResultSchemas)[K]>;

export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
}

export type Ack<T> = ({ ok: true } & T) | Refusal;
