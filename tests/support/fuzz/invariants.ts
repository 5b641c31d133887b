// What must hold after every step of a fuzzed game. Each check returns the problems it found (empty: fine), in
// words that say which audience, which path and which rule, so that a failing seed explains itself.
import type { ErrorCode } from '../../../shared/protocol/errors.js';
import { ERROR_CODES } from '../../../shared/protocol/errors.js';
import { HostViewSchema, ScreenViewSchema, TeamViewSchema, type LeaderboardRow } from '../../../shared/protocol/views.js';
import type { Action } from '../../../shared/sim/actions.js';
import { stateHash } from '../../../shared/sim/hash.js';
import { projectHost, projectScreen, projectTeam, type Presence } from '../../../shared/sim/project.js';
import type { ReduceResult } from '../../../shared/sim/reducer.js';
import { replay } from '../../../shared/sim/replay.js';
import type { GameConfig, GameState } from '../../../shared/sim/state.js';
import type { Expect } from './context.js';
import * as shape from './game-shape.js';
import { teamClockState } from '../../../shared/sim/parts/part2/clock.js';
import type { Part2State } from '../../../shared/sim/parts/part2/types.js';
import { CHALLENGE_SECONDS } from '../../../shared/sim/constants.js';

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/**
 * The reducer's answer to one action: accepted exactly when expected, version +1; a refusal carries a known code
 * (the expected one, when the maker knows it) and changes nothing.
 */
export function checkStep(
  prev: GameState,
  prevHash: string | null,
  action: Action,
  expect: Expect,
  result: ReduceResult,
  code?: ErrorCode,
): string[] {
  const problems: string[] = [];
  if (result.ok) {
    if (expect === 'refuse') problems.push('accepted an action the rules must refuse');
    if (result.state === prev) problems.push('an accepted action returned the same state object');
    if (result.state.version !== prev.version + 1) {
      problems.push(`version went ${prev.version} → ${result.state.version} on an accepted action (must rise by exactly 1)`);
    }
  } else {
    if (expect === 'accept') problems.push(`refused an action the rules allow: ${result.code}`);
    if (!KNOWN_CODES.has(result.code)) problems.push(`refused with an unknown error code ${String(result.code as ErrorCode)}`);
    else if (code !== undefined && result.code !== code) problems.push(`refused with ${result.code}, the rules say ${code}`);
    if ('state' in result) problems.push('a refusal carried a state');
    if (prevHash !== null && stateHash(prev) !== prevHash) problems.push(`a refused ${action.type} changed the state it was given`);
  }
  return problems;
}

/** Everyone seated at an even position is online: presence is not game state, but the views show it. */
function presenceOf(state: GameState): Presence {
  const online = new Set(shape.seats(state).filter((_, i) => i % 2 === 0).map((s) => s.playerId));
  return { online, screens: 1 };
}

type Visit = (key: string, value: unknown, path: () => string) => void;

