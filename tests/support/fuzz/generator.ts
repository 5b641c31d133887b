// The fuzz's player: given a game state, one random action from a random actor, built as the reducer's Action
// and checked against ActionSchema so that it cannot drift from the schema. Data-driven: a table of makers
// per phase (plus makers for every phase and a table of well-formed illegal actions); each maker says whether
// the reducer must accept its action, must refuse it, or may do either.
import { ActionSchema, type Action, type Actor } from '../../../shared/sim/actions.js';
import { SIM_SPEED_MAX, SIM_SPEED_MIN } from '../../../shared/sim/constants.js';
import { CAPEX_MAX, ENGINEER_COST_MAX, ENGINEER_COST_MIN, EXTEND_MINUTES_MAX, TIMER_MINUTES_MAX, normalizeDisplayName } from '../../../shared/protocol/limits.js';
import { CHOICES, CRISIS_IDS, type Phase } from '../../../shared/protocol/views.js';
import type { GameState } from '../../../shared/sim/state.js';
import { TRACK_IDS } from '../../../shared/sim/tracks.js';
import type { Dice } from './dice.js';
import * as shape from './game-shape.js';
import { PART_PREDICTION_MAX, PART_PREDICTION_MIN } from '../../../shared/protocol/limits.js';

export type Expect = 'accept' | 'refuse' | 'any';

export interface Planned {
  /** Who acts, for the failure message: "host", "player p3 (t2)", "guest", "system". */
  actor: string;
  action: Action;
  expect: Expect;
  /** Which maker built it (coverage and failure messages). */
  maker: string;
}

/** What a maker may read and change: the dice, the state, the server clock (ms) and a serial for names. */
export interface GenContext {
  dice: Dice;
  state: GameState;
  /** The server's clock, ms since the epoch; only moves forward. */
  now: number;
  /** Steps spent in the current phase and step, and how many the game means to spend there. */
  stageSteps: number;
  budget: number;
  serial: number;
}

interface Maker {
  name: string;
  weight: (c: GenContext) => number;
  make: (c: GenContext) => Omit<Planned, 'maker'> | null;
}

const HOST: Actor = { role: 'host' };
const GUEST: Actor = { role: 'guest' };
const playerActor = (playerId: string): Actor => ({ role: 'player', playerId });

const NAMES = ['Ada', 'Grace', 'Linus', 'Zoë', 'Ünal', '李雷', 'Ana María', 'O’Neil', 'Sam', 'Kai', 'Noor', 'Émile'];
const TEAM_WORDS = ['Night Owls', 'Canaries', 'Shadow Crew', 'Rollback Kings', 'Équipe', 'Red Team', 'α-squad'];
const TEXTS = ['Run an SPRT and stop early.', 'Heterogeneity multiplies the dependencies.', '', 'x'.repeat(1000), 'Ça dépend ✓'];

const clean = (name: string) => (normalizeDisplayName(name) === name && [...name].length <= 24 ? name : null);

// ── Reading the game for the makers (all through the adapter) ─────────────────────────────────────────

const w = (c: GenContext) => shape.where(c.state);
const seated = (c: GenContext) => shape.seats(c.state).filter((s) => !s.kicked && s.teamId !== null);
const anySeat = (c: GenContext) => shape.seats(c.state);

/** The part whose play (or reflect) step is on, or null. */
function partIn(c: GenContext, step: 'play' | 'reflect' | 'reveal') {
  const { phase, step: current } = w(c);
  const part = shape.partOf(phase);
  return part && current === step ? part : null;
}

function actorName(by: Actor, c: GenContext): string {
  if (by.role !== 'player') return by.role;
  const seat = shape.seats(c.state).find((s) => s.playerId === by.playerId);
  return `player ${by.playerId} (${seat?.kicked ? 'kicked' : (seat?.teamId ?? 'no team')})`;
}

function plan(c: GenContext, action: Action, expect: Expect): Omit<Planned, 'maker'> {
  return { actor: actorName(action.by, c), action, expect };
}

function nickname(c: GenContext): string {
  c.serial++;
  return clean(`${c.dice.pick(NAMES)} ${c.serial}`) ?? `Player ${c.serial}`;
}

function teamName(c: GenContext): string {
  return clean(`${c.dice.pick(TEAM_WORDS)} ${c.dice.int(1, 99)}`) ?? 'Team X';
}

function freshToken(c: GenContext): string {
  return c.dice.hex64();
}

function joinAction(c: GenContext): Action {
  const studentId = c.dice.chance(0.6) ? `sid-${c.serial + 1}-${c.dice.int(1000, 9999)}` : null;
  return { type: 'player/join', by: GUEST, nickname: nickname(c), tokenHash: freshToken(c), studentId };
}

function randomSettings(c: GenContext): Action {
  const action: Extract<Action, { type: 'host/set-settings' }> = { type: 'host/set-settings', by: HOST };
  if (c.dice.chance(0.5)) action.capex = c.dice.pick([0, 250_000, 400_000, 500_000, c.dice.int(0, CAPEX_MAX)]);
  if (c.dice.chance(0.5)) action.engineerCost = c.dice.int(ENGINEER_COST_MIN, ENGINEER_COST_MAX);
  if (c.dice.chance(0.5)) action.timerMinutes = c.dice.chance(0.2) ? null : c.dice.int(1, TIMER_MINUTES_MAX);
  if (c.dice.chance(0.3)) action.autoAdvance = c.dice.chance(0.5);
  return action;
}

