// `npm run dev`: the same realtime server, attached to Vite's http server so that hot reload and the game
// share one port. Loaded by the plugin in vite.config.ts.
import type { Server as HttpServer } from 'node:http';
import type { Http2SecureServer } from 'node:http2';
import { join } from 'node:path';
import { configFromEnv, publicUrlFor } from './config.js';
import { createLogger } from './logger.js';
import { attachRealtime } from './realtime/attach.js';
import { lockDataDir, type DataDirLock } from './store/data-lock.js';
import { SqliteStore } from './store/sqlite.js';

/** Vite restarts its server in the same process (a config change): the lock taken the first time is kept. */
let devLock: DataDirLock | null = null;

export async function startDevRealtime(httpServer: HttpServer | Http2SecureServer): Promise<void> {
  const config = configFromEnv();
  const logger = createLogger(config.logLevel);
  // Its own lock (the dev database is its own file): two dev servers on one folder would split its games too.
  devLock ??= lockDataDir(config.dataDir, 'fleet-ops-dev');
  const store = new SqliteStore(join(config.dataDir, 'fleet-ops-dev.sqlite'));
  const server = httpServer as HttpServer;
  const realtime = attachRealtime(server, {
    store,
    logger,
    connectionLimits: config.connectionLimits,
    addressRateLimits: config.addressRateLimits,
    lobbyIdleMs: config.lobbyIdleMs,
    allowedOrigins: config.allowedOrigins,
    publicUrl: () => {
      const address = server.address();
      return publicUrlFor(config, address && typeof address === 'object' ? address.port : config.port);
    },
  });
  const { restored, refused } = realtime.restore();
  for (const game of refused) logger.warn({ code: game.code, reason: game.reason }, 'game not restored');
  logger.info({ games: restored }, 'dev realtime attached');
}
