// What the debrief reads of Part 3: its clock, its decisions and events (the governance ledger already records
// both, with the evidence in hand), the facts of a team's outcome and the talking points. Pure, server only
// (it reads the hidden system metric).
import type { Replacement, TalkingPoint } from '../../protocol/debrief.js';
import type { Action } from '../actions.js';
import { PSI_NAMES } from '../parts/part3/content.js';
import { part3 } from '../parts/part3/index.js';
import type { LedgerRecord, Part3State } from '../parts/part3/types.js';
import { sliceOf } from '../parts/part.js';
import type { GameState, Team } from '../state.js';

const slice = (state: GameState): Part3State | null => sliceOf(state.parts, part3);

export function part3Hour(state: GameState): number {
  return slice(state)?.hours ?? 0;
}

export const PART3_REPLACEMENT_LABELS: Partial<Record<Replacement, string>> = {
  'deploy-v1': 'Keep upstream v1',
  'deploy-v2': 'Deploy upstream v2',
  'policy-loose': 'Loose versioning',
  'policy-strict': 'Strict immutable contracts',
  'retrain-on': 'Retrain on v2 features',
  'retrain-off': 'Cancel the retraining',
  refuse: 'Refuse tonight’s deployment',
  approve: 'Approve tonight’s deployment',
  'approve-pinned': 'Approve behind the pinned contract',
};

export function part3Replacement(id: Replacement, by: Action['by']): Action | null {
  switch (id) {
    case 'deploy-v1':
    case 'deploy-v2':
      return { type: 'team/deploy-upstream', by, version: id === 'deploy-v1' ? 'v1' : 'v2' };
    case 'policy-loose':
    case 'policy-strict':
      return { type: 'team/set-policy', by, policy: id === 'policy-loose' ? 'loose' : 'strict' };
    case 'retrain-on':
    case 'retrain-off':
      return { type: 'team/retrain', by, on: id === 'retrain-on' };
    case 'refuse':
    case 'approve':
    case 'approve-pinned':
      return { type: 'team/answer-challenge', by, answer: id };
    default:
      return null;
  }
}

/** What a Part 3 decision may be replaced with in a "what if". */
function alternativesOf(action: Action): Replacement[] {
  switch (action.type) {
    case 'team/deploy-upstream':
      return [action.version === 'v1' ? 'deploy-v2' : 'deploy-v1'];
    case 'team/set-policy':
      return [action.policy === 'loose' ? 'policy-strict' : 'policy-loose'];
    case 'team/answer-challenge':
      return (['refuse', 'approve', 'approve-pinned'] as const).filter((a) => a !== action.answer);
    default:
      return [];
  }
}

/** The ledger entries a step added for a team: its decisions (with the player) and events. */
function added(before: GameState, after: GameState, team: Team): LedgerRecord[] {
  const was = slice(before)?.teams[team.id]?.ledger.length ?? 0;
  return slice(after)?.teams[team.id]?.ledger.slice(was) ?? [];
}

/** A Part 3 decision in the ledger's words, and what it may be replaced with; null when not one. */
export function part3Decision(before: GameState, after: GameState, action: Action, team: Team): { label: string; alternatives: Replacement[] } | null {
  if (!part3.teamActions?.types.includes(action.type)) return null;
  const entry = added(before, after, team).find((e) => e.by !== null);
  return entry ? { label: entry.text, alternatives: alternativesOf(action) } : null;
}

/** Events of the ledger (an auto-update, a retraining that finished, a deadline) that a step added. */
export function part3Events(before: GameState, after: GameState, team: Team): Array<{ hour: number; label: string }> {
  return added(before, after, team)
    .filter((e) => e.by === null)
    .map((e) => ({ hour: e.at, label: e.text }));
}

export function part3Facts(state: GameState, team: Team): Array<{ label: string; value: string }> {
  const own = slice(state)?.teams[team.id];
  if (!own) return [];
  return [
    { label: 'Upstream / policy', value: `${own.upstream} · ${own.policy}` },
    { label: 'Downstream trained on', value: own.model },
    { label: 'Silent-failure hours', value: own.silentHours.toFixed(1) },
  ];
}

export function part3TalkingPoints(state: GameState, name: (teamId: string) => string): TalkingPoint[] {
  const p3 = slice(state);
  if (!p3) return [];
  const points: TalkingPoint[] = [];
  const silent = state.teams
    .map((team) => ({ team, hours: p3.teams[team.id]?.silentHours ?? 0 }))
    .toSorted((a, b) => b.hours - a.hours)[0];
  if (silent && silent.hours > 0) {
    points.push({
      part: 3,
      text: `${name(silent.team.id)} failed silently for ${silent.hours.toFixed(1)} simulated hours, the most of any team: how could they have noticed without an error?`,
      hidden: !p3.revealed,
    });
  }
  for (const team of state.teams) {
    const own = p3.teams[team.id];
    if (!own) continue;
    const deploy = own.ledger.find((e) => e.kind === 'deploy' && e.by !== null);
    if (deploy && !own.checks.some((c) => c.at <= deploy.at)) {
      points.push({ part: 3, text: `${name(team.id)} deployed upstream v2 before running any consistency check: what did they expect the ${PSI_NAMES['v1-v2']} to be?`, hidden: false });
    }
    const answer = own.challenge?.answer;
    if (answer && !answer.evidence) {
      points.push({ part: 3, text: `${name(team.id)} answered the software lead (“${answer.answer}”) with no consistency check in hand.`, hidden: false });
    }
  }
  return points;
}
