// A part's view of the game around it, and the game state with one part's slice replaced.
import { effectsOf } from '../crises/effects.js';
import type { GameState } from '../state.js';
import type { AnyPart, PartContext, PartSlice } from './part.js';

/** Contexts are pure functions of a state that is never mutated: one per state serves every caller. */
const contexts = new WeakMap<GameState, PartContext>();

/** The read-only context a part sees of a game. */
export function contextOf(state: GameState): PartContext {
  let ctx = contexts.get(state);
  if (!ctx) {
    const nicknames = new Map(state.players.map((p) => [p.id, p.nickname]));
    ctx = {
      seed: state.seed,
      teams: state.teams,
      settings: state.settings,
      effects: (teamId) => effectsOf(state, teamId),
      nickname: (playerId) => (playerId === null ? null : (nicknames.get(playerId) ?? null)),
    };
    contexts.set(state, ctx);
  }
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
