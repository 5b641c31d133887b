// The spotlight in words and as bars, for the host's console and the projector. Pure, so it is tested.
// Relative imports only: unit tests load this file without Vite.
import type { Choice, SpotlightView } from '../../../shared/protocol/views.js';
import { sectionTitle, type SlideKind } from '../screen/debrief-slides.js';

/** What is on the projector, as the host reads it: "Team 3's reflection (Part 2)". */
export function spotlightTitle(spot: SpotlightView): string {
  if (spot.kind === 'reflection') return `${spot.teamName}'s reflection (Part ${spot.part})`;
  if (spot.kind === 'debrief') return spot.section === null ? 'the whole debrief, in turn' : `the debrief's ${sectionTitle(spot.section)}`;
  return `how the teams chose in Part ${spot.part}'s ${spot.of === 'lock' ? 'lock' : 'reflection'}`;
}

export interface ChoiceBar {
  choice: Choice;
  count: number;
  /** Of the teams that answered, 0–1 (0 when none did). */
  share: number;
  right: boolean;
}

/** One bar per option, in order; the right one marked for a revealed lock. */
export function choiceBars(spot: Extract<SpotlightView, { kind: 'choices' }>): ChoiceBar[] {
  return spot.options.map((o) => ({
    choice: o.choice,
    count: o.count,
    share: spot.answered === 0 ? 0 : o.count / spot.answered,
    right: spot.correct === o.choice,
  }));
}

/** The debrief section the host holds on the projector; null for the whole deck in turn, or no debrief spotlight. */
export function heldSection(spot: SpotlightView | null | undefined): SlideKind | null {
  return spot?.kind === 'debrief' ? spot.section : null;
}
