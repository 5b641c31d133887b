// A real Fleet Ops server for tests: the production factory, a real SQLite file in a temp folder, port 0.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { afterEach, beforeEach } from 'vitest';
import { createApp, type App, type AppOptions } from '../../server/app.js';
import type { RateLimit } from '../../server/realtime/rate-limit.js';
import { SqliteStore, type SqliteOptions } from '../../server/store/sqlite.js';

export interface TestServer {
  url: string;
  app: App;
  store: SqliteStore;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  dataDir?: string;
  rateLimit?: RateLimit;
  /** The server's clock (ms); tests move it forward to make part timers run out. */
  clock?: () => number;
  /** Options of the SQLite store (e.g. a size cap that makes it full). */
  store?: SqliteOptions;
  /** The server's logger (silent unless a test reads what it logs). */
  logger?: Logger;
  /** Any other option of the app (connection and address limits, the game cap, ...). */
  app?: Partial<Omit<AppOptions, 'store' | 'logger' | 'publicUrl'>>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fleetops-test-'));
  const store = new SqliteStore(join(dataDir, 'fleet-ops.sqlite'), options.store);
  let url = '';
  const app = createApp({
    ...options.app,
    store,
    logger: options.logger ?? pino({ level: 'silent' }),
    publicUrl: () => url,
    rateLimit: options.rateLimit,
    clock: options.clock,
  });
  app.realtime.restore();
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  return {
    url,
    app,
    store,
    dataDir,
    async close() {
      await app.close();
      store.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh server for every test of the calling file, on a clock the test can move forward (`skewMs`), with
 * the clients a test opens closed after it.
 */
export function useTestServer(options: Omit<TestServerOptions, 'clock'> = {}) {
  const context = {
    server: undefined as unknown as TestServer,
    skewMs: 0,
    clients: [] as { close(): void }[],
    /** Closes the client after the test. */
    track<T extends { close(): void }>(client: T): T {
      context.clients.push(client);
      return client;
    },
  };
  beforeEach(async () => {
    context.skewMs = 0;
    context.server = await startTestServer({ ...options, clock: () => Date.now() + context.skewMs });
  });
  afterEach(async () => {
    for (const client of context.clients.splice(0)) client.close();
    await context.server.close();
  });
  return context;
}

/**
 * For a file whose tests each start their own server, with options of their own: `start` one, and `clients` to
 * close; both are closed after each test.
 */
export function useOwnServer() {
  let server: TestServer | undefined;
  const clients: { close(): void }[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server?.close();
    server = undefined;
  });
  return {
    clients,
    async start(options: TestServerOptions = {}): Promise<TestServer> {
      server = await startTestServer(options);
      return server;
    },
  };
}
