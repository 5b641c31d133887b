// The host's HTTP calls about stored games (server/http/games.ts): exports, the past-games summary, delete and
// a session from a recovery link. The token always travels in the Authorization header, never in the URL
// (URLs end up in logs, history and Referer headers).
import { base } from '$app/paths';

export type ExportKind = 'players.csv' | 'decisions.csv' | 'game.json';

/** A refusal or failure, with the server's message when it sent one. */
export class GamesApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const url = (code: string, rest = '') => `${base}/api/games/${encodeURIComponent(code)}${rest}`;

async function call(code: string, rest: string, token: string, method = 'GET'): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url(code, rest), { method, headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    throw new GamesApiError(0, 'network', 'The server cannot be reached: check the connection and try again.');
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  throw new GamesApiError(response.status, body?.error?.code ?? 'server/error', body?.error?.message ?? 'The server refused.');
}

/** Downloads one export of a game as a file, named as the server names it (with the game code). */
export async function downloadExport(code: string, token: string, kind: ExportKind): Promise<string> {
  const response = await call(code, `/${kind}`, token);
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `fleet-ops-${code}-${kind}`;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the object URL would otherwise live as long as the page.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
  return filename;
}

/** Every reflection of a game as plain text, for a learning-management system. */
export async function reflectionsText(code: string, token: string): Promise<string> {
  return (await call(code, '/reflections.txt', token)).text();
}

export interface GameSummary {
  code: string;
  role: 'host' | 'cohost';
  createdAt: string;
  finishedAt: string | null;
  teamCount: number;
  /** Where the game is, when the server holds it in memory; null for a stored game. */
  phase: string | null;
  players: number | null;
}

export async function gameSummary(code: string, token: string): Promise<GameSummary> {
  return (await (await call(code, '', token)).json()) as GameSummary;
}

export async function deleteGame(code: string, token: string): Promise<void> {
  await call(code, '', token, 'DELETE');
}

/** Exchanges a recovery or co-host link's secret for a session token of that game. */
export async function sessionFromLink(code: string, secret: string): Promise<{ code: string; token: string; role: string }> {
  return (await (await call(code, '/session', secret, 'POST')).json()) as { code: string; token: string; role: string };
}

/** The code and secret of a recovery or co-host link (…/host/CODE#recover=SECRET), or null. */
export function parseHostLink(text: string): { code: string; secret: string } | null {
  const match = /\/host\/([A-Za-z0-9]{6})\/?#(?:recover|cohost)=([A-Za-z0-9_-]{43})\s*$/.exec(text.trim());
  return match ? { code: match[1]!.toUpperCase(), secret: match[2]! } : null;
}
