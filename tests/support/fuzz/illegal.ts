// Well-formed illegal actions: wrong phase, wrong role, wrong part, refused by the rules whatever the dice say,
// each with the code it must be refused with when that code does not depend on the dice.
import type { ErrorCode } from '../../../shared/protocol/errors.js';
import type { Action } from '../../../shared/sim/actions.js';
import { SIM_SPEED_MAX, SIM_SPEED_MIN } from '../../../shared/sim/constants.js';
import { CRISIS_IDS } from '../../../shared/protocol/views.js';
import { TRACK_IDS } from '../../../shared/sim/tracks.js';
import * as shape from './game-shape.js';
import {
  GUEST,
  type GenContext,
  HOST,
  actingRefusal,
  anySeat,
  freshToken,
  joinAction,
  misfitLock,
  nickname,
  partIn,
  playerActor,
  randomSettings,
  runConfig,
  seated,
  w,
} from './context.js';
import { randomDecision } from './makers-part3.js';

export interface Refused {
  action: Action;
  code?: ErrorCode;
}

export type Illegal = (c: GenContext) => Refused | null;

const no = (action: Action, code?: ErrorCode): Refused => ({ action, code });

export const HOST_ONLY_TYPES = ['host/start', 'host/next', 'host/reveal', 'host/pause', 'host/balance-teams'] as const;

/** A seated player, or null when nobody is seated. */
const someSeated = (c: GenContext) => (seated(c).length > 0 ? c.dice.pick(seated(c)) : null);

/** The crises that may not be aimed now: every crisis outside the play of a part it belongs to. */
const crisesClosedNow = (c: GenContext) => CRISIS_IDS.filter((id) => !partIn(c, 'play')?.crises.includes(id));

