// Secrets and codes. Tokens are random and only their SHA-256 is stored, so a copy of the database does not
// let anyone take a seat or the host console.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { GAME_CODE_ALPHABET, GAME_CODE_LENGTH } from '../shared/protocol/limits.js';

/** A new secret token: 32 random bytes as base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A random game code from the look-alike-free alphabet. */
export function newGameCode(): string {
  let code = '';
  for (let i = 0; i < GAME_CODE_LENGTH; i++) code += GAME_CODE_ALPHABET[randomInt(GAME_CODE_ALPHABET.length)];
  return code;
}

/** A random 32-bit seed for a new game's simulation. */
export function newSeed(): number {
  return randomBytes(4).readUInt32LE(0);
}
