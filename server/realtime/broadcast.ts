// Sends each audience its view after a room changes. Changes are coalesced: however many actions a room
// accepts in one turn of the event loop, each audience gets one message, built once and sent once per
// Socket.IO room (one per team, one for the host, one for the screens).
import { messageFor } from '../../shared/protocol/errors.js';
import type { SocketData } from '../../shared/protocol/events.js';
import type { View } from '../../shared/protocol/views.js';
import { projectHost, projectScreen, projectTeam, projectTick, type Viewer } from '../../shared/sim/project.js';
import type { GameEvent } from '../../shared/sim/reducer.js';
import { TEAM_COUNT_MAX } from '../../shared/protocol/limits.js';
import type { Room } from '../rooms/room.js';
import { hostRoom, playerRoom, screenRoom, teamRoom } from './rooms-of.js';
import type { GameServer } from './types.js';

/** How long presence changes (connects, disconnects) are gathered before the room's views go out. */
export const PRESENCE_WINDOW_MS = 500;

/** Which audience a view is for: the host, the screens, or one team. */
type AudienceKey = 'host' | 'screen' | `team:${string}`;

interface CachedView {
  version: number;
  presenceRevision: number;
  view: View | null;
}

export class Broadcaster {
  readonly #io: GameServer;
  /**
   * The last view built per room and audience. A view depends only on the game's version and its presence,
   * so a snapshot of the same version and presence is served from here, and a broadcast fills it.
   */
  readonly #views = new WeakMap<Room, Map<AudienceKey, CachedView>>();
  /** How many views were projected (not served from the cache): for tests and benchmarks. */
  projections = 0;
  /** Rooms whose audiences need full views (something other than the clock changed). */
  readonly #pending = new Set<Room>();
  /** Rooms where only a simulated clock moved: a volatile tick per audience is enough. */
  readonly #ticked = new Set<Room>();
  #scheduled: NodeJS.Immediate | null = null;
  /** Rooms where only presence changed (someone connected or left): their views wait for the presence window. */
  readonly #presence = new Set<Room>();
  #presenceTimer: NodeJS.Timeout | null = null;

  constructor(io: GameServer) {
    this.#io = io;
  }

  /** The room listener: acts on events at once (sockets change rooms before the next view), views later. */
  readonly onRoomChange = (room: Room, events: GameEvent[]): void => {
    if (events.length === 0) return this.#presenceChanged(room);
    for (const event of events) this.#applyEvent(room, event);
    if (events.length > 0 && events.every((event) => event.type === 'sim-ticked')) this.#ticked.add(room);
    else this.#pending.add(room);
    this.#scheduled ??= setImmediate(() => this.flush());
  };

  /** Sends the pending views and ticks now. */
  flush(): void {
    this.#scheduled = null;
    const rooms = [...this.#pending];
    const ticked = [...this.#ticked].filter((room) => !this.#pending.has(room));
    this.#pending.clear();
    this.#ticked.clear();
    // A full view carries the presence of the moment: a room sent now needs no presence view later.
    for (const room of rooms) this.#presence.delete(room);
    for (const room of rooms) this.#sendViews(room);
    for (const room of ticked) this.#sendTicks(room);
  }

  /** The current view for one connection, e.g. as the snapshot after a (re)connect. */
  viewFor(room: Room, data: SocketData): View | null {
    switch (data.role) {
      case 'host':
      case 'cohost':
        return this.#view(room, 'host');
      case 'screen':
        return this.#view(room, 'screen');
      case 'player': {
        const player = room.state.players.find((p) => p.id === data.playerId);
        return player?.teamId ? this.#view(room, `team:${player.teamId}`) : null;
      }
      case 'guest':
        return null;
    }
  }

  /** The view of one audience at the room's current version and presence, built at most once. */
  #view(room: Room, audience: AudienceKey): View | null {
    let cache = this.#views.get(room);
    if (!cache) {
      cache = new Map();
      this.#views.set(room, cache);
    }
    const { version } = room.state;
    const { presenceRevision } = room;
    const cached = cache.get(audience);
    if (cached && cached.version === version && cached.presenceRevision === presenceRevision) return cached.view;
    this.projections += 1;
    const view = this.#project(room, audience);
    cache.set(audience, { version, presenceRevision, view });
    return view;
  }

  #project(room: Room, audience: AudienceKey): View | null {
    if (audience === 'host') return projectHost(room.state, room.presence());
    if (audience === 'screen') return projectScreen(room.state);
    return projectTeam(room.state, audience.slice('team:'.length), room.presence());
  }

  /**
   * Presence is not game state, and in a lecture hall it changes hundreds of times a second while phones
   * connect: each change would resend every view of the room to every socket in it. Changes are gathered for
   * PRESENCE_WINDOW_MS and sent as one view per audience.
   */
  #presenceChanged(room: Room): void {
    this.#presence.add(room);
    this.#presenceTimer ??= setTimeout(() => {
      this.#presenceTimer = null;
      for (const waiting of this.#presence) this.#pending.add(waiting);
      this.#presence.clear();
      this.flush();
    }, PRESENCE_WINDOW_MS);
  }

  /** Stops a pending flush (on shutdown). */
  stop(): void {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = null;
    if (this.#presenceTimer) clearTimeout(this.#presenceTimer);
    this.#presenceTimer = null;
    this.#presence.clear();
    this.#pending.clear();
    this.#ticked.clear();
  }

  #sendViews(room: Room): void {
    const { code, state } = room;
    const listeners = this.#io.sockets.adapter.rooms;
    const send = (name: string, audience: AudienceKey) => {
      if (!listeners.has(name)) return;
      const view = this.#view(room, audience);
      if (view) this.#io.to(name).emit('view', view);
    };
    send(hostRoom(code), 'host');
    send(screenRoom(code), 'screen');
    for (const team of state.teams) send(teamRoom(code, team.id), `team:${team.id}`);
  }

  /** A simulated clock moved: one volatile message per audience with what the clock changes. */
  #sendTicks(room: Room): void {
    const { code, state } = room;
    const listeners = this.#io.sockets.adapter.rooms;
    const send = (name: string, viewer: Viewer) => {
      if (!listeners.has(name)) return;
      const tick = projectTick(state, viewer);
      if (tick) this.#io.to(name).volatile.emit('tick', tick);
    };
    send(hostRoom(code), { audience: 'host' });
    send(screenRoom(code), { audience: 'screen' });
    for (const team of state.teams) send(teamRoom(code, team.id), { audience: 'team', teamId: team.id });
  }

  #applyEvent(room: Room, event: GameEvent): void {
    switch (event.type) {
      case 'player-joined':
      case 'sim-ticked':
        return;
      case 'players-moved':
        for (const playerId of event.playerIds) this.#seatSockets(room, playerId);
        return;
      case 'player-kicked': {
        const sockets = this.#io.in(playerRoom(room.code, event.playerId));
        sockets.emit('closed', { code: 'auth/kicked', message: messageFor('auth/kicked') });
        sockets.disconnectSockets(true);
        return;
      }
    }
  }

  /** Puts a player's open sockets in the room of the team the player now sits in. */
  #seatSockets(room: Room, playerId: string): void {
    const player = room.state.players.find((p) => p.id === playerId);
    const sockets = this.#io.in(playerRoom(room.code, playerId));
    const allTeams = Array.from({ length: TEAM_COUNT_MAX }, (_, i) => teamRoom(room.code, `t${i + 1}`));
    sockets.socketsLeave(allTeams);
    if (player?.teamId) sockets.socketsJoin(teamRoom(room.code, player.teamId));
  }
}
