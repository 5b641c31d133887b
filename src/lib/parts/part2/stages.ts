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

export type StepState = 'done' | 'current' | 'ahead';

/**
 * Where a step of the rollout stands for a run at `stage` (null: no run): a shipped run has done every step; a
 * run that was rolled back (or is rolling back) has its current step marked by `rolledBack`.
 */
export function stepState(step: number, stage: number | null, outcome: Outcome | null): StepState {
  if (outcome === 'shipped') return 'done';
  if (stage === null) return 'ahead';
  return step < stage ? 'done' : step === stage ? 'current' : 'ahead';
}

/** True when the run has gone back from its stage (rolling back or rolled back). */
export function rolledBack(outcome: Outcome | null): boolean {
  return outcome === 'rolled-back' || outcome === 'rolling-back';
}

/** A stage on a compact stepper: "S" for shadow, else the live share ("25"). */
export function stageChip(step: number): string {
  return step < 0 ? 'S' : String(CANARY_STAGES[Math.min(step, CANARY_STAGES.length - 1)]!);
}

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  running: 'Running',
  holding: 'Holding: decide',
  'rolling-back': 'Rolling back',
  'rolled-back': 'Rolled back',
  shipped: 'Shipped',
};
