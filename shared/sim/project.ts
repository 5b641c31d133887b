// One projection per audience (GAME.md §9): what a team, the host and the screens may see, as full views and
// as the ticks of a moving simulated clock. A team never gets another team's private data; the screen never
// gets anything private; only the host sees everything. Each part projects its own slice.
import type { HostView, ProposalView, PublicTeam, ScreenView, TeamView, Tick } from '../protocol/views.js';
import { hostCrises, screenCrises, teamCrises } from './crises/views.js';
import { partInPlay, runningClockPart } from './flow.js';
import { contextOf, partSlice } from './parts/context.js';
import type { AnyPart, PartContext, PartSlice } from './parts/part.js';
import { PARTS } from './parts/registry.js';
import { leaderboard } from './scoring.js';
import { spotlightView } from './spotlight.js';
import type { GameState, Player, Team } from './state.js';

export type Viewer = { audience: 'host' } | { audience: 'team'; teamId: string } | { audience: 'screen' };

/** Who is connected right now: not game state (it is not logged), but the roster shows it. */
export interface Presence {
  online: ReadonlySet<string>;
  screens: number;
}

export const NOBODY_ONLINE: Presence = { online: new Set(), screens: 0 };

/** What every audience sees: where the game is, its public settings and the leaderboard. */
function base(state: GameState) {
  const { askStudentId, teamCount, capex, engineerCost, timerMinutes, autoAdvance, simSpeed } = state.settings;
  return {
    version: state.version,
    code: state.code,
    phase: state.phase,
    step: state.step,
    paused: state.paused,
    timer: state.timer,
    warning: state.warning ?? null,
    roomLocked: state.roomLocked,
    settings: { askStudentId, teamCount, capex, engineerCost, timerMinutes, autoAdvance, simSpeed },
    parts: PARTS.map((part) => part.number),
    leaderboard: leaderboard(state),
  };
}

type Face = 'team' | 'host' | 'screen';

/**
 * Part views, kept per slice and context: a part's views read nothing else, and a context stays the same value
 * while nothing it reads changes (`contextOf`). So a room-wide change (a lock, a step, the timer, a phone
 * reconnecting) re-projects no dashboard, and the server's diff skips each part view by identity instead of
 * comparing forty Part 2 dashboards that did not change.
 */
const partViewCache = new WeakMap<PartSlice, { ctx: PartContext; views: Map<string, unknown> }>();

/** One part's view for an audience, or null before the part begins. */
function partView(state: GameState, part: AnyPart, face: Face, team?: Team): unknown {
  const slice = partSlice(state, part);
  if (!slice) return null;
  const ctx = contextOf(state);
  let cached = partViewCache.get(slice);
  if (cached?.ctx !== ctx) partViewCache.set(slice, (cached = { ctx, views: new Map() }));
  const key = face === 'team' ? `team:${team!.id}` : face;
  if (cached.views.has(key)) return cached.views.get(key);
  const view = face === 'team' ? part.views.team(slice, ctx, team!) : part.views[face](slice, ctx);
  cached.views.set(key, view);
  return view;
}

/** Every part's view for an audience, keyed by part id (the view schemas list them: parts/index.ts). */
function partViews(state: GameState, face: Face, team?: Team, parts: readonly AnyPart[] = PARTS) {
  return Object.fromEntries(parts.map((part) => [part.id, partView(state, part, face, team)]));
}

function seatedIn(state: GameState, teamId: string): Player[] {
  return state.players.filter((player) => player.teamId === teamId);
}

/**
 * The public roster, built once per roster: the state is immutable, so while `players` and `teams` are the same
 * arrays the roster is the same (frozen) value. Every team's view and the screen's share it, and the server's
 * view diff sees an unchanged roster by identity instead of comparing 2,000 members per audience per change.
 */
const publicRosters = new WeakMap<readonly Player[], { teams: readonly Team[]; roster: readonly PublicTeam[] }>();

function publicTeams(state: GameState): PublicTeam[] {
  const known = publicRosters.get(state.players);
  if (known && known.teams === state.teams) return known.roster as PublicTeam[];
  const roster: PublicTeam[] = state.teams.map((team) => ({
    id: team.id,
    name: team.name,
    track: team.track,
    members: seatedIn(state, team.id).map((p) => Object.freeze({ id: p.id, nickname: p.nickname })),
  }));
  // Frozen: one value shared by many views must not be changed through any of them.
  for (const team of roster) Object.freeze(Object.freeze(team).members);
  publicRosters.set(state.players, { teams: state.teams, roster: Object.freeze(roster) });
  return roster;
}