function predictionValue(c: GenContext, part: shape.Part): number {
  const range = shape.PARTS.find((p) => p.part === part)!;
  if (c.dice.chance(0.3)) return c.dice.pick(part === 1 ? [39, 44, 53, 73, range.min, range.max] : [2995, 3000, range.min, range.max]);
  return Math.round(c.dice.logBetween(range.min, range.max));
}

function runConfig(c: GenContext, maxShadow: number): shape.RunConfig {
  const realistic = c.dice.chance(0.6);
  return {
    confidence: realistic ? c.dice.pick([0.9, 0.95, 0.99]) : c.dice.between(0.5, 0.9999),
    rate: realistic ? c.dice.pick([1 / 500, 1 / 1000, 1 / 10_000]) : c.dice.logBetween(1e-6, 0.1),
    // Now and then beyond the track's limit (well-formed, refused with canary/shadow-limit).
    shadowFraction: c.dice.chance(0.1) ? c.dice.between(0.01, 1) : c.dice.between(0.01, maxShadow),
    cohortMode: c.dice.chance(0.5) ? 'stratified' : 'random',
    sprt: c.dice.chance(0.5),
  };
}

/** Whether some team with a seated player satisfies `test` (to weight makers towards what can happen). */
function someTeam(c: GenContext, test: (teamId: string) => boolean): boolean {
  return seated(c).some((s) => test(s.teamId!));
}

/** A seated player, mostly one whose team is (`locked`) or is not yet locked in a part. */
function memberOf(c: GenContext, part: shape.Part, locked: boolean) {
  const members = seated(c);
  if (members.length === 0) return null;
  const preferred = members.filter((s) => (shape.lockOf(c.state, part, s.teamId!) !== null) === locked);
  return c.dice.pick(preferred.length > 0 && c.dice.chance(0.85) ? preferred : members);
}

/** A seated player and what the rules say about its team in Part 2 right now. */
function part2Member(c: GenContext) {
  const seat = memberOf(c, 2, true);
  if (!seat) return null;
  const canary = shape.canary(c.state, seat.teamId!);
  const { phase, step, paused } = w(c);
  const mayAct = phase === 'part2' && step === 'play' && !paused && canary !== null && shape.lockOf(c.state, 2, seat.teamId!) !== null;
  return { by: playerActor(seat.playerId), canary, mayAct, teamId: seat.teamId! };
}

// ── The tables ────────────────────────────────────────────────────────────────────────────────────────

/** The host moves the game on once the budget of the current stage is spent (rarely before). */
const advanceWeight = (c: GenContext) => (c.stageSteps >= c.budget ? 40 : 0.2);

const COMMON: Maker[] = [
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

/** Makers of one part's steps, for whichever part is on. */
const PART_STEPS: Maker[] = [
  {
    name: 'lock-prediction',
    weight: (c) => {
      const on = partIn(c, 'play');
      if (!on || seated(c).length === 0) return 0;
      return someTeam(c, (teamId) => shape.lockOf(c.state, on.part, teamId) === null) ? 3 : 0.2;
    },
    make: (c) => {
      const { part, min, max } = partIn(c, 'play')!;
      const seat = memberOf(c, part, false)!;
      const locked = shape.lockOf(c.state, part, seat.teamId!);
      // Out of the part's own range but well-formed on the wire (the schema already refuses the rest).
      const outOfRange = [min - 1, max + 1].filter((v) => v >= PART_PREDICTION_MIN && v <= PART_PREDICTION_MAX);
      const bad = outOfRange.length > 0 && c.dice.chance(0.08);
      const value = bad ? c.dice.pick(outOfRange) : predictionValue(c, part);
      const ok = !bad && locked === null && !w(c).paused;
      return plan(c, shape.partActions.lock(playerActor(seat.playerId), part, value), ok ? 'accept' : 'refuse');
    },
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
      const seat = c.dice.pick(seated(c));
      const action = shape.partActions.reflect(playerActor(seat.playerId), part, c.dice.pick(CHOICES), c.dice.pick(TEXTS));
      const hasPart = shape.lockOf(c.state, part, seat.teamId!) !== undefined;
      return plan(c, action, hasPart && !w(c).paused ? 'accept' : 'refuse');
    },
  },
  {
    name: 'next-step',
    weight: (c) => (partIn(c, 'reveal') || partIn(c, 'reflect') ? advanceWeight(c) : 0),
    make: (c) => plan(c, { type: 'host/next', by: HOST, at: c.now }, 'accept'),
  },
];

/** Run decisions are likelier while some team has a run to decide on. */
const activeWeight = (weight: number) => (c: GenContext) =>
  someTeam(c, (teamId) => !!shape.canary(c.state, teamId)?.active) ? weight : weight / 8;

