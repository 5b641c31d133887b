// The JSON export of a whole game: its configuration, the rules version it was played under and its log, which
// together determine every state of the game (shared/sim/replay.ts). `final` carries the state hash the log
// replays to, so anyone can check a replay of the file against the game as it was played.
//
// The log is the game's own: player joins carry the hash of each seat token (a SHA-256 of a 256-bit secret that
// opens nothing by itself, and that the replay needs to reach the same state) and the student IDs the game
// asked for. Host keys (host token, recovery and co-host links, sessions) are never part of it.
import { stateHash } from '../../shared/sim/hash.js';
import type { GameState } from '../../shared/sim/state.js';
import type { GameRecord, StoredAction } from '../store/store.js';

export const GAME_FILE_FORMAT = 'fleet-ops-game';
export const GAME_FILE_FORMAT_VERSION = 1;

export interface GameFile {
  format: typeof GAME_FILE_FORMAT;
  formatVersion: number;
  exportedAt: string;
  code: string;
  rulesVersion: number;
  createdAt: string;
  finishedAt: string | null;
  config: GameRecord['config'];
  /** Every accepted action in order: its version, the server time it was accepted (ms, or null) and itself. */
  log: { seq: number; at: number | null; action: unknown }[];
  /** The state the log replays to; null when it no longer replays under this server's rules. */
  final: { version: number; phase: string; stateHash: string } | null;
}

export function gameFile(record: GameRecord, log: readonly StoredAction[], state: GameState | null, exportedAt: Date): GameFile {
  return {
    format: GAME_FILE_FORMAT,
    formatVersion: GAME_FILE_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    code: record.config.code,
    rulesVersion: record.rulesVersion,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
    config: record.config,
    log: log.map((entry) => ({ seq: entry.seq, at: entry.at ?? null, action: entry.action })),
    final: state ? { version: state.version, phase: state.phase, stateHash: stateHash(state) } : null,
  };
}
