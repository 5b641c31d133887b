// Striking crises: now when the host fires one, or when the running part's simulated clock reaches a
// scheduled one. A strike changes the hidden truth of every team the target hits.
import type { CrisisTarget } from '../../protocol/views.js';
import type { GameState, Team } from '../state.js';
import { crisisById } from './catalog.js';
import { effectsOf } from './effects.js';
import type { CrisisRecord } from './types.js';

type CrisisState = Pick<GameState, 'crises' | 'effects' | 'teams'>;

/** Whether a crisis aimed at `target` hits a team. */
export function hits(target: CrisisTarget, team: Team): boolean {
  switch (target.kind) {
    case 'all':
      return true;
    case 'track':
      return team.track === target.track;
    case 'team':
      return team.id === target.teamId;
  }
}

/** A team's own simulated hour now, where the part runs a clock per team (Part 2); absent: the part's hour. */
export type HourOf = (teamId: string) => number;

/**
 * The crisis struck now, at the part's simulated hour `hours`, on every team it hits, and recorded as struck.
 * Each team's truth changes at its own hour (`hourOf`), so a crisis's hours count on the clock of the fleet
 * it hits.
 */
export function strike<S extends CrisisState>(state: S, crisis: CrisisRecord, hours: number, hourOf?: HourOf): S {
  const module = crisisById(crisis.id);
  const effects = { ...state.effects };
  const teamAt: Record<string, number> = {};
  for (const team of state.teams) {
    if (!hits(crisis.target, team)) continue;
    const at = hourOf ? hourOf(team.id) : hours;
    effects[team.id] = module.strike(effectsOf(state, team.id), at);
    teamAt[team.id] = at;
  }
  const struck: CrisisRecord = hourOf ? { ...crisis, at: hours, fired: true, teamAt } : { ...crisis, at: hours, fired: true };
  return { ...state, effects, crises: [...state.crises, struck] };
}

/** The earliest simulated hour, up to `by`, at which a scheduled crisis of `part` is due, or null. */
export function nextDue(crises: readonly CrisisRecord[], part: string, by: number): number | null {
  let next: number | null = null;
  for (const c of crises) if (!c.fired && c.part === part && c.at <= by && (next === null || c.at < next)) next = c.at;
  return next;
}

/** Every scheduled crisis of `part` that is due by `hours` struck, in the order they were aimed. */
export function strikeDue<S extends CrisisState>(state: S, part: string, hours: number, hourOf?: HourOf): S {
  const due = state.crises.filter((c) => !c.fired && c.part === part && c.at <= hours);
  if (due.length === 0) return state;
  let next: S = { ...state, crises: state.crises.filter((c) => !due.includes(c)) };
  for (const crisis of due) next = strike(next, crisis, hours, hourOf);
  return next;
}
