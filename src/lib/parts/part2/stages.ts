// Part 2's rollout stages and run outcomes in words, shared by the player's instruments, the host's rows and
// the projector's tiles.
// Relative imports only: unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { RunView } from '../../../../shared/protocol/views.js';
import { CANARY_STAGES } from '../../../../shared/sim/constants.js';

export type Outcome = RunView['outcome'];

/** The share a stage sends to the candidate: −1 is shadow mode ("Shadow"), 0–4 index CANARY_STAGES ("25 %"). */
export function stageShare(stage: number): string {
  if (stage < 0) return 'Shadow';
  return `${CANARY_STAGES[Math.min(stage, CANARY_STAGES.length - 1)]!} %`;
}

/** A stage as a status reads it: "No run yet" (null), "Shadow", "25 % live". */
export function stageLabel(stage: number | null): string {
  if (stage === null) return 'No run yet';
  return stage < 0 ? stageShare(stage) : `${stageShare(stage)} live`;
}

/** The stages in order, for the steppers and the dashboard bands: shadow, then each live share. */
export const STAGE_INDEXES: readonly number[] = [-1, ...CANARY_STAGES.map((_, i) => i)];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  running: 'Running',
  holding: 'Holding: decide',
  'rolling-back': 'Rolling back',
  'rolled-back': 'Rolled back',
  shipped: 'Shipped',
};
