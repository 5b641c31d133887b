// Token buckets: a burst is fine, a flood is refused with `rate/limited` (never disconnected, so a student
// mashing a button only sees "slow down"). One bucket per socket counts messages; buckets per client address
// (a class behind one NAT shares one) weigh each message by what it costs the server, and count joins and
// game creations apart.
import type { IntentName } from '../../shared/protocol/intents.js';

export interface RateLimit {
  /** Sustained tokens per second. */
  perSecond: number;
  burst: number;
}

/** Per socket: 20 messages a second, bursts of 40 (one message costs one token). */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 40 };

/** Budgets shared by every connection from one address (see docs/protocol.md, "Limits"). */
export interface AddressRateLimits {
  /** Cost units of messages (INTENT_COST): a class of 200 sending a burst of 15 each is never slowed. */
  messages: RateLimit;
  /** Joins that make a new seat: 200 students at once are all seated; 5,000 bots take minutes, not seconds. */
  joins: RateLimit;
  /** Games created: a few a minute is more than any instructor needs; a script gets nowhere. */
  creates: RateLimit;
}

export const DEFAULT_ADDRESS_RATE_LIMITS: AddressRateLimits = {
  messages: { perSecond: 1_000, burst: 3_000 },
  joins: { perSecond: 20, burst: 400 },
  creates: { perSecond: 4 / 60, burst: 10 },
};

/** What a message costs the address's budget: a snapshot builds (or serializes) a whole view, a lock does not. */
const INTENT_COST: Partial<Record<IntentName, number>> = {
  'sync:snapshot': 5,
  // The debrief walks the log and a "what if" replays a whole game: the dearest requests a console can make.
  'sync:debrief': 5,
  // Built once per version and served from a cache: 300 phones behind one address asking at the debrief's
  // start use 600 of the burst, not 1,500.
  'sync:class-predictions': 2,
  'host:what-if': 20,
  'game:create': 5,
  'game:join': 2,
  'game:recover': 2,
};

export function costOf(intent: string): number {
  return INTENT_COST[intent as IntentName] ?? 1;
}

export class TokenBucket {
  #tokens: number;
  #last: number;
  readonly #limit: RateLimit;

  constructor(limit: RateLimit, now: number) {
    this.#limit = limit;
    this.#tokens = limit.burst;
    this.#last = now;
  }

  /** Takes `cost` tokens; false (and nothing taken) when the bucket holds fewer. */
  take(now: number, cost = 1): boolean {
    this.#refill(now);
    if (this.#tokens < cost) return false;
    this.#tokens -= cost;
    return true;
  }

  /** True when the bucket has refilled completely: forgetting it changes nothing. */
  isFull(now: number): boolean {
    this.#refill(now);
    return this.#tokens >= this.#limit.burst;
  }

  #refill(now: number): void {
    const refill = (Math.max(0, now - this.#last) / 1000) * this.#limit.perSecond;
    this.#tokens = Math.min(this.#limit.burst, this.#tokens + refill);
    this.#last = now;
  }
}

/** One bucket per client address; full buckets are forgotten, so memory follows the active addresses only. */
export class AddressBuckets {
  readonly #limit: RateLimit;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(limit: RateLimit) {
    this.#limit = limit;
  }

  take(address: string, now: number, cost = 1): boolean {
    let bucket = this.#buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(this.#limit, now);
      this.#buckets.set(address, bucket);
    }
    return bucket.take(now, cost);
  }

  prune(now: number): void {
    for (const [address, bucket] of this.#buckets) if (bucket.isFull(now)) this.#buckets.delete(address);
  }
}

/** The three budgets of every address. */
export class AddressBudgets {
  readonly messages: AddressBuckets;
  readonly joins: AddressBuckets;
  readonly creates: AddressBuckets;

  constructor(limits: AddressRateLimits) {
    this.messages = new AddressBuckets(limits.messages);
    this.joins = new AddressBuckets(limits.joins);
    this.creates = new AddressBuckets(limits.creates);
  }

  prune(now: number): void {
    this.messages.prune(now);
    this.joins.prune(now);
    this.creates.prune(now);
  }
}
