// The fuzz's own source of randomness: the game's seeded PRNG (shared/sim/rng.ts) behind a small mutable
// wrapper, so that a seed replays the same game and nothing depends on Math.random.
import { nextFloat, nextInt, nextUint32, rngFromSeed, type RngState } from '../../../shared/sim/rng.js';

export class Dice {
  private state: RngState;

  constructor(seed: number) {
    this.state = rngFromSeed(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    const [value, next] = nextFloat(this.state);
    this.state = next;
    return value;
  }

  /** Uniform integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    const [value, next] = nextInt(this.state, min, max);
    this.state = next;
    return value;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  /** Log-uniform in [min, max], for quantities that span orders of magnitude. */
  logBetween(min: number, max: number): number {
    return Math.min(max, Math.exp(this.between(Math.log(min), Math.log(max))));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Dice.pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** An item drawn with probability proportional to its weight; null when every weight is 0. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T | null {
    const total = items.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
    if (!(total > 0)) return null;
    let x = this.float() * total;
    for (const [item, w] of items) {
      if (w <= 0) continue;
      x -= w;
      if (x < 0) return item;
    }
    return items.findLast(([, w]) => w > 0)![0];
  }

  /** 64 hex digits (a fake seat-token hash). */
  hex64(): string {
    let out = '';
    for (let i = 0; i < 8; i++) {
      const [value, next] = nextUint32(this.state);
      this.state = next;
      out += value.toString(16).padStart(8, '0');
    }
    return out;
  }
}