/** Calls `visit` on every member of a plain JSON value, depth first; `path()` renders where it is (for messages). */
function walk(root: unknown, visit: Visit): void {
  const trail: string[] = [];
  const path = () => `$${trail.map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`)).join('')}`;
  const go = (key: string, value: unknown) => {
    visit(key, value, path);
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        trail.push(String(i));
        go('', value[i]);
        trail.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    for (const k in record) {
      trail.push(k);
      go(k, record[k]);
      trail.pop();
    }
  };
  go('', root);
}

/** Names of state fields that hold secrets: no team or screen view may carry a member of that name. */
const SECRET_KEYS = new Set(['tokenHash', 'studentId', 'truth', 'rates', 'baseRates']);

function leaks(audience: string, view: unknown, secrets: Secrets, publicView: boolean): string[] {
  const problems: string[] = [];
  walk(view, (key, value, path) => {
    if (typeof value === 'string') {
      if (secrets.tokens.has(value)) problems.push(`${audience} view holds a seat-token hash at ${path()}`);
      if (publicView && secrets.studentIds.has(value)) problems.push(`${audience} view holds a student id at ${path()}`);
    } else if (typeof value === 'number') {
      if (publicView && secrets.numbers.has(value)) problems.push(`${audience} view holds a hidden number (${value}) at ${path()}`);
      if (!Number.isFinite(value)) problems.push(`${audience} view holds ${value} at ${path()}`);
    }
    if (publicView && SECRET_KEYS.has(key)) problems.push(`${audience} view has a secret member "${key}" at ${path()}`);
  });
  return problems;
}

interface Secrets {
  tokens: Set<string>;
  studentIds: Set<string>;
  /** Hidden numbers that are not whole numbers (a whole number like 1 appears in views for other reasons). */
  numbers: Set<number>;
}

function secretsOf(state: GameState): Secrets {
  return {
    tokens: new Set(shape.tokenHashes(state)),
    studentIds: new Set(shape.studentIds(state)),
    numbers: new Set(shape.hiddenNumbers(state).filter((r) => !Number.isInteger(r))),
  };
}

function parseProblems(audience: string, result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): string[] {
  if (result.success) return [];
  return result.error!.issues.slice(0, 3).map((i) => `${audience} view does not match its schema at ${i.path.map(String).join('.')}: ${i.message}`);
}

/** Leaderboard rows: one per team, whole numbers, sorted by total then learning, ranks 1 + the teams strictly
 *  ahead (tied teams share one, overall and per track), tied teams in team order. */
export function leaderboardProblems(rows: readonly LeaderboardRow[], teamIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (rows.length !== teamIds.length) problems.push(`leaderboard has ${rows.length} rows for ${teamIds.length} teams`);
  const ids = new Set(rows.map((r) => r.teamId));
  if (ids.size !== rows.length || teamIds.some((id) => !ids.has(id))) problems.push('leaderboard rows are not one per team');
  const ahead = (row: LeaderboardRow, of: readonly LeaderboardRow[]) =>
    of.filter((r) => r.total > row.total || (r.total === row.total && r.learning > row.learning)).length;
  rows.forEach((row, i) => {
    for (const field of ['rank', 'trackRank', 'learning', 'ops', 'total'] as const) {
      if (!Number.isInteger(row[field])) problems.push(`leaderboard row ${row.teamId}: ${field} = ${row[field]} is not an integer`);
    }
    if (row.rank !== 1 + ahead(row, rows)) problems.push(`leaderboard row ${i} has rank ${row.rank}, expected ${1 + ahead(row, rows)}`);
    if (row.total !== row.learning + row.ops) problems.push(`leaderboard row ${row.teamId}: total ≠ learning + ops`);
    const prev = rows[i - 1];
    if (prev && (prev.rank > row.rank || (prev.rank === row.rank && teamIds.indexOf(prev.teamId) > teamIds.indexOf(row.teamId)))) {
      problems.push(`leaderboard not in rank, then team, order at row ${i}`);
    }
    const trackRank = 1 + ahead(row, rows.filter((r) => r.track === row.track));
    if (row.trackRank !== trackRank) problems.push(`leaderboard row ${row.teamId}: trackRank ${row.trackRank}, expected ${trackRank}`);
  });
  return problems;
}

/**
 * The state with the private answers of the teams in `teamIds` changed: every locked prediction of a part not
 * yet revealed (to another lock far from it: the far end of a range, another option), every open proposal, and
 * every reflection text (reflections go to the host only) but the one the host put on the projector (`shown`,
 * host/spotlight). Null when there is nothing private to change.
 */
function perturbPrivate(state: GameState, teamIds: readonly string[], shown: { part: number; teamId: string } | null = null): GameState | null {
  let next: GameState | null = null;
  for (const { part } of shape.PARTS) {
    for (const teamId of teamIds) {
      const value = shape.lockOf(next ?? state, part, teamId);
      if (value != null && !shape.partRevealed(state, part)) {
        next = shape.withPrediction(next ?? state, part, teamId, shape.farLock(part, value));
      }
      const text = shape.reflectionOf(next ?? state, part, teamId);
      const projected = shown?.part === part && shown.teamId === teamId;
      if (text !== null && !projected) next = shape.withReflectionText(next ?? state, part, teamId, `${text} (changed)`);
      // A proposal is the team's alone, before and after any reveal.
      const proposal = shape.proposalOf(next ?? state, part, teamId);
      if (proposal !== null) next = shape.withProposalValue(next ?? state, teamId, shape.farLock(part, proposal));
    }
  }
  return next;
}

/** Members of a part's view that carry its truth: null (or absent) for teams and the screen until its reveal. */
const SEALED = ['reveal', 'results', 'outcome', 'actual'] as const;

function sealedProblems(audience: string, view: object, state: GameState): string[] {
  const problems: string[] = [];
  for (const { part, phase } of shape.PARTS) {
    const face = (view as Record<string, unknown>)[phase] as Record<string, unknown> | null | undefined;
    if (!face || shape.partRevealed(state, part)) continue;
    for (const key of SEALED) if (face[key] != null) problems.push(`${audience} view carries ${phase}.${key} before the part's reveal`);
  }
  return problems;
}

