// The answer to Part 2's lock, the same for every track: n*(0.95, 1/1000) = 2995 (GAME.md §5).
import { requiredCleanRequests } from './canary-stats.js';

/** The question's confidence C and edge-case rate p (the lock question of content.ts says them in words). */
export const PART2_LOCK_TARGET = { confidence: 0.95, rate: 1 / 1000 } as const;

export const PART2_ACTUAL = requiredCleanRequests(PART2_LOCK_TARGET.confidence, PART2_LOCK_TARGET.rate);
