// What teams do inside a part, with one set of rules for every part (GAME.md §3): any member locks the team's
// prediction once while the part is in play, reflects during the reflect step, and acts on the part's
// workbench once the team has locked. The part itself only decides what its own actions do.
import type { ErrorCode } from '../protocol/errors.js';
import { justificationLength, REFLECTION_MAX, REFLECTION_MIN } from '../protocol/limits.js';
import type { Action, ActionOf, Actor } from './actions.js';
import { nextDue, strikeDue } from './crises/fire.js';
import { partInPlay } from './flow.js';
import { contextOf, partSlice, withSlice } from './parts/context.js';
import { teamHour, teamHourOf, type AnyPart, type LockRule, type PartSlice } from './parts/part.js';
import { PARTS, partByNumber } from './parts/registry.js';
import type { GameState, Prediction, RuleResult, Team, TeamPartState } from './state.js';

const refuse = (code: ErrorCode): RuleResult => ({ ok: false, code });

/** Whether a value is a valid lock under a part's rule. */
export function fitsLock(rule: LockRule, value: Prediction): boolean {
  if (rule.kind === 'choice') return typeof value === 'string' && rule.options.includes(value);
  return typeof value === 'number' && Number.isInteger(value) && value >= rule.min && value <= rule.max;
}

/** The seated team of a player, or null. */
function teamOfPlayer(state: GameState, playerId: string): Team | null {
  const player = state.players.find((p) => p.id === playerId);
  if (!player || player.kicked || player.teamId === null) return null;
  return state.teams.find((t) => t.id === player.teamId) ?? null;
}

type Acting = { part: AnyPart; slice: PartSlice; team: Team; mine: TeamPartState; playerId: string };

/** Checks that a player may act for a team in a part's step; returns who acts where, or the refusal. */
function mayAct(state: GameState, part: AnyPart | null, by: Actor, step: 'play' | 'reflect'): Acting | ErrorCode {
  if (by.role !== 'player') return 'auth/forbidden';
  if (!part || state.phase !== part.id || state.step !== step) return 'phase/closed';
  if (state.paused) return 'game/paused';
  const team = teamOfPlayer(state, by.playerId);
  const slice = partSlice(state, part);
  const mine = team && slice?.teams[team.id];
  if (!team || !slice || !mine) return 'team/none';
  return { part, slice, team, mine, playerId: by.playerId };
}

function withTeam(state: GameState, acting: Acting, mine: TeamPartState): Omit<GameState, 'version'> {
  const slice = { ...acting.slice, teams: { ...acting.slice.teams, [acting.team.id]: mine } };
  return withSlice(state, acting.part, slice);
}

export function lockPrediction(state: GameState, action: ActionOf<'team/lock-prediction'>): RuleResult {
  const acting = mayAct(state, partByNumber(action.part), action.by, 'play');
  if (typeof acting === 'string') return refuse(acting);
  if (acting.mine.prediction !== null) return refuse('lock/already-locked');
  if (!fitsLock(acting.part.lock, action.value)) return refuse('lock/out-of-range');
  const next = withTeam(state, acting, { ...acting.mine, prediction: action.value, lockedBy: acting.playerId });
  return { ok: true, state: { ...next, proposals: withoutProposal(state.proposals, acting.team.id) } };
}

function withoutProposal(proposals: GameState['proposals'], teamId: string): GameState['proposals'] {
  if (!Object.hasOwn(proposals, teamId)) return proposals;
  const { [teamId]: _gone, ...rest } = proposals;
  return rest;
}

/** A member proposes the team's lock: it replaces any earlier proposal, and the proposer agrees with it. */
export function propose(state: GameState, action: ActionOf<'team/propose'>): RuleResult {
  const acting = mayAct(state, partByNumber(action.part), action.by, 'play');
  if (typeof acting === 'string') return refuse(acting);
  if (acting.mine.prediction !== null) return refuse('lock/already-locked');
  if (!fitsLock(acting.part.lock, action.value)) return refuse('lock/out-of-range');
  const proposal = { part: action.part, value: action.value, by: acting.playerId, agreed: [acting.playerId] };
  return { ok: true, state: { ...state, proposals: { ...state.proposals, [acting.team.id]: proposal } } };
}

