// How each audience reads the game's phase and step. One place, so host, players and screen stay consistent.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { Phase, Step } from '../../shared/protocol/views.js';
import { PART1_TITLE } from '../../shared/sim/parts/part1/content.js';
import { PART2_TITLE } from '../../shared/sim/parts/part2/content.js';
import { PART3_TITLE } from '../../shared/sim/parts/part3/content.js';

export type { Phase, Step };
export type Audience = 'host' | 'player' | 'screen';

/** The part a phase plays (1–3), or null outside the parts. */
export function partOf(phase: Phase): 1 | 2 | 3 | null {
  return phase === 'part1' ? 1 : phase === 'part2' ? 2 : phase === 'part3' ? 3 : null;
}

/** A part's mission title (GAME.md §4–6). */
export const PART_TITLES: Readonly<Record<1 | 2 | 3, string>> = {
  1: PART1_TITLE,
  2: PART2_TITLE,
  3: PART3_TITLE,
};

const OUTSIDE: Record<Audience, Record<'lobby' | 'briefing' | 'debrief', string>> = {
  host: { lobby: 'Lobby', briefing: 'Briefing', debrief: 'Debrief' },
  player: {
    lobby: 'Lobby — waiting for the host to start',
    briefing: 'Briefing — read your mission',
    debrief: 'Debrief — final scores',
  },
  screen: { lobby: 'Lobby — join now', briefing: 'Briefing', debrief: 'Debrief' },
};

// The host narrates from the label, so it names what the class is doing; players and the screen read the
// part's title while they work (the player page itself tells "lock" from "workbench").
const STEP_WORDS: Record<Audience, Record<Step, string | null>> = {
  host: { play: 'Lock and workbench', reveal: 'Reveal', reflect: 'Reflect' },
  player: { play: null, reveal: 'Reveal', reflect: 'Reflect' },
  screen: { play: null, reveal: 'Reveal', reflect: 'Reflect' },
};

// Parts 2 and 3 play on a simulated clock, not a workbench: the host narrates a running fleet or ensemble.
const PART_PLAY_WORDS: Partial<Record<1 | 2 | 3, Partial<Record<Audience, string>>>> = {
  2: { host: 'Lock and live fleet' },
  3: { host: 'Lock and live ensemble' },
};

/**
 * The phase as `audience` reads it, e.g. "Lobby", "Part 1 · Platform ROI audit", "Part 2 · Canary duration",
 * "Part 2 · Lock and live fleet" (host), "Part 2 · Reveal".
 * `step` is ignored outside the parts; a part without a step (not expected) reads as its title.
 */
export function phaseLabel(phase: Phase, step: Step | null, audience: Audience): string {
  const part = partOf(phase);
  if (part === null) return OUTSIDE[audience][phase as 'lobby' | 'briefing' | 'debrief'];
  const words = step === 'play' ? (PART_PLAY_WORDS[part]?.[audience] ?? STEP_WORDS[audience].play) : step ? STEP_WORDS[audience][step] : null;
  return `Part ${part} · ${words ?? PART_TITLES[part]}`;
}
