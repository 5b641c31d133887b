// Part 2's reveal on the projector as a deck of projected pages (ScreenDeck): first n* against every answer —
// the chart, then each team's line as text, as many pages as the lines need — then each team's canary story,
// as many pages as the stories need, once the server's debrief has them. A projected page never scrolls.
// Pure, for tests. Relative imports only: unit tests load this file without Vite.
import type { Debrief } from '../../../../../shared/protocol/debrief.js';
import { REVEAL_SECONDS, itemsSaid, type DeckSlide } from '../../../screen/deck.js';

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

/**
 * The answers' items are the chart (item 0) then one line per team: what items `from` to `to` (exclusive) of
 * `teams` lines draw — whether the chart, and which teams' lines.
 */
export function answersPage(from: number, to: number): { chart: boolean; lines: [from: number, to: number] } {
  return { chart: from === 0, lines: [Math.max(0, from - 1), Math.max(0, to - 1)] };
}

/**
 * The teams whose lines an answers page shows, as its line says them: nothing when the chart is there with
 * every line or with none; else which (a page of lines alone says them even when it has them all).
 */
export function answersRange(from: number, to: number, teams: number): string {
  const [first, last] = answersPage(from, to).lines;
  if (last <= first || (from === 0 && last >= teams)) return '';
  return itemsSaid('team', first, last, teams);
}
