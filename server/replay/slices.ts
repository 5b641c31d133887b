// Long pure work on the server's one thread, a slice at a time. A "what if", or a replay's first seek to the end,
// replays a whole game (0.3–2.5 s for forty teams on a 2-core machine): run at once it would hold every other
// socket of every game that long, and a host pressing it repeatedly would stall the server. Stepwise work (a
// generator that yields every few actions: `whatIfSteps`, `ReplayCursor.seekSteps`) runs here in slices of about
// SLICE_MS, with the event loop free in between.

/** How long one slice may hold the event loop before the next waits its turn. */
export const SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `steps` to its end in slices; it starts on the next turn of the event loop, never inside the caller's. */
export async function inSlices<T>(steps: Generator<void, T, void>, sliceMs = SLICE_MS): Promise<T> {
  for (;;) {
    await nextTurn();
    const until = performance.now() + sliceMs;
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() < until);
  }
}
