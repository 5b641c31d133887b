// A real socket.io-client connection that records what the server sends, and waits on events (never sleeps).
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Closed, ClientToServerEvents, Handshake, Hello, ServerToClientEvents, Snapshot, Tick, ViewPatch } from '../../shared/protocol/events.js';
import { applyPatch } from '../../shared/protocol/patch.js';
import type { Studio } from '../../shared/protocol/debrief.js';
import type { Ack, IntentName, IntentPayload, IntentResult } from '../../shared/protocol/intents.js';
import { PART_IDS, type HostView, type ScreenView, type TeamView, type View } from '../../shared/protocol/views.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type AuthFor = { role: 'guest' } | { role: 'host' | 'player'; code: string; token: string } | { role: 'screen'; code: string };

const WAIT_MS = 5000;

/** A fresh seat token, as the browser draws it. */
export const newSeatToken = () => randomBytes(32).toString('base64url');

export class TestClient<V extends View = View> {
  readonly socket: ClientSocket;
  hello: Hello | null = null;
  /**
   * Every view held, in order: each full view received and each view a patch made (as a page holds them),
   * except the ones a simulated clock made, which are in `ticks`.
   */
  readonly views: V[] = [];
  readonly closed: Closed[] = [];
  /**
   * What each patch of a simulated clock (Part 2's and Part 3's ticks) left in the fields a clock moves, in
   * order: the version, the leaderboard, the crises and the parts' views (never the rosters).
   */
  readonly ticks: Tick[] = [];
  /** The replay and "what if" frames of a finished game (host consoles and screens), in order. */
  readonly studios: Studio[] = [];
  /** Every message that carried a view or a patch, as it came over the wire (for byte counts). */
  readonly received: { event: 'view' | 'patch'; bytes: number }[] = [];
  /** How many full views this client asked for after seeing a gap in the revisions. */
  resyncs = 0;
  /** The view held and its revision (null: a full view is due). */
  #current: V | null = null;
  #rev: number | null = null;
  #resyncing = false;
  #dropNext = false;
  #waiters: (() => void)[] = [];

  private constructor(url: string, auth: AuthFor) {
    this.socket = io(url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth } satisfies Handshake,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket.on('connect', () => (this.#rev = null));
    this.socket.on('hello', (hello) => this.#record(() => (this.hello = hello)));
    this.socket.on('view', (snapshot) => {
      this.received.push({ event: 'view', bytes: JSON.stringify(snapshot).length });
      this.#record(() => this.#takeSnapshot(snapshot));
    });
    this.socket.on('patch', (patch) => {
      this.received.push({ event: 'patch', bytes: JSON.stringify(patch).length });
      this.#record(() => this.#applyPatch(patch));
    });
    this.socket.on('closed', (closed) => this.#record(() => this.closed.push(closed)));
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

  /** Loses the next patch, as a network may: the next one after it shows a gap. */
  dropNextPatch(): void {
    this.#dropNext = true;
  }

  /** The view as the page would hold it now, ticks included. */
  get current(): V {
    if (!this.#current) throw new Error('no view yet');
    return this.#current;
  }

  /** The revision of the view held (null while a full view is due). */
  get rev(): number | null {
    return this.#rev;
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

  // The same rules as the pages' GameConnection (src/lib/connection.svelte.ts).
  #takeSnapshot({ rev, view }: Snapshot): void {
    if (this.#rev !== null && rev < this.#rev) return;
    this.#rev = rev;
    this.#resyncing = false;
    this.#current = view as V;
    this.views.push(view as V);
  }

  #applyPatch(patch: ViewPatch): void {
    if (this.#dropNext) {
      this.#dropNext = false;
      return;
    }
    if (this.#rev === null || this.#resyncing || !this.#current) return;
    if (patch.from !== this.#rev) return void this.#resync();
    const next = applyPatch(structuredClone(this.#current), patch.ops);
    this.#rev = patch.to;
    this.#current = next;
    if (patch.tick) this.ticks.push(tickOf(next));
    else this.views.push(next);
  }

  async #resync(): Promise<void> {
    this.resyncs += 1;
    this.#resyncing = true;
    this.#rev = null;
    const answer = await this.send('sync:snapshot', {});
    if (answer.ok) this.#record(() => this.#takeSnapshot(answer));
  }

  #record(apply: () => void): void {
    apply();
    for (const waiter of [...this.#waiters]) waiter();
  }
}

/** The fields of a view that a simulated clock moves (see TickSchema). */
export function tickOf(view: View): Tick {
  const { audience, version, leaderboard, crises } = view;
  const parts = Object.fromEntries(PART_IDS.filter((id) => id in view).map((id) => [id, view[id as keyof View]]));
  return { audience, version, leaderboard, crises, ...parts } as Tick;
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
