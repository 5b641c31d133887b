// A deck of projected pages (ScreenDeck): the kinds of page it turns through and where it is. A projected page
// never scrolls (nobody can scroll a projector), so a list too long for one page takes as many as it needs
// (FitPage keeps the items drawn whole; the next page starts at the first one left out). The debrief is a deck;
// so are the reveals whose lists outgrow a page (Part 2's answers and canary stories, Part 3's outcomes).
// Relative imports only: unit tests load this file without Vite.

/** One kind of page of a deck (a section of the debrief, a reveal's chart, its stories). */
export interface DeckSlide<K extends string = string> {
  kind: K;
  title: string;
  /** The elements of the page that must be drawn whole (FitPage keeps those that are, the rest go on). */
  items: string;
  /** A list that may take more than one page. */
  paged: boolean;
  /** What the items are, one of them, for the page line ("team": "teams 1–8 of 12"); "team" unless said. */
  unit?: string;
  /** How long its first page stays, in seconds (SLIDE_SECONDS unless said); its other pages SLIDE_SECONDS. */
  seconds?: number;
  /** Its first page has every item or the first alone (FitPage's firstAlone). */
  firstAlone?: boolean;
}

/** How long a page stays before the next one comes: time to read a ledger page aloud. */
export const SLIDE_SECONDS = 20;

/** A reveal's first page (its answer and chart) is what the instructor talks through: it stays longer (the
 * pages of its list after it, SLIDE_SECONDS). */
export const REVEAL_SECONDS = 40;

/** Where a deck is: the index of its kind of page, and the first item that page shows. */
export interface DeckAt {
  kind: number;
  start: number;
}

/** How long the page that starts at item `start` of a kind stays, in seconds. */
export function pageSeconds(slide: Pick<DeckSlide, 'seconds'>, start: number): number {
  return start === 0 ? (slide.seconds ?? SLIDE_SECONDS) : SLIDE_SECONDS;
}

/**
 * The page after this one: the rest of this kind's list while some is left (the page ended at `end` of `count`
 * items), else the next kind's first page, the first kind again after the last (a deck goes round).
 */
export function nextPage(at: DeckAt, end: number, count: number, kinds: number): DeckAt {
  return end < count ? { kind: at.kind, start: end } : { kind: (at.kind + 1) % Math.max(1, kinds), start: 0 };
}

/**
 * Which items a page of a paged list shows, said as the room reads it (" · teams 1–8 of 12", " · team 12 of
 * 12"), or nothing when the whole list is on the page.
 */
export function pageRange(unit: string, start: number, end: number, count: number): string {
  return start === 0 && end >= count ? '' : itemsSaid(unit, start, end, count);
}

/** Items `start` to `end` (exclusive) of `count`, said as the room reads them: " · teams 1–8 of 12". */
export function itemsSaid(unit: string, start: number, end: number, count: number): string {
  return end - start === 1 ? ` · ${unit} ${end} of ${count}` : ` · ${unit}s ${start + 1}–${end} of ${count}`;
}

/**
 * A reveal's list as a deck's items: its head (item 0: the answer, a chart) then one line per team. What items
 * `from` to `to` (exclusive) draw: whether the head, and which teams' lines.
 */
export function headAndLines(from: number, to: number): { head: boolean; lines: [from: number, to: number] } {
  return { head: from === 0, lines: [Math.max(0, from - 1), Math.max(0, to - 1)] };
}

/**
 * The teams whose lines a page of head and lines shows, as its line says them: nothing when the head is there
 * with every line or with none; else which (a page of lines alone says them even when it has them all).
 */
export function linesSaid(from: number, to: number, teams: number): string {
  const [first, last] = headAndLines(from, to).lines;
  if (last <= first || (from === 0 && last >= teams)) return '';
  return itemsSaid('team', first, last, teams);
}
