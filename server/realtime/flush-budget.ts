// How long the broadcaster must wait before its next flush. A flush projects, diffs and writes every audience of a
// room (about 10 ms for a change that every one of 1,000 phones sees), so at 200 intents a second flushing after
// each would keep the event loop busy and delay every ack. Flushing therefore runs on a budget: each flush adds
// its duration to a debt that pays itself off at one millisecond per millisecond after it, and the next flush
// waits while the debt is above BURST_MS. Under sustained load that keeps broadcasting to half of the event loop
// at most (changes made meanwhile go out together); a change after a quiet moment goes out at once, even right
// after a large flush. The rule it replaces ("the next flush waits as long as the last took") held back a
// decision in a full room whenever the phones had answered the previous one faster than the server had sent it.

/** How much flushing may run back to back before the half-the-loop rule holds the next flush. */
export const BURST_MS = 50;

export class FlushBudget {
  /** Milliseconds of flushing not yet paid off, as of `#at` (performance.now() or any clock in ms). */
  #debt = 0;
  #at = 0;

  /** How long a flush asked for at `now` must wait (0: at once). */
  waitAt(now: number): number {
    return Math.max(0, this.#debtAt(now) - BURST_MS);
  }

  /** Records a flush that ran from `started` to `ended`: its own time paid nothing off. */
  spent(started: number, ended: number): void {
    this.#debt = this.#debtAt(started) + (ended - started);
    this.#at = ended;
  }

  #debtAt(now: number): number {
    return Math.max(0, this.#debt - (now - this.#at));
  }
}
