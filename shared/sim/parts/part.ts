// The contract every part of the game fulfils (GAME.md §3: lock → workbench → reveal → reflect). The session
// flow, the reducer, the projections, the scoring and the clock loop over the parts in registry.ts; a part sees
// and returns only its own slice of the state, with a read-only context of the game around it.
import type { ErrorCode } from '../../protocol/errors.js';
import type { Choice, PartId, Phase } from '../../protocol/views.js';
import type { Action, ActionType } from '../actions.js';
import type { TeamEffects } from '../crises/effects.js';
import type { PartSlice, Settings, Team, TeamPartState } from '../state.js';

export type { PartSlice };

/** The lock of a part: a bounded whole number, or one of four options with one right answer. */
export type LockRule =
  | { kind: 'numeric'; min: number; max: number }
  | { kind: 'choice'; options: readonly Choice[] };


/** The game around a part, read-only: what a part may know besides its own slice. */
export interface PartContext {
  seed: number;
  teams: readonly Team[];
  settings: Settings;
  /** What crises did to each team's hidden truth (crises/effects.ts), by team id. */
  effects(teamId: string): TeamEffects;
  /** A player's nickname, for views ("locked by …"). */
  nickname(playerId: string | null): string | null;
}

/** A part's answer to an action: its next slice, or the code of the rule that refuses it. */
export type SliceResult<S> = S | { refused: ErrorCode };

/** A team action of a part, already checked: in play, not paused, a seated player, the team's lock made. */
export interface TeamActionContext extends PartContext {
  team: Team;
  /** The team's simulated hour now (its own clock where the part runs one per team; 0 without a clock). */
  hours: number;
}

export interface PartModule<S extends PartSlice = PartSlice, TV = unknown, HV = unknown, SV = unknown> {
  /** The part's key in the state and the views, and its phase. */
  id: PartId & Phase;
  /** 1-based, the order of play. */
  number: number;
  title: string;
  lock: LockRule;
  /** The answer to a team's lock (a number or an option), for scoring and reveals. */
  answer(ctx: PartContext, team: Team): number | Choice;
  /** The part's slice when the part begins. */
  start(ctx: PartContext): S;
  /** The team actions the part handles (after the shared checks), and how. */
  teamActions?: {
    types: readonly ActionType[];
    reduce(slice: S, action: Action, ctx: TeamActionContext): SliceResult<S>;
  };
  /** A simulated clock, for parts that run one while in play. */
  clock?: {
    /** Simulated hours per real second at the host's speed ×1. */
    pace: number;
    hours(slice: S): number;
    /** A team's own simulated hour, for parts whose teams each run their own clock (Part 2); else `hours`. The
     *  team's actions and the crises that strike it count on it. */
    teamHours?(slice: S, teamId: string): number;
    /** The slice after `hours` more simulated hours. */
    advance(slice: S, hours: number, ctx: PartContext): S;
  };
  /** What each audience sees of the part (GAME.md §9). */
  views: {
    team(slice: S, ctx: PartContext, team: Team): TV;
    host(slice: S, ctx: PartContext): HV;
    screen(slice: S, ctx: PartContext): SV;
  };
  /** Ops points of a team in this part (0–100, normalized per track), when the part simulates outcomes. */
  ops?(slice: S, ctx: PartContext, team: Team): number;
}

/** A part module with its slice type erased, as the registry holds it. */
export type AnyPart = PartModule<any, unknown, unknown, unknown>;

/** Declares a part module, checking it against the contract while keeping its own slice type. */
export function definePart<S extends PartSlice, TV, HV, SV>(part: PartModule<S, TV, HV, SV>): PartModule<S, TV, HV, SV> {
  return part;
}

/** A team's simulated hour in a part with a clock: its own clock where the part runs one per team. */
export function teamHour(part: AnyPart, slice: PartSlice, teamId: string): number {
  const clock = part.clock!;
  return clock.teamHours ? clock.teamHours(slice, teamId) : clock.hours(slice);
}

/** Each team's own hour in a part that runs a clock per team (Part 2), for crises to strike at; else undefined. */
export function teamHourOf(part: AnyPart, slice: PartSlice): ((teamId: string) => number) | undefined {
  const teamHours = part.clock?.teamHours;
  return teamHours ? (teamId) => teamHours(slice, teamId) : undefined;
}

/** The slice of one part in a game's parts (null until the part begins). */
export function sliceOf<S extends PartSlice>(parts: Readonly<Record<string, PartSlice>>, part: PartModule<S>): S | null {
  return (parts[part.id] as S | undefined) ?? null;
}

/** A fresh team lock state: nothing locked, nothing reflected. */
export function emptyTeamPart(): TeamPartState {
  return { prediction: null, lockedBy: null, reflection: null };
}

/** A numeric lock's value (null when not locked, or for a choice lock). */
export function numericLock(team: TeamPartState): number | null {
  return typeof team.prediction === 'number' ? team.prediction : null;
}

/** Which teams have reflected on a part (never what), for the projector. */
export function reflectedTeams(slice: PartSlice, ctx: PartContext) {
  return ctx.teams.map((team) => ({ teamId: team.id, reflected: slice.teams[team.id]?.reflection != null }));
}

/** The nickname of a player's reflection as views show it. */
export function reflectionView(ctx: PartContext, team: TeamPartState) {
  const r = team.reflection;
  return r ? { choice: r.choice, text: r.text, byNickname: ctx.nickname(r.by) ?? '' } : null;
}
