// What each audience sees of Part 1 (GAME.md §9). A team: its own lock, its workbench only once it locked,
// the truth only after the reveal. The screen: who has locked, never what, until the reveal. The host: all.
import type { HostPart1, ScreenPart1, TeamPart1 } from '../../../protocol/views.js';
import { revealNumeric } from '../../calibration.js';
import { TEAM_CAPACITY_HOURS, TRACK_MODEL_COUNT } from '../../constants.js';
import { TRACK_HETEROGENEITY } from './heterogeneity.js';
import type { Team, TeamPartState } from '../../state.js';
import { TRACK_IDS } from '../../tracks.js';
import { numericLock as numeric, reflectedTeams, reflectionView, type PartContext, type PartSlice } from '../part.js';
import { truthForTrack } from './truth.js';

export type Part1State = PartSlice<TeamPartState>;

export function teamPart1(slice: Part1State, ctx: PartContext, team: Team): TeamPart1 {
  const part = slice.teams[team.id]!;
  // The workbench comes with the lock; after the reveal every team may explore it, locked or not.
  const open = part.prediction !== null || slice.revealed;
  return {
    prediction: numeric(part),
    lockedByNickname: ctx.nickname(part.lockedBy),
    workbench: open
      ? {
          n0: TRACK_MODEL_COUNT[team.track],
          h: TRACK_HETEROGENEITY[team.track],
          capex: ctx.settings.capex,
          engineerCost: ctx.settings.engineerCost,
          capacityHours: TEAM_CAPACITY_HOURS,
        }
      : null,
    reveal: slice.revealed ? revealNumeric(numeric(part), truthForTrack(ctx.settings, team.track)) : null,
    reflection: reflectionView(ctx, part),
  };
}

export function hostPart1(slice: Part1State, ctx: PartContext): HostPart1 {
  return {
    revealed: slice.revealed,
    truths: TRACK_IDS.map((track) => ({ track, h: TRACK_HETEROGENEITY[track], nStar: truthForTrack(ctx.settings, track) })),
    teams: ctx.teams.map((team) => {
      const part = slice.teams[team.id]!;
      return {
        teamId: team.id,
        prediction: numeric(part),
        lockedByNickname: ctx.nickname(part.lockedBy),
        reveal: revealNumeric(numeric(part), truthForTrack(ctx.settings, team.track)),
        reflection: reflectionView(ctx, part),
      };
    }),
  };
}

export function screenPart1(slice: Part1State, ctx: PartContext): ScreenPart1 {
  return {
    locked: ctx.teams.map((team) => ({ teamId: team.id, locked: slice.teams[team.id]!.prediction !== null })),
    results: slice.revealed
      ? ctx.teams.map((team) => ({
          teamId: team.id,
          track: team.track,
          h: TRACK_HETEROGENEITY[team.track],
          reveal: revealNumeric(numeric(slice.teams[team.id]!), truthForTrack(ctx.settings, team.track)),
        }))
      : null,
    reflected: reflectedTeams(slice, ctx),
  };
}
