// Well-formed illegal actions: wrong phase, wrong role, refused by the rules whatever the dice say.
import type { Action } from '../../../shared/sim/actions.js';
import { SIM_SPEED_MAX, SIM_SPEED_MIN } from '../../../shared/sim/constants.js';
import { CRISIS_IDS } from '../../../shared/protocol/views.js';
import { TRACK_IDS } from '../../../shared/sim/tracks.js';
import * as shape from './game-shape.js';
import {
  GUEST,
  type GenContext,
  HOST,
  anySeat,
  freshToken,
  joinAction,
  nickname,
  partIn,
  playerActor,
  randomSettings,
  runConfig,
  seated,
  w,
} from './context.js';

export type Illegal = (c: GenContext) => Action | null;

export const HOST_ONLY_TYPES = ['host/start', 'host/next', 'host/reveal', 'host/pause', 'host/balance-teams'] as const;

export const ILLEGAL: Illegal[] = [
  // A player (or a guest) sends a host command.
  (c) => {
    const seats = anySeat(c);
    const by = seats.length > 0 && c.dice.chance(0.8) ? playerActor(c.dice.pick(seats).playerId) : GUEST;
    const type = c.dice.pick(HOST_ONLY_TYPES);
    return type === 'host/balance-teams' ? { type, by } : { type, by, at: c.now };
  },
  (c) => (anySeat(c).length > 0 ? { type: 'host/kick', by: playerActor(c.dice.pick(anySeat(c)).playerId), playerId: c.dice.pick(anySeat(c)).playerId } : null),
  (c) => shape.partActions.crisis(playerActor('p1'), c.dice.pick(CRISIS_IDS), { kind: 'all' }, null),
  (c) => shape.partActions.setSpeed(GUEST, c.dice.between(SIM_SPEED_MIN, SIM_SPEED_MAX)),
  // The host (or a guest) acts for a team.
  (c) => shape.partActions.lock(c.dice.chance(0.5) ? HOST : GUEST, c.dice.pick(shape.PARTS).part, 10),
  (c) => shape.partActions.startRun(HOST, runConfig(c, 1)),
  () => shape.partActions.promote(shape.SYSTEM),
  // Someone other than the server drives the clocks.
  (c) => shape.partActions.tick(c.dice.chance(0.5) ? HOST : playerActor('p1'), 1),
  (c) => ({ type: 'timer/expire', by: HOST, at: c.now + 10 * 3_600_000 }),
  // The right actor in the wrong phase or step.
  (c) => (w(c).phase !== 'lobby' ? { type: 'host/start', by: HOST, at: c.now } : null),
  (c) => (w(c).phase === 'lobby' || w(c).phase === 'debrief' ? { type: 'host/next', by: HOST, at: c.now } : null),
  (c) => (w(c).phase !== 'lobby' ? { type: 'host/set-team-count', by: HOST, count: c.dice.int(1, 6) } : null),
  (c) => (w(c).phase !== 'lobby' ? { type: 'host/set-track', by: HOST, teamId: shape.teams(c.state)[0]!.id, track: c.dice.pick(TRACK_IDS) } : null),
  (c) => (w(c).phase !== 'lobby' ? { type: 'host/balance-teams', by: HOST } : null),
  (c) => (w(c).phase !== 'lobby' && w(c).phase !== 'briefing' ? randomSettings(c) : null),
  (c) => (partIn(c, 'play') ? null : { type: 'host/reveal', by: HOST, at: c.now }),
  (c) => (w(c).paused ? null : { type: 'host/resume', by: HOST, at: c.now }),
  (c) => (w(c).paused ? { type: 'host/pause', by: HOST, at: c.now } : null),
  (c) => (w(c).hasTimer ? null : { type: 'host/extend-timer', by: HOST, at: c.now, minutes: 5 }),
  (c) => (partIn(c, 'play')?.part === 2 ? null : shape.partActions.crisis(HOST, c.dice.pick(CRISIS_IDS), { kind: 'all' }, null)),
  (c) => (partIn(c, 'play')?.part === 2 && !w(c).paused ? null : shape.partActions.tick(shape.SYSTEM, c.dice.between(0.01, 24))),
  (c) => {
    if (partIn(c, 'play')?.part === 2 || seated(c).length === 0) return null;
    return shape.partActions.startRun(playerActor(c.dice.pick(seated(c)).playerId), runConfig(c, 0.8));
  },
  (c) => {
    const { part } = c.dice.pick(shape.PARTS);
    if (partIn(c, 'play')?.part === part || seated(c).length === 0) return null;
    return shape.partActions.lock(playerActor(c.dice.pick(seated(c)).playerId), part, 42);
  },
  (c) => {
    const { part } = c.dice.pick(shape.PARTS);
    if (partIn(c, 'reflect')?.part === part || seated(c).length === 0) return null;
    return shape.partActions.reflect(playerActor(c.dice.pick(seated(c)).playerId), part, 'a', 'too early');
  },
  // The timer fired before it was due.
  (c) => {
    const due = w(c).timerDue;
    return due !== null && due > c.now ? { type: 'timer/expire', by: shape.SYSTEM, at: c.now } : null;
  },
  // Seats that are taken or gone.
  (c) => {
    const seats = anySeat(c);
    if (seats.length === 0) return null;
    const taken = c.dice.pick(seats).nickname;
    return { type: 'player/join', by: GUEST, nickname: taken.toUpperCase() === taken ? taken.toLowerCase() : taken.toUpperCase(), tokenHash: freshToken(c), studentId: null };
  },
  (c) => {
    const held = shape.tokenHashes(c.state);
    return held.length > 0 ? { type: 'player/join', by: GUEST, nickname: nickname(c), tokenHash: c.dice.pick(held), studentId: null } : null;
  },
  (c) => (w(c).roomLocked ? joinAction(c) : null),
  (c) => {
    const kicked = anySeat(c).filter((s) => s.kicked);
    if (kicked.length === 0) return null;
    const by = playerActor(c.dice.pick(kicked).playerId);
    return c.dice.chance(0.5) ? shape.partActions.lock(by, c.dice.pick(shape.PARTS).part, 50) : shape.partActions.extend(by);
  },
  () => ({ type: 'host/move-player', by: HOST, playerId: 'p9999', teamId: 't1' }),
  () => ({ type: 'host/rename-team', by: HOST, teamId: 't99', name: 'Nobody' }),
];
