// Sends each audience what changed in its view. Each audience (the host, the screens, one team) has a baseline:
// the last view it was sent, with a revision. After a change the new view is diffed against the baseline and
// only the patch goes out, once per Socket.IO room; a full view goes only to a socket that has none (connect,
// reconnect, a move to another team, or a page that saw a gap in the revisions and asked). Changes are
// coalesced: however many actions a room accepts in one turn of the event loop, each audience gets one patch.
import { messageFor } from '../../shared/protocol/errors.js';
import type { Snapshot, SocketData } from '../../shared/protocol/events.js';
import { diff, type PatchOp } from '../../shared/protocol/patch.js';
import type { View } from '../../shared/protocol/views.js';
import { projectHost, projectScreen, projectTeam } from '../../shared/sim/project.js';
import type { GameEvent } from '../../shared/sim/reducer.js';
import { TEAM_COUNT_MAX } from '../../shared/protocol/limits.js';
import type { Room } from '../rooms/room.js';
import { FlushBudget } from './flush-budget.js';
import { hostRoom, playerRoom, screenRoom, teamRoom } from './rooms-of.js';
import type { GameServer } from './types.js';

/**
 * How long presence changes (connects, disconnects) and joins are gathered before the room's views go out:
 * in a lecture hall they come by the hundred a second, and nobody needs a roster fresher than this.
 */
export const PRESENCE_WINDOW_MS = 500;

/**
 * How long an audience whose view changed only in its `version` (another team's action) may hold the old
 * number: the catch-up goes to every phone of the room, so at 200 intents a second it is sent every 2 s, not
 * with each one. Any other change of that audience carries the version with it at once.
 */
export const VERSION_WINDOW_MS = 2000;

/** A wait shorter than this is not worth a timer: the flush runs after this turn of the event loop. */
const MIN_GAP_MS = 1;

/** Which audience a view is for: the host, the screens, or one team. */
type AudienceKey = 'host' | 'screen' | `team:${string}`;

/** The last view an audience was sent and its revision. */
interface Baseline {
  rev: number;
  view: View;
}

export class Broadcaster {
  readonly #io: GameServer;
  /**
   * The baseline per room and audience. It is also the snapshot cache: a snapshot of an audience is its
   * baseline until the next change, so a hundred screens asking cost one projection.
   */
  readonly #baselines = new WeakMap<Room, Map<AudienceKey, Baseline>>();
  /** Revisions count up across every room and audience of this process, so a revision names one view. */
  #rev = 0;
  /** How many views were projected: for tests and benchmarks. */
  projections = 0;
  /** Rooms with changes other than the clock. */
  readonly #pending = new Set<Room>();
  /** Rooms where only a simulated clock moved (their patches are marked `tick`). */
  readonly #ticked = new Set<Room>();
  #scheduled: { cancel(): void } | null = null;
  /** Keeps flushing to half of the event loop under load (see FlushBudget). */
  readonly #budget = new FlushBudget();
  /** Rooms where only presence or the roster changed: their patches wait for the presence window. */
  readonly #presence = new Set<Room>();
  #presenceTimer: NodeJS.Timeout | null = null;
  /** Rooms with an audience whose version lags (see VERSION_WINDOW_MS). */
  readonly #versionLag = new Set<Room>();
  #versionTimer: NodeJS.Timeout | null = null;
  /** The game version each room had at its last change: a change without a new one is presence. */
  readonly #versions = new WeakMap<Room, number>();
  /** Players moved to another team since the last flush: their sockets get that team's full view. */
  readonly #moved = new Map<Room, Set<string>>();

  constructor(io: GameServer) {
    this.#io = io;
  }

