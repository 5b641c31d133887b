// The crises of Part 2 (GAME.md §7): the host aims one at all teams, a track or a team, now or at a
// simulated hour. A crisis changes the hidden truth of the fleets it hits, never the rules.
import { DRIFT_CRISIS_FACTOR, TRAFFIC_SPIKE } from '../../constants.js';
import type { Team } from '../../state.js';
import type { CrisisId, CrisisRecord, CrisisTarget, FleetEffects, Part2State } from './types.js';

export { CRISIS_IDS } from '../../../protocol/views.js';

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

/** What a crisis does to one fleet, at simulated hour `hours`. */
export function applyCrisis(effects: FleetEffects, id: CrisisId, hours: number): FleetEffects {
  switch (id) {
    case 'rollout-jitter':
      return { ...effects, jitter: true };
    case 'world-drifted':
      return { ...effects, driftFactor: effects.driftFactor * DRIFT_CRISIS_FACTOR };
    case 'traffic-spike':
      return { ...effects, trafficMultiplier: TRAFFIC_SPIKE.multiplier, trafficUntil: hours + TRAFFIC_SPIKE.hours };
  }
}

/** Part 2 with a crisis fired now on every team it hits (and recorded as fired). */
export function fireCrisis(part2: Part2State, teams: readonly Team[], crisis: CrisisRecord): Part2State {
  const next = { ...part2.teams };
  for (const team of teams) {
    const fleet = next[team.id];
    if (fleet && hits(crisis.target, team)) next[team.id] = { ...fleet, effects: applyCrisis(fleet.effects, crisis.id, part2.hours) };
  }
  return { ...part2, teams: next, crises: [...part2.crises, { ...crisis, at: part2.hours, fired: true }] };
}

/** Part 2 with every scheduled crisis that is due by `hours` fired, in the order they were scheduled. */
export function fireDueCrises(part2: Part2State, teams: readonly Team[]): Part2State {
  const due = part2.crises.filter((c) => !c.fired && c.at <= part2.hours);
  if (due.length === 0) return part2;
  let next: Part2State = { ...part2, crises: part2.crises.filter((c) => c.fired || c.at > part2.hours) };
  for (const crisis of due) next = fireCrisis(next, teams, crisis);
  return next;
}
