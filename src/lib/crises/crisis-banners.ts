// Which crisis banners the projector and a team's phone show, and whom each one hit (every part with crises),
// pure so that the rules are tested.
// Relative imports only: unit tests load this file without Vite.
import type { CrisisBanner, PublicTeam, ScreenCrisis } from '../../../shared/protocol/views.js';
import { TRACKS } from '../../../shared/sim/tracks.js';

export type { ScreenCrisis };

/** How many crises the projector shows side by side with their words; older ones are a line of titles. */
export const SCREEN_CRISIS_CARDS = 3;

/** Newest first (the server lists crises in firing order); at most `limit`. */
export function newestCrises(crises: readonly ScreenCrisis[], limit: number): ScreenCrisis[] {
  return [...crises].reverse().slice(0, limit);
}

/** Whom a crisis hit, in words: "All teams", "Edge Guardian teams", "Team 3", "Team 1, Team 2 and Team 5". */
export function hitLabel(teamIds: readonly string[], teams: readonly Pick<PublicTeam, 'id' | 'name' | 'track'>[]): string {
  const hit = teams.filter((t) => teamIds.includes(t.id));
  if (hit.length === 0) return 'No team';
  if (hit.length === teams.length && teams.length > 1) return 'All teams';
  const track = hit[0]!.track;
  const wholeTrack = teams.filter((t) => t.track === track);
  if (hit.length > 1 && hit.every((t) => t.track === track) && wholeTrack.length === hit.length) return `${TRACKS[track].name} teams`;
  if (hit.length > 3) return `${hit.length} teams`;
  const names = hit.map((t) => t.name);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * A team's banners, newest first (two that strike in the same hour keep the later one on top), each open (the
 * stakeholder's words shown) or folded to its title. The newest is open, and so is every crisis aimed at the
 * team's own track or at the team: a newer crisis that hit every team must not fold away the one that is the
 * team's own story.
 */
export function teamBanners<C extends Pick<CrisisBanner, 'at' | 'aimed'>>(crises: readonly C[]): { crisis: C; open: boolean }[] {
  return crises
    .toReversed()
    .toSorted((a, b) => b.at - a.at)
    .map((crisis, i) => ({ crisis, open: i === 0 || crisis.aimed }));
}
