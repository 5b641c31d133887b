// Socket.IO on an existing http server: handshake, connection bookkeeping, intents and broadcasts. Used by the
// production app (server/app.ts) and by `npm run dev` (server/dev.ts), so both run exactly the same game.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { Rooms, type RestoreResult } from '../rooms/rooms.js';
import type { GameStore } from '../store/store.js';
import { Broadcaster } from './broadcast.js';
import { registerIntents } from './dispatch.js';
import { handshake } from './handshake.js';
import { DEFAULT_RATE_LIMIT, TokenBucket, type RateLimit } from './rate-limit.js';
import { hostRoom, playerRoom, screenRoom, teamRoom } from './rooms-of.js';
import type { GameServer, GameSocket } from './types.js';

export interface RealtimeOptions {
  store: GameStore;
  logger: Logger;
  /** The base URL phones open (e.g. http://192.168.1.20:3000), read when a client connects. */
  publicUrl: () => string;
  /** The server's clock, ms since the epoch (tests may pass their own). */
  clock?: () => number;
  rateLimit?: RateLimit;
  /** Open connections allowed from one address; a classroom behind one NAT needs a high number. */
  maxConnectionsPerAddress?: number;
  maxRooms?: number;
  /** Extra browser origins allowed besides the server's own (CORS does not cover WebSockets). */
  allowedOrigins?: string[];
}

export interface Realtime {
  io: GameServer;
  rooms: Rooms;
  broadcaster: Broadcaster;
  /** Rebuilds unfinished games from the store, leaving out the ones it refuses; call before accepting connections. */
  restore(): RestoreResult;
  close(): Promise<void>;
}

/** True when a browser's Origin is this server itself or explicitly allowed; non-browser clients send none. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): Realtime {
  const clock = options.clock ?? Date.now;
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const maxPerAddress = options.maxConnectionsPerAddress ?? 1000;
  const io: GameServer = new Server(httpServer, {
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => callback(null, originAllowed(req, options.allowedOrigins ?? [])),
  });
  const broadcaster = new Broadcaster(io);
  const rooms = new Rooms(options.store, broadcaster.onRoomChange, options.maxRooms ?? 2000, clock);
  const perAddress = new Map<string, number>();

  io.use((socket, next) => {
    const address = socket.handshake.address;
    const count = perAddress.get(address) ?? 0;
    if (count >= maxPerAddress) return next(new Error('too many connections from this address'));
    perAddress.set(address, count + 1);
    socket.once('disconnect', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
    next();
  });
  io.use(handshake(rooms));

  io.on('connection', (socket: GameSocket) => {
    const data = socket.data;
    const room = data.code === null ? undefined : rooms.get(data.code);
    if (room && data.role === 'host') socket.join(hostRoom(room.code));
    if (room && data.role === 'screen') {
      socket.join(screenRoom(room.code));
      room.screenConnection(1);
      socket.once('disconnect', () => room.screenConnection(-1));
    }
    if (room && data.role === 'player' && data.playerId !== null) {
      const playerId = data.playerId;
      const teamId = room.state.players.find((p) => p.id === playerId)?.teamId;
      socket.join(playerRoom(room.code, playerId));
      if (teamId) socket.join(teamRoom(room.code, teamId));
      room.playerConnection(playerId, 1);
      socket.once('disconnect', () => room.playerConnection(playerId, -1));
    }
    const base = options.publicUrl();
    socket.emit('hello', {
      protocol: PROTOCOL_VERSION,
      role: data.role,
      code: data.code,
      playerId: data.playerId,
      joinUrl: room ? `${base}/?code=${room.code}` : `${base}/`,
      serverTime: clock(),
    });
    const view = room ? broadcaster.viewFor(room, data) : null;
    if (view) socket.emit('view', view);
    registerIntents(socket, { data, rooms, broadcaster, clock }, new TokenBucket(limit, Date.now()), options.logger);
  });

  return {
    io,
    rooms,
    broadcaster,
    restore: () => rooms.restore(),
    async close() {
      broadcaster.stop();
      rooms.stop();
      // io.close() drops every connection at the transport level, so clients see "transport close" and
      // reconnect by themselves once the server is back (a server-side disconnect would stop their retries).
      // It also closes the http server; callers that own it close it themselves.
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
