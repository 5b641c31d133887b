// What each intent does once its payload is valid and its sender's role may send it. Game intents become
// actions for the room's reducer; the reducer has the last word on every rule.
import { messageFor, type ErrorCode } from '../../shared/protocol/errors.js';
import type { SocketData } from '../../shared/protocol/events.js';
import type { Ack, IntentInput, IntentName, IntentResult } from '../../shared/protocol/intents.js';
import { NICKNAME_MAX, STUDENT_ID_MAX, TEAM_NAME_MAX, normalizeDisplayName } from '../../shared/protocol/limits.js';
import type { Action } from '../../shared/sim/actions.js';
import { checkName } from '../names.js';
import type { Room } from '../rooms/room.js';
import type { Rooms } from '../rooms/rooms.js';
import { hashToken } from '../tokens.js';
import type { Broadcaster } from './broadcast.js';

export interface IntentContext {
  data: SocketData;
  rooms: Rooms;
  broadcaster: Broadcaster;
  clock: () => number;
}

type Handler<K extends IntentName> = (ctx: IntentContext, input: IntentInput<K>) => Ack<IntentResult<K>>;

export function refuse(code: ErrorCode): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code, message: messageFor(code) };
}

/** Applies an action to a room and turns the outcome into an ack. */
function applyToRoom(room: Room, action: Action, idem: string | null): Ack<object> {
  const result = room.apply(action, idem);
  return result.ok ? { ok: true } : refuse(result.code);
}

/** The room of a host socket (fixed at the handshake). */
function hostRoomOf(ctx: IntentContext): Room | undefined {
  return ctx.data.code === null ? undefined : ctx.rooms.get(ctx.data.code);
}

/** A host action, deduplicated by the request id when the client sent one. */
function hostAction(ctx: IntentContext, rid: string | undefined, action: Action): Ack<object> {
  const room = hostRoomOf(ctx);
  if (!room) return refuse('game/unknown');
  return applyToRoom(room, action, rid === undefined ? null : `host:${rid}`);
}

const HOST = { role: 'host' } as const;

/** A flow action, stamped with the server's clock. */
function flowAction(
  ctx: IntentContext,
  rid: string | undefined,
  type: 'host/start' | 'host/next' | 'host/reveal' | 'host/pause' | 'host/resume',
) {
  return hostAction(ctx, rid, { type, by: HOST, at: ctx.clock() });
}

/** A team action by the player of this socket, deduplicated per player by the request id. */
function teamAction(ctx: IntentContext, rid: string | undefined, action: Action): Ack<object> {
  const room = ctx.data.code === null ? undefined : ctx.rooms.get(ctx.data.code);
  if (!room || ctx.data.playerId === null) return refuse('game/unknown');
  return applyToRoom(room, action, rid === undefined ? null : `player:${ctx.data.playerId}:${rid}`);
}

/** The player of this socket as the actor of a team action. */
const playerActor = (ctx: IntentContext) => ({ role: 'player' as const, playerId: ctx.data.playerId ?? '' });

