// The fuzz's only window onto the game state's shape and onto the part-specific actions. Everything else in
// tests/support/fuzz reads the game through these functions, so when the core moves (parts into a registry,
// crises to game level, new action names) this is the one file to adapt.
import type { Action, Actor } from '../../../shared/sim/actions.js';
import { CANARY_TRACKS, MAX_RUNS_PER_TEAM, TRACK_MODEL_COUNT } from '../../../shared/sim/constants.js';
import { timerDueAt } from '../../../shared/sim/flow.js';
import { activeRun } from '../../../shared/sim/parts/part2/run.js';
import { CRISES } from '../../../shared/sim/crises/catalog.js';
import { effectsOf } from '../../../shared/sim/crises/effects.js';
import { partSlice, withSlice } from '../../../shared/sim/parts/context.js';
import type { AnyPart, LockRule } from '../../../shared/sim/parts/part.js';
import { PARTS as REGISTRY, partByNumber } from '../../../shared/sim/parts/registry.js';
import { baseCohortRates, cohortRates } from '../../../shared/sim/parts/part2/truth.server.js';
import type { Part2State } from '../../../shared/sim/parts/part2/types.js';
import { settle } from '../../../shared/sim/parts/part3/clock.js';
import { pipelinesOf, readsOf } from '../../../shared/sim/parts/part3/ensemble.js';
import { sensitivity } from '../../../shared/sim/parts/part3/truth.server.js';
import type { Part3State, TeamPart3 } from '../../../shared/sim/parts/part3/types.js';
import type { GameState, Prediction, TeamPartState } from '../../../shared/sim/state.js';
import { TRACK_IDS, type TrackId } from '../../../shared/sim/tracks.js';
import { CHOICES, type Choice, type CrisisIdSchema, type Phase, type Step } from '../../../shared/protocol/views.js';
import type { z } from 'zod';

export type Part = number;
export type CrisisId = z.infer<typeof CrisisIdSchema>;
export type RunConfig = Extract<Action, { type: 'team/start-run' }>['config'];
export type CrisisTarget = Extract<Action, { type: 'host/crisis' }>['target'];
export type ChallengeAnswer = Extract<Action, { type: 'team/answer-challenge' }>['answer'];

export interface PartInfo {
  part: Part;
  phase: Phase;
  /** The lock's rule: a number in [min, max] (both 0 for a choice lock), or one of `options`. */
  lock: LockRule['kind'];
  min: number;
  max: number;
  options: readonly Choice[];
  /** Whether the part runs a simulated clock (ticks), and the crises the host may aim during its play. */
  clock: boolean;
  crises: readonly CrisisId[];
}

/** The parts the fuzz plays (the registry's), with the phase each one runs in, its lock and its crises. */
export const PARTS: readonly PartInfo[] = REGISTRY.map((p) => ({
  part: p.number,
  phase: p.id,
  lock: p.lock.kind,
  min: p.lock.kind === 'numeric' ? p.lock.min : 0,
  max: p.lock.kind === 'numeric' ? p.lock.max : 0,
  options: p.lock.kind === 'choice' ? p.lock.options : [],
  clock: p.clock !== undefined,
  crises: CRISES.filter((c) => c.parts.includes(p.id)).map((c) => c.id),
}));

const moduleOf = (part: Part): AnyPart => partByNumber(part)!;
const part2Of = (state: GameState) => state.parts.part2 as Part2State | undefined;
const part3Of = (state: GameState) => state.parts.part3 as Part3State | undefined;

/** The part played in a phase, or null outside the parts. */
export const partOf = (phase: Phase) => PARTS.find((p) => p.phase === phase) ?? null;

// ── Game-level reads ───────────────────────────────────────────────────────────────────────────────────

export interface Where {
  phase: Phase;
  step: Step | null;
  paused: boolean;
  roomLocked: boolean;
  hasTimer: boolean;
  /** Server ms when the running timer is due, or null when none runs. */
  timerDue: number | null;
  version: number;
}

export function where(state: GameState): Where {
  return {
    phase: state.phase,
    step: state.step,
    paused: state.paused,
    roomLocked: state.roomLocked,
    hasTimer: state.timer !== null,
    timerDue: timerDueAt(state),
    version: state.version,
  };
}

export interface Seat {
  playerId: string;
  nickname: string;
  teamId: string | null;
  kicked: boolean;
}

