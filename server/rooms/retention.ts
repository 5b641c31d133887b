// Finished games age out (GAME_RETENTION_DAYS): a class's data is kept long enough to export and replay it,
// not forever. A game still running is never touched, however old; an idle lobby the server closed counts as
// finished from the moment it was closed.
import type { Logger } from 'pino';
import type { GameStore } from '../store/store.js';

/** Deletes one game everywhere (store, memory, its connections): Realtime.deleteGame. */
export type DeleteGame = (code: string) => void;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes every game finished more than `days` days before `now`; returns their codes. */
export function sweepRetention(store: GameStore, deleteGame: DeleteGame, days: number, now: number): string[] {
  const cutoff = new Date(now - days * DAY_MS).toISOString();
  const codes = store.finishedBefore(cutoff);
  for (const code of codes) deleteGame(code);
  return codes;
}

export interface Retention {
  stop(): void;
}

/**
 * Sweeps now (at start) and then once a day. `days` 0 or Infinity keeps every game. A failed sweep (a full
 * disk) is logged and tried again the next day; it never stops the server.
 */
export function startRetention(store: GameStore, deleteGame: DeleteGame, days: number, logger: Logger, clock: () => number = Date.now): Retention {
  if (!(days > 0) || !Number.isFinite(days)) return { stop() {} };
  const sweep = () => {
    try {
      const deleted = sweepRetention(store, deleteGame, days, clock());
      if (deleted.length > 0) logger.info({ deleted, days }, 'finished games past retention deleted');
    } catch (error) {
      logger.warn({ err: error }, 'retention sweep failed');
    }
  };
  sweep();
  const timer = setInterval(sweep, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
