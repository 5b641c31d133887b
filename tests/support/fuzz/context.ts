// What the fuzz's makers share: the plan of one step, the context they read the game through (all of it via
// the adapter, game-shape.ts), and the small builders of names, settings and run configurations.
import type { ErrorCode } from '../../../shared/protocol/errors.js';
import type { Action, Actor } from '../../../shared/sim/actions.js';
import {
  CAPEX_MAX,
  ENGINEER_COST_MAX,
  ENGINEER_COST_MIN,
  PART_PREDICTION_MAX,
  PART_PREDICTION_MIN,
  TIMER_MINUTES_MAX,
  normalizeDisplayName,
} from '../../../shared/protocol/limits.js';
import type { GameState, Prediction } from '../../../shared/sim/state.js';
import type { Dice } from './dice.js';
import * as shape from './game-shape.js';

export type Expect = 'accept' | 'refuse' | 'any';

export interface Planned {
  /** Who acts, for the failure message: "host", "player p3 (t2)", "guest", "system". */
  actor: string;
  action: Action;
  expect: Expect;
  /** When refused, the code the rules must refuse it with (checked when the maker knows it). */
  code?: ErrorCode;
  /** Which maker built it (coverage and failure messages). */
  maker: string;
}

/** What a maker may read and change: the dice, the state, the server clock (ms) and a serial for names. */
export interface GenContext {
  dice: Dice;
  state: GameState;
  /** The server's clock, ms since the epoch; only moves forward. */
  now: number;
  /** Steps spent in the current phase and step, and how many the game means to spend there. */
  stageSteps: number;
  budget: number;
  serial: number;
}

export interface Maker {
  name: string;
  weight: (c: GenContext) => number;
  make: (c: GenContext) => Omit<Planned, 'maker'> | null;
}

export const HOST: Actor = { role: 'host' };
export const GUEST: Actor = { role: 'guest' };
export const playerActor = (playerId: string): Actor => ({ role: 'player', playerId });

export const NAMES = ['Ada', 'Grace', 'Linus', 'Zoë', 'Ünal', '李雷', 'Ana María', 'O’Neil', 'Sam', 'Kai', 'Noor', 'Émile'];
export const TEAM_WORDS = ['Night Owls', 'Canaries', 'Shadow Crew', 'Rollback Kings', 'Équipe', 'Red Team', 'α-squad'];
export const TEXTS = ['Run an SPRT and stop early.', 'Heterogeneity multiplies the dependencies.', '', 'x'.repeat(1000), 'Ça dépend ✓'];

export const clean = (name: string) => (normalizeDisplayName(name) === name && [...name].length <= 24 ? name : null);

// ── Reading the game for the makers (all through the adapter) ─────────────────────────────────────────

export const w = (c: GenContext) => shape.where(c.state);
export const seated = (c: GenContext) => shape.seats(c.state).filter((s) => !s.kicked && s.teamId !== null);
export const anySeat = (c: GenContext) => shape.seats(c.state);

/** The part whose play (or reflect) step is on, or null. */
export function partIn(c: GenContext, step: 'play' | 'reflect' | 'reveal') {
  const { phase, step: current } = w(c);
  const part = shape.partOf(phase);
  return part && current === step ? part : null;
}

export function actorName(by: Actor, c: GenContext): string {
  if (by.role !== 'player') return by.role;
  const seat = shape.seats(c.state).find((s) => s.playerId === by.playerId);
  return `player ${by.playerId} (${seat?.kicked ? 'kicked' : (seat?.teamId ?? 'no team')})`;
}

export function plan(c: GenContext, action: Action, expect: Expect): Omit<Planned, 'maker'> {
  return { actor: actorName(action.by, c), action, expect };
}

/** An action that must be accepted when `refusal` is null, else refused with that code. */
export function ruled(c: GenContext, action: Action, refusal: ErrorCode | null): Omit<Planned, 'maker'> {
  return refusal === null ? plan(c, action, 'accept') : { ...plan(c, action, 'refuse'), code: refusal };
}

export function nickname(c: GenContext): string {
  c.serial++;
  return clean(`${c.dice.pick(NAMES)} ${c.serial}`) ?? `Player ${c.serial}`;
}

export function teamName(c: GenContext): string {
  return clean(`${c.dice.pick(TEAM_WORDS)} ${c.dice.int(1, 99)}`) ?? 'Team X';
}

export function freshToken(c: GenContext): string {
  return c.dice.hex64();
}

export function joinAction(c: GenContext): Action {
  const studentId = c.dice.chance(0.6) ? `sid-${c.serial + 1}-${c.dice.int(1000, 9999)}` : null;
  return { type: 'player/join', by: GUEST, nickname: nickname(c), tokenHash: freshToken(c), studentId };
}