const PART2_PLAY: Maker[] = [
  {
    name: 'tick',
    weight: (c) => (w(c).paused ? 0 : 5),
    make: (c) => {
      const hours = c.dice.chance(0.7) ? c.dice.pick([0.05, 0.25, 0.5, 1, 2, 4]) : c.dice.between(0.001, 24);
      return plan(c, shape.partActions.tick(shape.SYSTEM, hours), 'accept');
    },
  },
  {
    name: 'start-run',
    weight: (c) => (someTeam(c, (teamId) => shape.lockOf(c.state, 2, teamId) !== null && !shape.canary(c.state, teamId)?.active) ? 1.5 : 0.3),
    make: (c) => {
      const m = part2Member(c);
      if (!m) return null;
      const config = runConfig(c, m.canary?.maxShadowFraction ?? 1);
      const k = m.canary;
      const ok = m.mayAct && k !== null && !k.active && !k.shipped && k.runsUsed < k.runsMax && config.shadowFraction <= k.maxShadowFraction;
      return plan(c, shape.partActions.startRun(m.by, config), ok ? 'accept' : 'refuse');
    },
  },
  ...(['extend', 'promote'] as const).map(
    (kind): Maker => ({
      name: kind,
      weight: activeWeight(1.5),
      make: (c) => {
        const m = part2Member(c);
        if (!m) return null;
        const run = m.canary?.active;
        const ok = m.mayAct && !!run && run.outcome !== 'rolling-back';
        return plan(c, shape.partActions[kind](m.by), ok ? 'accept' : 'refuse');
      },
    }),
  ),
  {
    name: 'rollback',
    weight: activeWeight(0.7),
    make: (c) => {
      const m = part2Member(c);
      if (!m) return null;
      const run = m.canary?.active;
      const ok = m.mayAct && !!run && run.outcome !== 'rolling-back';
      return plan(c, shape.partActions.rollback(m.by, null), ok ? 'accept' : 'refuse');
    },
  },
  {
    name: 'rollback-cohort',
    weight: activeWeight(0.8),
    make: (c) => {
      const m = part2Member(c);
      if (!m) return null;
      const track = shape.teams(c.state).find((t) => t.id === m.teamId)!.track;
      const cohortId = c.dice.chance(0.05) ? 'no-such-cohort' : c.dice.pick(shape.cohortIds(track));
      const run = m.canary?.active;
      const cohort = run?.cohorts.find((x) => x.id === cohortId);
      const ok =
        m.mayAct &&
        !!run &&
        run.outcome !== 'rolling-back' &&
        run.stratified &&
        !!cohort &&
        !cohort.excluded &&
        run.cohorts.filter((x) => !x.excluded).length > 1;
      return plan(c, shape.partActions.rollback(m.by, cohortId), ok ? 'accept' : 'refuse');
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
      return plan(c, shape.partActions.crisis(HOST, c.dice.pick(CRISIS_IDS), target, inHours), unknown ? 'refuse' : 'accept');
    },
  },
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
  part2: [...PART_STEPS, ...PART2_PLAY.map((m) => ({ ...m, weight: (c: GenContext) => (partIn(c, 'play') ? m.weight(c) : 0) }))],
  debrief: [],
};

// ── Well-formed illegal actions: wrong phase, wrong role, refused by the rules whatever the dice say ────

type Illegal = (c: GenContext) => Action | null;

const HOST_ONLY_TYPES = ['host/start', 'host/next', 'host/reveal', 'host/pause', 'host/balance-teams'] as const;

const ILLEGAL: Illegal[] = [
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

/** Share of steps that send a well-formed action the rules must refuse. */
export const ILLEGAL_SHARE = 0.08;

/** One action for the current state. */
export function generate(c: GenContext): Planned {
  if (c.dice.chance(ILLEGAL_SHARE)) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const index = c.dice.int(0, ILLEGAL.length - 1);
      const action = ILLEGAL[index]!(c);
      if (action) return finish(c, { ...plan(c, action, 'refuse'), maker: `illegal#${index}` });
    }
  }
  const makers = [...COMMON, ...(TABLE[w(c).phase] ?? [])];
  for (let attempt = 0; attempt < 20; attempt++) {
    const maker = c.dice.weighted(makers.map((m) => [m, m.weight(c)] as const));
    if (!maker) break;
    const planned = maker.make(c);
    if (planned) return finish(c, { ...planned, maker: maker.name });
  }
  // Nothing applies (e.g. a debrief with nothing to do): let the simulated clock be refused.
  return finish(c, { ...plan(c, shape.partActions.setSpeed(HOST, 1), 'accept'), maker: 'fallback' });
}

/** Validates the action against the log's schema, as the server would store it. */
function finish(c: GenContext, planned: Planned): Planned {
  const parsed = ActionSchema.safeParse(planned.action);
  if (!parsed.success) {
    throw new Error(`fuzz generator built an action outside ActionSchema (maker ${planned.maker}, state version ${c.state.version}): ${JSON.stringify(planned.action)}: ${parsed.error.message}`);
  }
  return { ...planned, action: parsed.data };
}