/**
 * Every audience's view of a state: it parses with its schema, carries the state's version and the same
 * well-formed leaderboard, and no team or screen view carries a secret, or a part's truth (its answer, reveal,
 * outcome) before that part's reveal. Before a part's reveal, a team's view must not depend on other teams'
 * predictions and the screen's on any prediction; neither may depend on another team's reflection text
 * (checked by changing them and projecting one audience again).
 */
export function checkViews(state: GameState): string[] {
  const problems: string[] = [];
  const presence = presenceOf(state);
  const secrets = secretsOf(state);
  const teamIds = shape.teams(state).map((t) => t.id);

  const host = projectHost(state, presence);
  problems.push(...parseProblems('host', HostViewSchema.safeParse(host)));
  problems.push(...leaks('host', host, secrets, false));
  problems.push(...leaderboardProblems(host.leaderboard, teamIds));
  problems.push(...opsProblems(host));
  const board = JSON.stringify(host.leaderboard);

  const screen = projectScreen(state);
  problems.push(...parseProblems('screen', ScreenViewSchema.safeParse(screen)));
  problems.push(...leaks('screen', screen, secrets, true));
  problems.push(...sealedProblems('screen', screen, state));
  if (JSON.stringify(screen.leaderboard) !== board) problems.push('screen leaderboard differs from the host leaderboard');
  if ('proposal' in screen) problems.push('screen view carries a proposal');

  const views = new Map<string, ReturnType<typeof projectTeam>>();
  for (const teamId of teamIds) {
    const view = projectTeam(state, teamId, presence);
    views.set(teamId, view);
    if (!view) {
      problems.push(`no team view for ${teamId}`);
      continue;
    }
    const audience = `team ${teamId}`;
    problems.push(...parseProblems(audience, TeamViewSchema.safeParse(view)));
    problems.push(...leaks(audience, view, secrets, true));
    problems.push(...sealedProblems(audience, view, state));
    if (JSON.stringify(view.leaderboard) !== board) problems.push(`${audience} leaderboard differs from the host leaderboard`);
    const own = shape.proposals(state)[teamId];
    if (view.proposal && (own?.part !== view.proposal.part || own.value !== view.proposal.value)) {
      problems.push(`${audience} shows a proposal that is not its team's own`);
    }
  }
  for (const view of [host, screen, ...views.values()]) {
    if (view && view.version !== state.version) problems.push(`${view.audience} view has version ${view.version}, state ${state.version}`);
  }

  // Part views are cached while their slice and context stay the same values (project.ts): the views of this
  // state, maybe served from that cache along the game's path, must be the views of a fresh copy of it. One
  // audience per state, in turn (the host, the screen, then each team).
  const fresh = structuredClone(state);
  const cacheTurn = state.version % (teamIds.length + 2);
  const [name, cached, recomputed] =
    cacheTurn === 0
      ? ['host', host, projectHost(fresh, presence)]
      : cacheTurn === 1
        ? ['screen', screen, projectScreen(fresh)]
        : [`team ${teamIds[cacheTurn - 2]}`, views.get(teamIds[cacheTurn - 2]!), projectTeam(fresh, teamIds[cacheTurn - 2]!, presence)];
  if (JSON.stringify(cached) !== JSON.stringify(recomputed)) problems.push(`${name} view differs from the view of a fresh copy of the state (a stale cached part view)`);

  // In turn, one audience per state: the screen, then each team. A leak is a rule of the projection, not of one
  // state, and every audience's turn comes many times in a game; projecting them all again at every step (on a
  // state changed, so nothing cached) doubled the fuzz's time.
  const turn = state.version % (teamIds.length + 1);
  if (turn === teamIds.length) {
    // The one reflection the host chose to project is the screen's to show (by team name).
    const spot = state.spotlight;
    const all = perturbPrivate(state, teamIds, spot?.kind === 'reflection' ? spot : null);
    if (all && JSON.stringify(projectScreen(all)) !== JSON.stringify(screen)) {
      problems.push('screen view depends on a prediction before its part was revealed, or on a reflection text');
    }
  } else {
    const teamId = teamIds[turn]!;
    const others = perturbPrivate(state, teamIds.filter((id) => id !== teamId));
    if (others && JSON.stringify(projectTeam(others, teamId, presence)) !== JSON.stringify(views.get(teamId))) {
      problems.push(`team ${teamId} view depends on another team's prediction before the reveal, or on its reflection text`);
    }
  }
  return problems;
}

