// Part 2's reveal on the projector as a deck of projected pages (ScreenDeck): first n* against every answer —
// the chart, then each team's line as text, as many pages as the lines need (deck.ts's head and lines: the
// chart with all its lines or alone) — then each team's canary story,
// as many pages as the stories need, once the server's debrief has them. A projected page never scrolls.
// Pure, for tests. Relative imports only: unit tests load this file without Vite.
import type { Debrief } from '../../../../../shared/protocol/debrief.js';
import { REVEAL_SECONDS, type DeckSlide } from '../../../screen/deck.js';

export type Part2RevealKind = 'answers' | 'stories';

const ANSWERS: DeckSlide<Part2RevealKind> = {
  kind: 'answers',
  title: 'n* against every answer',
  items: '[data-fit-item], .reveal-lines li',
  paged: true,
  seconds: REVEAL_SECONDS,
  firstAlone: true,
};
const STORIES: DeckSlide<Part2RevealKind> = { kind: 'stories', title: 'Canary stories', items: '.story', paged: true };

/** The kinds of page of the reveal: the answers always, the stories once a team has run a canary. */
export function part2RevealSlides(debrief: Debrief | null): DeckSlide<Part2RevealKind>[] {
  return debrief !== null && debrief.stories.some((s) => s.runs.length > 0) ? [ANSWERS, STORIES] : [ANSWERS];
}
