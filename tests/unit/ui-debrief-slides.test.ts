// The projector's debrief deck (src/lib/screen/debrief-slides.ts): which pages a game has, in reading order, and
// how many teams one timeline chart takes on a projected page.
import { describe, expect, it } from 'vitest';
import type { Debrief } from '../../shared/protocol/debrief.js';
import { debriefSlides, sectionDeck, timelineTeamsPerPage } from '../../src/lib/screen/debrief-slides.js';

/** A server debrief with or without entries, a canary run and ledgers. */
function debrief(parts: { entries?: boolean; runs?: boolean; ledgers?: boolean }): Debrief {
  return {
    entries: parts.entries ? [{ teamId: 't1' }] : [],
    stories: [{ teamId: 't1', runs: parts.runs ? [{ number: 1 }] : [] }],
    ledgers: parts.ledgers ? [{ teamId: 't1', entries: [] }] : [],
  } as unknown as Debrief;
}

const kinds = (...args: Parameters<typeof debriefSlides>) => debriefSlides(...args).map((s) => s.kind);

describe("the projector's debrief pages", () => {
  it('always has the podium; the rest once there is something to show', () => {
    expect(kinds({ teams: 4, tracks: 0, predictions: false, debrief: null })).toEqual(['podium']);
    expect(kinds({ teams: 4, tracks: 0, predictions: true, debrief: debrief({}) })).toEqual(['podium', 'predictions']);
  });

  it('reads podium, tracks, the whole ranking beyond ten teams, predictions, timeline, stories, ledgers', () => {
    const all = { teams: 12, tracks: 4, predictions: true, debrief: debrief({ entries: true, runs: true, ledgers: true }) };
    expect(kinds(all)).toEqual(['podium', 'tracks', 'standings', 'predictions', 'timeline', 'stories', 'ledgers']);
    // Ten teams fit the board beside the podium: no separate ranking.
    expect(kinds({ ...all, teams: 10 })).not.toContain('standings');
  });

  it('pages every list but the podiums', () => {
    const all = debriefSlides({ teams: 40, tracks: 4, predictions: true, debrief: debrief({ entries: true, runs: true, ledgers: true }) });
    expect(all.filter((s) => s.paged).map((s) => s.kind)).toEqual(['standings', 'predictions', 'timeline', 'stories', 'ledgers']);
  });

  it('gives a timeline chart five teams at 720p, ten at 1080p, never none', () => {
    expect([720, 1080, 200].map(timelineTeamsPerPage)).toEqual([5, 10, 1]);
  });

  it("holds the host's section, or turns the whole deck when the game has no such page", () => {
    const slides = debriefSlides({ teams: 4, tracks: 0, predictions: true, debrief: debrief({ ledgers: true }) });
    expect(sectionDeck(slides, 'ledgers').map((s) => s.kind)).toEqual(['ledgers']);
    expect(sectionDeck(slides, null).map((s) => s.kind)).toEqual(['podium', 'predictions', 'ledgers']);
    // No timeline in this game (or not yet from the server): the deck, not an empty page.
    expect(sectionDeck(slides, 'timeline').map((s) => s.kind)).toEqual(['podium', 'predictions', 'ledgers']);
    // The host's debrief has no ledgers: the host's view says whether the projector's has them.
    expect(kinds({ teams: 4, tracks: 0, predictions: false, debrief: debrief({}), ledgers: true })).toEqual(['podium', 'ledgers']);
    expect(kinds({ teams: 4, tracks: 0, predictions: false, debrief: null, ledgers: true })).toEqual(['podium']);
  });
});
