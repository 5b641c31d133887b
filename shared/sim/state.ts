// The game state: plain JSON, replaced (never mutated) by the reducer. Everything the game needs to continue
// after a restart lives here; nothing here is secret except what the projections leave out.
import type { ErrorCode } from '../protocol/errors.js';
import type { Choice, Phase, Spotlight, Step, Timer } from '../protocol/views.js';
import type { CrisisRecord } from './crises/types.js';
import type { TeamEffects } from './crises/effects.js';
import type { RngState } from './rng.js';
import type { TrackId } from './tracks.js';

export type { Phase, Step, Timer };

export interface Team {
  id: string;
  name: string;
  track: TrackId;
}

export interface Player {
  id: string;
  nickname: string;
  /** null once kicked. */
  teamId: string | null;
  /** SHA-256 of the seat token, hex: the server matches tokens against it; the token itself is never stored. */
  tokenHash: string;
  /** Only in the host's view and the exports, when the host asked for it. */
  studentId: string | null;
  kicked: boolean;
}

export interface Settings {
  teamCount: number;
  askStudentId: boolean;
  /** Platform capex in dollars (GAME.md §4). */
  capex: number;
  /** Engineer cost in dollars per hour. */
  engineerCost: number;
  /** Minutes per part, or null for no timer. */
  timerMinutes: number | null;
  /** When a part's timer runs out, reveal at once instead of waiting for the host. */
  autoAdvance: boolean;
  /** Simulated hours per real second of the parts that run a simulated clock. */
  simSpeed: number;
}

export interface TeamReflection {
  choice: Choice;
  text: string;
  /** The player who submitted it last. */
  by: string;
}

/** A team's lock: a whole number or one of four options, depending on the part's lock rule. */
export type Prediction = number | Choice;

/** One team's lock and reflection in a part (every part's per-team state extends this). */
export interface TeamPartState {
  prediction: Prediction | null;
  /** The player who locked it. */
  lockedBy: string | null;
  reflection: TeamReflection | null;
}

/** What every part's slice holds: one lock and reflection per team, and whether the host has revealed. */
export interface PartSlice<T extends TeamPartState = TeamPartState> {
  teams: Record<string, T>;
  revealed: boolean;
}

/** A team's proposal for the prediction of the part in play: who proposed what, and who agrees so far. */
export interface Proposal {
  /** The part's number (1-based). */
  part: number;
  value: Prediction;
  by: string;
  /** Player ids, in the order they agreed; the proposer first. */
  agreed: string[];
}

/** What happened, for the server to act on outside the state (move sockets between rooms, close a seat). */
export type GameEvent =
  | { type: 'player-joined'; playerId: string; teamId: string }
  | { type: 'players-moved'; playerIds: string[] }
  | { type: 'player-kicked'; playerId: string }
  /** Only a simulated clock moved: audiences get a light, volatile tick instead of full views. */
  | { type: 'sim-ticked' };

export interface GameState {
  code: string;
  seed: number;
  /** Number of actions applied so far; every view carries it. */
  version: number;
  rng: RngState;
  phase: Phase;
  /** The step inside a part; null outside the parts. */
  step: Step | null;
  paused: boolean;
  timer: Timer | null;
  /**
   * The host's warning before a reveal (host/warn): real time, stopped by a pause like the timer. Absent when
   * none was given in this play step (and in snapshots from before it existed).
   */
  warning?: Timer;
  /** What the host put on the projector (host/spotlight); absent when none. */
  spotlight?: Spotlight;
  roomLocked: boolean;
  settings: Settings;
  teams: Team[];
  /** In join order. */
  players: Player[];
  /** Each part's own slice, by part id ('part1', …), from the moment the part begins. */
  parts: Record<string, PartSlice>;
  /** Every crisis the host aimed, struck or scheduled, in the order aimed. */
  crises: CrisisRecord[];
  /** What struck crises did to each team's hidden truth, by team id (absent: untouched). */
  effects: Record<string, TeamEffects>;
  /** Each team's open proposal for its lock, by team id (absent: none). Only that team's view shows it. */
  proposals: Record<string, Proposal>;
}

/** A rule's verdict on an action: the next state (the reducer counts the version) and what happened, or why not. */
export type RuleResult =
  | { ok: true; state: Omit<GameState, 'version'>; events?: GameEvent[] }
  | { ok: false; code: ErrorCode };

/** What a game is created from; with the action log it determines the whole game. */
export interface GameConfig {
  code: string;
  seed: number;
  teamCount: number;
  askStudentId: boolean;
}
