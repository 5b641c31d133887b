// The page's view of the server clock: the offset learnt from each `hello` (the connection calls `sync`) and
// a 1-second ticker. The ticker runs only while some effect or template reads `now`/`localNow`, and stops by
// itself when the last reader goes (svelte's createSubscriber), so an idle page keeps no interval alive.
//
// A module-level singleton because a page holds one connection and one server clock: components (Countdown,
// the player page) read it without needing a connection in context, which keeps them easy to test.
import { createSubscriber } from 'svelte/reactivity';
import { clockOffset } from './clock.js';

const TICK_MS = 1000;

class ServerClock {
  /** Server clock minus this browser's clock, ms; 0 until the first hello. */
  offsetMs = $state(0);
  #local = Date.now();
  #ticking = false;
  readonly #subscribe = createSubscriber((update) => {
    this.#ticking = true;
    this.#local = Date.now();
    const id = setInterval(() => {
      this.#local = Date.now();
      update();
    }, TICK_MS);
    return () => {
      clearInterval(id);
      this.#ticking = false;
    };
  });

  /** Learns the offset from a hello's `serverTime`, received at local time `receivedAt` (ms). */
  sync(serverTime: number, receivedAt: number = Date.now()): void {
    this.offsetMs = clockOffset(serverTime, receivedAt);
  }

  /** This browser's time in ms. Read reactively, it updates every second; elsewhere it is simply Date.now(). */
  get localNow(): number {
    this.#subscribe();
    // The interval starts just after the first reactive read: until then the fresh time is the right answer.
    return this.#ticking ? this.#local : Date.now();
  }

  /** The server's time now, in ms since the epoch; reactive like `localNow`. */
  get now(): number {
    return this.localNow + this.offsetMs;
  }
}

export const serverClock = new ServerClock();
