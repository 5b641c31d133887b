// The testable factory: an http server with Socket.IO and the pages, not yet listening. server/index.ts is
// the only file that listens.
import express, { type RequestHandler } from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { gamesRouter } from './http/games.js';
import { securityHeaders } from './http/security.js';
import { attachRealtime, type Realtime, type RealtimeOptions } from './realtime/attach.js';

export interface AppOptions extends RealtimeOptions {
  /** SvelteKit's request handler (build/handler.js); absent in server-only tests. */
  pages?: RequestHandler;
  logger: Logger;
}

export interface App {
  httpServer: HttpServer;
  realtime: Realtime;
  /** Closes sockets, then the http server. */
  close(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  const httpServer = createServer(app);
  const realtime = attachRealtime(httpServer, options);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, games: realtime.rooms.size });
  });
  app.use(gamesRouter({ store: options.store, realtime, logger: options.logger, clock: options.clock }));
  // The pages come last: everything not matched above is SvelteKit's.
  if (options.pages) app.use(options.pages);

  return {
    httpServer,
    realtime,
    async close() {
      await realtime.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
