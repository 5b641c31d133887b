// Every decision a team took, with the evidence it had in hand when it took it: the one place the exports read
// decisions from (the per-decision CSV and, later, anything else that lists them). Evidence is what the team's
// own instruments showed, never the hidden truth. A Part 2 canary decision (promote, extend, roll back) carries
// the evidence the ops score recorded on the run when the team decided and judged it against
// (parts/part2/evidence.ts): the CSV reads that record, so it cannot tell the decision otherwise than the score
// and the debrief do. The rest is read off the state just before the decision — the SPRT's ratio (the record
// keeps its verdict), the fleet's alert load, the latest run's readings for Part 2's other decisions, Part 3's
// training-serving PSI from the team's latest consistency check. Part 2's hours are the team's own clock, as its
// phone showed it.
import type { Action } from '../../shared/sim/actions.js';
import { effectsOf } from '../../shared/sim/crises/effects.js';
import { teamHour, type AnyPart } from '../../shared/sim/parts/part.js';
import { alertsNow } from '../../shared/sim/parts/part2/alerts/views.js';
import { paging, noiseAt } from '../../shared/sim/parts/part2/alerts/monitor.js';
import { decisionRecorded } from '../../shared/sim/parts/part2/evidence.js';
import { runConfidence, runFailures, runSprtDecision } from '../../shared/sim/parts/part2/metrics.js';
import type { Part2State, RunDecision, TeamPart2 } from '../../shared/sim/parts/part2/types.js';
import { featurePsi, psiBand } from '../../shared/sim/parts/part3/psi.js';
import type { TeamPart3 } from '../../shared/sim/parts/part3/types.js';
import { partOfPhase } from '../../shared/sim/parts/registry.js';
import type { GameConfig, GameState, Team } from '../../shared/sim/state.js';
import type { StoredAction } from '../store/store.js';
import { walkLog } from './walk.js';

/** The instruments a team read when it decided; null where the part has no such instrument or none ran. */
export interface Evidence {
  /** The Confidence Clock of the team's latest Part 2 run, 0–1. */
  confidence: number | null;
  /** The confidence that run aimed for, 0–1. */
  targetConfidence: number | null;
  /** The SPRT's log-likelihood ratio and verdict, when the run uses the SPRT. */
  sprtLlr: number | null;
  sprtVerdict: string | null;
  /** Failures that run had seen. */
  failures: number | null;
  /** The training-serving PSI (the serving downstream's training features against the features it read) at the
   *  team's latest consistency check, and its band. Not the v1 → v2 PSI the ledger quotes as the evidence of a
   *  downstream on v1 features: right after a check on v1 this is 0 and that 0.32. */
  trainingServingPsi: number | null;
  trainingServingPsiBand: string | null;
  /** The fleet's alerts and pages a day at its thresholds and paging then, and whether a storm raged. */
  alertsPerDay: number | null;
  pagesPerDay: number | null;
  alertStorm: boolean | null;
}

export interface Decision {
  /** The game version after the decision (its place in the log). */
  seq: number;
  /** Server time when it was accepted (ms since the epoch), or null for a log from before it was stored. */
  at: number | null;
  /** The part in play, 1-based, or null outside the parts. */
  part: number | null;
  /** The part's simulated hour, for parts with a clock. */
  simHour: number | null;
  teamId: string | null;
  teamName: string | null;
  playerId: string;
  nickname: string;
  /** The action's type without its `team/` prefix: lock-prediction, start-run, promote, … */
  action: string;
  /** Everything the action carried besides its type and actor. */
  parameters: Record<string, unknown>;
  evidence: Evidence;
}

const NO_EVIDENCE: Evidence = {
  confidence: null,
  targetConfidence: null,
  sprtLlr: null,
  sprtVerdict: null,
  failures: null,
  trainingServingPsi: null,
  trainingServingPsiBand: null,
  alertsPerDay: null,
  pagesPerDay: null,
  alertStorm: null,
};

/** What a team had in hand in Part 2: its fleet's alert load on its own clock, and the evidence recorded with
 *  its canary decision (`recorded`) or, for any other decision, its latest run's readings. */
