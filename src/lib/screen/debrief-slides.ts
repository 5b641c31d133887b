// The projector's debrief as a deck of projected pages (ScreenDebrief): which kinds of page the game has, in
// the order the room reads them, and how many teams one timeline chart takes on a page. The host's console
// names the sections it can hold on the projector (DebriefFocus) by the same titles.
// Relative imports only: unit tests load this file without Vite.
import type { Debrief } from '../../../shared/protocol/debrief.js';
import type { DebriefSection } from '../../../shared/protocol/spotlight.js';
import type { LeaderboardRow } from '../../../shared/protocol/views.js';
import { trackPodiums } from '../debrief/debrief-rows.js';
import { SLIDE_SECONDS, type DeckSlide } from './deck.js';

/** A kind of page is a section of the debrief the host may hold on the projector (the spotlight's). */
export type SlideKind = DebriefSection;

export type Slide = DeckSlide<SlideKind>;

export { SLIDE_SECONDS };

const SLIDES: Record<SlideKind, Slide> = {
  podium: { kind: 'podium', title: 'Podium', items: '.step, [data-testid="leaderboard"]', paged: false },
  tracks: { kind: 'tracks', title: 'Podium per track', items: '.track', paged: false },
  standings: { kind: 'standings', title: 'Final standings', items: '.standings li', paged: true },
  predictions: { kind: 'predictions', title: 'Predictions against the truth', items: 'tbody tr', paged: true },
  timeline: { kind: 'timeline', title: 'Timeline', items: '[data-testid="timeline"]', paged: true },
  stories: { kind: 'stories', title: 'Canary stories', items: '.story', paged: true },
  ledgers: { kind: 'ledgers', title: 'Governance ledgers', items: '.ledger', paged: true },
};

/**
 * The pages of this game's debrief: the podium always; the track podiums where a track has two teams or more;
 * the whole ranking once the board beside the podium cannot show every team (more than its ten rows); the
 * predictions once a part was revealed; the timeline, stories and ledgers once the server's debrief is here
 * and has them.
 */
export function debriefSlides(game: {
  teams: number;
  tracks: number;
  predictions: boolean;
  debrief: Debrief | null;
  /** Whether the game has ledgers, where its debrief cannot say (the host's has none: Part 3's results show them). */
  ledgers?: boolean;
}): Slide[] {
  const { debrief } = game;
  const kinds: (SlideKind | false)[] = [
    'podium',
    game.tracks > 0 && 'tracks',
    game.teams > 10 && 'standings',
    game.predictions && 'predictions',
    debrief !== null && debrief.entries.length > 0 && 'timeline',
    debrief !== null && debrief.stories.some((s) => s.runs.length > 0) && 'stories',
    debrief !== null && (game.ledgers ?? debrief.ledgers.length > 0) && 'ledgers',
  ];
  return kinds.filter((k): k is SlideKind => k !== false).map((k) => SLIDES[k]);
}

/**
 * The pages of a game from its final leaderboard, whether a part was revealed (the projector's and the host's
 * views say it their own way) and the server's debrief: the projector's deck and the host's buttons agree.
 */
export function gameSlides(game: { leaderboard: LeaderboardRow[]; predictions: boolean; debrief: Debrief | null; ledgers?: boolean }): Slide[] {
  const { leaderboard, ...rest } = game;
  return debriefSlides({ teams: leaderboard.length, tracks: trackPodiums(leaderboard).length, ...rest });
}

/** A section's title, as the projector's page line and the host's buttons say it. */
export function sectionTitle(kind: SlideKind): string {
  return SLIDES[kind].title;
}

/**
 * The pages the projector turns through: the section the host holds (its pages only), or the whole deck when
 * the host holds none or one this game does not have (its timeline not yet come from the server, say).
 */
export function sectionDeck(slides: Slide[], section: SlideKind | null): Slide[] {
  const held = slides.filter((s) => s.kind === section);
  return held.length > 0 ? held : slides;
}

/**
 * Teams per timeline chart on one page: the chart gives each team 4.5rem (its large size) plus 4rem of axes,
 * under the bar, the page's line and the chart's own title and list (about 16rem at 16 px).
 */
export function timelineTeamsPerPage(innerHeight: number): number {
  return Math.max(1, Math.floor((innerHeight / 16 - 16 - 4) / 4.5));
}
