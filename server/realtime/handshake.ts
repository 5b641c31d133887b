// Roles are fixed once, at the Socket.IO handshake, from the tokens the client presents: a guest (may create
// or join a game), the host (host token or a host session), a co-host (a co-host session), a player (seat token) or a screen (read-only). A refusal reaches the
// client as `connect_error` with `{ code, message }` in `err.data`, and Socket.IO does not retry it.
import { messageFor, type ErrorCode } from '../../shared/protocol/errors.js';
import { HandshakeSchema } from '../../shared/protocol/events.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import type { Room } from '../rooms/room.js';
import type { Rooms } from '../rooms/rooms.js';
import { hashToken } from '../tokens.js';
import type { GameSocket } from './types.js';

type Next = (err?: Error) => void;

/** `game/ended` at a handshake is a closed lobby (Rooms.find); the catalogue's words are for its students, these
 *  for its host's console and projector. */
const CLOSED_LOBBY = 'This game was closed after it stood idle in its lobby, before it was played. Host a new game for your class.';

/** A refused handshake as Socket.IO sends it: `err.data` carries the code and a message a person can act on. */
export function refusal(code: ErrorCode, message: string = messageFor(code)): Error {
  const error = new Error(message) as Error & { data: unknown };
  error.data = { code, message };
  return error;
}

/**
 * The Socket.IO middleware that authenticates a connection and records its role in `socket.data`. A finished
 * game not in memory is loaded from the store here (Rooms.find), so that its host, projectors and players get
 * its debrief after a restart; the connection is accepted once it is loaded.
 */
export function handshake(rooms: Rooms) {
  return (socket: GameSocket, next: Next): void => {
    const parsed = HandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refusal('auth/handshake'));
    const auth = parsed.data;
    if (auth.protocol !== PROTOCOL_VERSION) return next(refusal('protocol/version'));
    if (auth.role === 'guest') {
      socket.data = { role: 'guest', code: null, playerId: null };
      return next();
    }
    const admit = (room: Room): void => {
      switch (auth.role) {
        case 'host': {
          // The host token, or a session made from the recovery link (host) or the co-host link (co-host).
          const hash = hashToken(auth.token);
          const role = room.consoleOf(hash);
          if (!role) return next(refusal('auth/invalid-token'));
          socket.data = { role, code: room.code, playerId: null, console: hash.slice(0, 16) };
          return next();
        }
        case 'player': {
          const player = room.playerByTokenHash(hashToken(auth.token));
          if (!player) return next(refusal('auth/invalid-token'));
          if (player.kicked) return next(refusal('auth/kicked'));
          socket.data = { role: 'player', code: room.code, playerId: player.id };
          return next();
        }
        case 'screen':
          socket.data = { role: 'screen', code: room.code, playerId: null };
          return next();
      }
    };
    const live = rooms.get(auth.code);
    if (live) return admit(live);
    // A finished game not in memory loads in slices: the connection waits for it (the page says "Loading the
    // game…" meanwhile) while the server answers everyone else.
    // A throw while admitting is refused like an unreadable game, never left as an unhandled rejection.
    void rooms
      .find(auth.code)
      .then((found) => (found.ok ? admit(found.room) : next(refusal(found.code, found.code === 'game/ended' && auth.role !== 'player' ? CLOSED_LOBBY : undefined))))
      .catch(() => next(refusal('game/unreadable')));
  };
}
