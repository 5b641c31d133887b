// How a page's socket reconnects after it lost the server (a restart, a dropped network). Socket.IO's defaults
// (1 s doubling to 5 s, ±50 %) bring phones back 2–7 s after a restart; these bring 95 % back within 2 s
// of the server listening again (tests/server/restart.test.ts measures it). A refused connection costs the
// server nothing, so retrying every second while it is down is harmless even for a lecture hall.
// Plain TypeScript (no Vite, no runes): the server tests import it to reconnect exactly like a page.
export const RECONNECT_OPTIONS = {
  reconnectionDelay: 250,
  reconnectionDelayMax: 1000,
  randomizationFactor: 0.5,
} as const;

/** Waits before retrying a refused `rate/limited` join or handshake: 1 s, 2 s, 4 s … up to 15 s, with jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}
