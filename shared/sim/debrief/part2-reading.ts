// Everything the debrief reads of Part 2, in ONE place: a team's clock, what a decision was (with the evidence
// in hand), how runs ended, each team's canary story, the facts of its outcome and the talking points. Part 2's
// state changes shape over time (per-team clocks, decisions recorded with their evidence); only this module then
// needs to follow. A canary decision's evidence is the one the ops score judged, recorded on the run when the
// team decided (parts/part2/evidence.ts): never read off the run again, so the timeline, the talking points,
// the score and the per-decision CSV cannot tell one decision two ways. Pure; it reads hidden truths (through
// the host's projection), so only the server runs it.
import type { CanaryStory, Replacement, TalkingPoint } from '../../protocol/debrief.js';
import type { Action } from '../actions.js';
import { CANARY_STAGES, CANARY_TRACKS } from '../constants.js';
import { decisionRecorded, shipDecision } from '../parts/part2/evidence.js';
import { part2 } from '../parts/part2/index.js';
import type { DecisionEvidence, Part2State } from '../parts/part2/types.js';
import { contextOf } from '../parts/context.js';
import { sliceOf } from '../parts/part.js';
import type { GameState, Team } from '../state.js';
import { TRACKS } from '../tracks.js';

const slice = (state: GameState): Part2State | null => sliceOf(state.parts, part2);

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
/** A reached confidence, rounded down as src/lib/format.ts confidence() does: 0.9999 must never read "100 %",
 *  which says certainty (C(n) is below 1 for every n). Two decimals from 99 %. */
const reached = (x: number) => {
  const digits = x >= 0.99 ? 2 : 1;
  const scale = 10 ** digits;
  return `${(Math.floor(Math.max(0, Math.min(0.9999, x)) * 100 * scale + 1e-9) / scale).toFixed(digits)} %`;
};
const oneIn = (rate: number) => `1 in ${Math.round(1 / rate).toLocaleString('en-US')}`;
const stageWords = (stage: number) => (stage < 0 ? 'shadow' : `${CANARY_STAGES[stage]} %`);

/** The team's own Part 2 clock, in simulated hours (0 before Part 2 and before its first run). */
export function part2Hour(state: GameState, teamId: string): number {
  return slice(state)?.teams[teamId]?.hours ?? 0;
}

/** Part 2's last hour over every team's clock, rounded up to a whole hour: where Part 3 starts on the debrief's
 *  one axis (each team's clock ran its own hours, so the latest one sets the seam). */
export function part2End(state: GameState): number {
  return Math.ceil(Math.max(0, ...state.teams.map((team) => part2Hour(state, team.id))));
}

/** The canary decisions a "what if" may swap for one another. */
const CANARY_DECISIONS = ['team/promote', 'team/extend', 'team/rollback'] as const;
const REPLACEMENT_OF = { 'team/promote': 'promote', 'team/extend': 'extend', 'team/rollback': 'rollback' } as const;

export const PART2_REPLACEMENT_LABELS: Partial<Record<Replacement, string>> = {
  promote: 'Promote to the next stage',
  extend: 'Extend the window',
  rollback: 'Roll back',
};

/** A Part 2 replacement as the action of the player who made the original decision; null for another part's. */
export function part2Replacement(id: Replacement, by: Action['by']): Action | null {
  switch (id) {
    case 'promote':
      return { type: 'team/promote', by };
    case 'extend':
      return { type: 'team/extend', by };
    case 'rollback':
      return { type: 'team/rollback', by, cohortId: null };
    default:
      return null;
  }
}

function evidence(e: DecisionEvidence): string {
  return `confidence ${reached(e.confidence)} of ${pct(e.target)}`;
}

/** A Part 2 team decision in words (with the evidence in hand before it) and what it may be replaced with; null
 *  for an action that is not one. `before` and `after` are the states around the step that took it; a canary
 *  decision carries the team's hour it was recorded at. */
export function part2Decision(
  before: GameState,
  after: GameState,
  action: Action,
  team: Team,
): { label: string; alternatives: Replacement[]; hour?: number } | null {
  const fleet = slice(before)?.teams[team.id];
  if (!fleet) return null;
  const others = (own: Replacement) => (Object.values(REPLACEMENT_OF) as Replacement[]).filter((id) => id !== own);
  const recorded = () => decisionRecorded(fleet, slice(after)?.teams[team.id]);
  switch (action.type) {
    case 'team/start-run': {
      const c = action.config;
      return {
        label: `Run ${fleet.runs.length + 1}: ${pct(c.confidence)} against ${oneIn(c.rate)}, shadow ${Math.round(c.shadowFraction * 100)} %, ${c.cohortMode}${c.sprt ? ', SPRT' : ''}`,
        alternatives: [],
      };
    }
    case 'team/promote': {
      const r = recorded();
      if (!r) return null;
      const { run, decision: d } = r;
      const next = d.stage + 1;
      const what = next === CANARY_STAGES.length - 1 ? `Ship run ${run.number}` : `Promote run ${run.number} to ${stageWords(next)}`;
      return { label: `${what} (${evidence(d.evidence)})`, alternatives: others('promote'), hour: d.at };
    }
    case 'team/extend': {
      const r = recorded();
      if (!r) return null;
      const { run, decision: d } = r;
      return { label: `Extend run ${run.number} at ${stageWords(d.stage)} (${evidence(d.evidence)})`, alternatives: others('extend'), hour: d.at };
    }
    case 'team/rollback': {
      const r = recorded();
      if (!r) return null;
      const { run, decision: d } = r;
      if (d.cohortId !== null) return { label: `Roll back cohort ${d.cohortId} of run ${run.number}`, alternatives: ['promote', 'extend'], hour: d.at };
      return { label: `Roll back run ${run.number} at ${stageWords(d.stage)} (${evidence(d.evidence)})`, alternatives: others('rollback'), hour: d.at };
    }
    case 'team/set-thresholds':
      return { label: action.k === null ? 'Static 3σ thresholds' : `Threshold discovery at ${action.k}σ`, alternatives: [] };
    case 'team/set-aggregation':
      return { label: `Page per ${action.aggregation}`, alternatives: [] };
    case 'team/set-slice-monitoring':
      return { label: `Monitor per ${action.level}`, alternatives: [] };
    case 'team/slice-action':
      return { label: `Region ${action.region + 1} × ${action.os} OS: ${action.action}`, alternatives: [] };
    default:
      return null;
  }
}

