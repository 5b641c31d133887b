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
      if (publicView && secrets.rates.has(value)) problems.push(`${audience} view holds a hidden Part 2 failure rate (${value}) at ${path()}`);
      if (!Number.isFinite(value)) problems.push(`${audience} view holds ${value} at ${path()}`);
    }
    if (publicView && SECRET_KEYS.has(key)) problems.push(`${audience} view has a secret member "${key}" at ${path()}`);
  });
  return problems;
}

interface Secrets {
  tokens: Set<string>;
  studentIds: Set<string>;
  /** Hidden rates that are not whole numbers (a whole number like 1 appears in views for other reasons). */
  rates: Set<number>;
}

function secretsOf(state: GameState): Secrets {
  return {
    tokens: new Set(shape.tokenHashes(state)),
    studentIds: new Set(shape.studentIds(state)),
    rates: new Set(shape.hiddenRates(state).filter((r) => !Number.isInteger(r))),
  };
}

function parseProblems(audience: string, result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): string[] {
  if (result.success) return [];
  return result.error!.issues.slice(0, 3).map((i) => `${audience} view does not match its schema at ${i.path.map(String).join('.')}: ${i.message}`);
}

/** Leaderboard rows: one per team, whole numbers, ranks 1..n unique and ordered, per-track ranks 1..k. */
export function leaderboardProblems(rows: readonly LeaderboardRow[], teamIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (rows.length !== teamIds.length) problems.push(`leaderboard has ${rows.length} rows for ${teamIds.length} teams`);
  const ids = new Set(rows.map((r) => r.teamId));
  if (ids.size !== rows.length || teamIds.some((id) => !ids.has(id))) problems.push('leaderboard rows are not one per team');
  const perTrack = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const field of ['rank', 'trackRank', 'learning', 'ops', 'total'] as const) {
      if (!Number.isInteger(row[field])) problems.push(`leaderboard row ${row.teamId}: ${field} = ${row[field]} is not an integer`);
    }
    if (row.rank !== i + 1) problems.push(`leaderboard row ${i} has rank ${row.rank} (ranks must be 1..n, unique, in order)`);
    if (row.total !== row.learning + row.ops) problems.push(`leaderboard row ${row.teamId}: total ≠ learning + ops`);
    const prev = rows[i - 1];
    if (prev && prev.total < row.total) problems.push(`leaderboard not sorted by total at rank ${row.rank}`);
    const trackRank = (perTrack.get(row.track) ?? 0) + 1;
    perTrack.set(row.track, trackRank);
    if (row.trackRank !== trackRank) problems.push(`leaderboard row ${row.teamId}: trackRank ${row.trackRank}, expected ${trackRank}`);
  });
  return problems;
}

/**
 * The state with the private answers of the teams in `teamIds` changed: every locked prediction of a part not
 * yet revealed (to another lock far from it: the far end of a range, another option) and every reflection text (reflections go to the host only). Null when
 * there is nothing private to change.
 */
function perturbPrivate(state: GameState, teamIds: readonly string[]): GameState | null {
  let next: GameState | null = null;
  for (const { part } of shape.PARTS) {
    for (const teamId of teamIds) {
      const value = shape.lockOf(next ?? state, part, teamId);
      if (value != null && !shape.partRevealed(state, part)) {
        next = shape.withPrediction(next ?? state, part, teamId, shape.farLock(part, value));
      }
      const text = shape.reflectionOf(next ?? state, part, teamId);
      if (text !== null) next = shape.withReflectionText(next ?? state, part, teamId, `${text} (changed)`);
    }
  }
  return next;
}

/**
 * Every audience's view of a state: it parses with its schema, carries the state's version and the same
 * well-formed leaderboard, and no team or screen view carries a secret. Before a part's reveal, a team's
 * view must not depend on other teams' predictions and the screen's on any prediction; neither may depend on
 * another team's reflection text (checked by changing them and projecting again).
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
  const board = JSON.stringify(host.leaderboard);

  const screen = projectScreen(state);
  problems.push(...parseProblems('screen', ScreenViewSchema.safeParse(screen)));
  problems.push(...leaks('screen', screen, secrets, true));
  if (JSON.stringify(screen.leaderboard) !== board) problems.push('screen leaderboard differs from the host leaderboard');

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
    if (JSON.stringify(view.leaderboard) !== board) problems.push(`${audience} leaderboard differs from the host leaderboard`);
  }
  for (const view of [host, screen, ...views.values()]) {
    if (view && view.version !== state.version) problems.push(`${view.audience} view has version ${view.version}, state ${state.version}`);
  }

  const all = perturbPrivate(state, teamIds);
  if (all) {
    if (JSON.stringify(projectScreen(all)) !== JSON.stringify(screen)) {
      problems.push('screen view depends on a prediction before its part was revealed, or on a reflection text');
    }
    for (const teamId of teamIds) {
      const others = perturbPrivate(state, teamIds.filter((id) => id !== teamId));
      if (others && JSON.stringify(projectTeam(others, teamId, presence)) !== JSON.stringify(views.get(teamId))) {
        problems.push(`team ${teamId} view depends on another team's prediction before the reveal, or on its reflection text`);
      }
    }
  }
  return problems;
}

/** Checks after an accepted action that depend on the action itself (and on the state before it). */
export function checkAction(_prev: GameState, state: GameState, action: Action): string[] {
  const problems: string[] = [];
  // GAME.md §7: a crisis fires "now or at a scheduled simulated time". After a tick the clock stands at
  // `hours`; a crisis scheduled at or before it should have fired (and taken effect) by then.
  if (action.type === 'sim/tick') {
    for (const c of shape.overdueCrises(state)) {
      problems.push(`crisis ${c.id} scheduled for simulated hour ${c.at} has not fired although the clock reads ${c.hours} h`);
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
