// A projected page cannot scroll (nobody in a lecture hall can reach the projector's mouse). A page that has
// several layouts, the roomiest first (rung 0: the most names, the largest type), takes the first one that fits
// the screen: after each drawing, while the page is taller or wider than the window and a tighter rung is left,
// it steps one rung down. Something the page shows changing (`key`: the teams, their members, a warning) or the
// window's size starts again from the roomiest. The steps happen in one frame (effects run before the browser
// paints), so the room never sees the tighter rungs tried. A part of a page that clips its own content (a table
// in a box that hides what sticks out) says what overflowing is for it (`overflows`).
import { untrack } from 'svelte';
import { innerHeight, innerWidth } from 'svelte/reactivity/window';

/** Whether the document is taller or wider than the window, that is whether the projected page would scroll. */
export function pageOverflows(): boolean {
  const root = document.documentElement;
  return root.scrollHeight > window.innerHeight + 0.5 || root.scrollWidth > window.innerWidth + 0.5;
}

export class FitLadder {
  /** The layout to draw: 0 is the roomiest, `rungs - 1` the tightest. */
  rung = $state(0);

  /** Create while a component initialises: `rungs` layouts, `key` what they are drawn from. */
  constructor(rungs: () => number, key: () => unknown, overflows: () => boolean = pageOverflows) {
    const stepDown = () => {
      if (this.rung < rungs() - 1 && overflows()) this.rung++;
    };
    // Something shown or the screen changed: the roomiest layout first.
    $effect.pre(() => {
      void [key(), innerWidth.current, innerHeight.current];
      untrack(() => (this.rung = 0));
    });
    // After each drawing (a new rung, or the same rung drawn from a new key).
    $effect(() => {
      void [this.rung, key(), innerWidth.current, innerHeight.current];
      untrack(stepDown);
    });
    // Something outside the page's own layouts grows (the host's reveal warning in the top bar, a crisis banner):
    // a tighter rung. What shrinks keeps the rung until the key changes (the page still fits).
    $effect(() => {
      const observer = new ResizeObserver(() => untrack(stepDown));
      observer.observe(document.body);
      return () => observer.disconnect();
    });
  }
}
