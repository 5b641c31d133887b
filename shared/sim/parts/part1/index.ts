// Part 1, the platform ROI audit (GAME.md §4), as a part module: a numeric lock of N*, a workbench the pages
// compute from the public cost model, no simulated clock and no ops score.
import { PART1_PREDICTION_MAX, PART1_PREDICTION_MIN } from '../../../protocol/limits.js';
import { definePart, emptyTeamPart } from '../part.js';
import { PART1_TITLE } from './content.js';
import { truthForTrack } from './truth.js';
import { hostPart1, screenPart1, teamPart1, type Part1State } from './views.js';

export const part1 = definePart({
  id: 'part1',
  number: 1,
  title: PART1_TITLE,
  lock: { kind: 'numeric', min: PART1_PREDICTION_MIN, max: PART1_PREDICTION_MAX },
  answer: (ctx, team) => truthForTrack(ctx.settings, team.track),
  start: (ctx): Part1State => ({
    teams: Object.fromEntries(ctx.teams.map((team) => [team.id, emptyTeamPart()])),
    revealed: false,
  }),
  views: { team: teamPart1, host: hostPart1, screen: screenPart1 },
});