export const seats = (state: GameState): Seat[] =>
  state.players.map((p) => ({ playerId: p.id, nickname: p.nickname, teamId: p.teamId, kicked: p.kicked }));

export const teams = (state: GameState): Array<{ id: string; track: TrackId }> =>
  state.teams.map((t) => ({ id: t.id, track: t.track }));

export const tokenHashes = (state: GameState): string[] => state.players.map((p) => p.tokenHash);

export const studentIds = (state: GameState): string[] =>
  state.players.flatMap((p) => (p.studentId === null ? [] : [p.studentId]));

// ── Per-part reads ─────────────────────────────────────────────────────────────────────────────────────

function partTeams(state: GameState, part: Part): Record<string, TeamPartState> | null {
  return partSlice(state, moduleOf(part))?.teams ?? null;
}

/** Whether a part has begun and been revealed. */
export function partRevealed(state: GameState, part: Part): boolean {
  return partSlice(state, moduleOf(part))?.revealed ?? false;
}

/** A team's lock in a part: its prediction, or null; undefined when the part has no state for the team. */
export function lockOf(state: GameState, part: Part, teamId: string): Prediction | null | undefined {
  const team = partTeams(state, part)?.[teamId];
  return team === undefined ? undefined : team.prediction;
}

/** The state with one team's part state replaced. */
function withTeamPart(state: GameState, part: Part, teamId: string, change: Partial<TeamPartState>): GameState {
  const slice = partSlice(state, moduleOf(part))!;
  return withSlice(state, moduleOf(part), { ...slice, teams: { ...slice.teams, [teamId]: { ...slice.teams[teamId]!, ...change } } });
}

/** The state with one team's locked prediction replaced (to check that views do not depend on it). */
export function withPrediction(state: GameState, part: Part, teamId: string, value: Prediction): GameState {
  return withTeamPart(state, part, teamId, { prediction: value });
}

/** A team's open proposal for a part's lock (its value), or null. */
export function proposalOf(state: GameState, part: Part, teamId: string): Prediction | null {
  const proposal = state.proposals[teamId];
  return proposal && proposal.part === part ? proposal.value : null;
}

/** Every team's open proposal, by team id (for the views' leak checks). */
export function proposals(state: GameState): Record<string, { part: Part; value: Prediction }> {
  return Object.fromEntries(Object.entries(state.proposals).map(([id, p]) => [id, { part: p.part as Part, value: p.value }]));
}

/** The state with one team's proposal value replaced (to check that no other audience's view depends on it). */
export function withProposalValue(state: GameState, teamId: string, value: Prediction): GameState {
  const proposal = state.proposals[teamId]!;
  return { ...state, proposals: { ...state.proposals, [teamId]: { ...proposal, value } } };
}

/** Another valid lock, as far from `value` as the part's rule allows: a view leaking even a threshold of it changes. */
export function farLock(part: Part, value: Prediction): Prediction {
  const { min, max } = PARTS.find((p) => p.part === part)!;
  if (typeof value === 'number') return value - min > max - value ? min : max;
  return CHOICES[(CHOICES.indexOf(value) + 2) % CHOICES.length]!;
}

/** The simulated hour of each part that runs a clock and has begun, by phase. */
export function clockHours(state: GameState): Map<Phase, number> {
  const hours = new Map<Phase, number>();
  for (const part of REGISTRY) {
    const slice = partSlice(state, part);
    if (slice && part.clock) hours.set(part.id, part.clock.hours(slice));
  }
  return hours;
}

/** A team's reflection text in a part, or null when it has not reflected (or the part has no state for it). */
export function reflectionOf(state: GameState, part: Part, teamId: string): string | null {
  return partTeams(state, part)?.[teamId]?.reflection?.text ?? null;
}

/** The state with one team's reflection text replaced (to check that other audiences never see it). */
export function withReflectionText(state: GameState, part: Part, teamId: string, text: string): GameState {
  const team = partTeams(state, part)![teamId]!;
  return withTeamPart(state, part, teamId, { reflection: { ...team.reflection!, text } });
}

// ── Part 2 reads ───────────────────────────────────────────────────────────────────────────────────────

export interface CanaryRead {
  runsUsed: number;
  runsMax: number;
  shipped: boolean;
  maxShadowFraction: number;
  active: null | {
    stage: number;
    outcome: string;
    stratified: boolean;
    cohorts: Array<{ id: string; excluded: boolean }>;
  };
}

