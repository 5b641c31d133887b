// The session flow (GAME.md §3): lobby → briefing → the parts → debrief; inside a part, play (teams lock and
// work) → reveal → reflect. Parts that are not built yet are not in PLAYED_PARTS and the flow skips them.
// Time enters only through the `at` of flow actions (the server's clock when it accepted them).
import type { ActionOf } from './actions.js';
import { startPart1, type PartResult } from './parts/part1.js';
import { startPart2 } from './parts/part2/start.js';
import type { GameState, PartNumber, Phase, Timer } from './state.js';

/** The parts this version of the game plays, in order. Part 2 joins once its intents and pages exist. */
export const PLAYED_PARTS: readonly PartNumber[] = [1, 2];

const PART_PHASE: Record<PartNumber, Phase> = { 1: 'part1', 2: 'part2' };
const MINUTE_MS = 60_000;

type FlowState = Omit<GameState, 'version'>;
const ok = (state: FlowState): PartResult => ({ ok: true, state });
const closed: PartResult = { ok: false, code: 'phase/closed' };

/** The part a phase belongs to, or null outside the parts. */
export function partOfPhase(phase: Phase): PartNumber | null {
  if (phase === 'part1') return 1;
  if (phase === 'part2') return 2;
  return null;
}


function newTimer(state: GameState, at: number): Timer | null {
  if (state.settings.timerMinutes === null) return null;
  const durationMs = state.settings.timerMinutes * MINUTE_MS;
  return { durationMs, remainingMs: durationMs, runningSince: state.paused ? null : at, expired: false };
}

/** The timer with the time since it last started taken off, stopped. */
function stopTimer(timer: Timer, at: number): Timer {
  if (timer.runningSince === null) return timer;
  const elapsed = Math.max(0, at - timer.runningSince);
  return { ...timer, remainingMs: Math.max(0, timer.remainingMs - elapsed), runningSince: null };
}

/** A part's play step begins: its timer starts and its per-team state is laid out. */
export function enterPart(state: GameState, part: PartNumber, at: number): FlowState {
  const base = { ...state, phase: PART_PHASE[part], step: 'play' as const, timer: newTimer(state, at) };
  switch (part) {
    case 1:
      return { ...base, part1: startPart1(state) };
    case 2:
      return { ...base, part2: startPart2(state.seed, state.teams) };
  }
}

function revealPart(state: GameState): FlowState {
  const part1 = state.phase === 'part1' && state.part1 ? { ...state.part1, revealed: true } : state.part1;
  const part2 = state.phase === 'part2' && state.part2 ? { ...state.part2, revealed: true } : state.part2;
  return { ...state, step: 'reveal', timer: null, part1, part2 };
}

/** After the last step of a part: the next played part, or the debrief. */
function afterPart(state: GameState, part: PartNumber, at: number): FlowState {
  // A part outside the played list (entered directly by a test) ends in the debrief, like the last one.
  const index = PLAYED_PARTS.indexOf(part);
  const next = index < 0 ? undefined : PLAYED_PARTS[index + 1];
  if (next !== undefined) return enterPart(state, next, at);
  return { ...state, phase: 'debrief', step: null, timer: null };
}

export function start(state: GameState): PartResult {
  if (state.phase !== 'lobby') return closed;
  return ok({ ...state, phase: 'briefing' });
}

export function next(state: GameState, action: ActionOf<'host/next'>): PartResult {
  if (state.phase === 'briefing') return ok(enterPart(state, PLAYED_PARTS[0]!, action.at));
  const part = partOfPhase(state.phase);
  if (part === null) return closed; // lobby (use Start) and debrief (the end)
  switch (state.step) {
    case 'play':
      return ok(revealPart(state));
    case 'reveal':
      return ok({ ...state, step: 'reflect' });
    default:
      return ok(afterPart(state, part, action.at));
  }
}

export function reveal(state: GameState): PartResult {
  if (partOfPhase(state.phase) === null || state.step !== 'play') return closed;
  return ok(revealPart(state));
}

export function pause(state: GameState, action: ActionOf<'host/pause'>): PartResult {
  if (state.phase === 'lobby' || state.phase === 'debrief') return closed;
  if (state.paused) return { ok: false, code: 'game/paused' };
  return ok({ ...state, paused: true, timer: state.timer && stopTimer(state.timer, action.at) });
}

export function resume(state: GameState, action: ActionOf<'host/resume'>): PartResult {
  if (!state.paused) return closed;
  const timer = state.timer && !state.timer.expired ? { ...state.timer, runningSince: action.at } : state.timer;
  return ok({ ...state, paused: false, timer });
}

export function extendTimer(state: GameState, action: ActionOf<'host/extend-timer'>): PartResult {
  const timer = state.timer;
  if (!timer) return { ok: false, code: 'timer/none' };
  const extra = action.minutes * MINUTE_MS;
  const restart = timer.expired && !state.paused ? action.at : timer.runningSince;
  return ok({
    ...state,
    timer: {
      durationMs: timer.durationMs + extra,
      remainingMs: timer.remainingMs + extra,
      runningSince: restart,
      expired: false,
    },
  });
}

/** The server's timer fired: valid only when the running timer is really due at `at`. */
export function expireTimer(state: GameState, action: ActionOf<'timer/expire'>): PartResult {
  const timer = state.timer;
  if (!timer || timer.runningSince === null || action.at < timer.runningSince + timer.remainingMs) {
    return { ok: false, code: 'timer/none' };
  }
  if (state.settings.autoAdvance && state.step === 'play') return ok(revealPart(state));
  return ok({ ...state, timer: { ...timer, remainingMs: 0, runningSince: null, expired: true } });
}

/** When the running timer of a state runs out (server ms), or null when none is running. */
export function timerDueAt(state: GameState): number | null {
  const timer = state.timer;
  return timer && timer.runningSince !== null ? timer.runningSince + timer.remainingMs : null;
}