/** Checks after an accepted action, of the step from `prev` to `state` and of what the action itself promises. */
export function checkAction(prev: GameState, state: GameState, action: Action): string[] {
  const problems = [...clockProblems(prev, state, action), ...teamClockProblems(prev, state, action), ...ensembleProblems(prev, state)];
  // GAME.md §7: a crisis fires "now or at a scheduled simulated time". After a tick the clock stands at
  // `hours`; a crisis scheduled at or before it should have fired (and taken effect) by then.
  if (action.type === 'sim/tick') {
    for (const c of shape.overdueCrises(state)) {
      problems.push(`crisis ${c.id} scheduled for simulated hour ${c.at} has not fired although the clock reads ${c.hours} h`);
    }
  }
  return problems;
}

/** Sums of many small pieces of simulated time: equal up to rounding. */
const EPS = 1e-7;

/** Simulated clocks only move forward, by exactly a tick's hours, and only on a tick. */
function clockProblems(prev: GameState, state: GameState, action: Action): string[] {
  const problems: string[] = [];
  const before = shape.clockHours(prev);
  const step = action.type === 'sim/tick' ? action.hours : 0;
  for (const [phase, hours] of shape.clockHours(state)) {
    const was = before.get(phase);
    if (was === undefined) continue;
    const moved = hours - was;
    if (moved < 0) problems.push(`${phase}'s simulated clock went back from ${was} h to ${hours} h`);
    else if (moved > EPS && Math.abs(moved - step) > EPS) problems.push(`${phase}'s simulated clock moved ${moved} h on a ${action.type} of ${step} h`);
  }
  return problems;
}

/**
 * Part 2's team clocks (GAME.md §5 "the clock must not punish talking"): never back, never ahead of the tick,
 * and standing still before the team's first run and while one of its runs waits on a decision.
 */
function teamClockProblems(prev: GameState, state: GameState, action: Action): string[] {
  const before = prev.parts.part2 as Part2State | undefined;
  const after = state.parts.part2 as Part2State | undefined;
  if (!before || !after) return [];
  const problems: string[] = [];
  const step = action.type === 'sim/tick' ? action.hours : 0;
  for (const [teamId, fleet] of Object.entries(after.teams)) {
    const was = before.teams[teamId];
    if (!was) continue;
    const moved = fleet.hours - was.hours;
    if (moved < -EPS || moved > step + EPS) problems.push(`team ${teamId}'s clock moved ${moved} h on a ${action.type} of ${step} h`);
    const standing = teamClockState(was);
    if (standing !== 'running' && moved > EPS) problems.push(`team ${teamId}'s clock ran ${moved} h while ${standing}`);
  }
  return problems;
}

/** Every part's ops points per team, as the host sees them: whole numbers (the schema says so) in 0–100. */
function opsProblems(host: object): string[] {
  const problems: string[] = [];
  for (const { phase } of shape.PARTS) {
    const face = (host as Record<string, { teams?: Array<{ teamId: string; ops?: number }> } | null>)[phase];
    for (const { teamId, ops } of face?.teams ?? []) {
      if (ops !== undefined && !(ops >= 0 && ops <= 100)) problems.push(`team ${teamId}'s ${phase} ops = ${ops} (must be in 0–100)`);
    }
  }
  return problems;
}

const OUTCOMES = ['silentHours', 'belowFloorPointHours', 'pipelineCost', 'extraPipelineHours'] as const;

/**
 * Part 3's ensembles (GAME.md §6): the outcomes never fall and are never negative; one or two feature pipelines;
 * the ledger only grows, in simulated order, never ahead of the clock; a challenge once answered or lapsed stays
 * so; no event overdue; and silent-failure hours grow by exactly the time a downstream reads features it was not
 * trained on (judged over steps in which the wiring did not change: every change of wiring enters the ledger).
 */