  /** The room listener: acts on events at once (sockets change rooms before the next patch), views later. */
  readonly onRoomChange = (room: Room, events: GameEvent[]): void => {
    // A change without a new version is presence; presence and joins only mark or grow rosters, so they are
    // gathered over the presence window (see PRESENCE_WINDOW_MS). Any other action goes out at once.
    const acted = room.state.version !== this.#versions.get(room);
    this.#versions.set(room, room.state.version);
    const joinsOnly = events.length > 0 && events.every((event) => event.type === 'player-joined');
    if (!acted || joinsOnly) return this.#presenceChanged(room);
    for (const event of events) this.#applyEvent(room, event);
    if (events.length > 0 && events.every((event) => event.type === 'sim-ticked')) this.#ticked.add(room);
    else this.#pending.add(room);
    this.#schedule();
  };

  /** Flushes after this turn of the event loop, or later if the flushes' budget says so (see FlushBudget). */
  #schedule(): void {
    if (this.#scheduled) return;
    const wait = this.#budget.waitAt(performance.now());
    if (wait < MIN_GAP_MS) {
      const immediate = setImmediate(() => this.flush());
      this.#scheduled = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(() => this.flush(), wait);
      this.#scheduled = { cancel: () => clearTimeout(timeout) };
    }
  }

  /**
   * Sends the pending patches now. `late`: the version window's flush, which also sends what earlier flushes
   * held back (an audience whose view changed only in its version).
   */
  flush({ late = false } = {}): void {
    this.#scheduled?.cancel();
    this.#scheduled = null;
    const started = performance.now();
    const rooms = [...this.#pending];
    const ticked = [...this.#ticked].filter((room) => !this.#pending.has(room));
    this.#pending.clear();
    this.#ticked.clear();
    // A patch carries the presence of the moment: a room sent now needs no presence patch later.
    for (const room of rooms) this.#presence.delete(room);
    for (const room of rooms) this.#send(room, { tick: false, late });
    for (const room of ticked) this.#send(room, { tick: true, late });
    this.#budget.spent(started, performance.now());
  }

  /**
   * The full view of one connection's audience with its revision (null for a guest or an unseated player):
   * the baseline, brought up to date first if the room has changes waiting for the next turn of the loop.
   * A page that asks (`current`) also gets the presence and joins of the window; a socket that just
   * connected does not (in a join storm each would end the window): it is in its audience's room already
   * and gets the window's patch.
   */
  snapshotFor(room: Room, data: SocketData, { current = false } = {}): Snapshot | null {
    const key = audienceOf(room, data);
    if (!key) return null;
    if (current && this.#presence.has(room)) {
      this.#presence.delete(room);
      this.#pending.add(room);
    }
    if (this.#pending.has(room) || this.#ticked.has(room)) this.flush();
    const baselines = this.#baselinesOf(room);
    const known = baselines.get(key);
    if (known) return known;
    const view = this.#project(room, key);
    if (!view) return null;
    const baseline = { rev: ++this.#rev, view };
    baselines.set(key, baseline);
    return baseline;
  }

  #baselinesOf(room: Room): Map<AudienceKey, Baseline> {
    let baselines = this.#baselines.get(room);
    if (!baselines) {
      baselines = new Map();
      this.#baselines.set(room, baselines);
    }
    return baselines;
  }

  #project(room: Room, audience: AudienceKey): View | null {
    this.projections += 1;
    if (audience === 'host') return projectHost(room.state, room.presence());
    if (audience === 'screen') return projectScreen(room.state);
    return projectTeam(room.state, audience.slice('team:'.length), room.presence());
  }

  #presenceChanged(room: Room): void {
    this.#presence.add(room);
    this.#presenceTimer ??= setTimeout(() => {
      this.#presenceTimer = null;
      for (const waiting of this.#presence) this.#pending.add(waiting);
      this.#presence.clear();
      this.flush();
    }, PRESENCE_WINDOW_MS);
  }

