// What the host's flow buttons do next, in words. Mirrors the server's order of play (GAME.md §3):
// lobby → briefing → each part of `view.parts` (play → reveal → reflect) → debrief.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { Phase, Step } from '../../../shared/protocol/views.js';
import { partOf } from '../phase.js';

export interface FlowState {
  phase: Phase;
  step: Step | null;
  parts: number[];
}

/** The part played after part `current` in this game, or null when the debrief comes next. */
export function partAfter(parts: number[], current: number | null): number | null {
  if (current === null) return parts[0] ?? null;
  const index = parts.indexOf(current);
  return index >= 0 ? (parts[index + 1] ?? null) : null;
}

/** A short line saying what the next press of Start/Next will do, e.g. "Next: reveal Part 1". */
export function nextHint({ phase, step, parts }: FlowState): string {
  if (phase === 'lobby') return 'Start: open the briefing. Team count and tracks are fixed from then on.';
  if (phase === 'debrief') return 'The game is over.';
  const part = partOf(phase);
  if (part === null) {
    const first = partAfter(parts, null);
    return first === null ? 'Next: debrief' : `Next: start Part ${first}`;
  }
  if (step === 'play') return `Next: reveal Part ${part}`;
  if (step === 'reveal') return `Next: reflect on Part ${part}`;
  const following = partAfter(parts, part);
  return following === null ? 'Next: debrief' : `Next: start Part ${following}`;
}

/** The teams of a part's lock, as every host part view carries them. */
interface PartLocks {
  teams: { teamId: string; prediction: unknown }[];
}

/**
 * How many seated teams have not locked the running part's prediction, or null outside a part's play step:
 * Reveal asks before it closes their lock (an empty prediction scores 0).
 */
export function unlockedTeams(view: FlowState & { teams: { id: string; members: unknown[] }[] } & Record<string, unknown>): number | null {
  const part = partOf(view.phase);
  if (part === null || view.step !== 'play') return null;
  const locks = view[`part${part}`] as PartLocks | null | undefined;
  if (!locks) return null;
  const seated = new Set(view.teams.filter((t) => t.members.length > 0).map((t) => t.id));
  return locks.teams.filter((t) => seated.has(t.teamId) && t.prediction === null).length;
}

/** Next from a reflection moves on for good (the reflection closes): the button needs a press-and-hold. */
export function nextNeedsHold({ phase, step }: FlowState): boolean {
  return partOf(phase) !== null && step === 'reflect';
}
