// Who may hold a connection, wired into Socket.IO: Engine.IO connections are counted per address from the
// moment they open until they close (whether or not they ever join the namespace); namespace sockets are
// counted once their handshake is accepted, released on disconnect, and refused with a code and a message
// when their address holds as many as it may.
import type { Socket as EngineSocket } from 'engine.io';
import { addressKey } from './address.js';
import type { ConnectionBudget } from './connections.js';
import { refusal } from './handshake.js';
import type { GameServer, GameSocket } from './types.js';

// The page retries a `connection/limit` refusal by itself (src/lib/connection.svelte.ts): say so.
const TOO_MANY_CONNECTIONS =
  'Too many connections from your network right now. This page will try again by itself in a few seconds.';
const TOO_MANY_SEATS =
  'Too many players are connected from your network right now. This page will try again by itself in a few seconds.';

/** The seat a socket holds (its host console or its player's seat), or null for a guest or a screen. */
export function seatOf(socket: GameSocket): string | null {
  const { role, code, playerId } = socket.data;
  // Each console (the host token, each session from a link) is its own seat: the lectern PC and a co-host do
  // not push the host's laptop out.
  if (role === 'host' || role === 'cohost') return `${code}:host:${socket.data.console ?? ''}`;
  if (role === 'player') return `${code}:player:${playerId}`;
  return null;
}

/** The budget key of a socket's client address. */
export function addressOf(socket: GameSocket): string {
  return addressKey(socket.handshake.address);
}

/**
 * Counts Engine.IO connections (refusing the ones over the address's limit before they upgrade, and closing
 * any that slipped past) and namespace sockets (a middleware to run after the handshake). Sockets beyond a
 * seat's `perSeat` close that seat's oldest one: almost always a socket whose network died unnoticed.
 */
export function admitConnections(io: GameServer, budget: ConnectionBudget): void {
  io.engine.on('connection', (raw: EngineSocket) => {
    const address = addressKey(raw.remoteAddress);
    if (!budget.engineOpened(address)) {
      raw.close();
      return;
    }
    raw.once('close', () => budget.engineClosed(address));
  });

  io.use((socket, next) => {
    const ok = budget.mayConnect(addressOf(socket), seatOf(socket));
    if (ok) return next();
    next(refusal('connection/limit', seatOf(socket) === null ? TOO_MANY_CONNECTIONS : TOO_MANY_SEATS));
  });

  const openBySeat = new Map<string, GameSocket[]>();
  io.on('connection', (socket) => {
    const address = addressOf(socket);
    const seat = seatOf(socket);
    budget.connected(address, seat);
    if (seat !== null) {
      const open = [...(openBySeat.get(seat) ?? []), socket];
      const oldest = open.splice(0, Math.max(0, open.length - budget.limits.perSeat));
      openBySeat.set(seat, open);
      for (const stale of oldest) stale.disconnect(true);
    }
    socket.once('disconnect', () => {
      budget.disconnected(address, seat);
      if (seat === null) return;
      const open = (openBySeat.get(seat) ?? []).filter((s) => s !== socket);
      if (open.length > 0) openBySeat.set(seat, open);
      else openBySeat.delete(seat);
    });
  });
}

/** The pre-upgrade check for `allowRequest`: false when the request's address holds as many connections as it may. */
export function engineAvailable(budget: ConnectionBudget, remoteAddress: string | undefined): boolean {
  return budget.engineAvailable(addressKey(remoteAddress));
}
