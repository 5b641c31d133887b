// The answer to Part 2's lock, the same for every track: n*(0.95, 1/1000) = 2995 (GAME.md §5).
import { requiredCleanRequests } from './canary-stats.js';

export const PART2_ACTUAL = requiredCleanRequests(0.95, 1 / 1000);