/** What the generator needs to know of a team's canary, or null when Part 2 has no fleet for it. */
export function canary(state: GameState, teamId: string): CanaryRead | null {
  const fleet = part2Of(state)?.teams[teamId];
  const team = state.teams.find((t) => t.id === teamId);
  if (!fleet || !team) return null;
  const run = activeRun(fleet);
  return {
    runsUsed: fleet.runs.length,
    runsMax: MAX_RUNS_PER_TEAM,
    shipped: fleet.runs.some((r) => r.outcome === 'shipped'),
    maxShadowFraction: CANARY_TRACKS[team.track].maxShadowFraction,
    active: run && {
      stage: run.stage,
      outcome: run.outcome,
      stratified: run.config.cohortMode === 'stratified',
      cohorts: run.cohorts.map((c) => ({ id: c.id, excluded: c.excluded })),
    },
  };
}

/** What the generator needs to know of a team's tools against Part 2's crises: its fleet's model count, and
 *  whether the app-OS skew struck it and which slices it has remedied. */
export function tools(state: GameState, teamId: string) {
  const fleet = part2Of(state)?.teams[teamId];
  const team = state.teams.find((t) => t.id === teamId);
  if (!fleet || !team) return null;
  return {
    models: TRACK_MODEL_COUNT[team.track],
    skewAt: effectsOf(state, teamId).skewAt,
    remedyOf: (region: number, os: string) => fleet.slices.remedies.find((r) => r.region === region && r.os === os)?.action ?? 'none',
  };
}

/** Cohort ids of a track's fleet. */
export const cohortIds = (track: TrackId): string[] => CANARY_TRACKS[track].cohorts.map((c) => c.id);

/** Part 2's base rates of a track depend on the game's seed and the track only: drawn once per game and track. */
const baseRateCache = new Map<string, number[]>();
function baseRates(seed: number, track: TrackId): number[] {
  const key = `${seed}:${track}`;
  let rates = baseRateCache.get(key);
  if (!rates) {
    if (baseRateCache.size > 256) baseRateCache.clear();
    rates = baseCohortRates(seed, track);
    baseRateCache.set(key, rates);
  }
  return rates;
}

/**
 * Hidden numbers no team or screen may see: Part 2's failure rates (each track's base rates and each team's
 * after crises), always; Part 3's sensitivities s (points lost per unit of PSI), until Part 3's reveal.
 */
export function hiddenNumbers(state: GameState): number[] {
  const hidden = new Set<number>();
  for (const team of state.teams) {
    const base = baseRates(state.seed, team.track);
    for (const r of base) hidden.add(r);
    for (const r of cohortRates(base, effectsOf(state, team.id))) hidden.add(r);
  }
  const part3 = part3Of(state);
  if (part3 && !part3.revealed) for (const track of TRACK_IDS) hidden.add(sensitivity(track));
  return [...hidden];
}

/** Scheduled crises still waiting although their part's simulated clock has passed their hour. */
export function overdueCrises(state: GameState): Array<{ id: string; at: number; hours: number }> {
  const clocks = clockHours(state);
  return state.crises.flatMap((c) => {
    const hours = clocks.get(c.part);
    return !c.fired && hours !== undefined && c.at <= hours ? [{ id: c.id, at: c.at, hours }] : [];
  });
}

/** Crises fired and scheduled so far (to report coverage). */
export const crisisCount = (state: GameState): { fired: number; scheduled: number } => ({
  fired: state.crises.filter((c) => c.fired).length,
  scheduled: state.crises.filter((c) => !c.fired).length,
});

// ── Part 3 reads ───────────────────────────────────────────────────────────────────────────────────────

/** What the fuzz reads of a team's ensemble: its wiring, its open or closed challenge, its outcome and ledger. */
export interface EnsembleRead {
  upstream: 'v1' | 'v2';
  policy: 'loose' | 'strict';
  model: 'v1' | 'v2';
  /** The features the downstream reads, and the feature pipelines running. */
  reads: 'v1' | 'v2';
  pipelines: number;
  retrain: { until: number; done: boolean } | null;
  challenge: null | { at: number; secondsLeft: number; answer: string | null; lapsed: boolean };
  silentHours: number;
  belowFloorPointHours: number;
  pipelineCost: number;
  extraPipelineHours: number;
  ledger: ReadonlyArray<{ at: number; kind: string }>;
}

