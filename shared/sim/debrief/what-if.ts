// "What if": the game's log branched at one team decision. Everything before it is the real game; the decision
// is replaced; the rest of the log is replayed with the same seeds, and the team's later decisions that the rules
// now refuse (promoting a run that was rolled back) are skipped. The stored log is never touched: this is a
// pure function of the configuration and the log.
import type { ErrorCode } from '../../protocol/errors.js';
import type { BranchOutcome, Replacement, WhatIf } from '../../protocol/debrief.js';
import { ActionSchema, type Action } from '../actions.js';
import { createGame, reduce } from '../reducer.js';
import { finish, REPLAY_STEP_ACTIONS, replaySteps } from '../replay.js';
import { leaderboard } from '../scoring.js';
import type { GameConfig, GameState, Team } from '../state.js';
import { part2Facts } from './part2-reading.js';
import { part3Facts } from './part3-reading.js';
import { REPLACEMENT_LABELS, replacementAction, type Walk } from './timeline.js';

export interface Branch {
  /** The branch's log: the real log up to the decision, the replacement, then what the rules still accept. */
  log: Action[];
  state: GameState;
  skipped: number;
}

export type BranchResult = { ok: true; branch: Branch } | { ok: false; code: ErrorCode };

/**
 * The game's log branched at `version` (the decision's), with `replacement` in place of the decision, in steps
 * (see `replaySteps`: a branch replays the whole game, and the server lets everyone else in between).
 */
export function* branchSteps(
  config: GameConfig,
  log: readonly unknown[],
  version: number,
  replacement: Replacement,
  allowed: readonly Replacement[],
): Generator<void, BranchResult, void> {
  if (version < 1 || version > log.length) return { ok: false, code: 'whatif/not-a-decision' };
  if (!allowed.includes(replacement)) return { ok: false, code: allowed.length === 0 ? 'whatif/not-a-decision' : 'whatif/same' };
  const original = ActionSchema.parse(log[version - 1]);
  const swapped = replacementAction(replacement, original.by);
  if (!swapped) return { ok: false, code: 'whatif/not-a-decision' };
  const branchLog: Action[] = [];
  const before = yield* replaySteps(createGame(config), log.slice(0, version - 1), { parsed: branchLog });
  const first = reduce(before, swapped);
  if (!first.ok) return { ok: false, code: 'whatif/refused' };
  branchLog.push(swapped);
  let state = first.state;
  let skipped = 0;
  for (const [index, raw] of log.slice(version).entries()) {
    if ((index + 1) % REPLAY_STEP_ACTIONS === 0) yield;
    const action = ActionSchema.parse(raw);
    const result = reduce(state, action);
    if (!result.ok) {
      skipped += 1;
      continue;
    }
    branchLog.push(action);
    state = result.state;
  }
  return { ok: true, branch: { log: branchLog, state, skipped } };
}

/** `branchSteps` at once. */
export function branchAt(config: GameConfig, log: readonly unknown[], version: number, replacement: Replacement, allowed: readonly Replacement[]): BranchResult {
  return finish(branchSteps(config, log, version, replacement, allowed));
}

function outcomeOf(state: GameState, team: Team, part: 'part2' | 'part3'): BranchOutcome {
  const rows = leaderboard(state);
  const row = rows.find((r) => r.teamId === team.id);
  const facts = [
    ...(row ? [{ label: 'Rank', value: `#${row.rank}` }, { label: 'Total', value: `${row.total} (learning ${row.learning}, ops ${row.ops})` }] : []),
    ...(part === 'part2' ? part2Facts(state, team) : part3Facts(state, team)),
  ];
  return { leaderboard: rows, facts };
}

type WhatIfResult = { ok: true; whatIf: WhatIf } | { ok: false; code: ErrorCode };

/**
 * The "what if" of the decision at `version`: both outcomes side by side, in steps (`branchSteps`). `walk` is
 * the live game's timeline.
 */
export function* whatIfSteps(config: GameConfig, log: readonly unknown[], walk: Walk, version: number, replacement: Replacement): Generator<void, WhatIfResult, void> {
  const decision = walk.entries.find((e) => e.kind === 'decision' && e.version === version);
  if (!decision) return { ok: false, code: 'whatif/not-a-decision' };
  const result = yield* branchSteps(config, log, version, replacement, decision.alternatives.map((a) => a.id));
  if (!result.ok) return result;
  const team = walk.state.teams.find((t) => t.id === decision.teamId)!;
  return {
    ok: true,
    whatIf: {
      decision,
      teamName: team.name,
      replacement: { id: replacement, label: REPLACEMENT_LABELS[replacement] },
      skipped: result.branch.skipped,
      live: outcomeOf(walk.state, team, decision.part),
      branch: outcomeOf(result.branch.state, team, decision.part),
    },
  };
}

/** `whatIfSteps` at once. */
export function whatIf(config: GameConfig, log: readonly unknown[], walk: Walk, version: number, replacement: Replacement): WhatIfResult {
  return finish(whatIfSteps(config, log, walk, version, replacement));
}
