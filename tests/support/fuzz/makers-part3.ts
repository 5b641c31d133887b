// Part 3's own play (the ensemble lockdown, GAME.md §6): a team member's five versioning decisions, each with
// every value of its parameter. Each maker says what the rules must answer: accepted, or refused with the code
// of the first rule in the way (the shared checks, the lock, then the ensemble's own rule, judged on the
// ensemble as the decision sees it, with the events due by now settled). Ticks and crises are in makers.ts.
import type { ErrorCode } from '../../../shared/protocol/errors.js';
import type { Action, Actor } from '../../../shared/sim/actions.js';
import * as shape from './game-shape.js';
import { type GenContext, type Maker, actingRefusal, memberOf, playerActor, ruled, someTeam } from './context.js';

type Ensemble = shape.EnsembleRead;

const ANSWERS: readonly shape.ChallengeAnswer[] = ['refuse', 'approve', 'approve-pinned'];

/** One decision: how likely it is, and the action with the ensemble rule that refuses it (null: none). */
interface Decision {
  name: string;
  weight: (c: GenContext) => number;
  decide: (c: GenContext, by: Actor, e: Ensemble) => { action: Action; refusal: ErrorCode | null };
}

/** Mostly the value that changes something; now and then the one the ensemble already has. */
const flip = <T>(c: GenContext, current: T, other: T): T => (c.dice.chance(0.8) ? other : current);
const other = <T extends string>(value: T, a: T, b: T): T => (value === a ? b : a);

const hasOpenChallenge = (c: GenContext) =>
  someTeam(c, (teamId) => {
    const challenge = shape.ensembleNow(c.state, teamId)?.challenge;
    return !!challenge && challenge.answer === null && !challenge.lapsed;
  });

const DECISIONS: Decision[] = [
  {
    name: 'deploy-upstream',
    weight: () => 1.2,
    decide: (c, by, e) => {
      const version = flip(c, e.upstream, other(e.upstream, 'v1', 'v2'));
      return { action: shape.partActions.deploy(by, version), refusal: version === e.upstream ? 'ensemble/no-change' : null };
    },
  },
  {
    name: 'retrain',
    weight: () => 1,
    decide: (c, by, e) => {
      const on = flip(c, e.retrain !== null, e.retrain === null);
      const refusal = !on ? (e.retrain ? null : 'ensemble/no-retrain') : e.retrain ? 'ensemble/retraining' : e.model === 'v2' ? 'ensemble/retrained' : null;
      return { action: shape.partActions.retrain(by, on), refusal };
    },
  },
  {
    name: 'set-policy',
    weight: () => 1,
    decide: (c, by, e) => {
      const policy = flip(c, e.policy, other(e.policy, 'loose', 'strict'));
      return { action: shape.partActions.setPolicy(by, policy), refusal: policy === e.policy ? 'ensemble/no-change' : null };
    },
  },
  {
    // Likelier while a retrained model waits for the check that validates it (strict contracts).
    name: 'consistency-check',
    weight: (c) => (someTeam(c, (teamId) => !!shape.ensembleNow(c.state, teamId)?.retrain?.done) ? 2.5 : 0.8),
    decide: (_c, by) => ({ action: shape.partActions.check(by), refusal: null }),
  },
  {
    name: 'answer-challenge',
    weight: (c) => (hasOpenChallenge(c) ? 2.5 : 0.3),
    decide: (c, by, e) => {
      const challenge = e.challenge;
      const refusal = !challenge ? 'challenge/none' : challenge.answer !== null || challenge.lapsed ? 'challenge/closed' : null;
      return { action: shape.partActions.answer(by, c.dice.pick(ANSWERS)), refusal };
    },
  },
];

/** Any decision with any value, for whoever `by` is (for actions the shared checks refuse before the ensemble's). */
export function randomDecision(c: GenContext, by: Actor): Action {
  const a = shape.partActions;
  return c.dice.pick([
    () => a.deploy(by, c.dice.pick(['v1', 'v2'] as const)),
    () => a.retrain(by, c.dice.chance(0.5)),
    () => a.setPolicy(by, c.dice.pick(['loose', 'strict'] as const)),
    () => a.check(by),
    () => a.answer(by, c.dice.pick(ANSWERS)),
  ])();
}

/** Decisions are likelier once some team has locked (before, they are refused with lock/required). */
const lockedWeight = (c: GenContext) => (someTeam(c, (teamId) => shape.lockOf(c.state, 3, teamId) !== null) ? 1 : 0.15);

export const PART3_PLAY: Maker[] = DECISIONS.map(
  (d): Maker => ({
    name: d.name,
    weight: (c) => d.weight(c) * lockedWeight(c),
    make: (c) => {
      const seat = memberOf(c, 3, true);
      if (!seat) return null;
      const by = playerActor(seat.playerId);
      const e = shape.ensembleNow(c.state, seat.teamId!);
      if (!e) return null;
      const { action, refusal } = d.decide(c, by, e);
      const shared = actingRefusal(c, by, 3, 'play') ?? (shape.lockOf(c.state, 3, seat.teamId!) === null ? 'lock/required' : null);
      return ruled(c, action, shared ?? refusal);
    },
  }),
);
