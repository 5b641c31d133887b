// What each audience reads of the crises (GAME.md §9): a team, the banners of the crises that struck it in its
// stakeholder's voice; the projector, every struck crisis with the teams it hit; the host, every crisis,
// scheduled ones included.
import type { CrisisBanner, HostCrisis, ScreenCrisis } from '../../protocol/views.js';
import type { GameState, Team } from '../state.js';
import { crisisById } from './catalog.js';
import { hits } from './fire.js';
import type { CrisisRecord } from './types.js';

type Crises = Pick<GameState, 'crises' | 'teams'>;

function banner(crisis: CrisisRecord, voice: Team['track'] | null): CrisisBanner {
  const module = crisisById(crisis.id);
  return { id: crisis.id, title: module.title, text: module.voice(voice), at: crisis.at };
}

export function teamCrises(state: Crises, team: Team): CrisisBanner[] {
  // A team reads the hour on its own clock (Part 2), the one its instruments show.
  return state.crises
    .filter((c) => c.fired && hits(c.target, team))
    .map((c) => ({ ...banner(c, team.track), at: c.teamAt?.[team.id] ?? c.at }));
}

export function screenCrises(state: Crises): ScreenCrisis[] {
  return state.crises
    .filter((c) => c.fired)
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