export function randomSettings(c: GenContext): Action {
  const action: Extract<Action, { type: 'host/set-settings' }> = { type: 'host/set-settings', by: HOST };
  if (c.dice.chance(0.5)) action.capex = c.dice.pick([0, 250_000, 400_000, 500_000, c.dice.int(0, CAPEX_MAX)]);
  if (c.dice.chance(0.5)) action.engineerCost = c.dice.int(ENGINEER_COST_MIN, ENGINEER_COST_MAX);
  if (c.dice.chance(0.5)) action.timerMinutes = c.dice.chance(0.2) ? null : c.dice.int(1, TIMER_MINUTES_MAX);
  if (c.dice.chance(0.3)) action.autoAdvance = c.dice.chance(0.5);
  return action;
}

const partInfo = (part: shape.Part) => shape.PARTS.find((p) => p.part === part)!;

/** A lock the part's rule takes: one of its options, or a number in its range (often near the answers). */
export function predictionValue(c: GenContext, part: shape.Part): Prediction {
  const info = partInfo(part);
  if (info.lock === 'choice') return c.dice.pick(info.options);
  if (c.dice.chance(0.3)) return c.dice.pick(part === 1 ? [39, 44, 53, 73, info.min, info.max] : [2995, 3000, info.min, info.max]);
  return Math.round(c.dice.logBetween(info.min, info.max));
}

/** A lock that is well-formed on the wire but that the part's rule refuses (lock/out-of-range): a number for a
 *  choice lock; for a numeric lock, a choice or a number just outside its range. */
export function misfitLock(c: GenContext, part: shape.Part): Prediction {
  const info = partInfo(part);
  if (info.lock === 'choice') return c.dice.chance(0.5) ? c.dice.int(PART_PREDICTION_MIN, PART_PREDICTION_MAX) : c.dice.pick([PART_PREDICTION_MIN, 4, 42]);
  const outside = [info.min - 1, info.max + 1].filter((v) => v >= PART_PREDICTION_MIN && v <= PART_PREDICTION_MAX);
  return outside.length > 0 && c.dice.chance(0.7) ? c.dice.pick(outside) : c.dice.pick(['a', 'b', 'c', 'd'] as const);
}

export function runConfig(c: GenContext, maxShadow: number): shape.RunConfig {
  const realistic = c.dice.chance(0.6);
  return {
    confidence: realistic ? c.dice.pick([0.9, 0.95, 0.99]) : c.dice.between(0.5, 0.9999),
    rate: realistic ? c.dice.pick([1 / 500, 1 / 1000, 1 / 10_000]) : c.dice.logBetween(1e-6, 0.1),
    // Now and then beyond the track's limit (well-formed, refused with canary/shadow-limit).
    shadowFraction: c.dice.chance(0.1) ? c.dice.between(0.01, 1) : c.dice.between(0.01, maxShadow),
    cohortMode: c.dice.chance(0.5) ? 'stratified' : 'random',
    sprt: c.dice.chance(0.5),
  };
}

/** Whether some team with a seated player satisfies `test` (to weight makers towards what can happen). */
export function someTeam(c: GenContext, test: (teamId: string) => boolean): boolean {
  return seated(c).some((s) => test(s.teamId!));
}

/** A seated player, mostly one whose team is (`locked`) or is not yet locked in a part. */
export function memberOf(c: GenContext, part: shape.Part, locked: boolean) {
  const members = seated(c);
  if (members.length === 0) return null;
  const preferred = members.filter((s) => (shape.lockOf(c.state, part, s.teamId!) !== null) === locked);
  return c.dice.pick(preferred.length > 0 && c.dice.chance(0.85) ? preferred : members);
}

/**
 * Why the rules refuse `by` acting for a team in a part's step (GAME.md §3), in the order they check: not a
 * player, the wrong phase or step, paused, no seat in a team of the part; null when nothing stands in the way.
 */
export function actingRefusal(c: GenContext, by: Actor, part: shape.Part, step: 'play' | 'reflect'): ErrorCode | null {
  if (by.role !== 'player') return 'auth/forbidden';
  if (partIn(c, step)?.part !== part) return 'phase/closed';
  if (w(c).paused) return 'game/paused';
  const seat = seated(c).find((s) => s.playerId === by.playerId);
  return seat && shape.lockOf(c.state, part, seat.teamId!) !== undefined ? null : 'team/none';
}

/** A seated player and what the rules say about its team in Part 2 right now. */
export function part2Member(c: GenContext) {
  const seat = memberOf(c, 2, true);
  if (!seat) return null;
  const canary = shape.canary(c.state, seat.teamId!);
  const { phase, step, paused } = w(c);
  const mayAct = phase === 'part2' && step === 'play' && !paused && canary !== null && shape.lockOf(c.state, 2, seat.teamId!) !== null;
  return { by: playerActor(seat.playerId), canary, mayAct, teamId: seat.teamId! };
}
