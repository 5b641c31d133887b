// One fuzzed game per seed: the generator plays from the lobby to the debrief, every step goes through the
// reducer and the invariants, and the first broken invariant stops the game with a FuzzFailure naming the
// seed, the step, the actor and the action, so that `runFuzzGame(seed)` reproduces it.
import type { Action } from '../../../shared/sim/actions.js';
import { GAME_CODE_ALPHABET, GAME_CODE_LENGTH } from '../../../shared/protocol/limits.js';
import { stateHash } from '../../../shared/sim/hash.js';
import { createGame, reduce, type ReduceResult } from '../../../shared/sim/reducer.js';
import type { GameConfig, GameState } from '../../../shared/sim/state.js';
import { Dice } from './dice.js';
import { generate, generateHostExtra, generateProposal, type GenContext, type Planned } from './generator.js';
import { checkAction, checkReplay, checkStep, checkViews } from './invariants.js';
import * as shape from './game-shape.js';

export class FuzzFailure extends Error {
  constructor(
    readonly seed: number,
    readonly step: number,
    readonly planned: Planned | null,
    readonly problems: string[],
    recent: readonly Planned[],
  ) {
    const what = planned
      ? `actor ${planned.actor}, action ${JSON.stringify(planned.action)} (maker ${planned.maker}, expected ${planned.expect})`
      : 'initial state';
    const history = recent.map((p) => `    ${p.actor}: ${JSON.stringify(p.action)}`).join('\n');
    super(
      `fuzz seed ${seed}, step ${step}, ${what}:\n  - ${problems.join('\n  - ')}\n` +
        `  reproduce: runFuzzGame(${seed}) from tests/support/fuzz/runner.ts\n  previous actions:\n${history}`,
    );
    this.name = 'FuzzFailure';
  }
}

export interface FuzzOptions {
  /** Safety stop: a game longer than this ends where it is. */
  maxSteps?: number;
  /** Replay the log from the config every this many accepted actions (and always at the end). */
  replayEvery?: number;
}

export interface FuzzReport {
  seed: number;
  config: GameConfig;
  steps: number;
  accepted: number;
  refused: number;
  /** Per action type, and per maker of the generator: accepted and refused counts. */
  byType: Record<string, { accepted: number; refused: number }>;
  byMaker: Record<string, { accepted: number; refused: number }>;
  /** How many refusals carried each error code. */
  byCode: Record<string, number>;
  /** Every phase/step the game passed through, in order. */
  stages: string[];
  crises: { fired: number; scheduled: number };
  finalHash: string;
  log: Action[];
}

/**
 * How many steps the host lets each stage of the game run before moving on (min, max). The plays of the parts
 * with a clock are the dearest steps (every view carries every part begun so far), so they are kept short: the
 * depth comes from `npm run fuzz`'s many seeds.
 */
const BUDGETS: Record<string, readonly [number, number]> = {
  lobby: [8, 40],
  briefing: [0, 3],
  'part1/play': [6, 35],
  'part1/reveal': [0, 4],
  'part1/reflect': [2, 8],
  'part2/play': [12, 60],
  'part2/reveal': [0, 4],
  'part2/reflect': [2, 8],
  'part3/play': [12, 60],
  'part3/reveal': [0, 4],
  'part3/reflect': [2, 8],
  debrief: [1, 5],
};

const START_MS = 1_795_000_000_000;

function gameCode(dice: Dice): string {
  let code = '';
  for (let i = 0; i < GAME_CODE_LENGTH; i++) code += GAME_CODE_ALPHABET[dice.int(0, GAME_CODE_ALPHABET.length - 1)];
  return code;
}

/** Freezes a state deeply, skipping what is frozen already (states share most of their structure). */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) deepFreeze(member);
}

const stageOf = (state: GameState) => {
  const { phase, step } = shape.where(state);
  return step === null ? phase : `${phase}/${step}`;
};

