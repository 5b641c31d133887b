// One projection per audience (GAME.md §9): what a team, the host and the screens may see. A team never gets
// another team's private data; the screen never gets anything private; only the host sees everything.
import type { HostView, PublicTeam, ScreenView, TeamView } from '../protocol/views.js';
import type { GameState, Player } from './state.js';
import { PLAYED_PARTS } from './flow.js';
import { hostPart1, screenPart1, teamPart1 } from './parts/part1-views.js';
import { hostPart2, screenPart2, teamPart2 } from './parts/part2/views.js';
import { leaderboard } from './scoring.js';

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
    roomLocked: state.roomLocked,
    settings: { askStudentId, teamCount, capex, engineerCost, timerMinutes, autoAdvance, simSpeed },
    parts: [...PLAYED_PARTS],
    leaderboard: leaderboard(state),
  };
}

function seatedIn(state: GameState, teamId: string): Player[] {
  return state.players.filter((player) => player.teamId === teamId);
}

function publicTeams(state: GameState): PublicTeam[] {
  return state.teams.map((team) => ({
    id: team.id,
    name: team.name,
    track: team.track,
    members: seatedIn(state, team.id).map((p) => ({ id: p.id, nickname: p.nickname })),
  }));
}

/** The view of one team: its own roster with presence, and the public list of teams. */
export function projectTeam(state: GameState, teamId: string, presence: Presence): TeamView | null {
  const team = state.teams.find((t) => t.id === teamId);
  if (!team) return null;
  const members = seatedIn(state, teamId).map((p) => ({
    id: p.id,
    nickname: p.nickname,
    online: presence.online.has(p.id),
  }));
  return {
    audience: 'team',
    ...base(state),
    team: { ...team, members },
    teams: publicTeams(state),
    part1: teamPart1(state, team),
    part2: teamPart2(state, team),
  };
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
    part1: hostPart1(state),
    part2: hostPart2(state),
  };
}

/** The projector's view (also every spectator's): public aggregates only. */
export function projectScreen(state: GameState): ScreenView {
  const teams = publicTeams(state);
  return {
    audience: 'screen',
    ...base(state),
    teams,
    playerCount: teams.reduce((sum, team) => sum + team.members.length, 0),
    part1: screenPart1(state),
    part2: screenPart2(state),
  };
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
