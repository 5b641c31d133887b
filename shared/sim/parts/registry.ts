// The parts of the game, in the order of play (GAME.md §3). Flow, reducer, projections, scoring, the clock
// and replay loop over this list; a new part is a folder under parts/ and one line here.
import type { Phase } from '../../protocol/views.js';
import type { AnyPart } from './part.js';
import { part1 } from './part1/index.js';
import { part2 } from './part2/index.js';
import { part3 } from './part3/index.js';

export const PARTS: readonly AnyPart[] = [part1, part2, part3];

/** The part a phase belongs to, or null outside the parts. */
export function partOfPhase(phase: Phase): AnyPart | null {
  return PARTS.find((part) => part.id === phase) ?? null;
}

/** The part with a 1-based number, or null when there is none. */
export function partByNumber(number: number): AnyPart | null {
  return PARTS.find((part) => part.number === number) ?? null;
}
