// A part's view of the game around it, and the game state with one part's slice replaced.
import { effectsOf } from '../crises/effects.js';
import type { GameState } from '../state.js';
import type { AnyPart, PartContext, PartSlice } from './part.js';

/** What a part context reads of a state. */
type ContextInputs = Pick<GameState, 'seed' | 'teams' | 'settings' | 'effects' | 'players'>;

/**
 * Contexts are pure functions of a state that is never mutated: one per state serves every caller, and states
 * whose inputs are the same values (a lock, a step, a tick of the timer leave them alone) share one context.
 * So a context's identity says "nothing a part can read outside its slice changed": the view cache in
 * `project.ts` relies on it.
 */
const contexts = new WeakMap<GameState, PartContext>();
const latest = new WeakMap<GameState['players'], { inputs: ContextInputs; ctx: PartContext }>();

function sameInputs(a: ContextInputs, b: ContextInputs): boolean {
  return a.seed === b.seed && a.teams === b.teams && a.settings === b.settings && a.effects === b.effects && a.players === b.players;
}

/** The read-only context a part sees of a game. */
export function contextOf(state: GameState): PartContext {
  let ctx = contexts.get(state);
  if (ctx) return ctx;
  const known = latest.get(state.players);
  if (known && sameInputs(known.inputs, state)) {
    ctx = known.ctx;
  } else {
    const { seed, teams, settings, effects, players } = state;
    const nicknames = new Map(players.map((p) => [p.id, p.nickname]));
    ctx = {
      seed,
      teams,
      settings,
      effects: (teamId) => effectsOf({ effects }, teamId),
      nickname: (playerId) => (playerId === null ? null : (nicknames.get(playerId) ?? null)),
    };
    latest.set(players, { inputs: { seed, teams, settings, effects, players }, ctx });
  }
  contexts.set(state, ctx);
  return ctx;
}

/** A part's slice in a game, or null until the part begins. */
export function partSlice(state: Pick<GameState, 'parts'>, part: AnyPart): PartSlice | null {
  return state.parts[part.id] ?? null;
}

/** The state with one part's slice replaced. */
export function withSlice<S extends Pick<GameState, 'parts'>>(state: S, part: AnyPart, slice: PartSlice): S {
  return { ...state, parts: { ...state.parts, [part.id]: slice } };
}