/** The team's open proposal for a part, or null (one for another part is stale). */
export function proposalOf(state: GameState, teamId: string, part: number) {
  const proposal = state.proposals[teamId];
  return proposal && proposal.part === part ? proposal : null;
}

/** A member agrees with the team's proposal, named by its value so that a changed one is never agreed unseen. */
export function agree(state: GameState, action: ActionOf<'team/agree'>): RuleResult {
  const acting = mayAct(state, partByNumber(action.part), action.by, 'play');
  if (typeof acting === 'string') return refuse(acting);
  if (acting.mine.prediction !== null) return refuse('lock/already-locked');
  const proposal = proposalOf(state, acting.team.id, action.part);
  if (!proposal) return refuse('proposal/none');
  if (proposal.value !== action.value) return refuse('proposal/changed');
  if (proposal.agreed.includes(acting.playerId)) return { ok: true, state };
  const agreed = { ...proposal, agreed: [...proposal.agreed, acting.playerId] };
  return { ok: true, state: { ...state, proposals: { ...state.proposals, [acting.team.id]: agreed } } };
}

export function reflect(state: GameState, action: ActionOf<'team/reflect'>): RuleResult {
  const acting = mayAct(state, partByNumber(action.part), action.by, 'reflect');
  if (typeof acting === 'string') return refuse(acting);
  if (action.text.length > REFLECTION_MAX) return refuse('intent/invalid');
  // A reflection is an answer and its reason: an empty or one-word justification is refused, not scored.
  if (justificationLength(action.text) < REFLECTION_MIN) return refuse('reflection/too-short');
  const reflection = { choice: action.choice, text: action.text, by: acting.playerId };
  return { ok: true, state: withTeam(state, acting, { ...acting.mine, reflection }) };
}

/** The part that handles a team action type, or null. */
export function partOfAction(type: Action['type']): AnyPart | null {
  return PARTS.find((part) => part.teamActions?.types.includes(type)) ?? null;
}

/** A team's action on its part's workbench: in play, not paused, and only once the team has locked. */
export function teamAction(state: GameState, part: AnyPart, action: Action): RuleResult {
  const acting = mayAct(state, part, action.by, 'play');
  if (typeof acting === 'string') return refuse(acting);
  if (acting.mine.prediction === null) return refuse('lock/required');
  const hours = part.clock ? teamHour(part, acting.slice, acting.team.id) : 0;
  const result = part.teamActions!.reduce(acting.slice, action, { ...contextOf(state), team: acting.team, hours });
  if ('refused' in result) return refuse(result.refused);
  return { ok: true, state: withSlice(state, part, result) };
}

/**
 * The running part's simulated clock moves on. A crisis due inside the tick strikes at its own hour: the clock
 * advances to it, the crisis strikes, and the rest of the tick already runs under it.
 */
export function tick(state: GameState, action: ActionOf<'sim/tick'>): RuleResult {
  if (action.by.role !== 'system') return refuse('auth/forbidden');
  const playing = partInPlay(state);
  if (!playing?.part.clock) return refuse('phase/closed');
  if (state.paused) return refuse('game/paused');
  const { part } = playing;
  const clock = part.clock!;
  let slice = playing.slice;
  let now = clock.hours(slice);
  const end = now + action.hours;
  let current = strikeDue(state, part.id, now, teamHourOf(part, slice));
  for (;;) {
    // Every crisis due by `now` has struck, so the next one lies after it.
    const due = nextDue(current.crises, part.id, end);
    const until = due ?? end;
    slice = clock.advance(slice, until - now, contextOf(current));
    now = until;
    if (due === null) return { ok: true, state: withSlice(current, part, slice) };
    current = strikeDue(current, part.id, now, teamHourOf(part, slice));
  }
}
