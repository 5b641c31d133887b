// The session flow (GAME.md §3): lobby → briefing → the parts in registry order → debrief; inside a part, play
// (teams lock and work) → reveal → reflect. Time enters only through the `at` of flow actions (the server's
// clock when it accepted them). Nothing here names a part: the registry says which parts there are.
import type { ActionOf } from './actions.js';
import { contextOf, partSlice, withSlice } from './parts/context.js';
import type { AnyPart } from './parts/part.js';
import { PARTS, partOfPhase } from './parts/registry.js';
import type { GameState, PartSlice, RuleResult, Timer } from './state.js';

type FlowState = Omit<GameState, 'version'>;
type FlowResult = RuleResult;

const MINUTE_MS = 60_000;
/** The host's warning before a reveal (issue 10: "give a 30-second warning"). */
export const WARNING_MS = 30_000;
const ok = (state: FlowState): FlowResult => ({ ok: true, state });
const closed: FlowResult = { ok: false, code: 'phase/closed' };

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

/** A part's play step begins: its timer starts and its slice is laid out. */
export function enterPart(state: GameState, part: AnyPart, at: number): FlowState {
  const entered = { ...state, phase: part.id, step: 'play' as const, timer: newTimer(state, at) };
  return withSlice(entered, part, part.start(contextOf(state)));
}

/** The state as a step ends: the host's warning and the projector's spotlight belong to the step they were
 *  given in. */
function leaveStep<S extends FlowState>(state: S): S {
  const { warning: _warning, spotlight: _spotlight, ...rest } = state;
  return rest as S;
}

function revealPart(state: GameState): FlowState {
  const part = partOfPhase(state.phase);
  const slice = part && partSlice(state, part);
  const revealed = { ...leaveStep(state), step: 'reveal' as const, timer: null };
  return part && slice ? withSlice(revealed, part, { ...slice, revealed: true }) : revealed;
}

/** After the last step of a part: the next part, or the debrief. */
function afterPart(state: GameState, part: AnyPart, at: number): FlowState {
  const next = PARTS[PARTS.indexOf(part) + 1];
  if (next) return enterPart(state, next, at);
  return { ...state, phase: 'debrief', step: null, timer: null };
}

export function start(state: GameState): FlowResult {
  if (state.phase !== 'lobby') return closed;
  return ok({ ...state, phase: 'briefing' });
}

export function next(current: GameState, action: ActionOf<'host/next'>): FlowResult {
  if (current.phase === 'briefing') return ok(enterPart(current, PARTS[0]!, action.at));
  const part = partOfPhase(current.phase);
  if (part === null) return closed; // lobby (use Start) and debrief (the end)
  const state = leaveStep(current);
  switch (state.step) {
    case 'play':
      return ok(revealPart(state));
    case 'reveal':
      return ok({ ...state, step: 'reflect' });
    default:
      return ok(afterPart(state, part, action.at));
  }
}

export function reveal(state: GameState): FlowResult {
  if (partOfPhase(state.phase) === null || state.step !== 'play') return closed;
  return ok(revealPart(state));
}

/** Play: a 30-second warning that the host will reveal; the host still presses Reveal when it runs out. */
export function warn(state: GameState, action: ActionOf<'host/warn'>): FlowResult {
  if (partOfPhase(state.phase) === null || state.step !== 'play') return closed;
  if (state.paused) return { ok: false, code: 'game/paused' };
  const current = state.warning;
  if (current && current.runningSince !== null && action.at < current.runningSince + current.remainingMs) {
    return { ok: false, code: 'warning/running' };
  }
  return ok({ ...state, warning: { durationMs: WARNING_MS, remainingMs: WARNING_MS, runningSince: action.at, expired: false } });
}

export function pause(state: GameState, action: ActionOf<'host/pause'>): FlowResult {
  if (state.phase === 'lobby' || state.phase === 'debrief') return closed;
  if (state.paused) return { ok: false, code: 'game/paused' };
  const warning = state.warning && { warning: stopTimer(state.warning, action.at) };
  return ok({ ...state, paused: true, timer: state.timer && stopTimer(state.timer, action.at), ...warning });
}

export function resume(state: GameState, action: ActionOf<'host/resume'>): FlowResult {
  if (!state.paused) return closed;
  const timer = state.timer && !state.timer.expired ? { ...state.timer, runningSince: action.at } : state.timer;
  const warning = state.warning && { warning: { ...state.warning, runningSince: action.at } };
  return ok({ ...state, paused: false, timer, ...warning });
}

export function extendTimer(state: GameState, action: ActionOf<'host/extend-timer'>): FlowResult {
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
export function expireTimer(state: GameState, action: ActionOf<'timer/expire'>): FlowResult {
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

/** The part in its play step and its slice, or null outside a part's play step. */
export function partInPlay(state: GameState): { part: AnyPart; slice: PartSlice } | null {
  const part = partOfPhase(state.phase);
  const slice = part && partSlice(state, part);
  return part && slice && state.step === 'play' ? { part, slice } : null;
}

/** The part whose simulated clock runs now (in play, not paused, with a clock), or null. */
export function runningClockPart(state: GameState): AnyPart | null {
  const playing = partInPlay(state);
  return playing?.part.clock && !state.paused ? playing.part : null;
}
