// Random identifiers made in the browser. Phones often open the game over plain http on the LAN, which is not
// a secure context: crypto.randomUUID is missing there, crypto.getRandomValues is not.

/** The shape of shared/protocol/intents.ts SeatTokenSchema, without pulling zod into the pages' bundle. */
const SEAT_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function isSeatToken(value: unknown): value is string {
  return typeof value === 'string' && SEAT_TOKEN.test(value);
}

/** 32 random bytes as base64url without padding: 43 characters. */
export function newSeatToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random request id (the idempotency key of a host intent). */
export function randomId(): string {
  if (globalThis.isSecureContext && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
