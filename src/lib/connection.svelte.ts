// The one owner of a page's socket. Pages read its reactive fields and call `send`; they never touch the
// socket, so every listener is registered here and removed in `dispose` (no leaks across pages).
import { io, type Socket } from 'socket.io-client';
import type { ErrorCode } from '$shared/protocol/errors.js';
import type { ClientToServerEvents, Handshake, Hello, ServerToClientEvents } from '$shared/protocol/events.js';
import type { Ack, IntentName, IntentPayload, IntentResult, Refusal, Role } from '$shared/protocol/intents.js';
import { PROTOCOL_VERSION } from '$shared/protocol/version.js';
import type { Studio } from '$shared/protocol/debrief.js';
import type { HostView, ScreenView, TeamView, View } from '$shared/protocol/views.js';
import { serverClock } from './clock.svelte.js';
import { randomId } from './ids.js';

import type { ConnectionStatus } from './connection-status.js';

export type { ConnectionStatus };

export interface ConnectionError {
  code: ErrorCode;
  message: string;
}

/** The view each role receives. */
export type ViewFor<R extends Role> = R extends 'host'
  ? HostView
  : R extends 'player'
    ? TeamView
    : R extends 'screen'
      ? ScreenView
      : never;

/** The handshake of a role, without the protocol version (the connection adds it). */
export type AuthFor<R extends Role> = Omit<Extract<Handshake, { role: R }>, 'protocol'> & { role: R };

const AUDIENCE: Record<Role, View['audience'] | null> = { guest: null, host: 'host', cohost: 'host', player: 'team', screen: 'screen' };

const ACK_TIMEOUT_MS = 8000;
const NO_ANSWER: Refusal = {
  ok: false,
  code: 'server/error',
  message: 'No answer from the server. Check your connection and try again.',
};

type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** Socket.IO's typed emit cannot take an intent name that is only known as a type parameter. */
type UntypedEmitter = { emitWithAck(event: string, payload: unknown): Promise<unknown> };

function refusalOf(data: unknown): ConnectionError | null {
  if (typeof data !== 'object' || data === null) return null;
  const { code, message } = data as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' ? { code: code as ErrorCode, message } : null;
}

export class GameConnection<R extends Role = Role> {
  status: ConnectionStatus = $state('connecting');
  hello: Hello | null = $state.raw(null);
  view: ViewFor<R> | null = $state.raw(null);
  error: ConnectionError | null = $state(null);
  /** The replay and "what if" the host drives after the game (host consoles and screens only). */
  studio: Studio | null = $state.raw(null);

  readonly role: R;
  readonly #socket: GameSocket;
  /** The first view after a (re)connect is the server's full snapshot: it wins even if its version is lower. */
  #snapshotDue = true;

  constructor(auth: AuthFor<R>) {
    this.role = auth.role as R;
    this.#socket = io({ auth: { ...auth, protocol: PROTOCOL_VERSION }, transports: ['websocket'] });
    this.#listen();
  }

  #listen(): void {
    const socket = this.#socket;
    socket.on('connect', () => {
      this.status = 'online';
      this.error = null;
      this.#snapshotDue = true;
    });
    socket.on('connect_error', (err) => {
      // socket.io retries by itself while `active`; a refused handshake (middleware error) is final.
      if (socket.active) {
        this.status = 'offline';
        return;
      }
      this.status = 'refused';
      this.error = refusalOf((err as Error & { data?: unknown }).data) ?? { code: 'server/error', message: err.message };
    });
    socket.on('disconnect', (reason) => {
      if (this.status === 'closed' || reason === 'io client disconnect') return;
      // socket.io reconnects by itself after a transport loss (server restart, network drop). The server
      // disconnects a socket itself only after sending `closed`, which ends the connection for good.
      this.status = 'offline';
    });
    socket.on('closed', (closed) => {
      this.status = 'closed';
      this.error = { code: closed.code, message: closed.message };
    });
    socket.on('hello', (hello) => {
      // Read the local clock at receipt: timers in views are server times (see clock.svelte.ts).
      serverClock.sync(hello.serverTime, Date.now());
      this.hello = hello;
      this.#snapshotDue = true;
      // The server sends the open studio, if any, right after its hello: what was open before may be gone.
      this.studio = null;
    });
    socket.on('view', (view) => {
      if (view.audience !== AUDIENCE[this.role]) return;
      // Views are ordered by version; one overtaken by a newer one must not roll the page back. Presence
      // changes resend the same version, so equal versions are accepted.
      if (!this.#snapshotDue && this.view && view.version < this.view.version) return;
      this.#snapshotDue = false;
      this.view = view as ViewFor<R>;
    });
    socket.on('studio', (studio) => {
      this.studio = studio.replay || studio.whatIf ? studio : null;
    });
    socket.on('tick', (tick) => {
      // A tick of a simulated clock carries only what the clock moves (projectTick); it is folded into the full view. Ticks are
      // volatile: one that arrives after a newer view is simply dropped.
      const view = this.view;
      if (!view || tick.audience !== view.audience || tick.version < view.version) return;
      const { audience: _audience, ...changes } = tick;
      this.view = { ...view, ...changes } as ViewFor<R>;
    });
  }

  /** Sends an intent and resolves with the server's ack (a refusal is data, never a throw). */
  async send<K extends IntentName>(name: K, payload: IntentPayload<K>): Promise<Ack<IntentResult<K>>> {
    if ((this.status === 'refused' || this.status === 'closed') && this.error) {
      return { ok: false, ...this.error };
    }
    // A request id lets the server count a host or team action once even if it arrives twice (socket.io
    // resends what was buffered while the connection was down).
    const body = name.startsWith('host:') || name.startsWith('team:') ? { rid: randomId(), ...payload } : payload;
    const emitter = this.#socket.timeout(ACK_TIMEOUT_MS) as unknown as UntypedEmitter;
    try {
      return (await emitter.emitWithAck(name, body)) as Ack<IntentResult<K>>;
    } catch {
      return NO_ANSWER;
    }
  }

  /** Removes every listener and closes the socket; the object is dead afterwards. */
  dispose(): void {
    this.#socket.removeAllListeners();
    this.#socket.disconnect();
  }
}
