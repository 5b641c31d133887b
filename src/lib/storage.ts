// What this browser remembers between visits: its seat in each game it joined, and the host token of each
// game it created. Kept in localStorage so a refresh or a new tab lands back in the same seat.
import { isSeatToken, newSeatToken } from './ids.js';

export interface Seat {
  token: string;
  playerId: string;
  nickname: string;
}

const SEAT_PREFIX = 'fleetops:seat:';
const HOST_PREFIX = 'fleetops:host:';
const PENDING_PREFIX = 'fleetops:pending-seat:';

// Private browsing or a full disk can make storage throw: the game must still work for this visit.
const fallback = new Map<string, string>();

function read(store: 'local' | 'session', key: string): string | null {
  try {
    return (store === 'local' ? localStorage : sessionStorage).getItem(key);
  } catch {
    return fallback.get(`${store}:${key}`) ?? null;
  }
}

function write(store: 'local' | 'session', key: string, value: string | null): void {
  try {
    const target = store === 'local' ? localStorage : sessionStorage;
    if (value === null) target.removeItem(key);
    else target.setItem(key, value);
  } catch {
    if (value === null) fallback.delete(`${store}:${key}`);
    else fallback.set(`${store}:${key}`, value);
  }
}

function isSeat(value: unknown): value is Seat {
  if (typeof value !== 'object' || value === null) return false;
  const seat = value as Record<string, unknown>;
  return (
    isSeatToken(seat.token) &&
    typeof seat.playerId === 'string' &&
    typeof seat.nickname === 'string'
  );
}

/** This browser's seat in game `code`, if it joined it. */
export function loadSeat(code: string): Seat | null {
  const raw = read('local', SEAT_PREFIX + code);
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSeat(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSeat(code: string, seat: Seat): void {
  write('local', SEAT_PREFIX + code, JSON.stringify(seat));
  write('session', PENDING_PREFIX + code, null);
}

/** Forgets a seat the server no longer knows (e.g. the game's data was wiped). */
export function forgetSeat(code: string): void {
  write('local', SEAT_PREFIX + code, null);
  write('session', PENDING_PREFIX + code, null);
}

export function loadHostToken(code: string): string | null {
  return read('local', HOST_PREFIX + code);
}

export function saveHostToken(code: string, token: string): void {
  write('local', HOST_PREFIX + code, token);
}

/** The codes of the games this browser hosts, so the host can get back to them. */
export function hostedGameCodes(): string[] {
  try {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(HOST_PREFIX))
      .map((key) => key.slice(HOST_PREFIX.length));
  } catch {
    return [];
  }
}

/**
 * The seat token to send with a join of game `code`. A retried join must carry the same token: if the first
 * join reached the server but its answer was lost, the server recognises the token and returns that seat
 * instead of seating the student twice. A seat this browser already holds is reused for the same reason.
 */
export function joinTokenFor(code: string): string {
  const seat = loadSeat(code);
  if (seat) return seat.token;
  const pending = read('session', PENDING_PREFIX + code);
  if (pending !== null && isSeatToken(pending)) return pending;
  const token = newSeatToken();
  write('session', PENDING_PREFIX + code, token);
  return token;
}

const LINKS_PREFIX = 'fleetops:host-links:';

/** The recovery and co-host links' secrets of a game just created, kept for this tab until the host saved them. */
export interface HostLinks {
  recovery: string;
  cohost: string;
}

/** Keeps the links' secrets for the console to show once (sessionStorage: this tab only). */
export function saveHostLinks(code: string, links: HostLinks): void {
  write('session', LINKS_PREFIX + code, JSON.stringify(links));
}

export function loadHostLinks(code: string): HostLinks | null {
  const raw = read('session', LINKS_PREFIX + code);
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<HostLinks>;
    return typeof parsed.recovery === 'string' && typeof parsed.cohost === 'string' ? { recovery: parsed.recovery, cohost: parsed.cohost } : null;
  } catch {
    return null;
  }
}

/** Forgets the links' secrets: the host has saved or printed them; the server never shows them again. */
export function forgetHostLinks(code: string): void {
  write('session', LINKS_PREFIX + code, null);
}

/** Forgets the host token of a game: deleted, aged out, or no longer opened by this browser's key. */
export function forgetHostToken(code: string): void {
  write('local', HOST_PREFIX + code, null);
}
