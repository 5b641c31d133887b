// How pages come back: reconnect delays short enough for 95 % within 2 s of a restart (measured for real in
// tests/server/restart.test.ts), and a refusal for now retried later each time, said on the banner.
import { describe, expect, it } from 'vitest';
import { linkMessage } from '../../src/lib/components/connection-banner.js';
import { RECONNECT_OPTIONS, retryDelayMs } from '../../src/lib/reconnect.js';

describe('reconnecting', () => {
  it('retries a lost server at most every 1.5 s (Socket.IO’s default waits up to 7.5 s)', () => {
    const { reconnectionDelayMax, randomizationFactor } = RECONNECT_OPTIONS;
    expect(reconnectionDelayMax * (1 + randomizationFactor)).toBeLessThanOrEqual(1500);
  });

  it('waits longer after each refusal for now, up to 15 s, never in lockstep', () => {
    const low = () => 0;
    const high = () => 0.999;
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(retryDelayMs(0, low)).toBe(750);
    expect(retryDelayMs(0, high)).toBeGreaterThan(1240);
  });

  it('says the server is busy while a refusal for now is retried', () => {
    expect(linkMessage('retrying', true)).toEqual({ kind: 'connecting', text: expect.stringMatching(/busy.*retrying/i) });
  });
});
