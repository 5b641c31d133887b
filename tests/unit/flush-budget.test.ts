import { describe, expect, it } from 'vitest';
import { BURST_MS, FlushBudget } from '../../server/realtime/flush-budget.js';

/**
 * Plays a server under load: a change every `every` ms for `seconds`, each flush taking `flushMs`; a flush starts
 * as soon as a change waits and the budget allows. Returns the share of the time spent flushing.
 */
function busyShare({ every, flushMs, seconds }: { every: number; flushMs: number; seconds: number }): number {
  const budget = new FlushBudget();
  const end = seconds * 1000;
  let busy = 0;
  let now = 0;
  let nextChange = 0;
  while (now < end) {
    const start = Math.max(now, nextChange);
    const at = start + budget.waitAt(start);
    if (at >= end) break;
    budget.spent(at, at + flushMs);
    busy += flushMs;
    now = at + flushMs;
    // Changes made while flushing (or waiting) go out together with the next flush.
    nextChange = Math.max(nextChange + every, Math.ceil(now / every) * every);
  }
  return busy / end;
}

describe('the broadcaster flush budget', () => {
  it('sends a decision at once right after a large flush (phones answered faster than the server wrote)', () => {
    const budget = new FlushBudget();
    budget.spent(60, 100); // 40 ms: a change every one of 1,000 phones sees, on a slow machine
    expect(budget.waitAt(101)).toBe(0);
  });

  it('holds the next flush after more than a burst of back-to-back flushing', () => {
    const budget = new FlushBudget();
    budget.spent(0, 120); // a join storm's flush
    expect(budget.waitAt(120)).toBe(120 - BURST_MS);
    expect(budget.waitAt(120 + 120 - BURST_MS)).toBe(0);
  });

  it('keeps broadcasting to half of the event loop under sustained load, and never starves it', () => {
    // 200 intents a second, 10 ms a flush: flushing after each would take the whole loop.
    const share = busyShare({ every: 5, flushMs: 10, seconds: 10 });
    expect(share).toBeLessThanOrEqual(0.5 + BURST_MS / 10_000);
    expect(share).toBeGreaterThan(0.45);
  });

  it('does not hold a quiet room: every change goes out when it is made', () => {
    // A change every 100 ms, 3 ms a flush: the budget never waits, so the room flushes once per change.
    expect(busyShare({ every: 100, flushMs: 3, seconds: 10 })).toBeCloseTo(0.03, 3);
  });
});
