// Typed access to the parts' slices of a game state, for tests that look inside the core.
import { part1 } from '../../shared/sim/parts/part1/index.js';
import type { Part1State } from '../../shared/sim/parts/part1/views.js';
import { part2 } from '../../shared/sim/parts/part2/index.js';
import type { Part2State } from '../../shared/sim/parts/part2/types.js';
import { part3 } from '../../shared/sim/parts/part3/index.js';
import type { Part3State } from '../../shared/sim/parts/part3/types.js';
import type { GameState } from '../../shared/sim/state.js';

export const part1Of = (state: GameState) => state.parts[part1.id] as Part1State | undefined;
export const part2Of = (state: GameState) => state.parts[part2.id] as Part2State | undefined;
export const part3Of = (state: GameState) => state.parts[part3.id] as Part3State | undefined;