export const HANDLERS: { [K in IntentName]: Handler<K> } = {
  'game:create': (ctx, input) => {
    const created = ctx.rooms.create(input, new Date(ctx.clock()));
    if (!created) return refuse('game/capacity');
    return { ok: true, code: created.room.code, hostToken: created.hostToken };
  },

  'game:join': (ctx, input) => {
    const room = ctx.rooms.get(input.code);
    if (!room) return refuse('game/unknown');
    const tokenHash = hashToken(input.seatToken);
    // A join retried with the same seat token (its ack was lost) finds the seat it already made.
    const seated = room.playerByTokenHash(tokenHash);
    if (seated) return seated.kicked ? refuse('auth/kicked') : { ok: true, code: room.code, playerId: seated.id };
    const nickname = checkName(input.nickname, NICKNAME_MAX, {
      invalid: 'nickname/invalid',
      inappropriate: 'nickname/inappropriate',
    });
    if (!nickname.ok) return refuse(nickname.code);
    const studentId = normalizeDisplayName(input.studentId ?? '').slice(0, STUDENT_ID_MAX) || null;
    const result = room.apply({ type: 'player/join', by: { role: 'guest' }, nickname: nickname.name, tokenHash, studentId });
    if (!result.ok) return refuse(result.code);
    const joined = room.playerByTokenHash(tokenHash)!;
    return { ok: true, code: room.code, playerId: joined.id };
  },

  'game:peek': (ctx, input) => {
    const room = ctx.rooms.get(input.code);
    if (!room) return refuse('game/unknown');
    return { ok: true, askStudentId: room.state.settings.askStudentId, roomLocked: room.state.roomLocked };
  },

  'sync:snapshot': (ctx) => {
    const room = ctx.data.code === null ? undefined : ctx.rooms.get(ctx.data.code);
    const view = room && ctx.broadcaster.viewFor(room, ctx.data);
    return view ? { ok: true, view } : refuse('game/unknown');
  },

  'host:set-team-count': (ctx, { count, rid }) =>
    hostAction(ctx, rid, { type: 'host/set-team-count', by: HOST, count }),

  'host:set-ask-student-id': (ctx, { ask, rid }) =>
    hostAction(ctx, rid, { type: 'host/set-ask-student-id', by: HOST, ask }),

  'host:move-player': (ctx, { playerId, teamId, rid }) =>
    hostAction(ctx, rid, { type: 'host/move-player', by: HOST, playerId, teamId }),

  'host:rename-team': (ctx, { teamId, name, rid }) => {
    const checked = checkName(name, TEAM_NAME_MAX, {
      invalid: 'team/name-invalid',
      inappropriate: 'team/name-inappropriate',
    });
    if (!checked.ok) return refuse(checked.code);
    return hostAction(ctx, rid, { type: 'host/rename-team', by: HOST, teamId, name: checked.name });
  },

  'host:set-track': (ctx, { teamId, track, rid }) =>
    hostAction(ctx, rid, { type: 'host/set-track', by: HOST, teamId, track }),

  'host:lock-room': (ctx, { locked, rid }) => hostAction(ctx, rid, { type: 'host/lock-room', by: HOST, locked }),

  'host:kick': (ctx, { playerId, rid }) => hostAction(ctx, rid, { type: 'host/kick', by: HOST, playerId }),

  'host:balance-teams': (ctx, { rid }) => hostAction(ctx, rid, { type: 'host/balance-teams', by: HOST }),

  'host:set-settings': (ctx, { rid, ...changes }) => hostAction(ctx, rid, { type: 'host/set-settings', by: HOST, ...changes }),

  'host:start': (ctx, { rid }) => flowAction(ctx, rid, 'host/start'),
  'host:next': (ctx, { rid }) => flowAction(ctx, rid, 'host/next'),
  'host:reveal': (ctx, { rid }) => flowAction(ctx, rid, 'host/reveal'),
  'host:pause': (ctx, { rid }) => flowAction(ctx, rid, 'host/pause'),
  'host:resume': (ctx, { rid }) => flowAction(ctx, rid, 'host/resume'),
  'host:extend-timer': (ctx, { minutes, rid }) =>
    hostAction(ctx, rid, { type: 'host/extend-timer', by: HOST, at: ctx.clock(), minutes }),

  'team:lock-prediction': (ctx, { part, value, rid }) =>
    teamAction(ctx, rid, { type: 'team/lock-prediction', by: playerActor(ctx), part, value }),

  'team:reflect': (ctx, { part, choice, text, rid }) =>
    teamAction(ctx, rid, { type: 'team/reflect', by: playerActor(ctx), part, choice, text: text.trim() }),

  'team:start-run': (ctx, { config, rid }) => teamAction(ctx, rid, { type: 'team/start-run', by: playerActor(ctx), config }),
  'team:extend': (ctx, { rid }) => teamAction(ctx, rid, { type: 'team/extend', by: playerActor(ctx) }),
  'team:promote': (ctx, { rid }) => teamAction(ctx, rid, { type: 'team/promote', by: playerActor(ctx) }),
  'team:rollback': (ctx, { cohortId, rid }) =>
    teamAction(ctx, rid, { type: 'team/rollback', by: playerActor(ctx), cohortId: cohortId ?? null }),

  'host:crisis': (ctx, { crisis, target, inHours, rid }) =>
    hostAction(ctx, rid, { type: 'host/crisis', by: HOST, crisis, target, inHours: inHours ?? null }),
  'host:set-speed': (ctx, { speed, rid }) => hostAction(ctx, rid, { type: 'host/set-speed', by: HOST, speed }),
};
