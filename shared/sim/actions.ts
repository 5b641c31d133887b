// The actions of the game log. An action is what the server accepted from an intent, completed with what only
// the server may decide (a token hash, a checked nickname). The log is replayed through the reducer on start,
// so every action is validated again when it is read back.
import { z } from 'zod';
import { TRACK_IDS } from './tracks.js';
import {
  CAPEX_MAX,
  ENGINEER_COST_MAX,
  ENGINEER_COST_MIN,
  EXTEND_MINUTES_MAX,
  REFLECTION_MAX,
  STUDENT_ID_MAX,
  TEAM_COUNT_MAX,
  TEAM_COUNT_MIN,
  TIMER_MINUTES_MAX,
} from '../protocol/limits.js';
import { ChoiceSchema, CrisisIdSchema } from '../protocol/views.js';
import { SIM_SPEED_MAX, SIM_SPEED_MIN } from './constants.js';

const Id = z.string().min(1).max(16);
const PartNumberSchema = z.union([z.literal(1), z.literal(2)]);

/** A Part 2 run's configuration (the zero-failure test's C and p, shadow fraction, cohorts, SPRT). */
export const RunConfigSchema = z.strictObject({
  confidence: z.number().min(0.5).max(0.9999),
  rate: z.number().min(1e-6).max(0.1),
  shadowFraction: z.number().min(0.01).max(1),
  cohortMode: z.enum(['random', 'stratified']),
  sprt: z.boolean(),
});

export const CrisisTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('track'), track: z.enum(TRACK_IDS) }),
  z.strictObject({ kind: z.literal('team'), teamId: Id }),
]);

const DisplayName = z.string().min(1).max(64);
/** The server's clock when it accepted the action, ms since the epoch: the only way time enters the game. */
const At = z.number().int().min(0);

export const ActorSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('host') }),
  z.object({ role: z.literal('player'), playerId: Id }),
  /** Someone who is not in the game yet: only joining is possible. */
  z.object({ role: z.literal('guest') }),
  /** The server itself, e.g. when a timer runs out. */
  z.object({ role: z.literal('system') }),
]);
export type Actor = z.infer<typeof ActorSchema>;

export const ActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('player/join'),
    by: ActorSchema,
    nickname: DisplayName,
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    studentId: z.string().max(STUDENT_ID_MAX).nullable(),
  }),
  z.object({
    type: z.literal('host/set-team-count'),
    by: ActorSchema,
    count: z.int().min(TEAM_COUNT_MIN).max(TEAM_COUNT_MAX),
  }),
  z.object({ type: z.literal('host/set-ask-student-id'), by: ActorSchema, ask: z.boolean() }),
  z.object({ type: z.literal('host/move-player'), by: ActorSchema, playerId: Id, teamId: Id }),
  z.object({ type: z.literal('host/rename-team'), by: ActorSchema, teamId: Id, name: DisplayName }),
  z.object({ type: z.literal('host/set-track'), by: ActorSchema, teamId: Id, track: z.enum(TRACK_IDS) }),
  z.object({ type: z.literal('host/lock-room'), by: ActorSchema, locked: z.boolean() }),
  z.object({ type: z.literal('host/kick'), by: ActorSchema, playerId: Id }),
  z.object({ type: z.literal('host/balance-teams'), by: ActorSchema }),
  z.object({
    type: z.literal('host/set-settings'),
    by: ActorSchema,
    capex: z.int().min(0).max(CAPEX_MAX).optional(),
    engineerCost: z.int().min(ENGINEER_COST_MIN).max(ENGINEER_COST_MAX).optional(),
    timerMinutes: z.int().min(1).max(TIMER_MINUTES_MAX).nullable().optional(),
    autoAdvance: z.boolean().optional(),
  }),
  z.object({ type: z.literal('host/start'), by: ActorSchema, at: At }),
  z.object({ type: z.literal('host/next'), by: ActorSchema, at: At }),
  z.object({ type: z.literal('host/reveal'), by: ActorSchema, at: At }),
  z.object({ type: z.literal('host/pause'), by: ActorSchema, at: At }),
  z.object({ type: z.literal('host/resume'), by: ActorSchema, at: At }),
  z.object({
    type: z.literal('host/extend-timer'),
    by: ActorSchema,
    at: At,
    minutes: z.int().min(1).max(EXTEND_MINUTES_MAX),
  }),
  z.object({ type: z.literal('timer/expire'), by: ActorSchema, at: At }),
  /** The simulated clock advances `hours` (the server: speed × real time since the last tick). */
  z.object({ type: z.literal('sim/tick'), by: ActorSchema, hours: z.number().positive().max(24) }),
  z.object({ type: z.literal('host/set-speed'), by: ActorSchema, speed: z.number().min(SIM_SPEED_MIN).max(SIM_SPEED_MAX) }),
  z.object({
    type: z.literal('host/crisis'),
    by: ActorSchema,
    crisis: CrisisIdSchema,
    target: CrisisTargetSchema,
    /** Simulated hours from now; null fires it now. */
    inHours: z.number().min(0).max(168).nullable(),
  }),
  z.object({ type: z.literal('team/start-run'), by: ActorSchema, config: RunConfigSchema }),
  z.object({ type: z.literal('team/extend'), by: ActorSchema }),
  z.object({ type: z.literal('team/promote'), by: ActorSchema }),
  z.object({ type: z.literal('team/rollback'), by: ActorSchema, cohortId: z.string().max(32).nullable() }),
  z.object({ type: z.literal('team/lock-prediction'), by: ActorSchema, part: PartNumberSchema, value: z.number() }),
  z.object({
    type: z.literal('team/reflect'),
    by: ActorSchema,
    part: PartNumberSchema,
    choice: ChoiceSchema,
    text: z.string().max(REFLECTION_MAX),
  }),
]);
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
