// The one process of Fleet Ops: the pages and Socket.IO on one port, SQLite under DATA_DIR.
// `npm start` builds the pages when their sources changed (server/build-if-stale.ts), then runs this file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';
import { createApp } from './app.js';
import { configFromEnv, publicUrlFor } from './config.js';
import { openFileWarning, readOpenFileLimit } from './fd-limit.js';
import { createLogger } from './logger.js';
import { FD_RESERVE, engineLimitOf } from './realtime/connections.js';
import { holdTimersThroughDowntime, lastAlive, startHeartbeat } from './downtime.js';
import { DataDirLocked, lockDataDir } from './store/data-lock.js';
import { SqliteStore } from './store/sqlite.js';

const config = configFromEnv();
const logger = createLogger(config.logLevel);

async function loadPages(): Promise<RequestHandler> {
  const file = join(import.meta.dirname, '..', 'build', 'handler.js');
  if (!existsSync(file)) {
    throw new Error('The pages are not built: run `npm start` (it builds them when needed) or `npm run build`.');
  }
  const module = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
  return module.handler;
}

// Before anything reads the games: a second server on the same folder stops here, with a message.
const dataLock = (() => {
  try {
    return lockDataDir(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLocked)) throw error;
    logger.fatal({ dataDir: config.dataDir }, error.message);
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
})();

// A low open-file limit makes phones fail at random under load: say so at start, in words.
const openFiles = readOpenFileLimit();
const fdWarning = openFiles && openFileWarning(openFiles, engineLimitOf(config.connectionLimits) + FD_RESERVE, FD_RESERVE);
if (fdWarning) {
  logger.warn({ openFiles }, 'open-file limit below what the connection limits allow');
  process.stdout.write(`\nWarning: ${fdWarning}\n`);
}

const store = new SqliteStore(join(config.dataDir, 'fleet-ops.sqlite'), { synchronous: config.sqliteSync });
let port = config.port;
const app = createApp({
  store,
  logger,
  pages: await loadPages(),
  publicUrl: () => publicUrlFor(config, port),
  connectionLimits: config.connectionLimits,
  addressRateLimits: config.addressRateLimits,
  lobbyIdleMs: config.lobbyIdleMs,
  allowedOrigins: config.allowedOrigins,
  retentionDays: config.retentionDays,
});
const { restored, refused } = app.realtime.restore();
// A refused game stays in the store; the others are served all the same.
for (const game of refused) logger.warn({ code: game.code, reason: game.reason }, 'game not restored');
// Part timers do not run while the server is down: held from the last moment the last process was alive.
const downSince = lastAlive(config.dataDir);
if (downSince !== null) holdTimersThroughDowntime(app.realtime.rooms, downSince, Date.now(), logger);
const stopHeartbeat = startHeartbeat(config.dataDir);

app.httpServer.listen(config.port, config.host, () => {
  const address = app.httpServer.address();
  if (address && typeof address === 'object') port = address.port;
  const base = publicUrlFor(config, port);
  logger.info({ port, games: restored, dataDir: config.dataDir }, 'Fleet Ops listening');
  // Plain lines for people (tests that start this process on port 0 read the port from the last one).
  process.stdout.write(
    `\nFleet Ops is running.\n  Host a game:  http://localhost:${port}/host\n  Players join: ${base}/\n` +
      `  Listening on ${config.host}:${port}\n\n`,
  );
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  stopHeartbeat();
  await app.close();
  store.close();
  dataLock.release();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
