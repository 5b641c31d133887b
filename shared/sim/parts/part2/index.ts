// Part 2, canary duration and the live fleet (GAME.md §5), as a part module: a numeric lock of n*, canary
// decisions per team, a simulated clock that draws every fleet's evidence, and an ops score.
import { PART2_PREDICTION_MAX, PART2_PREDICTION_MIN } from '../../../protocol/limits.js';
import type { ErrorCode } from '../../../protocol/errors.js';
import type { Action } from '../../actions.js';
import { TRACK_MODEL_COUNT } from '../../constants.js';
import { advanceMonitor, investigate, withAggregation, withThresholds } from './alerts/monitor.js';
import { advanceSlices, decideSlice, withLevel } from './slices/monitor.js';
import { skewTruth } from './slices/truth.server.js';
import { definePart, type SliceResult, type TeamActionContext } from '../part.js';
import { PART2_ACTUAL } from './answer.js';
import { PART2_TITLE } from './content.js';
import { extendRun, promoteRun, rollbackRun, startRun, type RunResult } from './run.js';
import { teamOps } from './score.js';
import { newTeamPart2 } from './start.js';
import { advanceTeam } from './tick.js';
import { teamStep } from './clock.js';
import { baseCohortRates } from './truth.server.js';
import type { Part2State, TeamPart2 } from './types.js';
import type { TrackId } from '../../tracks.js';
import { hostPart2, screenPart2, teamPart2 } from './views.js';

const TEAM_ACTIONS = [
  'team/start-run',
  'team/extend',
  'team/promote',
  'team/rollback',
  'team/set-thresholds',
  'team/set-aggregation',
  'team/investigate',
  'team/set-slice-monitoring',
  'team/slice-action',
] as const;

/** A team's decision on its fleet's monitoring. */
function monitorDecision(fleet: TeamPart2, action: Action, ctx: TeamActionContext): TeamPart2 | ErrorCode | null {
  switch (action.type) {
    case 'team/set-thresholds':
      return { ...fleet, monitor: withThresholds(fleet.monitor, action.k) };
    case 'team/set-aggregation':
      return { ...fleet, monitor: withAggregation(fleet.monitor, action.aggregation) };
    case 'team/investigate': {
      if (action.model >= TRACK_MODEL_COUNT[ctx.team.track]) return 'alerts/unknown-cell';
      const cell = { model: action.model, metric: action.metric };
      const where = { seed: ctx.seed, track: ctx.team.track, effects: ctx.effects(ctx.team.id), hours: ctx.hours };
      return { ...fleet, monitor: investigate(fleet.monitor, cell, where) };
    }
    default:
      return null;
  }
}

/** A team's decision on its app-OS skew tools: its monitors, or a remedy for one slice. */
function skewDecision(fleet: TeamPart2, action: Action, ctx: TeamActionContext): TeamPart2 | ErrorCode | null {
  switch (action.type) {
    case 'team/set-slice-monitoring':
      return { ...fleet, slices: withLevel(fleet.slices, action.level) };
    case 'team/slice-action': {
      const slices = decideSlice(fleet.slices, action, ctx.effects(ctx.team.id).skewAt, ctx.hours);
      return typeof slices === 'string' ? slices : { ...fleet, slices };
    }
    default:
      return null;
  }
}

/** The team's tools against the crises, each handling its own actions (null: not one of mine). */
const TOOL_DECISIONS = [monitorDecision, skewDecision];

/** A team's decision on its own fleet: a tool, or a canary decision. */
function decide(slice: Part2State, action: Action, ctx: TeamActionContext): SliceResult<Part2State> {
  const fleet = slice.teams[ctx.team.id]!;
  const { track } = ctx.team;
  for (const tool of TOOL_DECISIONS) {
    const decided = tool(fleet, action, ctx);
    if (typeof decided === 'string') return { refused: decided };
    if (decided) return { ...slice, teams: { ...slice.teams, [ctx.team.id]: decided } };
  }
  let result: RunResult;
  switch (action.type) {
    case 'team/start-run':
      result = startRun(fleet, track, action.config, ctx.hours);
      break;
    case 'team/extend':
      result = extendRun(fleet, track, ctx.hours);
      break;
    case 'team/promote':
      result = promoteRun(fleet, ctx.hours);
      break;
    case 'team/rollback':
      result = rollbackRun(fleet, track, ctx.hours, action.cohortId ?? null);
      break;
    default:
      return { refused: 'intent/unknown' };
  }
  if (typeof result === 'string') return { refused: result };
  return { ...slice, teams: { ...slice.teams, [ctx.team.id]: result } };
}

export const part2 = definePart({
  id: 'part2',
  number: 2,
  title: PART2_TITLE,
  lock: { kind: 'numeric', min: PART2_PREDICTION_MIN, max: PART2_PREDICTION_MAX },
  answer: () => PART2_ACTUAL,
  start: (ctx): Part2State => ({
    hours: 0,
    teams: Object.fromEntries(ctx.teams.map((team) => [team.id, newTeamPart2(ctx.seed, team.track)])),
    revealed: false,
  }),
  teamActions: { types: TEAM_ACTIONS, reduce: decide },
  clock: {
    pace: 1,
    hours: (slice) => slice.hours,
    teamHours: (slice, teamId) => slice.teams[teamId]?.hours ?? 0,
    advance(slice, hours, ctx) {
      const teams: Record<string, TeamPart2> = {};
      const rates = new Map<string, number[]>();
      const skewOf = (track: TrackId) => () => skewTruth(ctx.seed, track);
      for (const team of ctx.teams) {
        const fleet = slice.teams[team.id];
        if (!fleet) continue;
        // The team's clock moves only from its first run on, and not while a decision is due.
        const step = teamStep(fleet, hours);
        if (step <= 0) {
          teams[team.id] = fleet;
          continue;
        }
        if (!rates.has(team.track)) rates.set(team.track, baseCohortRates(ctx.seed, team.track));
        const effects = ctx.effects(team.id);
        const from = fleet.hours;
        const advanced = advanceTeam(fleet, { track: team.track, baseRates: rates.get(team.track)!, effects, from, hours: step });
        teams[team.id] = {
          ...advanced,
          hours: from + step,
          monitor: advanceMonitor(advanced.monitor, team.track, effects, from, step),
          slices: advanceSlices(advanced.slices, skewOf(team.track), effects.skewAt, from, step),
        };
      }
      return { ...slice, teams, hours: slice.hours + hours };
    },
  },
  views: { team: teamPart2, host: hostPart2, screen: screenPart2 },
  ops: teamOps,
});