function part2Evidence(state: GameState, team: Team, mine: TeamPart2, recorded: RunDecision | null): Evidence {
  const now = mine.hours;
  const effects = effectsOf(state, team.id);
  const alerts = alertsNow(mine.monitor, { seed: state.seed, track: team.track, effects, now });
  const { pagesPerDay } = paging(team.track, mine.monitor, noiseAt(effects, now));
  const fleet = { ...NO_EVIDENCE, alertsPerDay: alerts.alertsPerDay, pagesPerDay, alertStorm: alerts.storm };
  // The run in progress, or the last one that ended: its final readings are what the team last saw.
  const run = mine.runs.at(-1) ?? null;
  if (!run) return fleet;
  const sprtLlr = run.config.sprt ? run.llr : null;
  if (recorded) {
    const { evidence: e } = recorded;
    return { ...fleet, confidence: e.confidence, targetConfidence: e.target, sprtLlr, sprtVerdict: e.sprt, failures: e.failures };
  }
  return {
    ...fleet,
    confidence: runConfidence(run),
    targetConfidence: run.config.confidence,
    sprtLlr,
    sprtVerdict: run.config.sprt ? runSprtDecision(run) : null,
    failures: runFailures(run),
  };
}

/** What a team had in hand in Part 3: the training-serving PSI its latest consistency check measured. */
function part3Evidence(mine: TeamPart3): Evidence {
  const check = mine.checks.at(-1);
  if (!check) return NO_EVIDENCE;
  const value = featurePsi(check.trainedOn, check.serving);
  return { ...NO_EVIDENCE, trainingServingPsi: value, trainingServingPsiBand: psiBand(value) };
}

/** The evidence a team held in the state `before` its decision (`recorded`: the canary decision's record). */
export function evidenceOf(before: GameState, part: AnyPart | null, team: Team, recorded: RunDecision | null = null): Evidence {
  if (!part) return NO_EVIDENCE;
  const slice = before.parts[part.id];
  const mine = slice?.teams[team.id];
  // The instruments open with the team's lock (or the reveal): a lock is made without them.
  if (!slice || !mine || (mine.prediction === null && !slice.revealed)) return NO_EVIDENCE;
  if (part.id === 'part2') return part2Evidence(before, team, mine as TeamPart2, recorded);
  if (part.id === 'part3') return part3Evidence(mine as TeamPart3);
  return NO_EVIDENCE;
}

/** The canary decision the step from `before` to `after` recorded on the team's Part 2 fleet, or null. */
function canaryDecision(before: GameState, after: GameState, part: AnyPart | null, team: Team | null): RunDecision | null {
  if (part?.id !== 'part2' || !team) return null;
  const fleet = (state: GameState) => (state.parts[part.id] as Part2State | undefined)?.teams[team.id];
  return decisionRecorded(fleet(before), fleet(after))?.decision ?? null;
}

/**
 * The decision a logged action is, given the states before and after it, or null when it is not one: decisions
 * are what players sent for their team (locks, proposals, reflections and every workbench action).
 */
export function decisionOf(before: GameState, after: GameState, action: Action, seq: number, at: number | null): Decision | null {
  if (action.by.role !== 'player') return null;
  const playerId = action.by.playerId;
  const player = before.players.find((p) => p.id === playerId);
  const team = before.teams.find((t) => t.id === player?.teamId) ?? null;
  const part = partOfPhase(before.phase);
  const slice = part ? before.parts[part.id] : undefined;
  const recorded = canaryDecision(before, after, part, team);
  // The team's own hour where the part runs one per team (Part 2), as the team's phone showed it.
  const clockHour = part?.clock && slice ? (team ? teamHour(part, slice, team.id) : part.clock.hours(slice)) : null;
  const { type, by: _by, ...parameters } = action;
  return {
    seq,
    at,
    part: part?.number ?? null,
    simHour: recorded ? recorded.at : clockHour,
    teamId: team?.id ?? null,
    teamName: team?.name ?? null,
    playerId,
    nickname: player?.nickname ?? '',
    action: type.replace(/^team\//, ''),
    parameters,
    evidence: team ? evidenceOf(before, part, team, recorded) : NO_EVIDENCE,
  };
}

/** Every decision of a stored game's log, in order; throws when the log does not replay (walkLog). */
export async function decisionsOfLog(config: GameConfig, log: readonly StoredAction[]): Promise<Decision[]> {
  const decisions: Decision[] = [];
  await walkLog(config, log, (before, action, entry, after) => {
    const decision = decisionOf(before, after, action, entry.seq, entry.at ?? null);
    if (decision) decisions.push(decision);
  });
  return decisions;
}
