// Turning an intent into an action on its game, and the action's outcome into an ack.
import { messageFor, type ErrorCode } from '../../../shared/protocol/errors.js';
import type { SocketData } from '../../../shared/protocol/events.js';
import type { Ack, IntentInput, IntentName, IntentResult } from '../../../shared/protocol/intents.js';
import type { Action } from '../../../shared/sim/actions.js';
import type { Room } from '../../rooms/room.js';
import type { Rooms } from '../../rooms/rooms.js';
import type { Studios } from '../../replay/studios.js';
import type { Broadcaster } from '../broadcast.js';
import type { AddressBudgets } from '../rate-limit.js';

export interface IntentContext {
  data: SocketData;
  rooms: Rooms;
  broadcaster: Broadcaster;
  /** Each game's debrief: its timeline, replay and "what if". */
  studios: Studios;
  clock: () => number;
  /** The budget key of the sender's address (server/realtime/address.ts). */
  address: string;
  budgets: AddressBudgets;
}

/** Most handlers answer at once; one that works in slices (a debrief's "what if") answers with a promise. */
export type Handler<K extends IntentName> = (ctx: IntentContext, input: IntentInput<K>) => Ack<IntentResult<K>> | Promise<Ack<IntentResult<K>>>;

/** A refusal with the code's message, or a more specific one a person can act on. */
export function refuse(code: ErrorCode, message: string = messageFor(code)): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code, message };
}

/** The game of this socket (fixed at the handshake). */
export function roomOf(ctx: IntentContext): Room | undefined {
  return ctx.data.code === null ? undefined : ctx.rooms.get(ctx.data.code);
}

export const HOST = { role: 'host' } as const;

/** The player of this socket as the actor of a team action. */
export const playerActor = (ctx: IntentContext) => ({ role: 'player' as const, playerId: ctx.data.playerId ?? '' });

/**
 * Applies the action of a host or team intent to the socket's game, deduplicated by the request id per
 * sender and per intent: a retried intent counts once.
 */
export function applyIntent(ctx: IntentContext, intent: string, rid: string | undefined, action: Action): Ack<object> {
  const room = roomOf(ctx);
  if (!room || (action.by.role === 'player' && ctx.data.playerId === null)) return refuse('game/unknown');
  const sender = action.by.role === 'player' ? `player:${action.by.playerId}` : 'host';
  const result = room.apply(action, rid === undefined ? null : `${sender}:${intent}:${rid}`);
  return result.ok ? { ok: true } : refuse(result.code);
}
