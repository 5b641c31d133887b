// Socket.IO on an existing http server: handshake, connection bookkeeping, intents and broadcasts. Used by the
// production app (server/app.ts) and by `npm run dev` (server/dev.ts), so both run exactly the same game.
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { startRetention, type Retention } from '../rooms/retention.js';
import { Studios } from '../replay/studios.js';
import { Rooms, type RestoreResult } from '../rooms/rooms.js';
import type { GameStore } from '../store/store.js';
import { addressOf, admitConnections, engineAvailable } from './admission.js';
import { originAllowed, trustedOrigins } from './origins.js';
import { Broadcaster } from './broadcast.js';
import { ConnectionBudget, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connections.js';
import { registerIntents } from './dispatch.js';
import { handshake } from './handshake.js';
import {
  AddressBudgets,
  DEFAULT_ADDRESS_RATE_LIMITS,
  DEFAULT_RATE_LIMIT,
  TokenBucket,
  type AddressRateLimits,
  type RateLimit,
} from './rate-limit.js';
import { hostRoom, playerRoom, screenRoom, teamRoom } from './rooms-of.js';
import type { GameServer, GameSocket } from './types.js';

/** How long an Engine.IO connection may stay without joining the namespace. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How often full per-address buckets are forgotten. */
const PRUNE_EVERY_MS = 60_000;

export interface RealtimeOptions {
  store: GameStore;
  logger: Logger;
  /** The base URL phones open (e.g. http://192.168.1.20:3000), read when a client connects. */
  publicUrl: () => string;
  /** The server's clock, ms since the epoch (tests may pass their own). */
  clock?: () => number;
  /** Messages per socket. */
  rateLimit?: RateLimit;
  /** Budgets per client address: message cost, joins, game creations. */
  addressRateLimits?: Partial<AddressRateLimits>;
  /** Connections per client address; a lecture hall behind one NAT is one address. */
  connectionLimits?: Partial<ConnectionLimits>;
  maxRooms?: number;
  /** A lobby with nobody connected and no action for this long is closed (server time, ms). */
  lobbyIdleMs?: number;
  /** A finished game with nobody connected for this long is dropped from memory, to be loaded again on demand. */
  finishedIdleMs?: number;
  /**
   * Browser origins allowed besides the public URL's and this machine's own addresses on the listening port
   * (CORS does not cover WebSockets; the request's Host header proves nothing against DNS rebinding).
   */
  allowedOrigins?: string[];
  /** Finished games older than this many days are deleted at start and daily (0 or absent: kept forever). */
  retentionDays?: number;
  /**
   * How long one slice of a replay's move, a "what if", a timeline walked from the log or a finished game's load
   * may hold the event loop (server/replay/slices.ts).
   */
  debriefSliceMs?: number;
}

export interface Realtime {
  io: GameServer;
  rooms: Rooms;
  broadcaster: Broadcaster;
  connections: ConnectionBudget;
  /**
   * Rebuilds unfinished games from the store, leaving out the ones it refuses, and starts the retention sweep
   * (at once, then daily); call before accepting connections.
   */
  restore(): RestoreResult;
  /** Deletes a game (store and memory) and disconnects everyone connected to it; false when it was not stored. */
  deleteGame(code: string): boolean;
  close(): Promise<void>;
}

function listeningPort(httpServer: HttpServer): number | null {
  const address = httpServer.address();
  return address && typeof address === 'object' ? address.port : null;
}

export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): Realtime {
  const clock = options.clock ?? Date.now;
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const connections = new ConnectionBudget({ ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits });
  const budgets = new AddressBudgets({ ...DEFAULT_ADDRESS_RATE_LIMITS, ...options.addressRateLimits });
  const io: GameServer = new Server(httpServer, {
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: 64 * 1024,
    // An Engine.IO connection that has not joined the namespace by then is closed (Socket.IO's default is 45 s).
    connectTimeout: CONNECT_TIMEOUT_MS,
    allowRequest: (req, callback) => {
      const origins = trustedOrigins(options.publicUrl(), listeningPort(httpServer), options.allowedOrigins ?? []);
      callback(null, originAllowed(req.headers.origin, origins) && engineAvailable(connections, req.socket.remoteAddress));
    },
  });
  const broadcaster = new Broadcaster(io);
  // A replay or "what if" goes to the game's host consoles and projectors (the screen view is public).
  const studios = new Studios((room, studio) => io.to([hostRoom(room.code), screenRoom(room.code)]).emit('studio', studio), options.debriefSliceMs);
  const rooms = new Rooms(options.store, broadcaster.onRoomChange, options.maxRooms ?? 2000, clock, undefined, {
    lobbyIdleMs: options.lobbyIdleMs,
    finishedIdleMs: options.finishedIdleMs,
    onUnreadable: (code, reason) => options.logger.error({ code, reason }, 'a finished game could not be loaded'),
    onLoaded: (code, ms) => options.logger.info({ code, ms: Math.round(ms) }, 'a finished game was loaded from the store'),
    sliceMs: options.debriefSliceMs,
    onDropped: (room) => studios.forget(room),
    onApplied: (room, before, action) => studios.observe(room, before, action),
  });
  const pruning = setInterval(() => budgets.prune(Date.now()), PRUNE_EVERY_MS);
  pruning.unref();

  io.use(handshake(rooms));
  admitConnections(io, connections);

  io.on('connection', (socket: GameSocket) => {
    const data = socket.data;
    const room = data.code === null ? undefined : rooms.get(data.code);
    if (room && (data.role === 'host' || data.role === 'cohost')) {
      socket.join(hostRoom(room.code));
      room.hostConnection(1);
      socket.once('disconnect', () => room.hostConnection(-1));
    }
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
    const snapshot = room ? broadcaster.snapshotFor(room, data) : null;
    if (snapshot) socket.emit('view', snapshot);
    const studio = room && (data.role === 'host' || data.role === 'cohost' || data.role === 'screen') ? studios.studio(room) : null;
    if (studio) socket.emit('studio', studio);
    const ctx = { data, rooms, broadcaster, studios, clock, address: addressOf(socket), budgets };
    registerIntents(socket, ctx, new TokenBucket(limit, Date.now()), options.logger);
  });

  const deleteGame = (code: string): boolean => {
    const deleted = rooms.delete(code);
    // Their pages reconnect and are told the game is unknown.
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.code === code) socket.disconnect(true);
    }
    return deleted;
  };
  let retention: Retention | null = null;
  return {
    io,
    rooms,
    broadcaster,
    connections,
    restore: () => {
      const result = rooms.restore();
      retention ??= startRetention(options.store, deleteGame, options.retentionDays ?? 0, options.logger, clock);
      return result;
    },
    deleteGame,
    async close() {
      retention?.stop();
      clearInterval(pruning);
      broadcaster.stop();
      studios.stop();
      rooms.stop();
      // io.close() drops every connection at the transport level, so clients see "transport close" and
      // reconnect by themselves once the server is back (a server-side disconnect would stop their retries).
      // It also closes the http server; callers that own it close it themselves.
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