/** A team's open proposal for the lock in play, as its members see it; null once locked or out of play. */
function proposalView(state: GameState, teamId: string): ProposalView | null {
  const proposal = state.proposals[teamId];
  const playing = partInPlay(state);
  if (!proposal || !playing || playing.part.number !== proposal.part) return null;
  if (playing.slice.teams[teamId]?.prediction !== null) return null;
  const seated = seatedIn(state, teamId);
  const nickname = (id: string) => state.players.find((p) => p.id === id)?.nickname ?? '';
  const agreed = proposal.agreed.filter((id) => seated.some((p) => p.id === id)).map((id) => ({ id, nickname: nickname(id) }));
  return { part: proposal.part, value: proposal.value, byId: proposal.by, byNickname: nickname(proposal.by), agreed };
}

/** The view of one team: its own roster with presence, and the public list of teams. */
export function projectTeam(state: GameState, teamId: string, presence: Presence): TeamView | null {
  const team = state.teams.find((t) => t.id === teamId);
  if (!team) return null;
  const members = seatedIn(state, teamId).map((p) => ({ id: p.id, nickname: p.nickname, online: presence.online.has(p.id) }));
  return {
    audience: 'team',
    ...base(state),
    team: { ...team, members },
    teams: publicTeams(state),
    crises: teamCrises(state, team),
    proposal: proposalView(state, teamId),
    ...partViews(state, 'team', team),
  } as TeamView;
}

/** The host's view: everything, including student ids and kicked players. */
export function projectHost(state: GameState, presence: Presence): HostView {
  const seated = state.players.filter((p) => !p.kicked);
  return {
    audience: 'host',
    ...base(state),
    teams: state.teams.map((team) => ({
      ...team,
      members: seatedIn(state, team.id).map((p) => ({
        id: p.id,
        nickname: p.nickname,
        online: presence.online.has(p.id),
        studentId: p.studentId,
      })),
    })),
    kicked: state.players.filter((p) => p.kicked).map((p) => ({ id: p.id, nickname: p.nickname })),
    playerCount: seated.length,
    onlineCount: seated.filter((p) => presence.online.has(p.id)).length,
    screenCount: presence.screens,
    crises: hostCrises(state),
    spotlight: spotlightView(state),
    ...partViews(state, 'host'),
  } as HostView;
}

/** The projector's view (also every spectator's): public aggregates only. */
export function projectScreen(state: GameState): ScreenView {
  const teams = publicTeams(state);
  return {
    audience: 'screen',
    ...base(state),
    teams,
    playerCount: teams.reduce((sum, team) => sum + team.members.length, 0),
    crises: screenCrises(state),
    spotlight: spotlightView(state),
    ...partViews(state, 'screen'),
  } as ScreenView;
}

/** The view for any viewer. */
export function project(state: GameState, viewer: Viewer, presence: Presence = NOBODY_ONLINE) {
  switch (viewer.audience) {
    case 'host':
      return projectHost(state, presence);
    case 'team':
      return projectTeam(state, viewer.teamId, presence);
    case 'screen':
      return projectScreen(state);
  }
}

/**
 * What a tick of the running part's simulated clock changes for a viewer: version, leaderboard, crises and that
 * part's view — or null when no clock runs (or the team does not exist).
 */
export function projectTick(state: GameState, viewer: Viewer): Tick | null {
  const part = runningClockPart(state) ?? null;
  if (!part) return null;
  const team = viewer.audience === 'team' ? state.teams.find((t) => t.id === viewer.teamId) : undefined;
  if (viewer.audience === 'team' && !team) return null;
  const crises = team ? teamCrises(state, team) : viewer.audience === 'host' ? hostCrises(state) : screenCrises(state);
  const face = team ? 'team' : (viewer.audience as Face);
  return {
    audience: viewer.audience,
    version: state.version,
    leaderboard: leaderboard(state),
    crises,
    ...partViews(state, face, team, [part]),
  } as Tick;
}
