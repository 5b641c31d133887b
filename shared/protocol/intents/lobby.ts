// Intents of the lobby: creating, peeking at and joining a game, the host arranging teams and settings, and
// the snapshot any connection may ask for.
import { z } from 'zod';
import { IdSchema, RidSchema, TrackSchema, type IntentTable } from '../common.js';
import {
  CAPEX_MAX,
  ENGINEER_COST_MAX,
  ENGINEER_COST_MIN,
  GAME_CODE_ALPHABET,
  GAME_CODE_LENGTH,
  STUDENT_ID_MAX,
  TEAM_COUNT_MAX,
  TEAM_COUNT_MIN,
  TIMER_MINUTES_MAX,
} from '../limits.js';

export const GameCodeSchema = z
  .string()
  .length(GAME_CODE_LENGTH)
  .regex(new RegExp(`^[${GAME_CODE_ALPHABET}]+$`));

/**
 * The seat token is drawn by the browser (32 random bytes, base64url) and sent with the join; the server keeps
 * only its hash. A join retried after a lost ack carries the same token, so it lands on the same seat.
 */
export const SeatTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** A host secret (a link's, or a session's token): 32 random bytes, base64url. */
export const HostSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Raw names are checked after normalization; this bound only stops absurd payloads early. */
const RawName = z.string().max(200);
const TeamCount = z.int().min(TEAM_COUNT_MIN).max(TEAM_COUNT_MAX);

export const LOBBY_INTENTS = {
  'game:create': {
    roles: ['guest'],
    schema: z.strictObject({ teamCount: TeamCount.optional(), askStudentId: z.boolean().optional() }),
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
  /**
   * A recovery or co-host link's secret (read from the link's #fragment, so it never reaches a server log),
   * exchanged for a new session token of the console it opens.
   */
  'game:recover': { roles: ['guest'], schema: z.strictObject({ code: GameCodeSchema, secret: HostSecretSchema }) },
  /** What the join form needs to know before joining: whether to ask for a student id, whether it is open. */
  /**
   * A fresh co-host link for the game (the one made at creation, or a later one, was lost or given to the wrong
   * person): the old link stops working; co-host consoles already opened from it keep their sessions.
   */
  'host:new-cohost-link': { roles: ['host'], schema: z.strictObject({ rid: RidSchema }) },
  'game:peek': { roles: ['guest'], schema: z.strictObject({ code: GameCodeSchema }) },
  'sync:snapshot': { roles: ['host', 'player', 'screen'], schema: z.strictObject({}) },
  'host:set-team-count': { roles: ['host'], schema: z.strictObject({ count: TeamCount, rid: RidSchema }) },
  'host:set-ask-student-id': { roles: ['host'], schema: z.strictObject({ ask: z.boolean(), rid: RidSchema }) },
  'host:move-player': { roles: ['host'], schema: z.strictObject({ playerId: IdSchema, teamId: IdSchema, rid: RidSchema }) },
  'host:rename-team': { roles: ['host'], schema: z.strictObject({ teamId: IdSchema, name: RawName, rid: RidSchema }) },
  'host:set-track': { roles: ['host'], schema: z.strictObject({ teamId: IdSchema, track: TrackSchema, rid: RidSchema }) },
  'host:lock-room': { roles: ['host'], schema: z.strictObject({ locked: z.boolean(), rid: RidSchema }) },
  'host:kick': { roles: ['host'], schema: z.strictObject({ playerId: IdSchema, rid: RidSchema }) },
  'host:balance-teams': { roles: ['host'], schema: z.strictObject({ rid: RidSchema }) },
  /** Game settings, before the parts begin (lobby and briefing). */
  'host:set-settings': {
    roles: ['host'],
    schema: z.strictObject({
      capex: z.int().min(0).max(CAPEX_MAX).optional(),
      engineerCost: z.int().min(ENGINEER_COST_MIN).max(ENGINEER_COST_MAX).optional(),
      timerMinutes: z.int().min(1).max(TIMER_MINUTES_MAX).nullable().optional(),
      autoAdvance: z.boolean().optional(),
      rid: RidSchema,
    }),
  },
} as const satisfies IntentTable;
