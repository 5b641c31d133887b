// The golden game (tests/unit/golden/game-log.json): its config and log as stored, and every state it went through.
import { readFileSync } from 'node:fs';
import { ActionSchema } from '../../shared/sim/actions.js';
import { createGame, reduce } from '../../shared/sim/reducer.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';

export const golden = JSON.parse(readFileSync(new URL('../unit/golden/game-log.json', import.meta.url), 'utf8')) as {
  config: GameConfig;
  log: unknown[];
};

/** The live game: every state it went through, version by version (index = version). */
export function goldenStates(): GameState[] {
  const states = [createGame(golden.config)];
  for (const raw of golden.log) {
    const result = reduce(states.at(-1)!, ActionSchema.parse(raw));
    if (!result.ok) throw new Error(result.code);
    states.push(result.state);
  }
  return states;
}
