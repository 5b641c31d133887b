// The debrief's server side: each game's timeline (followed action by action as the room applies them, or walked
// from the log for a game restored after a restart), and the replay and "what if" the host drives on the projector after the game. The replayed views are
// rebuilt here, on the server, by the same reducer and projection as the live game: hidden truths never leave it,
// and a replay at the last version has the live game's state hash. The stored log is only ever read.
import type { Debrief, PredictionTable, Replacement, ReplayFrame, ReplaySpeed, Studio, WhatIf } from '../../shared/protocol/debrief.js';
import type { ErrorCode } from '../../shared/protocol/errors.js';
import type { ScreenView } from '../../shared/protocol/views.js';
import type { Action } from '../../shared/sim/actions.js';
import { predictionLines } from '../../shared/sim/debrief/predictions.js';
import { ReplayCursor } from '../../shared/sim/debrief/replay-cursor.js';
import { debriefOf, observe, startWalk, timelineOpen, walkSteps, type Walk } from '../../shared/sim/debrief/timeline.js';
import { whatIfSteps } from '../../shared/sim/debrief/what-if.js';
import { stateHash } from '../../shared/sim/hash.js';
import { projectScreen } from '../../shared/sim/project.js';
import type { GameState } from '../../shared/sim/state.js';
import type { Room } from '../rooms/room.js';
import { inSlices, SLICE_MS } from './slices.js';

/** How often a playing replay moves, and how many logged actions a step covers at speed 1×. */
export const REPLAY_STEP_MS = 250;
const ACTIONS_PER_STEP = 1;
/** A replay keeps the state every this many versions, so a scrub backwards replays at most this many actions. */
const CHECKPOINT_EVERY = 100;

type Failure = { ok: false; code: ErrorCode };
const fail = (code: ErrorCode): Failure => ({ ok: false, code });

/** One replay of one finished game: its cursor over the log as read when it opened, and whether it plays. */
class Replay {
  readonly cursor: ReplayCursor;
  playing = false;
  speed: ReplaySpeed = 4;
  timer: ReturnType<typeof setInterval> | null = null;
  /** The projector's view of the state the cursor stands on: a frame goes to every console and into acks. */
  #view: { state: GameState; view: ScreenView } | null = null;

  constructor(cursor: ReplayCursor) {
    this.cursor = cursor;
  }

  get state(): GameState {
    return this.cursor.state;
  }

  get last(): number {
    return this.cursor.last;
  }

  get view(): ScreenView {
    if (this.#view?.state !== this.state) this.#view = { state: this.state, view: projectScreen(this.state) };
    return this.#view.view;
  }

  frame(live: GameState): ReplayFrame {
    const atEnd = this.state.version === this.last;
    return {
      version: this.state.version,
      last: this.last,
      playing: this.playing,
      speed: this.speed,
      view: this.view,
      matchesLive: atEnd && live.version === this.last ? stateHash(this.state) === stateHash(live) : null,
    };
  }
}

/** A game's replay cursor on its way to `target`, in slices; `done` settles when it stands there. */
interface Move {
  target: number;
  done: Promise<void>;
}

interface Entry {
  walk: Walk;
  /** The walk being continued over the log in slices (`#walked`): everyone who asks meanwhile waits for it. */
  walking: Promise<void> | null;
  replay: Replay | null;
  /**
   * The replay's cursor, kept when the replay closes: its kept states make the next opening's scrubs cheap, so
   * opening and scrubbing to the end again and again replays the game once, not each time.
   */
  cursor: ReplayCursor | null;
  /** The cursor's move under way: at most one per game (see `#moveTo`). */
  move: Move | null;
  whatIf: WhatIf | null;
}

/** Sends a game's studio (replay and "what if") to its host consoles and projectors. */
export type StudioSender = (room: Room, studio: Studio) => void;

export class Studios {
  readonly #entries = new WeakMap<Room, Entry>();
  readonly #tables = new WeakMap<Room, { version: number; table: PredictionTable }>();
  /** Games whose "what if" is being worked out now. */
  readonly #branching = new WeakSet<Room>();
  /** Replays playing now, so that a shutdown stops their timers. */
  readonly #playing = new Set<Replay>();
  readonly #send: StudioSender;
  readonly #sliceMs: number;

  constructor(send: StudioSender, sliceMs = SLICE_MS) {
    this.#send = send;
    this.#sliceMs = sliceMs;
  }

  /**
   * Follows a live game action by action: the timeline grows from the states the room computed anyway, so the
   * debrief never simulates the game a second time. A game this server did not follow from its start (restored
   * after a restart) is walked from its log on the first request instead.
   */
  observe(room: Room, before: GameState, action: Action): void {
    let entry = this.#entries.get(room);
    if (!entry && before.version === 0) {
      entry = { walk: startWalk(room.config), walking: null, replay: null, cursor: null, move: null, whatIf: null };
      this.#entries.set(room, entry);
    }
    if (!entry || entry.walk.state.version !== before.version) return;
    try {
      entry.walk = observe(entry.walk, action, room.state);
    } catch {
      // The action is committed already: a timeline that cannot follow it is rebuilt from the log when asked.
      entry.walk = startWalk(room.config);
    }
  }