function readEnsemble(team: TeamPart3): EnsembleRead {
  const { upstream, policy, model, retrain, challenge, ledger } = team;
  return {
    upstream,
    policy,
    model,
    reads: readsOf(team),
    pipelines: pipelinesOf(team),
    retrain,
    challenge: challenge && { at: challenge.at, secondsLeft: challenge.secondsLeft, answer: challenge.answer?.answer ?? null, lapsed: challenge.lapsed },
    silentHours: team.silentHours,
    belowFloorPointHours: team.belowFloorPointHours,
    pipelineCost: team.pipelineCost,
    extraPipelineHours: team.extraPipelineHours,
    ledger,
  };
}

/** Part 3's clock, whether it is revealed, and every team's ensemble as stored; null before Part 3 begins. */
export function ensembles(state: GameState): { hours: number; revealed: boolean; teams: Map<string, EnsembleRead> } | null {
  const slice = part3Of(state);
  if (!slice) return null;
  const teams = new Map(Object.entries(slice.teams).map(([id, team]) => [id, readEnsemble(team)]));
  return { hours: slice.hours, revealed: slice.revealed, teams };
}

/** A team's ensemble as a decision taken now sees it: with the events due by the clock's hour (crises aimed
 *  "now", which strike before the team's next tick) settled. Null when Part 3 has no ensemble for the team. */
export function ensembleNow(state: GameState, teamId: string): EnsembleRead | null {
  const slice = part3Of(state);
  const team = slice?.teams[teamId];
  return team ? readEnsemble(settle(team, effectsOf(state, teamId), slice.hours)) : null;
}

// ── Part-specific actions ──────────────────────────────────────────────────────────────────────────────

export const SYSTEM: Actor = { role: 'system' };

export const partActions = {
  lock: (by: Actor, part: Part, value: Prediction): Action => ({ type: 'team/lock-prediction', by, part, value }),
  reflect: (by: Actor, part: Part, choice: Choice, text: string): Action => ({ type: 'team/reflect', by, part, choice, text }),
  propose: (by: Actor, part: Part, value: Prediction): Action => ({ type: 'team/propose', by, part, value }),
  agree: (by: Actor, part: Part, value: Prediction): Action => ({ type: 'team/agree', by, part, value }),
  startRun: (by: Actor, config: RunConfig): Action => ({ type: 'team/start-run', by, config }),
  extend: (by: Actor): Action => ({ type: 'team/extend', by }),
  promote: (by: Actor): Action => ({ type: 'team/promote', by }),
  rollback: (by: Actor, cohortId: string | null): Action => ({ type: 'team/rollback', by, cohortId }),
  crisis: (by: Actor, crisis: CrisisId, target: CrisisTarget, inHours: number | null): Action => ({
    type: 'host/crisis',
    by,
    crisis,
    target,
    inHours,
  }),
  deploy: (by: Actor, version: 'v1' | 'v2'): Action => ({ type: 'team/deploy-upstream', by, version }),
  retrain: (by: Actor, on: boolean): Action => ({ type: 'team/retrain', by, on }),
  setPolicy: (by: Actor, policy: 'loose' | 'strict'): Action => ({ type: 'team/set-policy', by, policy }),
  check: (by: Actor): Action => ({ type: 'team/consistency-check', by }),
  answer: (by: Actor, answer: ChallengeAnswer): Action => ({ type: 'team/answer-challenge', by, answer }),
  setThresholds: (by: Actor, k: number | null): Action => ({ type: 'team/set-thresholds', by, k }),
  setAggregation: (by: Actor, aggregation: 'metric' | 'model' | 'fleet'): Action => ({ type: 'team/set-aggregation', by, aggregation }),
  investigate: (by: Actor, model: number, metric: number): Action => ({ type: 'team/investigate', by, model, metric }),
  setSliceMonitoring: (by: Actor, level: 'global' | 'region' | 'os' | 'slice'): Action => ({ type: 'team/set-slice-monitoring', by, level }),
  sliceAction: (by: Actor, region: number, os: 'current' | 'update', action: 'lighter' | 'rollback' | 'none'): Action => ({
    type: 'team/slice-action',
    by,
    region,
    os,
    action,
  }),
  tick: (by: Actor, hours: number): Action => ({ type: 'sim/tick', by, hours }),
  setSpeed: (by: Actor, speed: number): Action => ({ type: 'host/set-speed', by, speed }),
};
