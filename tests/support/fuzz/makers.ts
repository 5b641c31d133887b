// The tables of makers, per phase: each picks a legal action (or one the rules may refuse) and says whether
// the reducer must accept it, must refuse it, or may do either.
import { SIM_SPEED_MAX, SIM_SPEED_MIN } from '../../../shared/sim/constants.js';
import { CHOICES, type Phase } from '../../../shared/protocol/views.js';
import { TRACK_IDS } from '../../../shared/sim/tracks.js';
import * as shape from './game-shape.js';
import { EXTEND_MINUTES_MAX } from '../../../shared/protocol/limits.js';
import { DEBRIEF_SECTIONS } from '../../../shared/protocol/spotlight.js';
import {
  type GenContext,
  HOST,
  type Maker,
  TEXTS,
  actingRefusal,
  anySeat,
  joinAction,
  memberOf,
  misfitLock,
  partIn,
  plan,
  playerActor,
  predictionValue,
  randomSettings,
  ruled,
  seated,
  someTeam,
  teamName,
  w,
} from './context.js';
import { PART2_PLAY } from './makers-part2.js';
import { PART2_TOOLS } from './makers-part2-tools.js';
import { PART3_PLAY } from './makers-part3.js';

// ── The tables ────────────────────────────────────────────────────────────────────────────────────────

/** The host moves the game on once the budget of the current stage is spent (rarely before). */
const advanceWeight = (c: GenContext) => (c.stageSteps >= c.budget ? 40 : 0.2);

export const COMMON: Maker[] = [
  {
    name: 'set-speed',
    weight: () => 0.3,
    make: (c) => plan(c, shape.partActions.setSpeed(HOST, c.dice.between(SIM_SPEED_MIN, SIM_SPEED_MAX)), 'accept'),
  },
  {
    name: 'lock-room',
    weight: (c) => (w(c).roomLocked ? 1 : w(c).phase === 'lobby' ? 0.3 : 0.1),
    make: (c) => plan(c, { type: 'host/lock-room', by: HOST, locked: !w(c).roomLocked }, 'accept'),
  },
  {
    name: 'rename-team',
    weight: () => 0.3,
    make: (c) => plan(c, { type: 'host/rename-team', by: HOST, teamId: c.dice.pick(shape.teams(c.state)).id, name: teamName(c) }, 'accept'),
  },
  {
    name: 'ask-student-id',
    weight: () => 0.1,
    make: (c) => plan(c, { type: 'host/set-ask-student-id', by: HOST, ask: c.dice.chance(0.5) }, 'accept'),
  },
  {
    name: 'move-player',
    weight: (c) => (anySeat(c).length === 0 ? 0 : w(c).phase === 'lobby' ? 1.2 : 0.2),
    make: (c) => {
      const seat = c.dice.pick(anySeat(c));
      const teamId = c.dice.pick(shape.teams(c.state)).id;
      return plan(c, { type: 'host/move-player', by: HOST, playerId: seat.playerId, teamId }, seat.kicked ? 'refuse' : 'accept');
    },
  },
  {
    name: 'kick',
    weight: (c) => (anySeat(c).length < 3 ? 0 : w(c).phase === 'lobby' ? 0.4 : 0.08),
    make: (c) => {
      const seat = c.dice.pick(anySeat(c));
      return plan(c, { type: 'host/kick', by: HOST, playerId: seat.playerId }, seat.kicked ? 'refuse' : 'accept');
    },
  },
  {
    name: 'late-join',
    weight: (c) => (w(c).phase === 'lobby' ? 0 : 0.15),
    make: (c) => plan(c, joinAction(c), w(c).roomLocked ? 'refuse' : 'accept'),
  },
  {
    name: 'pause',
    weight: (c) => (w(c).paused || w(c).phase === 'lobby' || w(c).phase === 'debrief' ? 0 : 0.25),
    make: (c) => plan(c, { type: 'host/pause', by: HOST, at: c.now }, 'accept'),
  },
  {
    name: 'resume',
    weight: (c) => (w(c).paused ? 4 : 0),
    make: (c) => plan(c, { type: 'host/resume', by: HOST, at: c.now }, 'accept'),
  },
  {
    name: 'extend-timer',
    weight: (c) => (w(c).hasTimer ? 0.2 : 0),
    make: (c) => plan(c, { type: 'host/extend-timer', by: HOST, at: c.now, minutes: c.dice.int(1, EXTEND_MINUTES_MAX) }, 'accept'),
  },
  {
    // The server's timer fires when it is due; sometimes the clock jumps there first.
    name: 'timer-expire',
    weight: (c) => {
      const due = w(c).timerDue;
      return due === null ? 0 : due <= c.now ? 3 : 0.15;
    },
    make: (c) => {
      c.now = Math.max(c.now, w(c).timerDue!);
      return plan(c, { type: 'timer/expire', by: shape.SYSTEM, at: c.now }, 'accept');
    },
  },
];

