// The debrief's timeline: the game's log walked through the same pure reducer, noting per team the crises that
// struck it, its decisions (the log's version of each, so a replay can scrub to it and a "what if" can branch
// there) and their outcomes, on one simulated-time axis: Part 2's hours, then Part 3's after Part 2's last hour.
// A walk can be continued with the actions logged since, so a server builds it once and keeps it up to date.
import { timelineOpenAt, type ClockPart, type Debrief, type Replacement, type TimelineEntry } from '../../protocol/debrief.js';
import type { Action } from '../actions.js';
import { crisisById } from '../crises/catalog.js';
import { hits } from '../crises/fire.js';
import { createGame } from '../reducer.js';
import { finish, replaySteps } from '../replay.js';
import type { GameConfig, GameState, Team } from '../state.js';
import { PART2_REPLACEMENT_LABELS, part2Decision, part2End, part2Hour, part2Outcomes, part2Replacement, part2Stories } from './part2-reading.js';
import { PART3_REPLACEMENT_LABELS, part3Decision, part3Events, part3Hour, part3Replacement } from './part3-reading.js';
import { NOBODY_ONLINE, projectHost } from '../project.js';
import { talkingPoints } from './talking-points.js';

export const REPLACEMENT_LABELS: Record<Replacement, string> = {
  ...PART2_REPLACEMENT_LABELS,
  ...PART3_REPLACEMENT_LABELS,
} as Record<Replacement, string>;

/** A replacement as the action of the player who made the original decision (the part's reading decides). */
export function replacementAction(id: Replacement, by: Action['by']): Action | null {
  return part2Replacement(id, by) ?? part3Replacement(id, by);
}

export interface Walk {
  state: GameState;
  entries: TimelineEntry[];
  /** Where Part 3 begins on the axis, once it has. */
  part3From: number | null;
}

export function startWalk(config: GameConfig): Walk {
  return { state: createGame(config), entries: [], part3From: null };
}

const clockPart = (state: GameState): ClockPart | null =>
  state.phase === 'part2' ? 'part2' : state.phase === 'part3' ? 'part3' : null;

/** The acting player's team, before the action. */
function actingTeam(state: GameState, action: Action): Team | null {
  if (action.by.role !== 'player') return null;
  const playerId = action.by.playerId;
  const teamId = state.players.find((p) => p.id === playerId)?.teamId;
  return state.teams.find((t) => t.id === teamId) ?? null;
}

/** One step of the walk from a reduced action: `after` is the state the reducer gave for `action`. A live server
 *  calls this with each action it applies (no second simulation); a walk of a log reduces first (`step`). */
export function observe(walk: Walk, action: Action, after: GameState): Walk {
  const before = walk.state;
  const part3From = walk.part3From ?? (after.phase === 'part3' ? part2End(after) : null);
  const axis = (part: ClockPart, hour: number) => (part === 'part2' ? hour : (part3From ?? 0) + hour);
  const added: TimelineEntry[] = [];
  const add = (team: Team, part: ClockPart, hour: number, kind: TimelineEntry['kind'], label: string, alternatives: Replacement[] = []) =>
    added.push({
      version: after.version,
      teamId: team.id,
      part,
      hour,
      axis: axis(part, hour),
      kind,
      label,
      alternatives: alternatives.map((id) => ({ id, label: REPLACEMENT_LABELS[id] })),
    });

  // Crises that struck in this step, on each team they hit.
  for (const [index, crisis] of after.crises.entries()) {
    if (!crisis.fired || before.crises[index]?.fired) continue;
    if (crisis.part !== 'part2' && crisis.part !== 'part3') continue;
    for (const team of after.teams.filter((t) => hits(crisis.target, t))) {
      add(team, crisis.part, crisis.teamAt?.[team.id] ?? crisis.at, 'crisis', crisisById(crisis.id).title);
    }
  }
  // The acting team's decision, with the evidence it had in hand.
  const part = clockPart(before);
  const team = actingTeam(before, action);
  if (part && team) {
    const decision: { label: string; alternatives: Replacement[]; hour?: number } | null =
      part === 'part2' ? part2Decision(before, after, action, team) : part3Decision(before, after, action, team);
    // A canary decision sits at the hour it was recorded at; any other at the team's clock before it.
    const hour = decision?.hour ?? (part === 'part2' ? part2Hour(before, team.id) : part3Hour(before));
    if (decision) add(team, part, hour, 'decision', decision.label, decision.alternatives);
  }
  // Outcomes and events the step brought about.
  for (const t of after.teams) {
    for (const o of part2Outcomes(before, after, t)) add(t, 'part2', o.hour, 'outcome', o.label);
    for (const e of part3Events(before, after, t)) add(t, 'part3', e.hour, 'outcome', e.label);
  }
  return { state: after, entries: added.length > 0 ? [...walk.entries, ...added] : walk.entries, part3From };
}

/**
 * The walk continued over more of the log, in steps (`replaySteps`: a game restored after a restart is walked from
 * its whole log on the first request, up to a second for forty teams, and the server serves everyone else in
 * between). `continueWalk` runs it at once.
 */
export function* walkSteps(walk: Walk, log: readonly unknown[]): Generator<void, Walk, void> {
  let current = walk;
  yield* replaySteps(walk.state, log, { applied: (action, after) => (current = observe(current, action, after)) });
  return current;
}

/** The walk continued over more of the log, at once. */
export function continueWalk(walk: Walk, log: readonly unknown[]): Walk {
  return finish(walkSteps(walk, log));
}

/** Whether the timeline may be shown: from Part 2's reveal on (before, it would tell teams each other's moves). */
export function timelineOpen(state: GameState): boolean {
  return timelineOpenAt(state.phase, state.step);
}

/** The debrief of a walk: its timeline, the canary stories and, for the host, the talking points. */
export function debriefOf(walk: Walk, audience: 'host' | 'screen'): Debrief {
  const { state, entries, part3From } = walk;
  const clockEnd = part3From === null ? part2End(state) : part3From + part3Hour(state);
  return {
    version: state.version,
    teams: state.teams.map(({ id, name, track }) => ({ id, name, track })),
    part3From,
    end: Math.max(clockEnd, ...entries.map((e) => e.axis)),
    entries,
    stories: part2Stories(state),
    talkingPoints: audience === 'host' ? talkingPoints(state, entries) : [],
    ledgers: audience === 'screen' ? ledgers(state) : [],
  };
}

/** Each team's governance ledger once Part 3 is revealed (before, a team's moves stay its own): the entries
 *  as the team saw them, taken from the host's projection but only the ledger, which holds no hidden truth. */
function ledgers(state: GameState): Debrief['ledgers'] {
  const part3 = projectHost(state, NOBODY_ONLINE).part3;
  if (!part3?.revealed) return [];
  return part3.teams.map((team) => ({ teamId: team.teamId, entries: team.ensemble.ledger }));
}

/** The whole debrief of a game from its configuration and log. */
export function debriefFromLog(config: GameConfig, log: readonly unknown[], audience: 'host' | 'screen'): Debrief {
  return debriefOf(continueWalk(startWalk(config), log), audience);
}
