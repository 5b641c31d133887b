// `npm run bench`, second half: Fleet Ops over real sockets against a bare Socket.IO server doing the same
// work (tests/bench/bare-server.ts), both as child processes on this machine, measured in the same run:
//   - a join storm of N players in one 40-team game: time until every phone shows the whole roster, and the
//     bytes the phones received;
//   - decision → every client: the host locks/unlocks the room, time until every phone shows it (p99);
//   - intent acks at 200 intents/s spread over the N players (p99), and the bytes per player per second;
//   - the server's memory per connected phone.
// Medians over BENCH_RUNS runs, with ratios against the bare server. Environment:
//   BENCH_PLAYERS (1000), BENCH_RUNS (3), BENCH_INTENT_SECONDS (10), BENCH_DECISIONS (30; the host may send 40 at once),
//   BENCH_SERVER_DIR (another checkout of Fleet Ops to measure instead of this one, e.g. the commit before a change),
//   BENCH_ONLY (fleet-ops or bare), BENCH_SERVER_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
// Every phone is a socket of this process on 127.0.0.1, so the per-address join rate is raised for the run (a
// lecture hall has many addresses; the limits are tested elsewhere).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { applyPatch, type PatchOp } from '../../shared/protocol/patch.js';

const ROOT = join(import.meta.dirname, '..', '..');
const int = (value: string | undefined, fallback: number) => (value ? Number.parseInt(value, 10) : fallback);
const N = int(process.env.BENCH_PLAYERS, 1000);
const RUNS = int(process.env.BENCH_RUNS, 3);
const INTENT_SECONDS = int(process.env.BENCH_INTENT_SECONDS, 10);
const DECISIONS = int(process.env.BENCH_DECISIONS, 30);
const INTENTS_PER_SECOND = 200;
/** Joins in flight at once (phones scanning the QR code together). */
const CONCURRENCY = 50;
const SERVER_DIR = process.env.BENCH_SERVER_DIR ?? ROOT;
const { PROTOCOL_VERSION } = (await import(pathToFileURL(join(SERVER_DIR, 'shared/protocol/version.ts')).href)) as {
  PROTOCOL_VERSION: number;
};

type Kind = 'fleet-ops' | 'bare';

interface Child {
  url: string;
  child: ChildProcess;
  rssKb(): number;
  stop(): Promise<void>;
}

