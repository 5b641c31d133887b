// The game-settings form's rules: which drafts are valid and what to send. Pure, so the form stays thin.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import {
  CAPEX_MAX,
  ENGINEER_COST_MAX,
  ENGINEER_COST_MIN,
  TIMER_MINUTES_DEFAULT,
  TIMER_MINUTES_MAX,
} from '../../../shared/protocol/limits.js';
import type { HostPart1, PublicSettings } from '../../../shared/protocol/views.js';
// The host may see every truth: only the host's page loads h (see heterogeneity.ts).
import { TRACK_HETEROGENEITY } from '../../../shared/sim/parts/part1/heterogeneity.js';
import { breakEvenModels } from '../../../shared/sim/parts/part1/roi-model.js';
import { TRACK_IDS } from '../../../shared/sim/tracks.js';

export const CAPEX_STEP = 50_000;

/** What the host is editing; a field left undefined keeps the server's value. */
export interface SettingsDraft {
  capex?: number | null;
  engineerCost?: number | null;
  timerOn?: boolean;
  timerMinutes?: number | null;
  autoAdvance?: boolean;
}

export type GameSettings = Pick<PublicSettings, 'capex' | 'engineerCost' | 'timerMinutes' | 'autoAdvance'>;

const intIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** The field steps by $50k; other amounts are refused here so that the field never shows them as invalid. */
export function capexValid(value: unknown): value is number {
  return intIn(value, 0, CAPEX_MAX) && value % CAPEX_STEP === 0;
}
export function engineerCostValid(value: unknown): value is number {
  return intIn(value, ENGINEER_COST_MIN, ENGINEER_COST_MAX);
}
export function timerMinutesValid(value: unknown): value is number {
  return intIn(value, 1, TIMER_MINUTES_MAX);
}

/** The minutes the form shows: the draft, else the server's, else the default when the timer is turned on. */
export function shownTimerMinutes(draft: SettingsDraft, current: GameSettings): number | null {
  return draft.timerMinutes !== undefined ? draft.timerMinutes : (current.timerMinutes ?? TIMER_MINUTES_DEFAULT);
}

/**
 * The `host:set-settings` payload for the fields the host changed, or null when a field is invalid.
 * An empty object means nothing to send.
 */
export function settingsChanges(draft: SettingsDraft, current: GameSettings): Partial<GameSettings> | null {
  const out: Partial<GameSettings> = {};
  if (draft.capex !== undefined) {
    if (!capexValid(draft.capex)) return null;
    if (draft.capex !== current.capex) out.capex = draft.capex;
  }
  if (draft.engineerCost !== undefined) {
    if (!engineerCostValid(draft.engineerCost)) return null;
    if (draft.engineerCost !== current.engineerCost) out.engineerCost = draft.engineerCost;
  }
  const timerOn = draft.timerOn ?? current.timerMinutes !== null;
  if (timerOn) {
    const minutes = shownTimerMinutes(draft, current);
    if (!timerMinutesValid(minutes)) return null;
    if (minutes !== current.timerMinutes) out.timerMinutes = minutes;
  } else if (current.timerMinutes !== null) {
    out.timerMinutes = null;
  }
  if (draft.autoAdvance !== undefined && draft.autoAdvance !== current.autoAdvance) out.autoAdvance = draft.autoAdvance;
  return out;
}

/**
 * N* per track at the given settings, computed here with the shared cost model (the same pure functions the
 * server uses), so the host sees a capex change's effect before saving it. Null N* cannot happen for h ≥ 0.5.
 */
export function previewTruths(capex: number, engineerCost: number): HostPart1['truths'] {
  return TRACK_IDS.map((track) => {
    const h = TRACK_HETEROGENEITY[track];
    return { track, h, nStar: breakEvenModels(h, { capex, engineerCost }) ?? 0 };
  });
}
