// Socket.IO's typed events, derived from the intent table and the view schemas so that they cannot drift.
import { z } from 'zod';
import type { Ack, IntentName, IntentPayload, IntentResult, Role } from './intents.js';
import { GAME_CODE_LENGTH } from './limits.js';
import type { PatchOp } from './patch.js';
import type { Tick, View } from './views.js';
import type { Studio } from './debrief.js';

export type { Tick };

/**
 * A full view with its revision: sent at connect, reconnect, a move to another team, and as the answer to
 * `sync:snapshot` (a page asks for one when it sees a gap in the revisions).
 */
export interface Snapshot {
  /** The revision of this view: the next patch for it says `from: rev`. Revisions only grow within a server run. */
  rev: number;
  view: View;
}

/**
 * What changed in an audience's view since revision `from`: a page holding exactly `from` applies `ops` and
 * holds `to`; any other page asks for a snapshot. `tick` marks a change made only by a simulated clock.
 */
export interface ViewPatch {
  from: number;
  to: number;
  ops: PatchOp[];
  tick?: true;
}
import { ERROR_CODES } from './errors.js';

/** What a client sends in the Socket.IO handshake (`auth`); the role is fixed from it for the connection. */
export const HandshakeSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('guest'), protocol: z.int() }),
  z.strictObject({
    role: z.literal('host'),
    protocol: z.int(),
    code: z.string().length(GAME_CODE_LENGTH),
    token: z.string().min(1).max(128),
  }),
  z.strictObject({
    role: z.literal('player'),
    protocol: z.int(),
    code: z.string().length(GAME_CODE_LENGTH),
    token: z.string().min(1).max(128),
  }),
  z.strictObject({ role: z.literal('screen'), protocol: z.int(), code: z.string().length(GAME_CODE_LENGTH) }),
]);
export type Handshake = z.infer<typeof HandshakeSchema>;

/** Sent once after the handshake succeeds. */
export const HelloSchema = z.object({
  protocol: z.int(),
  /** `cohost` when a host handshake's token is a co-host session's. */
  role: z.enum(['guest', 'host', 'cohost', 'player', 'screen']),
  code: z.string().nullable(),
  playerId: z.string().nullable(),
  /** The link players open to join this game (or the server's home page for a guest). */
  joinUrl: z.string(),
  /** The server's clock (ms since the epoch) when it said hello: pages correct timers for their own clock. */
  serverTime: z.number(),
});
export type Hello = z.infer<typeof HelloSchema>;

/** Sent before the server closes a connection for good (e.g. the host kicked this player). */
export const ClosedSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type Closed = z.infer<typeof ClosedSchema>;

/** The data of a refused handshake, readable from the client's `connect_error`. */
export type HandshakeRefusal = Closed;

export type ClientToServerEvents = {
  [K in IntentName]: (payload: IntentPayload<K>, ack: (result: Ack<IntentResult<K>>) => void) => void;
};

export interface ServerToClientEvents {
  hello: (hello: Hello) => void;
  view: (snapshot: Snapshot) => void;
  patch: (patch: ViewPatch) => void;
  closed: (closed: Closed) => void;
  /** The replay and "what if" the host drives after the game, to its console and the projector. */
  studio: (studio: Studio) => void;
}

export interface SocketData {
  role: Role;
  code: string | null;
  playerId: string | null;
  /** A host or co-host console's key (a prefix of its token's hash): each console is a seat of its own. */
  console?: string;
}
