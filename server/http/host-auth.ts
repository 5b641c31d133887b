// Who may read or delete a stored game over HTTP: whoever holds its host token or a host/co-host session, sent
// as `Authorization: Bearer <token>` — never in the URL, where it would end up in logs, the browser's history
// and Referer headers. Checked against the store, so a finished game no longer in memory is covered too.
import type { Request } from 'express';
import { GAME_CODE_PATTERN, normalizeGameCode } from '../../shared/protocol/limits.js';
import type { GameRecord, GameStore } from '../store/store.js';
import { hashToken, sameHash } from '../tokens.js';

/** Our tokens and link secrets: 32 random bytes as base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type HostAuth =
  | { ok: true; record: GameRecord; role: 'host' | 'cohost' }
  /** 401: no usable token was sent; 403: the token does not open this game (or there is no such game). */
  | { ok: false; status: 401 | 403; code: 'auth/missing-token' | 'auth/invalid-token' };

/** The bearer token of a request, or null. */
export function bearerToken(req: Request): string | null {
  const match = /^Bearer ([^\s]+)$/.exec(req.get('authorization') ?? '');
  return match && TOKEN_PATTERN.test(match[1]!) ? match[1]! : null;
}

/** The console a bearer token opens on game `rawCode`. An unknown game answers like a wrong token: nothing leaks. */
export function authorizeHost(store: GameStore, rawCode: string, token: string | null): HostAuth {
  if (token === null) return { ok: false, status: 401, code: 'auth/missing-token' };
  const code = normalizeGameCode(rawCode);
  const record = GAME_CODE_PATTERN.test(code) ? store.loadGame(code) : null;
  if (!record) return { ok: false, status: 403, code: 'auth/invalid-token' };
  const hash = hashToken(token);
  if (sameHash(hash, record.hostTokenHash)) return { ok: true, record, role: 'host' };
  const session = record.hostKeys.find((key) => key.kind === 'session' && sameHash(hash, key.hash));
  return session ? { ok: true, record, role: session.role } : { ok: false, status: 403, code: 'auth/invalid-token' };
}

/** The recovery link a secret belongs to on a stored game, for a session made without the game in memory. */
export function recoveryLinkOf(record: GameRecord, secret: string) {
  const hash = hashToken(secret);
  return record.hostKeys.find((key) => key.kind !== 'session' && sameHash(hash, key.hash)) ?? null;
}
