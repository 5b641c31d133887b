// The game state: plain JSON, replaced (never mutated) by the reducer. Everything the game needs to continue
// after a restart lives here; nothing here is secret except what the projections leave out.
import type { Choice, Phase, Step, Timer } from '../protocol/views.js';
import type { RngState } from './rng.js';
import type { TrackId } from './tracks.js';
import type { Part2State } from './parts/part2/types.js';

/** The parts of the game (GAME.md §4–§6); flow.ts lists those this version plays. */
export type PartNumber = 1 | 2;

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
  /** Part 2's simulated hours per real second. */
  simSpeed: number;
}

export interface TeamReflection {
  choice: Choice;
  text: string;
  /** The player who submitted it last. */
  by: string;
}

/** One team's part of a part: its locked prediction and its reflection. */
export interface TeamPartState {
  prediction: number | null;
  /** The player who locked it. */
  lockedBy: string | null;
  reflection: TeamReflection | null;
}

export interface Part1State {
  /** Per team id, fixed when the part begins (teams cannot change after the lobby). */
  teams: Record<string, TeamPartState>;
  revealed: boolean;
}

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
  roomLocked: boolean;
  settings: Settings;
  teams: Team[];
  /** In join order. */
  players: Player[];
  /** Null until Part 1 begins. */
  part1: Part1State | null;
  /** Null until Part 2 begins. */
  part2: Part2State | null;
}

/** What a game is created from; with the action log it determines the whole game. */
export interface GameConfig {
  code: string;
  seed: number;
  teamCount: number;
  askStudentId: boolean;
}
