// What each audience reads of the crises (GAME.md §9): a team, the banners of the crises that struck it in its
// stakeholder's voice; the projector, every struck crisis with the teams it hit; the host, every crisis,
// scheduled ones included. A crisis belongs to the part it was aimed in (its hour counts on that part's clock):
// while a part runs, teams and projector read that part's crises only; between and after the parts, all.
import { PART_IDS, type CrisisBanner, type HostCrisis, type ScreenCrisis } from '../../protocol/views.js';
import type { GameState, Team } from '../state.js';
import { crisisById } from './catalog.js';
import { hits } from './fire.js';
import type { CrisisRecord } from './types.js';

type Crises = Pick<GameState, 'crises' | 'teams' | 'phase'>;

function banner(crisis: CrisisRecord, voice: Team['track'] | null): CrisisBanner {
  const module = crisisById(crisis.id);
  const aimed = crisis.target.kind !== 'all';
  return { id: crisis.id, title: module.title, text: module.voice(voice), at: crisis.at, part: crisis.part, aimed };
}

/** Struck, and of the part that runs now (any part outside the parts: the lobby, the debrief). */
function shown(state: Crises, crisis: CrisisRecord): boolean {
  if (!crisis.fired) return false;
  const inPart = (PART_IDS as readonly string[]).includes(state.phase);
  return !inPart || crisis.part === state.phase;
}

export function teamCrises(state: Crises, team: Team): CrisisBanner[] {
  // A team reads the hour on its own clock (Part 2), the one its instruments show.
  return state.crises
    .filter((c) => shown(state, c) && hits(c.target, team))
    .map((c) => ({ ...banner(c, team.track), at: c.teamAt?.[team.id] ?? c.at }));
}

export function screenCrises(state: Crises): ScreenCrisis[] {
  return state.crises
    .filter((c) => shown(state, c))
    .map((c) => {
      const teams = state.teams.filter((t) => hits(c.target, t));
      // A crisis aimed at one track or team speaks with that track's stakeholder; one aimed at all, with all.
      const voice = c.target.kind === 'all' ? null : (teams[0]?.track ?? null);
      return { ...banner(c, voice), teamIds: teams.map((t) => t.id) };
    });
}

function targetName(state: Crises, c: CrisisRecord): string {
  if (c.target.kind === 'all') return 'all teams';
  if (c.target.kind === 'track') return c.target.track;
  const teamId = c.target.teamId;
  return state.teams.find((t) => t.id === teamId)?.name ?? teamId;
}

export function hostCrises(state: Crises): HostCrisis[] {
  return state.crises.map((c) => ({ id: c.id, target: targetName(state, c), part: c.part, at: c.at, fired: c.fired }));
}