  #versionLagging(room: Room): void {
    this.#versionLag.add(room);
    this.#versionTimer ??= setTimeout(() => {
      this.#versionTimer = null;
      for (const waiting of this.#versionLag) this.#pending.add(waiting);
      this.#versionLag.clear();
      this.flush({ late: true });
    }, VERSION_WINDOW_MS);
  }

  /** Stops a pending flush (on shutdown). */
  stop(): void {
    this.#scheduled?.cancel();
    this.#scheduled = null;
    if (this.#presenceTimer) clearTimeout(this.#presenceTimer);
    this.#presenceTimer = null;
    if (this.#versionTimer) clearTimeout(this.#versionTimer);
    this.#versionTimer = null;
    this.#versionLag.clear();
    this.#presence.clear();
    this.#pending.clear();
    this.#ticked.clear();
    this.#moved.clear();
  }

  /** Diffs every listened-to audience of a room against its baseline and sends the patches. */
  #send(room: Room, { tick, late }: { tick: boolean; late: boolean }): void {
    const { code, state } = room;
    const moved = this.#moved.get(room) ?? new Set<string>();
    this.#moved.delete(room);
    const listeners = this.#io.sockets.adapter.rooms;
    const baselines = this.#baselinesOf(room);
    const send = (name: string, key: AudienceKey, newcomers: string[] = []) => {
      if (!listeners.has(name)) {
        // Nobody would get its patches: a later snapshot projects afresh instead of serving a stale baseline.
        baselines.delete(key);
        return;
      }
      const old = baselines.get(key);
      const view = this.#project(room, key);
      if (!view) {
        baselines.delete(key);
        return;
      }
      const rev = ++this.#rev;
      baselines.set(key, { rev, view });
      if (!old) {
        this.#io.to(name).emit('view', { rev, view });
        return;
      }
      const fresh = newcomers.map((playerId) => playerRoom(code, playerId));
      const ops = diff(old.view, view);
      if (!late && ops.length === 1 && isVersionOnly(ops[0]!)) {
        // Another audience's action moved only the game's version here (one team's proposal, in a room of
        // forty): a thousand phones need not hear of it now. It goes with this audience's next change, or
        // VERSION_WINDOW_MS later at the latest.
        baselines.set(key, old);
        this.#versionLagging(room);
      } else if (ops.length > 0) {
        const patch = tick ? { from: old.rev, to: rev, ops, tick: true as const } : { from: old.rev, to: rev, ops };
        this.#io.to(name).except(fresh).emit('patch', patch);
      } else {
        // Nothing changed for this audience: its sockets keep the old revision, which names the same view.
        baselines.set(key, old);
      }
      if (fresh.length > 0) this.#io.to(fresh).emit('view', baselines.get(key)!);
    };
    send(hostRoom(code), 'host');
    send(screenRoom(code), 'screen');
    for (const team of state.teams) {
      const newcomers = [...moved].filter((id) => state.players.find((p) => p.id === id)?.teamId === team.id);
      send(teamRoom(code, team.id), `team:${team.id}`, newcomers);
    }
  }

  #applyEvent(room: Room, event: GameEvent): void {
    switch (event.type) {
      case 'player-joined':
      case 'sim-ticked':
        return;
      case 'players-moved': {
        let moved = this.#moved.get(room);
        if (!moved) this.#moved.set(room, (moved = new Set()));
        for (const playerId of event.playerIds) {
          this.#seatSockets(room, playerId);
          moved.add(playerId);
        }
        return;
      }
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

/** The audience of a connection's views, or null when it has none (a guest, a player without a team). */
function audienceOf(room: Room, data: SocketData): AudienceKey | null {
  switch (data.role) {
    case 'host':
    case 'cohost':
      return 'host';
    case 'screen':
      return 'screen';
    case 'player': {
      const teamId = room.state.players.find((p) => p.id === data.playerId)?.teamId;
      return teamId ? `team:${teamId}` : null;
    }
    case 'guest':
      return null;
  }
}

/** Whether a patch op only sets the view's version. */
function isVersionOnly(op: PatchOp): boolean {
  return op[0] === 's' && op[1].length === 1 && op[1][0] === 'version';
}
