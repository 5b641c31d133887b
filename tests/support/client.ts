// A real socket.io-client connection that records what the server sends, and waits on events (never sleeps).
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Closed, ClientToServerEvents, Handshake, Hello, ServerToClientEvents, Tick } from '../../shared/protocol/events.js';
import type { Studio } from '../../shared/protocol/debrief.js';
import type { Ack, IntentName, IntentPayload, IntentResult } from '../../shared/protocol/intents.js';
import type { HostView, ScreenView, TeamView, View } from '../../shared/protocol/views.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type AuthFor = { role: 'guest' } | { role: 'host' | 'player'; code: string; token: string } | { role: 'screen'; code: string };

const WAIT_MS = 5000;

/** A fresh seat token, as the browser draws it. */
export const newSeatToken = () => randomBytes(32).toString('base64url');

export class TestClient<V extends View = View> {
  readonly socket: ClientSocket;
  hello: Hello | null = null;
  /** Every view received, in order: the raw messages, for leak checks. */
  readonly views: V[] = [];
  readonly closed: Closed[] = [];
  /** Volatile ticks of Part 2's clock, in order. */
  readonly ticks: Tick[] = [];
  /** The replay and "what if" frames of a finished game (host consoles and screens), in order. */
  readonly studios: Studio[] = [];
  #waiters: (() => void)[] = [];

  private constructor(url: string, auth: AuthFor) {
    this.socket = io(url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth } satisfies Handshake,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket.on('hello', (hello) => this.#record(() => (this.hello = hello)));
    this.socket.on('view', (view) => this.#record(() => this.views.push(view as V)));
    this.socket.on('closed', (closed) => this.#record(() => this.closed.push(closed)));
    this.socket.on('tick', (tick) => this.#record(() => this.ticks.push(tick)));
    this.socket.on('studio', (studio) => this.#record(() => this.studios.push(studio)));
    this.socket.on('disconnect', () => this.#record(() => {}));
  }

  /** Connects and waits for the hello (and, for a seat, host or screen, the first view). */
  static async connect<V extends View = View>(url: string, auth: AuthFor): Promise<TestClient<V>> {
    const client = new TestClient<V>(url, auth);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', () => resolve());
      client.socket.once('connect_error', (err) => reject(err));
    });
    await client.until(() => client.hello !== null && (auth.role === 'guest' || client.views.length > 0), 'hello');
    return client;
  }

  /** Connects expecting a refused handshake; returns the refusal's data. */
  static async refusedHandshake(url: string, auth: AuthFor): Promise<{ code: string; message: string }> {
    const client = new TestClient(url, auth);
    const err = await new Promise<Error & { data?: { code: string; message: string } }>((resolve, reject) => {
      client.socket.once('connect', () => reject(new Error('the handshake was accepted')));
      client.socket.once('connect_error', resolve);
    });
    client.close();
    if (!err.data) throw new Error(`refused without data: ${err.message}`);
    return err.data;
  }

  get view(): V {
    const last = this.views.at(-1);
    if (!last) throw new Error('no view yet');
    return last;
  }

  send<K extends IntentName>(name: K, payload: IntentPayload<K>): Promise<Ack<IntentResult<K>>> {
    const emit = this.socket.timeout(WAIT_MS).emitWithAck as (n: string, p: unknown) => Promise<Ack<IntentResult<K>>>;
    return emit.call(this.socket.timeout(WAIT_MS), name, payload);
  }

  /** Sends anything at all under any event name, for fuzzing. */
  sendRaw(name: string, ...args: unknown[]): Promise<unknown> {
    const emit = this.socket.timeout(WAIT_MS).emitWithAck as (n: string, ...a: unknown[]) => Promise<unknown>;
    return emit.call(this.socket.timeout(WAIT_MS), name, ...args);
  }

  /** Emits anything without an ack callback, as a careless or hostile client may. */
  emitRaw(name: string, ...args: unknown[]): void {
    (this.socket.emit as (event: string, ...rest: unknown[]) => void)(name, ...args);
  }

  /** Resolves as soon as a received view satisfies the predicate (the latest one is checked first). */
  async nextView(predicate: (view: V) => boolean, what = 'a matching view'): Promise<V> {
    let found: V | undefined;
    await this.until(() => {
      found = this.views.findLast(predicate);
      return found !== undefined && found === this.views.at(-1);
    }, what);
    return found!;
  }

  /** Resolves when `check` holds after some event; fails after a few seconds with `what` in the message. */
  until(check: () => boolean, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, WAIT_MS);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        resolve();
      };
      this.#waiters.push(waiter);
    });
  }

  close(): void {
    this.socket.disconnect();
  }

  #record(apply: () => void): void {
    apply();
    for (const waiter of [...this.#waiters]) waiter();
  }
}

export type HostClient = TestClient<HostView>;
export type TeamClient = TestClient<TeamView>;
export type ScreenClient = TestClient<ScreenView>;

/** Creates a game through a guest socket and connects its host. */
export async function createGame(url: string, payload: IntentPayload<'game:create'> = {}) {
  const guest = await TestClient.connect(url, { role: 'guest' });
  const created = await guest.send('game:create', payload);
  guest.close();
  if (!created.ok) throw new Error(`create refused: ${created.code}`);
  const host = await TestClient.connect<HostView>(url, { role: 'host', code: created.code, token: created.hostToken });
  const { code, hostToken, recoveryToken, cohostToken } = created;
  return { code, hostToken, recoveryToken, cohostToken, host };
}

/** Joins a game as a guest, then connects the seat as a player. */
export async function joinGame(url: string, code: string, nickname: string, seatToken = newSeatToken()) {
  const guest = await TestClient.connect(url, { role: 'guest' });
  const joined = await guest.send('game:join', { code, nickname, seatToken });
  guest.close();
  if (!joined.ok) throw new Error(`join of ${nickname} refused: ${joined.code}`);
  const player = await TestClient.connect<TeamView>(url, { role: 'player', code, token: seatToken });
  return { playerId: joined.playerId, seatToken, player };
}
