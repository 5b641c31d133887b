// Part 2 in the reducer: the simulated clock, the host's crises and speed, and the teams' canary decisions.
import type { ActionOf } from '../../actions.js';
import type { GameState, Team } from '../../state.js';
import { hasLocked } from '../locks.js';
import type { PartResult } from '../part1.js';
import { fireCrisis, fireDueCrises } from './crises.js';
import { extendRun, promoteRun, rollbackRun, startRun, type RunResult } from './run.js';
import { advanceTeam } from './tick.js';
import { baseCohortRates } from './truth.js';
import type { Part2State, TeamPart2 } from './types.js';

type TeamAction = ActionOf<'team/start-run' | 'team/extend' | 'team/promote' | 'team/rollback'>;

const inPlay = (state: GameState) => state.phase === 'part2' && state.step === 'play' && state.part2 !== null;

function withPart2(state: GameState, part2: Part2State): PartResult {
  return { ok: true, state: { ...state, part2 } };
}

/** The simulated clock moves on: due crises fire, then every team's fleet advances. */
export function tick(state: GameState, action: ActionOf<'sim/tick'>): PartResult {
  if (action.by.role !== 'system') return { ok: false, code: 'auth/forbidden' };
  if (!inPlay(state)) return { ok: false, code: 'phase/closed' };
  if (state.paused) return { ok: false, code: 'game/paused' };
  const from = state.part2!.hours;
  let part2: Part2State = fireDueCrises({ ...state.part2!, hours: from }, state.teams);
  const teams: Record<string, TeamPart2> = {};
  const rates = new Map<string, number[]>();
  for (const team of state.teams) {
    const fleet = part2.teams[team.id];
    if (!fleet) continue;
    if (!rates.has(team.track)) rates.set(team.track, baseCohortRates(state.seed, team.track));
    teams[team.id] = advanceTeam(fleet, { track: team.track, baseRates: rates.get(team.track)!, from, hours: action.hours });
  }
  part2 = { ...part2, teams, hours: from + action.hours };
  return withPart2(state, part2);
}

export function crisis(state: GameState, action: ActionOf<'host/crisis'>): PartResult {
  if (!inPlay(state)) return { ok: false, code: 'phase/closed' };
  const { target } = action;
  if (target.kind === 'team' && !state.teams.some((t) => t.id === target.teamId)) return { ok: false, code: 'team/unknown' };
  const part2 = state.part2!;
  const record = { id: action.crisis, target, at: part2.hours + (action.inHours ?? 0), fired: false };
  if (action.inHours === null || action.inHours === 0) return withPart2(state, fireCrisis(part2, state.teams, record));
  return withPart2(state, { ...part2, crises: [...part2.crises, record] });
}

function teamOf(state: GameState, playerId: string): Team | null {
  const player = state.players.find((p) => p.id === playerId);
  return (player && !player.kicked && state.teams.find((t) => t.id === player.teamId)) || null;
}

/** A team's canary decision: only in play, not paused, and only once the team has locked its prediction. */
export function teamDecision(state: GameState, action: TeamAction): PartResult {
  if (action.by.role !== 'player') return { ok: false, code: 'auth/forbidden' };
  if (!inPlay(state)) return { ok: false, code: 'phase/closed' };
  if (state.paused) return { ok: false, code: 'game/paused' };
  const team = teamOf(state, action.by.playerId);
  const fleet = team && state.part2!.teams[team.id];
  if (!team || !fleet) return { ok: false, code: 'team/none' };
  if (!hasLocked(state, 2, team.id)) return { ok: false, code: 'lock/required' };
  const hours = state.part2!.hours;
  let result: RunResult;
  switch (action.type) {
    case 'team/start-run':
      result = startRun(fleet, team.track, action.config, hours);
      break;
    case 'team/extend':
      result = extendRun(fleet, team.track, hours);
      break;
    case 'team/promote':
      result = promoteRun(fleet, hours);
      break;
    case 'team/rollback':
      result = rollbackRun(fleet, team.track, hours, action.cohortId);
      break;
  }
  if (typeof result === 'string') return { ok: false, code: result };
  return withPart2(state, { ...state.part2!, teams: { ...state.part2!.teams, [team.id]: result } });
}