/**
 * A member of a team in a part's play offers a value for the team's lock — proposed or locked, as `action` makes
 * it. Now and then a value the part's rule refuses although the wire takes it (the schema refuses the rest).
 */
function offerValue(c: GenContext, action: typeof shape.partActions.lock) {
  const { part } = partIn(c, 'play')!;
  const seat = memberOf(c, part, false)!;
  const by = playerActor(seat.playerId);
  const misfit = c.dice.chance(0.08);
  const value = misfit ? misfitLock(c, part) : predictionValue(c, part);
  const locked = shape.lockOf(c.state, part, seat.teamId!) !== null;
  const refusal = actingRefusal(c, by, part, 'play') ?? (locked ? 'lock/already-locked' : misfit ? 'lock/out-of-range' : null);
  return ruled(c, action(by, part, value), refusal);
}

/**
 * Agree before you lock: proposals and agreements in a part's play. They draw from dice of their own, between
 * the main steps (runner.ts), so that adding them left every other draw of a seed as it was: the pinned
 * seeds of fuzz-regressions.test.ts play the same games.
 */
export const PROPOSALS: Maker[] = [
  {
    name: 'propose',
    weight: (c) => (partIn(c, 'play') && seated(c).length > 0 ? 1.5 : 0),
    make: (c) => offerValue(c, shape.partActions.propose),
  },
  {
    name: 'agree',
    weight: (c) => {
      const on = partIn(c, 'play');
      if (!on || seated(c).length === 0) return 0;
      return someTeam(c, (teamId) => shape.proposalOf(c.state, on.part, teamId) !== null) ? 2 : 0.2;
    },
    make: (c) => {
      const { part } = partIn(c, 'play')!;
      const seat = memberOf(c, part, false)!;
      const by = playerActor(seat.playerId);
      const open = seat.teamId === null ? null : shape.proposalOf(c.state, part, seat.teamId);
      // Mostly the value on the table; now and then one that changed meanwhile.
      const value = open !== null && c.dice.chance(0.85) ? open : predictionValue(c, part);
      const locked = seat.teamId !== null && shape.lockOf(c.state, part, seat.teamId) !== null;
      const refusal =
        actingRefusal(c, by, part, 'play') ??
        (locked ? 'lock/already-locked' : open === null ? 'proposal/none' : open !== value ? 'proposal/changed' : null);
      return ruled(c, shape.partActions.agree(by, part, value), refusal);
    },
  },
];

/** Makers of one part's steps, for whichever part is on. */
const PART_STEPS: Maker[] = [
  {
    name: 'lock-prediction',
    weight: (c) => {
      const on = partIn(c, 'play');
      if (!on || seated(c).length === 0) return 0;
      return someTeam(c, (teamId) => shape.lockOf(c.state, on.part, teamId) === null) ? 3 : 0.2;
    },
    make: (c) => offerValue(c, shape.partActions.lock),
  },
  {
    name: 'reveal',
    weight: (c) => (partIn(c, 'play') ? advanceWeight(c) : 0),
    make: (c) => plan(c, { type: c.dice.chance(0.5) ? 'host/reveal' : 'host/next', by: HOST, at: c.now }, 'accept'),
  },
  {
    name: 'reflect',
    weight: (c) => (partIn(c, 'reflect') && seated(c).length > 0 ? 3 : 0),
    make: (c) => {
      const { part } = partIn(c, 'reflect')!;
      const by = playerActor(c.dice.pick(seated(c)).playerId);
      const text = c.dice.pick(TEXTS);
      const action = shape.partActions.reflect(by, part, c.dice.pick(CHOICES), text);
      // A justification under 10 characters once trimmed is no reflection (docs/scoring.md).
      const tooShort = text.trim().length < 10 ? ('reflection/too-short' as const) : null;
      return ruled(c, action, actingRefusal(c, by, part, 'reflect') ?? tooShort);
    },
  },
  {
    name: 'next-step',
    weight: (c) => (partIn(c, 'reveal') || partIn(c, 'reflect') ? advanceWeight(c) : 0),
    make: (c) => plan(c, { type: 'host/next', by: HOST, at: c.now }, 'accept'),
  },
];

/** The play of a part that runs a simulated clock: the server's ticks and the host's crises of that part. */
const CLOCK_PLAY: Maker[] = [
  {
    name: 'tick',
    weight: (c) => (w(c).paused ? 0 : 5),
    make: (c) => {
      const hours = c.dice.chance(0.7) ? c.dice.pick([0.05, 0.25, 0.5, 1, 2, 4]) : c.dice.between(0.001, 24);
      return plan(c, shape.partActions.tick(shape.SYSTEM, hours), 'accept');
    },
  },
  {
    name: 'crisis',
    weight: () => 0.7,
    make: (c) => {
      const teams = shape.teams(c.state);
      const unknown = c.dice.chance(0.05);
      const target: shape.CrisisTarget = unknown
        ? { kind: 'team', teamId: 't99' }
        : c.dice.weighted<shape.CrisisTarget>([
            [{ kind: 'all' }, 1],
            [{ kind: 'track', track: c.dice.pick(TRACK_IDS) }, 1],
            [{ kind: 'team', teamId: c.dice.pick(teams).id }, 1],
          ])!;
      const inHours = c.dice.weighted<number | null>([
        [null, 2],
        [0, 0.5],
        [c.dice.between(0, 12), 2],
        [168, 0.2],
      ]);
      const crisis = c.dice.pick(partIn(c, 'play')!.crises);
      return ruled(c, shape.partActions.crisis(HOST, crisis, target, inHours), unknown ? 'team/unknown' : null);
    },
  },
];

