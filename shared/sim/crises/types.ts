// A crisis of the catalog (GAME.md §7) and the record of one the host aimed.
import type { CrisisId, CrisisTarget, CrisisTargetKind, PartId } from '../../protocol/views.js';
import type { TrackId } from '../tracks.js';
import type { TeamEffects } from './effects.js';

export interface CrisisModule {
  id: CrisisId;
  /** The catalog button's name. */
  title: string;
  /** The parts during whose play the host may aim it (its hours are that part's simulated clock). */
  parts: readonly PartId[];
  /** Whom it may be aimed at. */
  targets: readonly CrisisTargetKind[];
  /** The banner, in the voice of the stakeholder of `track` (null: every stakeholder at once). */
  voice(track: TrackId | null): string;
  /** For the host's catalog: what changes in the hidden truth, and whose story it is. */
  effect: string;
  story: string;
  /** The team's hidden truth after the crisis strikes it at simulated hour `at`. */
  strike(effects: TeamEffects, at: number): TeamEffects;
}

export interface CrisisRecord {
  id: CrisisId;
  target: CrisisTarget;
  /** The part whose simulated clock `at` counts in. */
  part: PartId;
  /** Simulated hour it takes effect. */
  at: number;
  fired: boolean;
  /** Where each team runs its own clock (Part 2): the team's hour at which it struck each team it hit. */
  teamAt?: Record<string, number>;
}
