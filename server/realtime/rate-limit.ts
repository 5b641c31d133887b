// A token bucket per socket: a burst is fine, a flood is refused with `rate/limited` (never disconnected, so
// a student mashing a button only sees "slow down").

export interface RateLimit {
  /** Sustained messages per second. */
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 40 };

export class TokenBucket {
  #tokens: number;
  #last: number;
  readonly #limit: RateLimit;

  constructor(limit: RateLimit, now: number) {
    this.#limit = limit;
    this.#tokens = limit.burst;
    this.#last = now;
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    const refill = ((now - this.#last) / 1000) * this.#limit.perSecond;
    this.#tokens = Math.min(this.#limit.burst, this.#tokens + refill);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