/** A part's steps, with the makers of its play weighted only while it is in play. */
const partTable = (play: Maker[]): Maker[] => [
  ...PART_STEPS,
  ...play.map((m) => ({ ...m, weight: (c: GenContext) => (partIn(c, 'play') ? m.weight(c) : 0) })),
];

/** Makers per phase: the lobby's seating and settings, the briefing, the parts, the debrief. */
export const TABLE: Partial<Record<Phase, Maker[]>> = {
  lobby: [
    {
      name: 'join',
      weight: (c) => (w(c).roomLocked ? 0.3 : 4),
      make: (c) => plan(c, joinAction(c), w(c).roomLocked ? 'refuse' : 'accept'),
    },
    {
      name: 'set-team-count',
      weight: () => 0.7,
      make: (c) => plan(c, { type: 'host/set-team-count', by: HOST, count: c.dice.weighted([[c.dice.int(1, 6), 10], [c.dice.int(7, 12), 1]])! }, 'accept'),
    },
    {
      name: 'set-track',
      weight: () => 0.5,
      make: (c) => plan(c, { type: 'host/set-track', by: HOST, teamId: c.dice.pick(shape.teams(c.state)).id, track: c.dice.pick(TRACK_IDS) }, 'accept'),
    },
    { name: 'balance', weight: () => 0.4, make: (c) => plan(c, { type: 'host/balance-teams', by: HOST }, 'accept') },
    { name: 'settings', weight: () => 0.6, make: (c) => plan(c, randomSettings(c), 'accept') },
    { name: 'start', weight: advanceWeight, make: (c) => plan(c, { type: 'host/start', by: HOST, at: c.now }, 'accept') },
  ],
  briefing: [
    { name: 'settings', weight: () => 0.5, make: (c) => plan(c, randomSettings(c), 'accept') },
    { name: 'next', weight: advanceWeight, make: (c) => plan(c, { type: 'host/next', by: HOST, at: c.now }, 'accept') },
  ],
  part1: PART_STEPS,
  part2: partTable([...CLOCK_PLAY, ...PART2_PLAY, ...PART2_TOOLS]),
  part3: partTable([...CLOCK_PLAY, ...PART3_PLAY]),
  debrief: [],
};

/**
 * The host's warning before a reveal and its spotlight on the projector, accepted or refused, and both sent by
 * someone else (refused). Drawn by a side stream of their own (runner.ts), so that the main stream — and the
 * games of the pinned seeds — stays as it was.
 */
export const HOST_EXTRAS: Maker[] = [
  {
    // The host's warning before a reveal: refused while one counts down.
    name: 'warn',
    weight: (c) => (partIn(c, 'play') && !w(c).paused ? 0.15 : 0),
    make: (c) => plan(c, { type: 'host/warn', by: HOST, at: c.now }, 'any'),
  },
  {
    // A spotlight on the projector, aimed anywhere: refused when it would show nothing or a hidden lock, and a
    // debrief section before the debrief.
    name: 'spotlight',
    weight: (c) => (w(c).phase === 'lobby' ? 0 : 0.12),
    make: (c) => {
      const part = c.dice.int(1, 3);
      const spotlight = c.dice.pick([
        null,
        { kind: 'reflection' as const, part, teamId: c.dice.pick(shape.teams(c.state)).id },
        { kind: 'choices' as const, part, of: c.dice.pick(['reflection', 'lock'] as const) },
        { kind: 'debrief' as const, section: c.dice.pick([null, ...DEBRIEF_SECTIONS]) },
      ]);
      return plan(c, { type: 'host/spotlight', by: HOST, spotlight }, 'any');
    },
  },
  {
    name: 'warn-outside-play',
    weight: (c) => (partIn(c, 'play') ? 0 : 0.05),
    make: (c) => plan(c, { type: 'host/warn', by: HOST, at: c.now }, 'refuse'),
  },
  {
    name: 'warn-or-spotlight-by-a-player',
    weight: (c) => (seated(c).length === 0 ? 0 : 0.05),
    make: (c) => {
      const by = playerActor(c.dice.pick(seated(c)).playerId);
      return plan(c, c.dice.chance(0.5) ? { type: 'host/warn', by, at: c.now } : { type: 'host/spotlight', by, spotlight: null }, 'refuse');
    },
  },
];