/** How the team's runs ended between two states (shipped, rolled back), at the hour each ended. */
export function part2Outcomes(before: GameState, after: GameState, team: Team): Array<{ hour: number; label: string }> {
  const was = slice(before)?.teams[team.id]?.runs ?? [];
  const now = slice(after)?.teams[team.id]?.runs ?? [];
  const out: Array<{ hour: number; label: string }> = [];
  for (const run of now) {
    const old = was.find((r) => r.number === run.number);
    if (old && old.firstFailureAt === null && run.firstFailureAt !== null) {
      out.push({ hour: run.firstFailureAt, label: `Run ${run.number}: first failure seen` });
    }
    if (old?.outcome === run.outcome || run.endedAt === null) continue;
    if (run.outcome === 'shipped') out.push({ hour: run.endedAt, label: `Run ${run.number} shipped to the whole fleet` });
    if (run.outcome === 'rolled-back') out.push({ hour: run.endedAt, label: `Run ${run.number} rolled back` });
  }
  return out;
}

/** Each team's runs as Confidence Clock lines over Part 2's hours. */
export function part2Stories(state: GameState): CanaryStory[] {
  const p2 = slice(state);
  if (!p2) return [];
  return state.teams.map((team) => ({
    teamId: team.id,
    runs: (p2.teams[team.id]?.runs ?? []).map((run) => ({
      number: run.number,
      target: run.config.confidence,
      outcome: run.outcome,
      points: run.samples.map((s) => [s.hour, s.confidence] as [number, number]),
    })),
  }));
}

/** The team's Part 2 outcome in plain facts, for a "what if" side by side. */
export function part2Facts(state: GameState, team: Team): Array<{ label: string; value: string }> {
  const runs = slice(state)?.teams[team.id]?.runs ?? [];
  const last = runs.at(-1);
  const exposure = runs.reduce((sum, r) => sum + r.exposure, 0);
  const p2 = slice(state);
  const ops = p2 && part2.ops ? part2.ops(p2, contextOf(state), team) : 0;
  return [
    { label: 'Runs', value: String(runs.length) },
    { label: 'Last run', value: last ? `${last.outcome}${last.endedAt !== null ? ` at ${last.endedAt.toFixed(1)} h` : ''}` : 'none' },
    { label: 'Exposure (failures on live traffic)', value: exposure.toLocaleString('en-US') },
    { label: 'Part 2 ops score', value: String(ops) },
  ];
}

/** What to ask about Part 2, from how the teams ran their canaries. */
export function part2TalkingPoints(state: GameState, name: (teamId: string) => string): TalkingPoint[] {
  const p2 = slice(state);
  if (!p2) return [];
  const points: TalkingPoint[] = [];
  for (const team of state.teams) {
    const runs = p2.teams[team.id]?.runs ?? [];
    const shipped = runs.find((r) => r.outcome === 'shipped');
    const spec = CANARY_TRACKS[team.track];
    // The confidence the team read when it shipped, as its ship was judged (against the stakeholder's target).
    const ship = shipped ? shipDecision(shipped.decisions ?? []) : undefined;
    if (shipped && ship && ship.evidence.confidence < spec.targetConfidence) {
      points.push({
        part: 2,
        text: `Ask ${name(team.id)}: you shipped run ${shipped.number} at ${reached(ship.evidence.confidence)} confidence against ${TRACKS[team.track].stakeholder}'s ${pct(spec.targetConfidence)}: what evidence did you have?`,
        hidden: false,
      });
    }
    const exposure = runs.reduce((sum, r) => sum + r.exposure, 0);
    if (exposure > 0) {
      points.push({
        part: 2,
        text: `${name(team.id)}'s candidate failed ${exposure.toLocaleString('en-US')} live requests: its hidden failure rate was above the target. Where did the canary miss it?`,
        hidden: true,
      });
    }
    const sprt = runs.filter((r) => r.config.sprt && r.endedAt !== null);
    if (sprt.length > 0) {
      const first = sprt[0]!;
      points.push({
        part: 2,
        text: `${name(team.id)} ran the SPRT and decided after ${(first.endedAt! - first.startedAt).toFixed(1)} simulated hours: let them explain sequential validation.`,
        hidden: false,
      });
    }
  }
  const most = state.teams
    .map((team) => ({ team, runs: p2.teams[team.id]?.runs.length ?? 0 }))
    .toSorted((a, b) => b.runs - a.runs)[0];
  if (most && most.runs > 2) {
    points.push({ part: 2, text: `${name(most.team.id)} used ${most.runs} of its 10 runs: what did each run teach them?`, hidden: false });
  }
  return points;
}

/** The Part 2 decisions of the log whose types a "what if" can replace. */
export const PART2_WHATIF_TYPES: readonly Action['type'][] = CANARY_DECISIONS;