function startServer(kind: Kind): Promise<Child> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetops-bench-'));
  const script = kind === 'bare' ? join(ROOT, 'tests/bench/bare-server.ts') : 'server/index.ts';
  const nodeOptions = process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', script], {
    cwd: kind === 'bare' ? ROOT : SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOIN_RATE_PER_ADDRESS: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on \S+:(\d+)/.exec(output);
      if (!match) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({
        url: `http://127.0.0.1:${match[1]}`,
        child,
        rssKb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0),
        async stop() {
          // SIGTERM: a clean exit (which also writes a CPU profile asked for with BENCH_SERVER_NODE_OPTIONS).
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(killer);
          rmSync(dataDir, { recursive: true, force: true });
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}:\n${output}`)));
  });
}

/** A phone: a socket, the bytes it received, and what it shows (the roster size, whether the room is locked). */
class Phone {
  bytes = 0;
  /** The bare server's phones keep counters; Fleet Ops phones read their view (see the getters). */
  #roster = 0;
  #roomLocked = false;
  readonly socket: Socket;
  #view: Record<string, unknown> | null = null;
  #rev: number | null = null;
  #listeners = new Set<() => void>();

  constructor(url: string, auth: Record<string, unknown>, kind: Kind) {
    this.socket = io(url, { auth: { ...auth, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    this.socket.io.on('open', () => this.socket.io.engine.on('data', (data: string | ArrayBuffer) => {
      this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    }));
    if (kind === 'bare') {
      this.socket.on('roster', (roster: { members: unknown[] }) => this.#set(() => (this.#roster = roster.members.length)));
      this.socket.on('joined', () => this.#set(() => (this.#roster += 1)));
      this.socket.on('decided', (d: { roomLocked: boolean }) => this.#set(() => (this.#roomLocked = d.roomLocked)));
      return;
    }
    // Fleet Ops: a full view (with its revision, or bare in protocol 1), then patches.
    this.socket.on('view', (message: { rev?: number; view?: Record<string, unknown> } & Record<string, unknown>) =>
      this.#set(() => {
        this.#view = message.view && typeof message.rev === 'number' ? message.view : message;
        this.#rev = typeof message.rev === 'number' ? message.rev : null;
      }),
    );
    this.socket.on('patch', (patch: { from: number; to: number; ops: PatchOp[] }) =>
      this.#set(() => {
        if (!this.#view || patch.from !== this.#rev) throw new Error('a gap in the revisions');
        applyPatch(this.#view, patch.ops);
        this.#rev = patch.to;
      }),
    );
  }

  /**
   * What the phone shows, read only when a check asks: the phones share this process, so bookkeeping done on
   * every message (summing forty rosters) would add up over a thousand phones and be measured as server latency.
   */
  get roster(): number {
    if (!this.#view) return this.#roster;
    return (this.#view.teams as { members: unknown[] }[]).reduce((sum, team) => sum + team.members.length, 0);
  }

  get roomLocked(): boolean {
    return this.#view ? (this.#view.roomLocked as boolean) : this.#roomLocked;
  }

  #set(change: () => void): void {
    change();
    for (const listener of [...this.#listeners]) listener();
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Resolves with the time (performance.now) at which `check` first holds. */
  until(check: (phone: Phone) => boolean, timeoutMs = 120_000): Promise<number> {
    if (check(this)) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error('timed out'));
      }, timeoutMs);
      const listener = () => {
        if (!check(this)) return;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve(performance.now());
      };
      this.#listeners.add(listener);
    });
  }

  emit(event: string, payload: unknown): Promise<{ ok: boolean; code?: string }> {
    return this.socket.timeout(30_000).emitWithAck(event, payload) as Promise<{ ok: boolean; code?: string }>;
  }

  close(): void {
    this.socket.disconnect();
  }
}

async function pool<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const median = (values: number[]) => percentile(values, 50);
const rid = () => randomBytes(8).toString('hex');

const FIRST = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jade', 'Kai', 'Lena', 'Milo', 'Nora', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tova'];
const LAST = ['Reed', 'Stone', 'Vale', 'Brook', 'Frost', 'Hale', 'Lake', 'Moss', 'North', 'Park', 'Rowe', 'Shaw', 'Tate', 'Wells', 'York', 'Ash', 'Bell', 'Cole', 'Dale', 'Fox'];
/** A distinct, ordinary nickname per phone (numbers in names trip the profanity filter's leetspeak rules). */
function nicknameOf(i: number): string {
  const suffix = i >= 400 ? ` ${'ABCDEFGHJKMNPQRSTUVWXYZ'[Math.floor(i / 400) - 1]}` : '';
  return `${FIRST[i % 20]} ${LAST[Math.floor(i / 20) % 20]}${suffix}`;
}

interface Result {
  joinMs: number;
  joinBytes: number;
  decisionP99Ms: number;
  ackP99Ms: number;
  ackRefused: number;
  bytesPerPlayerPerSecond: number;
  memoryPerSocketKb: number;
}

async function measure(kind: Kind): Promise<Result> {
  const server = await startServer(kind);
  const guestBytes: number[] = [];
  const phones: Phone[] = [];
  let host: Phone;
  try {
    let code = '';
    if (kind === 'fleet-ops') {
      const creator = new Phone(server.url, { role: 'guest' }, kind);
      await creator.connected();
      const created = (await creator.emit('game:create', { teamCount: 40 })) as { ok: boolean; code: string; hostToken: string };
      creator.close();
      code = created.code;
      host = new Phone(server.url, { role: 'host', code, token: created.hostToken }, kind);
    } else {
      host = new Phone(server.url, { role: 'host' }, kind);
    }
    await host.connected();
    const rssBefore = server.rssKb();

    // The join storm.
    const stormStart = performance.now();
    await pool(N, CONCURRENCY, async (i) => {
      const guest = new Phone(server.url, { role: 'guest' }, kind);
      await guest.connected();
      const seatToken = randomBytes(32).toString('base64url');
      const nickname = nicknameOf(i);
      const joined = await guest.emit(kind === 'bare' ? 'join' : 'game:join', { code, nickname, seatToken });
      if (!joined.ok) throw new Error(`join refused: ${joined.code}`);
      guest.close();
      guestBytes.push(guest.bytes);
      const phone = new Phone(server.url, { role: 'player', code, token: seatToken }, kind);
      phones.push(phone);
      await phone.connected();
    });
    await Promise.all(phones.map((phone) => phone.until((p) => p.roster === N)));
    const joinMs = performance.now() - stormStart;
    const joinBytes = phones.reduce((sum, p) => sum + p.bytes, 0) + guestBytes.reduce((a, b) => a + b, 0);
    const memoryPerSocketKb = (server.rssKb() - rssBefore) / N;

    // Decision → every client.
    const decisionP99s: number[] = [];
    for (let d = 0; d < DECISIONS; d++) {
      const locked = d % 2 === 0;
      const sent = performance.now();
      const arrivals = Promise.all(phones.map((phone) => phone.until((p) => p.roomLocked === locked)));
      const ack = await host.emit(kind === 'bare' ? 'decision' : 'host:lock-room', { locked, rid: rid() });
      if (!ack.ok) throw new Error(`decision refused: ${ack.code}`);
      decisionP99s.push(percentile((await arrivals).map((at) => at - sent), 99));
    }

    // Intents at 200/s from random phones (Fleet Ops: proposals during Part 1's play).
    if (kind === 'fleet-ops') {
      for (const intent of ['host:start', 'host:next']) {
        const ack = await host.emit(intent, { rid: rid() });
        if (!ack.ok) throw new Error(`${intent} refused: ${ack.code}`);
      }
    }
    const bytesBefore = phones.reduce((sum, p) => sum + p.bytes, 0);
    const acks: Promise<number>[] = [];
    let refused = 0;
    const total = INTENTS_PER_SECOND * INTENT_SECONDS;
    const loadStart = performance.now();
    for (let i = 0; i < total; i++) {
      // Sent on schedule, not after the previous ack: a slow server does not slow the students down.
      const due = loadStart + (i * 1000) / INTENTS_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const phone = phones[Math.floor(Math.random() * phones.length)]!;
      const value = 10 + Math.floor(Math.random() * 400);
      const sent = performance.now();
      acks.push(
        phone.emit(kind === 'bare' ? 'intent' : 'team:propose', { part: 1, value, rid: rid() }).then((ack) => {
          if (!ack.ok) refused += 1;
          return performance.now() - sent;
        }),
      );
    }
    const latencies = await Promise.all(acks);
    const seconds = (performance.now() - loadStart) / 1000;
    const bytesPerPlayerPerSecond = (phones.reduce((sum, p) => sum + p.bytes, 0) - bytesBefore) / phones.length / seconds;
    return {
      joinMs,
      joinBytes,
      decisionP99Ms: median(decisionP99s),
      ackP99Ms: percentile(latencies, 99),
      ackRefused: refused,
      bytesPerPlayerPerSecond,
      memoryPerSocketKb,
    };
  } finally {
    for (const phone of phones) phone.close();
    host!?.close();
    await server.stop();
  }
}

const ROWS: [keyof Result, string, (v: number) => string][] = [
  ['joinMs', `join storm of ${N} (every phone shows the whole roster)`, (v) => `${(v / 1000).toFixed(2)} s`],
  ['joinBytes', 'bytes to the phones during the storm', (v) => `${(v / 1e6).toFixed(1)} MB`],
  ['decisionP99Ms', 'decision → every phone, p99 (median of decisions)', (v) => `${v.toFixed(0)} ms`],
  ['ackP99Ms', `intent ack p99 at ${INTENTS_PER_SECOND}/s`, (v) => `${v.toFixed(0)} ms`],
  ['bytesPerPlayerPerSecond', `bytes per phone per second at ${INTENTS_PER_SECOND} intents/s`, (v) => `${v.toFixed(0)} B/s`],
  ['memoryPerSocketKb', 'server memory per phone (RSS growth / N)', (v) => `${v.toFixed(0)} KB`],
  ['ackRefused', 'intents refused (not counted as errors: e.g. a proposal while locked)', (v) => `${v}`],
];

const results: Record<Kind, Result[]> = { 'fleet-ops': [], bare: [] };
for (let run = 0; run < RUNS; run++) {
  // Alternate the order so neither always runs on a warmer (or busier) machine.
  const order: Kind[] = run % 2 === 0 ? ['bare', 'fleet-ops'] : ['fleet-ops', 'bare'];
  for (const kind of order.filter((k) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === k)) {
    const result = await measure(kind);
    results[kind].push(result);
    process.stdout.write(`run ${run + 1} ${kind}: ${JSON.stringify(result)}\n`);
  }
}

const med = (kind: Kind, key: keyof Result) => median(results[kind].map((r) => r[key]));
process.stdout.write(`\nSockets: ${N} phones, ${RUNS} runs (medians), server ${SERVER_DIR === ROOT ? 'this checkout' : SERVER_DIR}\n\n`);
process.stdout.write('| what | Fleet Ops | bare Socket.IO | ratio |\n| --- | --- | --- | --- |\n');
for (const [key, label, format] of ROWS) {
  // BENCH_ONLY leaves one column empty.
  const cell = (kind: Kind) => (results[kind].length > 0 ? format(med(kind, key)) : '—');
  const ours = results['fleet-ops'].length > 0 ? med('fleet-ops', key) : NaN;
  const bare = results.bare.length > 0 ? med('bare', key) : NaN;
  const ratio = bare > 0 && Number.isFinite(ours) ? `${(ours / bare).toFixed(2)}×` : '—';
  process.stdout.write(`| ${label} | ${cell('fleet-ops')} | ${cell('bare')} | ${ratio} |\n`);
}
process.exit(0);