function ensembleProblems(prev: GameState, state: GameState): string[] {
  const after = shape.ensembles(state);
  if (!after) return [];
  const before = shape.ensembles(prev);
  const elapsed = after.hours - (before?.hours ?? after.hours);
  const problems: string[] = [];
  for (const [teamId, e] of after.teams) {
    const say = (what: string) => problems.push(`team ${teamId}'s ensemble at ${after.hours} h: ${what}`);
    const was = before?.teams.get(teamId);
    for (const field of OUTCOMES) {
      if (!(e[field] >= 0)) say(`${field} = ${e[field]} (must be ≥ 0)`);
      if (was && e[field] < was[field]) say(`${field} fell from ${was[field]} to ${e[field]}`);
    }
    if (e.pipelines !== 1 && e.pipelines !== 2) say(`${e.pipelines} feature pipelines`);
    if (e.retrain && !e.retrain.done && e.retrain.until <= after.hours) say(`a retraining due at ${e.retrain.until} h has not finished`);
    const open = e.challenge && e.challenge.answer === null && !e.challenge.lapsed;
    if (open && !(e.challenge!.secondsLeft > 0)) say(`an open challenge has ${e.challenge!.secondsLeft} s left to answer`);
    if (e.challenge && !(e.challenge.secondsLeft >= 0 && e.challenge.secondsLeft <= CHALLENGE_SECONDS)) say(`a challenge has ${e.challenge.secondsLeft} s left`);
    const wasLeft = was?.challenge?.secondsLeft;
    if (e.challenge && wasLeft !== undefined && e.challenge.secondsLeft > wasLeft) say(`the time to answer grew from ${wasLeft} s to ${e.challenge.secondsLeft} s`);
    const from = was ? was.ledger.length : 0;
    if (e.ledger.some((entry, i) => entry.at > after.hours + EPS || (i > 0 && i >= from && entry.at < e.ledger[i - 1]!.at))) {
      say(`ledger times go backwards or ahead of the clock: ${e.ledger.slice(Math.max(0, from - 1)).map((x) => x.at).join(', ')}`);
    }
    if (!was) continue;
    if (e.ledger.length < from || was.ledger.some((entry, i) => e.ledger[i] !== entry && JSON.stringify(e.ledger[i]) !== JSON.stringify(entry))) {
      say('an entry of the ledger changed or disappeared');
    }
    // A team has one challenge: once put it stays (a second strike does not replace it), and once answered or
    // lapsed it never changes.
    const { challenge } = was;
    if (challenge && e.challenge?.at !== challenge.at) say(`the challenge put at ${challenge.at} h became ${JSON.stringify(e.challenge)}`);
    if (challenge && (challenge.answer !== null || challenge.lapsed) && JSON.stringify(e.challenge) !== JSON.stringify(challenge)) {
      say(`a closed challenge ${JSON.stringify(challenge)} became ${JSON.stringify(e.challenge)}`);
    }
    const silent = e.silentHours - was.silentHours;
    if (silent > elapsed + EPS) say(`silentHours grew by ${silent} h in ${elapsed} h`);
    if (silent <= EPS && e.belowFloorPointHours - was.belowFloorPointHours > EPS) say('belowFloorPointHours grew without silent hours');
    if (e.ledger.length === from) {
      const skewed = was.reads !== was.model;
      if (Math.abs(silent - (skewed ? elapsed : 0)) > EPS) {
        say(`silentHours grew by ${silent} h in ${elapsed} h while the downstream (trained on ${was.model}) read ${was.reads}`);
      }
      const extra = e.extraPipelineHours - was.extraPipelineHours;
      if (Math.abs(extra - (was.pipelines - 1) * elapsed) > EPS) say(`extraPipelineHours grew by ${extra} h in ${elapsed} h with ${was.pipelines} pipelines`);
    }
  }
  return problems;
}

/** Replaying the accepted log (as stored: JSON) from the config gives the live state. */
export function checkReplay(config: GameConfig, log: readonly Action[], state: GameState): string[] {
  let replayed: GameState;
  try {
    replayed = replay(config, JSON.parse(JSON.stringify(log)) as unknown[]);
  } catch (error) {
    return [`replay of the ${log.length} accepted actions failed: ${(error as Error).message}`];
  }
  const live = stateHash(state);
  const again = stateHash(replayed);
  return live === again ? [] : [`replay of the ${log.length} accepted actions gives hash ${again}, live state ${live}`];
}
