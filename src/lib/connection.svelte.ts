// The one owner of a page's socket. Pages read its reactive fields and call `send`; they never touch the
// socket, so every listener is registered here and removed in `dispose` (no leaks across pages).
import { io, type Socket } from 'socket.io-client';
import type { ErrorCode } from '$shared/protocol/errors.js';
import type { ClientToServerEvents, Handshake, Hello, ServerToClientEvents, Snapshot, ViewPatch } from '$shared/protocol/events.js';
import { applyPatch } from '$shared/protocol/patch.js';
import type { Ack, IntentName, IntentPayload, IntentResult, Refusal, Role } from '$shared/protocol/intents.js';
import { PROTOCOL_VERSION } from '$shared/protocol/version.js';
import type { Studio } from '$shared/protocol/debrief.js';
import type { HostView, ScreenView, TeamView, View } from '$shared/protocol/views.js';
import { serverClock } from './clock.svelte.js';
import { randomId } from './ids.js';
import { RECONNECT_OPTIONS, retryDelayMs } from './reconnect.js';

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
/** How long a page waits before asking again for a full view the server did not give (e.g. rate-limited). */
const RESYNC_RETRY_MS = 1000;
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
  /**
   * The revision of the view held, or null when a full view is due (after a (re)connect, or after a gap): the
   * server's revisions restart with the server, so the first full view of a connection wins whatever its number.
   */
  #rev: number | null = null;
  /** A `sync:snapshot` is on its way (patches are ignored until its answer). */
  #resyncing = false;
  #disposed = false;
  /** Refusals for now (`rate/limited`, `connection/limit`) retried in a row: the backoff grows with them. */
  #retries = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(auth: AuthFor<R>) {
    this.role = auth.role as R;
    this.#socket = io({ auth: { ...auth, protocol: PROTOCOL_VERSION }, transports: ['websocket'], ...RECONNECT_OPTIONS });
    this.#listen();
  }

  #listen(): void {
    const socket = this.#socket;
    socket.on('connect', () => {
      this.status = 'online';
      this.error = null;
      this.#rev = null;
      this.#retries = 0;
    });
    socket.on('connect_error', (err) => {
      // socket.io retries by itself while `active`; a refused handshake (middleware error) is final.
      if (socket.active) {
        this.status = 'offline';
        return;
      }
      const refusal = refusalOf((err as Error & { data?: unknown }).data) ?? { code: 'server/error', message: err.message };
      this.error = refusal;
      // Too many connections from this network, or too fast: a refusal for now. Wait longer each time, then
      // try again; the banner says so meanwhile.
      if (refusal.code === 'rate/limited' || refusal.code === 'connection/limit') {
        this.status = 'retrying';
        this.#retryTimer = setTimeout(() => {
          if (!this.#disposed) socket.connect();
        }, retryDelayMs(this.#retries++));
        return;
      }
      this.status = 'refused';
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
      this.#rev = null;
      // The server sends the open studio, if any, right after its hello: what was open before may be gone.
      this.studio = null;
    });
    socket.on('studio', (studio) => {
      this.studio = studio.replay || studio.whatIf ? studio : null;
    });
    socket.on('view', (snapshot) => this.#takeSnapshot(snapshot));
    socket.on('patch', (patch) => this.#applyPatch(patch));
  }

  /** A full view: taken when one is due or when it is newer than the view held. */
  #takeSnapshot({ rev, view }: Snapshot): void {
    if (view.audience !== AUDIENCE[this.role]) return;
    if (this.#rev !== null && rev < this.#rev) return;
    this.#rev = rev;
    this.#resyncing = false;
    this.view = view as ViewFor<R>;
  }

  /**
   * What changed since the revision held. A patch from any other revision means one was missed (or the
   * socket moved audience): the view is asked for in full. The patch applies to a copy, so every view the
   * page sees is a new object, exactly as when whole views came.
   */
  #applyPatch(patch: ViewPatch): void {
    if (this.#rev === null || this.#resyncing || !this.view) return;
    if (patch.from !== this.#rev) return void this.#resync();
    try {
      this.view = applyPatch(structuredClone(this.view), patch.ops);
      this.#rev = patch.to;
    } catch {
      void this.#resync();
    }
  }

  /** Asks for the full view (retrying while the answer fails); patches wait until it comes. */
  async #resync(): Promise<void> {
    this.#resyncing = true;
    this.#rev = null;
    while (!this.#disposed && this.#resyncing && this.#socket.connected) {
      const answer = await this.send('sync:snapshot', {});
      if (answer.ok) return this.#takeSnapshot(answer);
      await new Promise((resolve) => setTimeout(resolve, RESYNC_RETRY_MS));
    }
    // A reconnect brings a full view of its own.
    this.#resyncing = false;
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
    this.#disposed = true;
    clearTimeout(this.#retryTimer);
    this.#socket.removeAllListeners();
    this.#socket.disconnect();
  }
}
