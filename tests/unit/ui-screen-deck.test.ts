// A deck of projected pages (src/lib/screen/deck.ts) and Part 2's reveal as one
// (src/lib/parts/part2/screen/part2-reveal-deck.ts): where the next page starts, how a page says which teams it
// shows, and which kinds of page the reveal has.
import { describe, expect, it } from 'vitest';
import type { Debrief } from '../../shared/protocol/debrief.js';
import { part2RevealSlides } from '../../src/lib/parts/part2/screen/part2-reveal-deck.js';
import { REVEAL_SECONDS, SLIDE_SECONDS, headAndLines, itemsSaid, linesSaid, nextPage, pageRange, pageSeconds } from '../../src/lib/screen/deck.js';

describe('a deck of projected pages', () => {
  it("turns to the rest of a kind's list, then to the next kind, and round to the first after the last", () => {
    expect(nextPage({ kind: 0, start: 0 }, 5, 12, 2)).toEqual({ kind: 0, start: 5 });
    expect(nextPage({ kind: 0, start: 5 }, 12, 12, 2)).toEqual({ kind: 1, start: 0 });
    expect(nextPage({ kind: 1, start: 0 }, 1, 1, 2)).toEqual({ kind: 0, start: 0 });
    // A deck of one kind whose list fits one page stays where it is.
    expect(nextPage({ kind: 0, start: 0 }, 4, 4, 1)).toEqual({ kind: 0, start: 0 });
  });

  it("keeps a reveal's first page longer than the pages of its list after it", () => {
    expect(pageSeconds({ seconds: REVEAL_SECONDS }, 0)).toBe(40);
    expect(pageSeconds({ seconds: REVEAL_SECONDS }, 5)).toBe(SLIDE_SECONDS);
    expect(pageSeconds({}, 0)).toBe(SLIDE_SECONDS);
  });

  it("says a page's items as the room reads them, and nothing when the whole list is on it", () => {
    expect(pageRange('team', 0, 12, 12)).toBe('');
    expect(pageRange('team', 0, 8, 12)).toBe(' · teams 1–8 of 12');
    expect(pageRange('place', 11, 12, 12)).toBe(' · place 12 of 12');
    expect(itemsSaid('team', 0, 4, 4)).toBe(' · teams 1–4 of 4');
  });
});

describe("Part 2's reveal deck", () => {
  const debrief = (runs: boolean) => ({ stories: [{ teamId: 't1', runs: runs ? [{ number: 1 }] : [] }] }) as unknown as Debrief;

  it('has the answers always, and the canary stories once a team has run a canary', () => {
    expect(part2RevealSlides(null).map((s) => s.kind)).toEqual(['answers']);
    expect(part2RevealSlides(debrief(false)).map((s) => s.kind)).toEqual(['answers']);
    expect(part2RevealSlides(debrief(true)).map((s) => s.kind)).toEqual(['answers', 'stories']);
  });

  it("draws the head (the chart) as item 0, then a team's line per item", () => {
    expect(headAndLines(0, 1)).toEqual({ head: true, lines: [0, 0] });
    expect(headAndLines(0, 4)).toEqual({ head: true, lines: [0, 3] });
    expect(headAndLines(4, 13)).toEqual({ head: false, lines: [3, 12] });
  });

  it('says the lines a page shows unless the chart is there with all or none of them', () => {
    expect(linesSaid(0, 1, 12)).toBe('');
    expect(linesSaid(0, 13, 12)).toBe('');
    expect(linesSaid(0, 4, 12)).toBe(' · teams 1–3 of 12');
    // A page of lines alone says them even when it has them all: it differs from the chart's page.
    expect(linesSaid(1, 5, 4)).toBe(' · teams 1–4 of 4');
    expect(linesSaid(12, 13, 12)).toBe(' · team 12 of 12');
  });
});
