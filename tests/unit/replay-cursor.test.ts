// A replay's cursor moved in steps, as the server moves it in slices: its target may change while it moves (a host
// dragging the slider), and it must still land exactly on the live state of the newest target, keeping the work
// done towards the older one. The golden game: 78 actions, states kept every 10.
import { describe, expect, it } from 'vitest';
import { ReplayCursor } from '../../shared/sim/debrief/replay-cursor.js';
import { stateHash } from '../../shared/sim/hash.js';
import type { GameState } from '../../shared/sim/state.js';
import { golden, goldenStates } from '../support/golden.js';

const live = goldenStates();
const hashAt = (version: number) => stateHash(live[version]!);

/** Runs `steps` to its end, calling `between` before each step with the number of pauses so far; returns the pauses. */
function drive(steps: Generator<void, GameState, void>, between: (pauses: number) => void = () => {}): { state: GameState; pauses: number } {
  let pauses = 0;
  for (;;) {
    between(pauses);
    const step = steps.next();
    if (step.done) return { state: step.value, pauses };
    pauses += 1;
  }
}

describe('a replay cursor moved in steps', () => {
  it('pauses on the way and lands on the live state, like a seek at once', () => {
    const cursor = new ReplayCursor(golden.config, golden.log, 10);
    const { state, pauses } = drive(cursor.seekSteps(() => 78));
    expect(stateHash(state)).toBe(hashAt(78));
    expect(cursor.state).toBe(state);
    // 78 actions, a pause every 8 within each stretch of 10 between kept states: 7 stretches of 10 and one of 8.
    expect(pauses).toBe(8);
  });

  it('takes a newer target over while it moves, forwards or backwards, and lands exactly there', () => {
    for (const [first, newer] of [
      [78, 33],
      [20, 78],
      [78, 0],
      [50, 49],
      [12, 71],
    ] as const) {
      const cursor = new ReplayCursor(golden.config, golden.log, 10);
      let target: number = first;
      const { state } = drive(
        cursor.seekSteps(() => target),
        (pauses) => {
          // The cursor always stands on an exact state of the log, whatever it is doing.
          expect(stateHash(cursor.state), `on the way to ${target}`).toBe(hashAt(cursor.state.version));
          if (pauses === 1) target = newer;
        },
      );
      expect(stateHash(state), `${first} then ${newer}`).toBe(hashAt(newer));
      expect(cursor.state.version).toBe(newer);
    }
  });

  it('keeps what it replayed towards an older target: a newer one further on goes on from there', () => {
    const cursor = new ReplayCursor(golden.config, golden.log, 10);
    let target = 78;
    let switchedAt = -1;
    const { pauses } = drive(
      cursor.seekSteps(() => target),
      () => {
        if (switchedAt < 0 && cursor.state.version === 40) {
          switchedAt = 40;
          target = 60;
        }
      },
    );
    expect(switchedAt).toBe(40);
    expect(cursor.state.version).toBe(60);
    expect(stateHash(cursor.state)).toBe(hashAt(60));
    // 0 → 60 in stretches of 10, one pause each (after 8 actions): nothing was replayed twice.
    expect(pauses).toBe(6);
  });

  it('starts a forward seek from the furthest kept state, so reopening at 0 and scrubbing to the end is cheap', () => {
    const cursor = new ReplayCursor(golden.config, golden.log, 10);
    cursor.seek(78);
    cursor.seek(0);
    const { state, pauses } = drive(cursor.seekSteps(() => 78));
    expect(stateHash(state)).toBe(hashAt(78));
    // From the state kept at 70: 8 actions, one pause.
    expect(pauses).toBe(1);
    const back = drive(cursor.seekSteps(() => 45));
    expect(stateHash(back.state)).toBe(hashAt(45));
    expect(back.pauses).toBe(0);
  });

  it('refuses a target outside the log', () => {
    const cursor = new ReplayCursor(golden.config, golden.log, 10);
    expect(() => drive(cursor.seekSteps(() => 79))).toThrow(RangeError);
    expect(() => drive(cursor.seekSteps(() => -1))).toThrow(RangeError);
    expect(cursor.state.version).toBe(0);
  });
});
