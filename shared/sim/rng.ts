// Seeded pseudo-random numbers whose whole state is four 32-bit integers that live inside the game state,
// so that replaying a log reproduces every draw (the same idea as boardgame.io's PRNG in `ctx`).
// Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded through splitmix32.

/** The generator state: four unsigned 32-bit integers. */
export type RngState = readonly [number, number, number, number];

/** One splitmix32 step: returns the next seed and an output, both unsigned 32-bit. */
function splitmix32(seed: number): [number, number] {
  const next = (seed + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** A fresh generator state from a 32-bit seed. */
export function rngFromSeed(seed: number): RngState {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, value] = splitmix32(s);
    s = next;
    out.push(value);
  }
  let state: RngState = [out[0]!, out[1]!, out[2]!, out[3]!];
  // sfc32 wants a few rounds to mix a fresh state.
  for (let i = 0; i < 12; i++) state = nextUint32(state)[1];
  return state;
}

/** The next unsigned 32-bit integer and the advanced state. */
export function nextUint32(state: RngState): [number, RngState] {
  let [a, b, c, d] = state;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = (b ^ (b >>> 9)) >>> 0;
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  return [t, [a, b, c, d]];
}

/** A float uniform in [0, 1) with 32 bits of randomness, and the advanced state. */
export function nextFloat(state: RngState): [number, RngState] {
  const [value, next] = nextUint32(state);
  return [value / 4294967296, next];
}

/** An integer uniform in [min, max] (inclusive, max − min < 2^32), and the advanced state. */
export function nextInt(state: RngState, min: number, max: number): [number, RngState] {
  const span = max - min + 1;
  // Rejection sampling removes the modulo bias.
  const limit = Math.floor(4294967296 / span) * span;
  let s = state;
  for (;;) {
    const [value, next] = nextUint32(s);
    s = next;
    if (value < limit) return [min + (value % span), s];
  }
}

/** A 32-bit seed derived from a parent seed and a label, e.g. one seed per track from the game's seed. */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label, mixed with the parent seed through splitmix32.
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return splitmix32(h)[1];
}
