// Time as the server counts it, read on a browser whose own clock may be minutes off (classroom laptops and
// phones often are). Timers in views carry server times; these pure helpers turn them into what to display.
// The reactive side (the offset learnt at hello and a 1-second ticker) is in clock.svelte.ts.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { Timer } from '../../shared/protocol/views.js';

/**
 * How far the server's clock is ahead of this browser's, in ms: `hello.serverTime` minus the local time at
 * which the hello arrived. It is off by the hello's one-way network delay (milliseconds), which a
 * countdown shown to the second does not notice.
 */
export function clockOffset(serverTime: number, receivedAt: number): number {
  return serverTime - receivedAt;
}

/** True while the timer counts down (not paused, not stopped). */
export function isRunning(timer: Timer): boolean {
  return timer.runningSince !== null && !timer.expired;
}

/** Milliseconds left on `timer` at server time `serverNow` (ms since the epoch); never negative. */
export function timerRemainingMs(timer: Timer, serverNow: number): number {
  if (timer.expired) return 0;
  if (timer.runningSince === null) return timer.remainingMs;
  return Math.max(0, timer.runningSince + timer.remainingMs - serverNow);
}

/**
 * "mm:ss" of a duration in ms, rounded up to the whole second: a countdown shows 00:00 only once time is
 * really up, never while a fraction of a second is left. Minutes go past 59 ("75:00") rather than hours.
 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The same duration in words for screen readers, e.g. "12 minutes 5 seconds", "1 minute", "40 seconds". */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}
