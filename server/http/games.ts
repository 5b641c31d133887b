// The host's HTTP routes over stored games (GAME.md §10): the exports, the past-games list's summary, delete,
// and a session from a recovery link for a game no longer in memory. Every route is authorized by a bearer
// token (host-auth.ts); a refusal is a status with a JSON error code and nothing else. Responses are never
// cached: they hold a class's names and student IDs.
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { GAME_CODE_PATTERN, normalizeGameCode } from '../../shared/protocol/limits.js';
import type { GameState } from '../../shared/sim/state.js';
import { toCsv } from '../exports/csv.js';
import { decisionsOfLog, type Decision } from '../exports/decisions.js';
import { gameFile } from '../exports/game-file.js';
import { decisionTable, playerTable, reflectionsText } from '../exports/tables.js';
import { walkLog } from '../exports/walk.js';
import type { Realtime } from '../realtime/attach.js';
import type { GameRecord, GameStore } from '../store/store.js';
import { hashToken, newToken } from '../tokens.js';
import { authorizeHost, bearerToken, recoveryLinkOf } from './host-auth.js';

const MESSAGES = {
  'auth/missing-token': 'Send the host token of this game as "Authorization: Bearer <token>".',
  'auth/invalid-token': 'That token does not open this game.',
  'auth/forbidden': 'Only the host may delete a game.',
  'export/unreplayable': 'This game was played under other rules and no longer replays: only its JSON export is available.',
  'store/failed': 'The server could not read or write its data. Try again.',
} as const;
type HttpErrorCode = keyof typeof MESSAGES;

function fail(res: Response, status: number, code: HttpErrorCode): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message: MESSAGES[code] } });
}

function download(res: Response, type: string, filename: string, body: string): void {
  res
    .status(200)
    .set({
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    })
    .send(body);
}

export interface GamesRouterOptions {
  store: GameStore;
  realtime: Realtime;
  logger: Logger;
  clock?: () => number;
}

export function gamesRouter({ store, realtime, logger, clock = Date.now }: GamesRouterOptions): Router {
  const router = Router();

  /** Runs a route for an authorized host (or co-host), answering refusals and failures with codes. */
  const authorized =
    (route: (req: Request, res: Response, game: { record: GameRecord; role: 'host' | 'cohost' }) => Promise<void> | void) =>
    async (req: Request<{ code: string }>, res: Response) => {
      try {
        const auth = authorizeHost(store, req.params.code, bearerToken(req));
        if (!auth.ok) {
          if (auth.status === 401) res.set('WWW-Authenticate', 'Bearer');
          return fail(res, auth.status, auth.code);
        }
        await route(req, res, auth);
      } catch (error) {
        logger.error({ err: error, code: req.params.code }, 'games route failed');
        if (!res.headersSent) fail(res, 500, 'store/failed');
      }
    };

  /** The game's current state: the live room's, or the stored log replayed; null when it does not replay. */
  async function stateOf(record: GameRecord): Promise<GameState | null> {
    const room = realtime.rooms.get(record.config.code);
    if (room) return room.state;
    try {
      return await walkLog(record.config, store.loadLog(record.config.code));
    } catch {
      return null;
    }
  }

  const fileName = (record: GameRecord, what: string) => `fleet-ops-${record.config.code}-${what}`;

  router.get('/api/games/:code', authorized((_req, res, { record, role }) => {
    const room = realtime.rooms.get(record.config.code);
    res.set('Cache-Control', 'no-store').json({
      code: record.config.code,
      role,
      createdAt: record.createdAt,
      finishedAt: record.finishedAt,
      teamCount: room?.state.teams.length ?? record.config.teamCount,
      // Only a game in memory says where it is without a replay; the list needs no more than that.
      phase: room?.state.phase ?? null,
      players: room ? room.state.players.filter((p) => !p.kicked).length : null,
    });
  }));

  router.get('/api/games/:code/players.csv', authorized(async (_req, res, { record }) => {
    const state = await stateOf(record);
    if (!state) return fail(res, 409, 'export/unreplayable');
    const { header, rows } = playerTable(state);
    download(res, 'text/csv; charset=utf-8; header=present', fileName(record, 'players.csv'), toCsv(header, rows));
  }));

  router.get('/api/games/:code/decisions.csv', authorized(async (_req, res, { record }) => {
    let decisions: Decision[];
    try {
      decisions = await decisionsOfLog(record.config, store.loadLog(record.config.code));
    } catch {
      return fail(res, 409, 'export/unreplayable');
    }
    const { header, rows } = decisionTable(decisions);
    download(res, 'text/csv; charset=utf-8; header=present', fileName(record, 'decisions.csv'), toCsv(header, rows));
  }));

  router.get('/api/games/:code/game.json', authorized(async (_req, res, { record }) => {
    // The log first, then the state: a live room cannot move in between (this runs without yielding when the
    // room is in memory), and a stored game does not move at all.
    const log = store.loadLog(record.config.code);
    const room = realtime.rooms.get(record.config.code);
    let state: GameState | null = room?.state ?? null;
    if (!room) state = await walkLog(record.config, log).catch(() => null);
    const file = gameFile(record, log, state, new Date(clock()));
    download(res, 'application/json; charset=utf-8', fileName(record, 'game.json'), JSON.stringify(file, null, 1));
  }));

  router.get('/api/games/:code/reflections.txt', authorized(async (_req, res, { record }) => {
    const state = await stateOf(record);
    if (!state) return fail(res, 409, 'export/unreplayable');
    res.status(200).set({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).send(reflectionsText(state));
  }));

  router.delete('/api/games/:code', authorized((_req, res, { record, role }) => {
    if (role !== 'host') return fail(res, 403, 'auth/forbidden');
    realtime.deleteGame(record.config.code);
    logger.info({ code: record.config.code }, 'game deleted by its host');
    res.status(204).end();
  }));

  // A recovery (or co-host) link's secret, exchanged for a session of the console it opens: the same exchange
  // as the socket's game:recover, for a game the server keeps only in its store (finished, not in memory).
  router.post('/api/games/:code/session', (req: Request<{ code: string }>, res: Response) => {
    try {
      const secret = bearerToken(req);
      if (secret === null) return fail(res.set('WWW-Authenticate', 'Bearer'), 401, 'auth/missing-token');
      const code = normalizeGameCode(req.params.code);
      const record = GAME_CODE_PATTERN.test(code) ? store.loadGame(code) : null;
      const link = record && recoveryLinkOf(record, secret);
      if (!record || !link) return fail(res, 403, 'auth/invalid-token');
      const token = newToken();
      const key = { hash: hashToken(token), role: link.role, kind: 'session' as const };
      const room = realtime.rooms.get(code);
      if (room) room.addHostKey(key);
      else store.addHostKey(code, key, new Date(clock()).toISOString());
      res.status(200).set('Cache-Control', 'no-store').json({ code, token, role: link.role });
    } catch (error) {
      logger.error({ err: error }, 'session route failed');
      if (!res.headersSent) fail(res, 500, 'store/failed');
    }
  });

  return router;
}