/** Plays one seeded game through every phase, checking the invariants after every step. */
export function runFuzzGame(seed: number, options: FuzzOptions = {}): FuzzReport {
  const maxSteps = options.maxSteps ?? 800;
  const replayEvery = options.replayEvery ?? 150;
  const dice = new Dice(seed);
  const config: GameConfig = {
    code: gameCode(dice),
    seed: dice.int(0, 0xffffffff),
    teamCount: dice.int(1, 5),
    askStudentId: dice.chance(0.5),
  };
  let state = createGame(config);
  deepFreeze(state);
  const log: Action[] = [];
  const recent: Planned[] = [];
  const byType: FuzzReport['byType'] = {};
  const byMaker: FuzzReport['byMaker'] = {};
  const byCode: FuzzReport['byCode'] = {};
  const stages: string[] = [stageOf(state)];
  let refused = 0;
  let sinceReplay = 0;
  const fail = (step: number, planned: Planned | null, problems: string[]): never => {
    throw new FuzzFailure(seed, step, planned, problems, recent.slice(-6));
  };

  const initial = checkViews(state);
  if (initial.length > 0) fail(0, null, initial);

  const ctx: GenContext = { dice, state, now: START_MS, stageSteps: 0, budget: 0, serial: 0 };
  const budgetFor = (stage: string) => {
    const [min, max] = BUDGETS[stage] ?? [0, 5];
    return dice.int(min, max);
  };
  ctx.budget = budgetFor(stages[0]!);

  /** Counts a checked step; an accepted action becomes the state, is logged, and its views are checked. */
  const record = (step: number, planned: Planned, result: ReduceResult): boolean => {
    const counts = (byType[planned.action.type] ??= { accepted: 0, refused: 0 });
    const makerCounts = (byMaker[planned.maker] ??= { accepted: 0, refused: 0 });
    recent.push(planned);
    if (recent.length > 6) recent.shift();
    if (!result.ok) {
      counts.refused++;
      makerCounts.refused++;
      byCode[result.code] = (byCode[result.code] ?? 0) + 1;
      return false;
    }
    counts.accepted++;
    makerCounts.accepted++;
    const prev = state;
    state = result.state;
    deepFreeze(state);
    log.push(planned.action);
    const viewProblems = [...checkViews(state), ...checkAction(prev, state, planned.action)];
    if (viewProblems.length > 0) fail(step, planned, viewProblems);
    return true;
  };

  // Proposals draw from dice of their own, so the main stream (and the pinned seeds' games) stays as it was.
  const side: GenContext = { ...ctx, dice: new Dice((seed ^ 0x5eed1) >>> 0) };
  const sideStep = (step: number) => {
    if (!side.dice.chance(0.3)) return;
    Object.assign(side, { state, now: ctx.now });
    const planned = generateProposal(side);
    if (!planned) return;
    const result = reduce(state, planned.action);
    const problems = checkStep(state, null, planned.action, planned.expect, result, planned.code);
    if (problems.length > 0) fail(step, planned, problems);
    record(step, planned, result);
  };

  // The host's warning and spotlight draw from dice of their own too (HOST_EXTRAS).
  const extras: GenContext = { ...ctx, dice: new Dice((seed ^ 0x5eed2) >>> 0) };
  const extraStep = (step: number) => {
    if (!extras.dice.chance(0.1)) return;
    Object.assign(extras, { state, now: ctx.now });
    const planned = generateHostExtra(extras);
    if (!planned) return;
    const result = reduce(state, planned.action);
    const problems = checkStep(state, null, planned.action, planned.expect, result, planned.code);
    if (problems.length > 0) fail(step, planned, problems);
    record(step, planned, result);
  };

  let step = 0;
  for (; step < maxSteps; step++) {
    const stage = stageOf(state);
    if (stage === 'debrief' && ctx.stageSteps >= ctx.budget) break;
    sideStep(step);
    extraStep(step);
    ctx.state = state;
    ctx.now += dice.int(0, 20_000);
    const planned = generate(ctx);
    // Every state is deep-frozen, so no action can change the state it is given without throwing; on top of
    // that, every fourth refusal the generator meant to provoke compares hashes (hashing each is slow).
    const prevHash = planned.expect === 'refuse' && step % 4 === 0 ? stateHash(state) : null;
    let result: ReduceResult;
    try {
      result = reduce(state, planned.action);
    } catch (error) {
      return fail(step, planned, [`the reducer threw: ${(error as Error).stack ?? String(error)}`]);
    }
    const problems = checkStep(state, prevHash, planned.action, planned.expect, result, planned.code);
    if (problems.length > 0) fail(step, planned, problems);
    ctx.stageSteps++;
    if (!record(step, planned, result)) {
      refused++;
      continue;
    }
    const next = stageOf(state);
    if (next !== stage) {
      stages.push(next);
      ctx.stageSteps = 0;
      ctx.budget = budgetFor(next);
    }
    if (++sinceReplay >= replayEvery) {
      sinceReplay = 0;
      const replayProblems = checkReplay(config, log, state);
      if (replayProblems.length > 0) fail(step, planned, replayProblems);
    }
  }
  const last = recent.at(-1) ?? null;
  const endProblems = checkReplay(config, log, state);
  if (endProblems.length > 0) fail(step, last, endProblems);
  return {
    seed,
    config,
    steps: step,
    accepted: log.length,
    refused,
    byType,
    byMaker,
    byCode,
    stages,
    crises: shape.crisisCount(state),
    finalHash: stateHash(state),
    log,
  };
}
