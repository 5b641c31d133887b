// Part 3, the ensemble lockdown (GAME.md §6), as a part module: a choice lock on training-serving skew, the
// versioning decisions on each team's upstream → downstream pair, a simulated clock that measures the system
// and counts silent failures, the governance ledger and an ops score.
import { CHOICES } from '../../../protocol/views.js';
import { PART3_PACE } from '../../constants.js';
import { definePart } from '../part.js';
import { advanceEnsemble, hoursPerSecond } from './clock.js';
import { PART3_TITLE } from './content.js';
import { decide } from './decide.js';
import { teamOps } from './score.js';
import { newTeamPart3 } from './start.js';
import { PART3_ANSWER } from './truth.server.js';
import type { Part3State, TeamPart3 } from './types.js';
import { hostPart3, screenPart3, teamPart3 } from './views.js';

const TEAM_ACTIONS = [
  'team/deploy-upstream',
  'team/retrain',
  'team/set-policy',
  'team/consistency-check',
  'team/answer-challenge',
] as const;

export const part3 = definePart({
  id: 'part3',
  number: 3,
  title: PART3_TITLE,
  lock: { kind: 'choice', options: CHOICES },
  answer: () => PART3_ANSWER,
  start: (ctx): Part3State => ({
    hours: 0,
    teams: Object.fromEntries(ctx.teams.map((team) => [team.id, newTeamPart3(ctx.seed, team.track)])),
    revealed: false,
  }),
  teamActions: { types: TEAM_ACTIONS, reduce: decide },
  clock: {
    pace: PART3_PACE,
    hours: (slice) => slice.hours,
    advance(slice, hours, ctx) {
      const teams: Record<string, TeamPart3> = {};
      const perSecond = hoursPerSecond(ctx);
      for (const team of ctx.teams) {
        const ensemble = slice.teams[team.id];
        if (ensemble) teams[team.id] = advanceEnsemble(ensemble, team.track, ctx.effects(team.id), slice.hours, hours, perSecond);
      }
      return { ...slice, teams, hours: slice.hours + hours };
    },
  },
  views: { team: teamPart3, host: hostPart3, screen: screenPart3 },
  ops: teamOps,
});