export const ILLEGAL: Illegal[] = [
  // A player (or a guest) sends a host command.
  (c) => {
    const seats = anySeat(c);
    const by = seats.length > 0 && c.dice.chance(0.8) ? playerActor(c.dice.pick(seats).playerId) : GUEST;
    const type = c.dice.pick(HOST_ONLY_TYPES);
    return no(type === 'host/balance-teams' ? { type, by } : { type, by, at: c.now }, 'auth/forbidden');
  },
  (c) => (anySeat(c).length > 0 ? no({ type: 'host/kick', by: playerActor(c.dice.pick(anySeat(c)).playerId), playerId: c.dice.pick(anySeat(c)).playerId }, 'auth/forbidden') : null),
  (c) => no(shape.partActions.crisis(playerActor('p1'), c.dice.pick(CRISIS_IDS), { kind: 'all' }, null), 'auth/forbidden'),
  (c) => no(shape.partActions.setSpeed(GUEST, c.dice.between(SIM_SPEED_MIN, SIM_SPEED_MAX)), 'auth/forbidden'),
  // The host (or a guest, or the server) acts for a team.
  (c) => no(shape.partActions.lock(c.dice.chance(0.5) ? HOST : GUEST, c.dice.pick(shape.PARTS).part, 10), 'auth/forbidden'),
  (c) => no(shape.partActions.startRun(HOST, runConfig(c, 1)), 'auth/forbidden'),
  () => no(shape.partActions.promote(shape.SYSTEM), 'auth/forbidden'),
  (c) => no(randomDecision(c, c.dice.pick([HOST, GUEST, shape.SYSTEM])), 'auth/forbidden'),
  // Someone other than the server drives the clocks.
  (c) => no(shape.partActions.tick(c.dice.chance(0.5) ? HOST : playerActor('p1'), 1), 'auth/forbidden'),
  (c) => no({ type: 'timer/expire', by: HOST, at: c.now + 10 * 3_600_000 }, 'auth/forbidden'),
  // The right actor in the wrong phase or step.
  (c) => (w(c).phase !== 'lobby' ? no({ type: 'host/start', by: HOST, at: c.now }, 'phase/closed') : null),
  (c) => (w(c).phase === 'lobby' || w(c).phase === 'debrief' ? no({ type: 'host/next', by: HOST, at: c.now }, 'phase/closed') : null),
  (c) => (w(c).phase !== 'lobby' ? no({ type: 'host/set-team-count', by: HOST, count: c.dice.int(1, 6) }, 'phase/closed') : null),
  (c) => (w(c).phase !== 'lobby' ? no({ type: 'host/set-track', by: HOST, teamId: shape.teams(c.state)[0]!.id, track: c.dice.pick(TRACK_IDS) }, 'phase/closed') : null),
  (c) => (w(c).phase !== 'lobby' ? no({ type: 'host/balance-teams', by: HOST }, 'phase/closed') : null),
  (c) => (w(c).phase !== 'lobby' && w(c).phase !== 'briefing' ? no(randomSettings(c), 'phase/closed') : null),
  (c) => (partIn(c, 'play') ? null : no({ type: 'host/reveal', by: HOST, at: c.now }, 'phase/closed')),
  (c) => (w(c).paused ? null : no({ type: 'host/resume', by: HOST, at: c.now }, 'phase/closed')),
  (c) => (w(c).paused ? no({ type: 'host/pause', by: HOST, at: c.now }, w(c).phase === 'debrief' ? 'phase/closed' : 'game/paused') : null),
  (c) => (w(c).hasTimer ? null : no({ type: 'host/extend-timer', by: HOST, at: c.now, minutes: 5 }, 'timer/none')),
  // A crisis outside the play of its own parts: Part 2's during Part 3, Part 3's during Part 2, any outside play.
  (c) => {
    const closed = crisesClosedNow(c);
    if (closed.length === 0) return null;
    const target = c.dice.pick<shape.CrisisTarget>([{ kind: 'all' }, { kind: 'team', teamId: shape.teams(c.state)[0]!.id }]);
    return no(shape.partActions.crisis(HOST, c.dice.pick(closed), target, c.dice.chance(0.5) ? null : 2), 'phase/closed');
  },
  (c) => {
    if (partIn(c, 'play')?.clock && !w(c).paused) return null;
    return no(shape.partActions.tick(shape.SYSTEM, c.dice.between(0.01, 24)), partIn(c, 'play')?.clock ? 'game/paused' : 'phase/closed');
  },
  (c) => {
    const seat = someSeated(c);
    if (partIn(c, 'play')?.part === 2 || !seat) return null;
    return no(shape.partActions.startRun(playerActor(seat.playerId), runConfig(c, 0.8)), 'phase/closed');
  },
  // A Part 3 decision outside Part 3's play (before it, after the reveal), or before the team locked.
  (c) => {
    const seat = someSeated(c);
    if (!seat) return null;
    const by = playerActor(seat.playerId);
    const refusal = actingRefusal(c, by, 3, 'play') ?? (shape.lockOf(c.state, 3, seat.teamId!) === null ? 'lock/required' : null);
    return refusal ? no(randomDecision(c, by), refusal) : null;
  },
  (c) => {
    const { part } = c.dice.pick(shape.PARTS);
    const seat = someSeated(c);
    if (partIn(c, 'play')?.part === part || !seat) return null;
    return no(shape.partActions.lock(playerActor(seat.playerId), part, 42), 'phase/closed');
  },
  // A lock the rule of the part in play refuses: a number for a choice lock, a choice for a numeric one.
  (c) => {
    const on = partIn(c, 'play');
    const seat = someSeated(c);
    if (!on || !seat) return null;
    const by = playerActor(seat.playerId);
    const locked = shape.lockOf(c.state, on.part, seat.teamId!) !== null;
    return no(shape.partActions.lock(by, on.part, misfitLock(c, on.part)), actingRefusal(c, by, on.part, 'play') ?? (locked ? 'lock/already-locked' : 'lock/out-of-range'));
  },
  (c) => {
    const { part } = c.dice.pick(shape.PARTS);
    const seat = someSeated(c);
    if (partIn(c, 'reflect')?.part === part || !seat) return null;
    return no(shape.partActions.reflect(playerActor(seat.playerId), part, 'a', 'too early'), 'phase/closed');
  },
  // The timer fired before it was due.
  (c) => {
    const due = w(c).timerDue;
    return due !== null && due > c.now ? no({ type: 'timer/expire', by: shape.SYSTEM, at: c.now }, 'timer/none') : null;
  },
  // Seats that are taken or gone.
  (c) => {
    const seats = anySeat(c);
    if (seats.length === 0) return null;
    const taken = c.dice.pick(seats).nickname;
    return no({ type: 'player/join', by: GUEST, nickname: taken.toUpperCase() === taken ? taken.toLowerCase() : taken.toUpperCase(), tokenHash: freshToken(c), studentId: null });
  },
  (c) => {
    const held = shape.tokenHashes(c.state);
    return held.length > 0 ? no({ type: 'player/join', by: GUEST, nickname: nickname(c), tokenHash: c.dice.pick(held), studentId: null }) : null;
  },
  (c) => (w(c).roomLocked ? no(joinAction(c), 'game/room-locked') : null),
  (c) => {
    const kicked = anySeat(c).filter((s) => s.kicked);
    if (kicked.length === 0) return null;
    const by = playerActor(c.dice.pick(kicked).playerId);
    const action = c.dice.weighted<() => Action>([
      [() => shape.partActions.lock(by, c.dice.pick(shape.PARTS).part, 50), 1],
      [() => shape.partActions.extend(by), 1],
      [() => randomDecision(c, by), 1],
    ])!();
    return no(action);
  },
  () => no({ type: 'host/move-player', by: HOST, playerId: 'p9999', teamId: 't1' }, 'player/unknown'),
  () => no({ type: 'host/rename-team', by: HOST, teamId: 't99', name: 'Nobody' }, 'team/unknown'),
];
