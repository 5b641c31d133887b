// Long pure work in steps: a stepwise replay is the plain replay, paused every few actions, and the server runs
// such work in slices with the event loop free in between (a debrief's "what if" replays a whole game).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inSlices } from '../../server/replay/slices.js';
import { stateHash } from '../../shared/sim/hash.js';
import { createGame } from '../../shared/sim/reducer.js';
import { finish, replay, replaySteps } from '../../shared/sim/replay.js';
import type { GameConfig } from '../../shared/sim/state.js';

const golden = JSON.parse(readFileSync(new URL('./golden/game-log.json', import.meta.url), 'utf8')) as { config: GameConfig; log: unknown[] };

describe('a stepwise replay', () => {
  it('is the plain replay, paused every few actions, and collects the parsed log', () => {
    const steps = replaySteps(createGame(golden.config), golden.log, { every: 5, parsed: [] });
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses += 1;
      step = steps.next();
    }
    expect(stateHash(step.value)).toBe(stateHash(replay(golden.config, golden.log)));
    expect(pauses).toBe(Math.floor(golden.log.length / 5));
    const parsed: unknown[] = [];
    finish(replaySteps(createGame(golden.config), golden.log, { parsed: parsed as never[] }));
    expect(parsed).toHaveLength(golden.log.length);
  });
});

describe('work in slices', () => {
  function* counting(steps: number, trace: string[]): Generator<void, number, void> {
    for (let i = 0; i < steps; i++) {
      trace.push(`step ${i}`);
      yield;
    }
    return steps;
  }

  it('starts after the caller’s turn and lets other work run between slices', async () => {
    const trace: string[] = [];
    const done = inSlices(counting(3, trace), 0);
    trace.push('caller');
    setImmediate(() => trace.push('someone else'));
    expect(await done).toBe(3);
    expect(trace[0]).toBe('caller');
    // Someone else's turn came before the work was done, not after all of it.
    expect(trace.indexOf('someone else')).toBeLessThan(trace.indexOf('step 2'));
  });

  it('runs as many steps as fit in a slice before it lets go', async () => {
    const trace: string[] = [];
    const done = inSlices(counting(50, trace), 1_000);
    const other = new Promise<void>((resolve) => setImmediate(() => resolve(void trace.push('someone else'))));
    await Promise.all([done, other]);
    // All fifty steps fit in one slice: nobody else's turn came in between.
    expect(trace.indexOf('someone else')).toBe(50);
  });
});
