// What each audience sees of Part 1 (GAME.md §9). A team: its own lock, its workbench only once it locked,
// the truth only after the reveal. The screen: who has locked, never what, until the reveal. The host: all.
import type { HostPart1, ScreenPart1, TeamPart1 } from '../../protocol/views.js';
import { TEAM_CAPACITY_HOURS, TRACK_HETEROGENEITY, TRACK_MODEL_COUNT } from '../constants.js';
import { revealNumeric } from '../calibration.js';
import type { GameState, Team, TeamReflection } from '../state.js';
import { TRACK_IDS } from '../tracks.js';
import { truthForTrack } from './part1.js';

function nicknameOf(state: GameState, playerId: string | null): string | null {
  if (playerId === null) return null;
  return state.players.find((p) => p.id === playerId)?.nickname ?? null;
}

function reflectionView(state: GameState, reflection: TeamReflection | null) {
  if (!reflection) return null;
  return { choice: reflection.choice, text: reflection.text, byNickname: nicknameOf(state, reflection.by) ?? '' };
}

export function teamPart1(state: GameState, team: Team): TeamPart1 | null {
  const part = state.part1?.teams[team.id];
  if (!state.part1 || !part) return null;
  // The workbench comes with the lock; after the reveal every team may explore it, locked or not.
  const open = part.prediction !== null || state.part1.revealed;
  return {
    prediction: part.prediction,
    lockedByNickname: nicknameOf(state, part.lockedBy),
    workbench: open
      ? {
          n0: TRACK_MODEL_COUNT[team.track],
          h: TRACK_HETEROGENEITY[team.track],
          capex: state.settings.capex,
          engineerCost: state.settings.engineerCost,
          capacityHours: TEAM_CAPACITY_HOURS,
        }
      : null,
    reveal: state.part1.revealed ? revealNumeric(part.prediction, truthForTrack(state, team.track)) : null,
    reflection: reflectionView(state, part.reflection),
  };
}

export function hostPart1(state: GameState): HostPart1 | null {
  const part1 = state.part1;
  if (!part1) return null;
  return {
    truths: TRACK_IDS.map((track) => ({ track, h: TRACK_HETEROGENEITY[track], nStar: truthForTrack(state, track) })),
    teams: state.teams.map((team) => {
      const part = part1.teams[team.id]!;
      const actual = truthForTrack(state, team.track);
      return {
        teamId: team.id,
        prediction: part.prediction,
        lockedByNickname: nicknameOf(state, part.lockedBy),
        actual,
        score: part1.revealed ? revealNumeric(part.prediction, actual).score : null,
        reflection: reflectionView(state, part.reflection),
      };
    }),
  };
}

export function screenPart1(state: GameState): ScreenPart1 | null {
  const part1 = state.part1;
  if (!part1) return null;
  return {
    locked: state.teams.map((team) => ({ teamId: team.id, locked: part1.teams[team.id]!.prediction !== null })),
    results: part1.revealed
      ? state.teams.map((team) => ({
          teamId: team.id,
          track: team.track,
          prediction: part1.teams[team.id]!.prediction,
          actual: truthForTrack(state, team.track),
        }))
      : null,
    reflected: state.teams.map((team) => ({ teamId: team.id, reflected: part1.teams[team.id]!.reflection !== null })),
  };
}
