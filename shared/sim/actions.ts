// The actions of the game log. An action is what the server accepted from an intent, completed with what only
// the server may decide (who sent it, the time, a token hash, a checked nickname). Most actions are their
// intent's payload without the request id: their schemas are derived from the intents', so no bound is
// written twice. The log is replayed through the reducer on start, so every action is validated again.
import { z } from 'zod';
import { CRISIS_INTENTS } from '../protocol/crises.js';
import { FLOW_INTENTS } from '../protocol/intents/flow.js';
import { LOBBY_INTENTS } from '../protocol/intents/lobby.js';
import { TEAM_INTENTS } from '../protocol/intents/team.js';
import { STUDENT_ID_MAX } from '../protocol/limits.js';
import { PART2_INTENTS } from '../protocol/parts/part2.js';
import { PART3_INTENTS } from '../protocol/parts/part3.js';
import { SPOTLIGHT_INTENTS } from '../protocol/spotlight.js';
import { IdSchema } from '../protocol/views.js';

export const ActorSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('host') }),
  z.object({ role: z.literal('player'), playerId: IdSchema }),
  /** Someone who is not in the game yet: only joining is possible. */
  z.object({ role: z.literal('guest') }),
  /** The server itself, e.g. when a timer runs out. */
  z.object({ role: z.literal('system') }),
]);
export type Actor = z.infer<typeof ActorSchema>;

/** The server's clock when it accepted the action, ms since the epoch: the only way time enters the game. */
const At = z.int().min(0);

/** The action of an intent: its payload without the request id, with its type and actor. */
function fromIntent<T extends string, Shape extends z.ZodRawShape>(type: T, intent: { schema: z.ZodObject<Shape> }) {
  const { rid: _rid, ...payload } = intent.schema.shape;
  return z.object({ ...payload, type: z.literal(type), by: ActorSchema });
}

/** The action of a flow intent, stamped with the server's clock. */
function stamped<T extends string, Shape extends z.ZodRawShape>(type: T, intent: { schema: z.ZodObject<Shape> }) {
  return fromIntent(type, intent).extend({ at: At });
}

export const ActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('player/join'),
    by: ActorSchema,
    /** The nickname after the server's checks (normalized, not inappropriate). */
    nickname: z.string().min(1).max(64),
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    studentId: z.string().max(STUDENT_ID_MAX).nullable(),
  }),
  fromIntent('host/set-team-count', LOBBY_INTENTS['host:set-team-count']),
  fromIntent('host/set-ask-student-id', LOBBY_INTENTS['host:set-ask-student-id']),
  fromIntent('host/move-player', LOBBY_INTENTS['host:move-player']),
  fromIntent('host/rename-team', LOBBY_INTENTS['host:rename-team']),
  fromIntent('host/set-track', LOBBY_INTENTS['host:set-track']),
  fromIntent('host/lock-room', LOBBY_INTENTS['host:lock-room']),
  fromIntent('host/kick', LOBBY_INTENTS['host:kick']),
  fromIntent('host/balance-teams', LOBBY_INTENTS['host:balance-teams']),
  fromIntent('host/set-settings', LOBBY_INTENTS['host:set-settings']),
  stamped('host/start', FLOW_INTENTS['host:start']),
  stamped('host/next', FLOW_INTENTS['host:next']),
  stamped('host/reveal', FLOW_INTENTS['host:reveal']),
  stamped('host/warn', FLOW_INTENTS['host:warn']),
  stamped('host/pause', FLOW_INTENTS['host:pause']),
  stamped('host/resume', FLOW_INTENTS['host:resume']),
  stamped('host/extend-timer', FLOW_INTENTS['host:extend-timer']),
  z.object({ type: z.literal('timer/expire'), by: ActorSchema, at: At }),
  /** The running part's simulated clock advances `hours` (the server: speed × real time since the last tick). */
  z.object({ type: z.literal('sim/tick'), by: ActorSchema, hours: z.number().positive().max(24) }),
  fromIntent('host/crisis', CRISIS_INTENTS['host:crisis']),
  fromIntent('host/spotlight', SPOTLIGHT_INTENTS['host:spotlight']),
  fromIntent('team/lock-prediction', TEAM_INTENTS['team:lock-prediction']),
  fromIntent('team/reflect', TEAM_INTENTS['team:reflect']),
  fromIntent('team/propose', TEAM_INTENTS['team:propose']),
  fromIntent('team/agree', TEAM_INTENTS['team:agree']),
  fromIntent('host/set-speed', PART2_INTENTS['host:set-speed']),
  fromIntent('team/start-run', PART2_INTENTS['team:start-run']),
  fromIntent('team/extend', PART2_INTENTS['team:extend']),
  fromIntent('team/promote', PART2_INTENTS['team:promote']),
  fromIntent('team/rollback', PART2_INTENTS['team:rollback']),
  fromIntent('team/set-thresholds', PART2_INTENTS['team:set-thresholds']),
  fromIntent('team/set-aggregation', PART2_INTENTS['team:set-aggregation']),
  fromIntent('team/investigate', PART2_INTENTS['team:investigate']),
  fromIntent('team/set-slice-monitoring', PART2_INTENTS['team:set-slice-monitoring']),
  fromIntent('team/slice-action', PART2_INTENTS['team:slice-action']),
  fromIntent('team/deploy-upstream', PART3_INTENTS['team:deploy-upstream']),
  fromIntent('team/retrain', PART3_INTENTS['team:retrain']),
  fromIntent('team/set-policy', PART3_INTENTS['team:set-policy']),
  fromIntent('team/consistency-check', PART3_INTENTS['team:consistency-check']),
  fromIntent('team/answer-challenge', PART3_INTENTS['team:answer-challenge']),
]);
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
