// Presenter-safe by default (GAME.md §1): many instructors mirror the laptop to the projector, so one
// console-wide switch hides every hidden truth (the lobby's N* preview, Part 1's N* column, Part 2's truth
// table, Part 3's truth) until the host turns it on. The choice is remembered per game for this tab only
// (sessionStorage): a new tab, or a recovered console on the lectern PC, starts safe again.
import { getContext, setContext } from 'svelte';

const KEY = Symbol('presenter');
const STORAGE_PREFIX = 'fleetops:answers-visible:';

function readShown(code: string): boolean {
  try {
    return sessionStorage.getItem(STORAGE_PREFIX + code) === '1';
  } catch {
    return false;
  }
}

function writeShown(code: string, shown: boolean): void {
  try {
    if (shown) sessionStorage.setItem(STORAGE_PREFIX + code, '1');
    else sessionStorage.removeItem(STORAGE_PREFIX + code);
  } catch {
    // Private browsing: the switch still works for this visit.
  }
}

export class Presenter {
  /** The switch: answers visible until turned off again. */
  shown = $state(false);
  /** Held down: the answers show only while the peek button is held. */
  peeking = $state(false);
  readonly code: string | null;

  constructor(code: string | null) {
    this.code = code;
    this.shown = code === null ? false : readShown(code);
  }

  /** Whether hidden truths are on the page right now. */
  get visible(): boolean {
    return this.shown || this.peeking;
  }

  setShown(shown: boolean): void {
    this.shown = shown;
    if (this.code !== null) writeShown(this.code, shown);
  }
}

/** Creates the console's switch for game `code` (HostConsole). */
export function providePresenter(code: string): Presenter {
  return setContext(KEY, new Presenter(code));
}

/** The console's switch; outside a console (a stray render) everything stays hidden. */
export function getPresenter(): Presenter {
  return getContext<Presenter | undefined>(KEY) ?? new Presenter(null);
}
