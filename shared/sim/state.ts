// The game state: plain JSON, replaced (never mutated) by the reducer. Everything the game needs to continue
// after a restart lives here; nothing here is secret except what the projections leave out.
import type { RngState } from './rng.js';
import type { TrackId } from './tracks.js';

export type Phase = 'lobby';

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
}

export interface GameState {
  code: string;
  seed: number;
  /** Number of actions applied so far; every view carries it. */
  version: number;
  rng: RngState;
  phase: Phase;
  roomLocked: boolean;
  settings: Settings;
  teams: Team[];
  /** In join order. */
  players: Player[];
}

/** What a game is created from; with the action log it determines the whole game. */
export interface GameConfig {
  code: string;
  seed: number;
  teamCount: number;
  askStudentId: boolean;
}