  /** The room's entry; its walk may still be behind the game (`#walked` catches it up). */
  #entry(room: Room): Entry {
    let entry = this.#entries.get(room);
    if (!entry) {
      entry = { walk: startWalk(room.config), walking: null, replay: null, cursor: null, move: null, whatIf: null };
      this.#entries.set(room, entry);
    }
    return entry;
  }

  /**
   * The room's entry with its walk continued over whatever the log gained since (the walk of a game is built
   * once). A game restored after a restart or loaded from the store is walked from its whole log here, up to a
   * second for forty teams: in slices (server/replay/slices.ts), one walk per game, which every request that
   * comes meanwhile waits for.
   */
  async #walked(room: Room): Promise<Entry> {
    const entry = this.#entry(room);
    while (entry.walk.state.version < room.state.version) {
      entry.walking ??= this.#walk(room, entry);
      await entry.walking;
    }
    return entry;
  }

  #walk(room: Room, entry: Entry): Promise<void> {
    const from = entry.walk;
    const steps = walkSteps(from, room.log().slice(from.state.version));
    return inSlices(steps, this.#sliceMs)
      .then((walk) => {
        entry.walk = walk;
      })
      .finally(() => {
        entry.walking = null;
      });
  }

  /** The class's predictions against the truth for a phone, at the debrief only (every part is revealed by
   *  then; before, a team never sees another's predictions). Built once per version, however many phones ask. */
  classPredictions(room: Room): { ok: true; table: PredictionTable } | Failure {
    if (room.state.phase !== 'debrief') return fail('debrief/not-yet');
    const cached = this.#tables.get(room);
    if (cached?.version === room.state.version) return { ok: true, table: cached.table };
    const table = predictionLines(projectScreen(room.state));
    this.#tables.set(room, { version: room.state.version, table });
    return { ok: true, table };
  }

  /** The debrief of a game for an audience, once Part 2 is revealed (once its walk caught up: `#walked`). */
  async debrief(room: Room, audience: 'host' | 'screen'): Promise<{ ok: true; debrief: Debrief } | Failure> {
    if (!timelineOpen(room.state)) return fail('debrief/not-yet');
    const entry = await this.#walked(room);
    return { ok: true, debrief: debriefOf(entry.walk, audience) };
  }

  /** What the room's host and projectors are shown now, or null when nothing was opened. */
  studio(room: Room): Studio | null {
    const entry = this.#entries.get(room);
    if (!entry || (!entry.replay && !entry.whatIf)) return null;
    return { replay: entry.replay?.frame(room.state) ?? null, whatIf: entry.whatIf };
  }

  #publish(room: Room): void {
    this.#send(room, this.studio(room) ?? { replay: null, whatIf: null });
  }

  #finished(room: Room): Entry | Failure {
    return room.finished ? this.#entry(room) : fail('replay/not-finished');
  }

  /** Opens the replay at version 0 (its frame goes out once the cursor stands there). */
  async open(room: Room): Promise<{ ok: true } | Failure> {
    const entry = this.#finished(room);
    if ('ok' in entry) return entry;
    this.#stop(entry);
    entry.cursor ??= new ReplayCursor(room.config, room.log(), CHECKPOINT_EVERY);
    const replay = new Replay(entry.cursor);
    entry.replay = replay;
    await this.#moveTo(room, entry, 0);
    return entry.replay === replay ? { ok: true } : fail('replay/closed');
  }

  #replay(room: Room): { entry: Entry; replay: Replay } | Failure {
    const entry = this.#finished(room);
    if ('ok' in entry) return entry;
    return entry.replay ? { entry, replay: entry.replay } : fail('replay/closed');
  }

  /**
   * Moves the game's replay to `version`. Every move, however short, runs in slices (server/replay/slices.ts):
   * the first scrub towards the end of a big game replays all of it, a second and more, and every other game on
   * this server must keep its answers meanwhile. One move per game at a time, and the newest target wins: a move
   * under way takes it over (`ReplayCursor.seekSteps` reads it again as it goes) and everyone waiting on it is
   * answered when the cursor stands there — a host dragging the slider fast ends on where it stopped, never on
   * a position it passed. The frame goes out once, when the move lands.
   */
  #moveTo(room: Room, entry: Entry, version: number): Promise<void> {
    if (entry.move) {
      entry.move.target = version;
      return entry.move.done;
    }
    const cursor = entry.cursor!;
    const move: Move = { target: version, done: Promise.resolve() };
    // Over as soon as the cursor stands on the target, in the same turn: a seek that comes later starts a new move.
    function* steps(): Generator<void, GameState, void> {
      try {
        return yield* cursor.seekSteps(() => move.target);
      } finally {
        entry.move = null;
      }
    }
    entry.move = move;
    move.done = inSlices(steps(), this.#sliceMs).then(() => this.#landed(room, entry));
    return move.done;
  }

  /** The replay's frame where a move landed, unless it was closed or its room dropped meanwhile. */
  #landed(room: Room, entry: Entry): void {
    const replay = entry.replay;
    if (!replay || this.#entries.get(room) !== entry) return;
    if (replay.playing && replay.state.version >= replay.last) this.#pause(replay);
    this.#publish(room);
  }

  async play(room: Room): Promise<{ ok: true } | Failure> {
    const found = this.#replay(room);
    if ('ok' in found) return found;
    const { entry, replay } = found;
    replay.playing = true;
    replay.timer ??= setInterval(() => this.#advance(room, entry, replay), REPLAY_STEP_MS);
    this.#playing.add(replay);
    if (replay.state.version < replay.last) this.#publish(room);
    else await this.#moveTo(room, entry, 0);
    return { ok: true };
  }

  #advance(room: Room, entry: Entry, replay: Replay): void {
    // A step or a scrub still under way is not piled on: this step is skipped.
    if (entry.move) return;
    this.#moveTo(room, entry, Math.min(replay.last, replay.state.version + replay.speed * ACTIONS_PER_STEP)).catch(() => {
      // The log replayed when the game was loaded, so this cannot happen; if it does, the replay stops, not the server.
      this.#pause(replay);
    });
  }

  #pause(replay: Replay): void {
    this.#playing.delete(replay);
    replay.playing = false;
    if (replay.timer) clearInterval(replay.timer);
    replay.timer = null;
  }

  pause(room: Room): { ok: true } | Failure {
    const found = this.#replay(room);
    if ('ok' in found) return found;
    this.#pause(found.replay);
    this.#publish(room);
    return { ok: true };
  }

  speed(room: Room, speed: ReplaySpeed): { ok: true } | Failure {
    const found = this.#replay(room);
    if ('ok' in found) return found;
    found.replay.speed = speed;
    this.#publish(room);
    return { ok: true };
  }

  /**
   * Scrubs to a version, in slices (`#moveTo`); the ack comes when the replay stands on the newest version asked
   * for, and carries its frame and the projector's view there.
   */
  async seek(room: Room, version: number): Promise<{ ok: true; frame: ReplayFrame; view: ScreenView } | Failure> {
    const found = this.#replay(room);
    if ('ok' in found) return found;
    if (version > found.replay.last) return fail('replay/out-of-range');
    await this.#moveTo(room, found.entry, version);
    // Closed (and perhaps opened again) meanwhile: the replay this seek moved is gone.
    if (found.entry.replay !== found.replay) return fail('replay/closed');
    const frame = found.replay.frame(room.state);
    return { ok: true, frame, view: frame.view };
  }

  close(room: Room): { ok: true } | Failure {
    const entry = this.#finished(room);
    if ('ok' in entry) return entry;
    this.#stop(entry);
    entry.replay = null;
    this.#publish(room);
    return { ok: true };
  }

  /**
   * Branches the game at a team's decision; the result goes to the host's console and the projector. It replays
   * the whole game, in slices (server/replay/slices.ts): one at a time per game (`whatif/running` meanwhile).
   */
  async whatIf(room: Room, version: number, replacement: Replacement): Promise<{ ok: true; whatIf: WhatIf } | Failure> {
    if (!room.finished) return fail('replay/not-finished');
    if (this.#branching.has(room)) return fail('whatif/running');
    this.#branching.add(room);
    try {
      // The decision is read from the timeline: walked first if it was not yet (a game loaded from the store).
      const entry = await this.#walked(room);
      const result = await inSlices(whatIfSteps(room.config, room.log(), entry.walk, version, replacement), this.#sliceMs);
      if (!result.ok) return result;
      // A room dropped meanwhile (evicted) has a new one for its code: its consoles did not ask for this.
      if (this.#entries.get(room) !== entry) return fail('game/unknown');
      entry.whatIf = result.whatIf;
      this.#publish(room);
      return result;
    } finally {
      this.#branching.delete(room);
    }
  }

  clearWhatIf(room: Room): { ok: true } | Failure {
    const entry = this.#finished(room);
    if ('ok' in entry) return entry;
    entry.whatIf = null;
    this.#publish(room);
    return { ok: true };
  }

  #stop(entry: Entry): void {
    if (entry.replay) this.#pause(entry.replay);
  }

  /**
   * Stops a dropped room's replay: a later visit loads its game into a new room, and a replay still playing on
   * the old one would send its frames to the new room's consoles.
   */
  forget(room: Room): void {
    const entry = this.#entries.get(room);
    if (entry) this.#stop(entry);
    this.#entries.delete(room);
  }

  /** Stops every playing replay (on shutdown). */
  stop(): void {
    for (const replay of this.#playing) this.#pause(replay);
  }
}
