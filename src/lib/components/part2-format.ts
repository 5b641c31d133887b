// Part 2's numbers as the host and the projector read them: the simulated clock, rates as "1 in N", the
// Confidence Clock as a percentage, the rollout stage and the run's outcome in words.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { RunView } from '../../../shared/protocol/views.js';
import { CANARY_STAGES } from '../../../shared/sim/constants.js';

export type Outcome = RunView['outcome'];

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "2,995": whole numbers with thousands separators. */
export function formatCount(value: number): string {
  return whole.format(Math.round(value));
}

/** The simulated clock as a wall clock, Part 2 beginning on Day 1 at 00:00: 38 h reads "Day 2 · 14:00". */
export function formatSimClock(hours: number): string {
  const minutes = Math.max(0, Math.floor(hours * 60 + 1e-6));
  const day = Math.floor(minutes / 1440) + 1;
  const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `Day ${day} · ${hh}:${mm}`;
}

/** Simulated hours: "0.5 h", "9.5 h", "38 h", "1,200 h". */
export function formatHours(hours: number): string {
  return hours < 10 ? `${Math.round(hours * 10) / 10} h` : `${formatCount(hours)} h`;
}

/** Rounds to two significant digits, so "1 in 4,762" reads "1 in 4,800" (the truth is a drawn number). */
function twoDigits(value: number): number {
  if (value < 100) return Math.round(value);
  const scale = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / scale) * scale;
}

/** A failure rate as people say it: 0.0005 → "1 in 2,000"; 0 → "never". */
export function formatOneIn(rate: number): string {
  if (!(rate > 0)) return 'never';
  if (rate >= 1) return 'always';
  return `1 in ${formatCount(twoDigits(1 / rate))}`;
}

/**
 * A confidence (0–1) as a percentage, rounded DOWN: 0.9499 must not read "95.0 %" next to a 95 % target. One
 * decimal, two when the value is at or above 99 % (a 99 % target needs the second digit to tell progress).
 * Never "100 %": C(n) = 1 − (1 − p)^n is below 1 for every n, even where floating point rounds it to 1.
 */
export function formatConfidence(value: number): string {
  const digits = value >= 0.99 ? 2 : 1;
  const scale = 10 ** digits;
  const floored = Math.floor(Math.max(0, Math.min(0.9999, value)) * 100 * scale + 1e-9) / scale;
  return `${floored.toFixed(digits)} %`;
}

/** A target confidence as written in the question: 0.95 → "95 %", 0.999 → "99.9 %". */
export function formatTarget(value: number): string {
  return `${+(value * 100).toFixed(2)} %`;
}

/** The rollout stage: −1 is shadow mode, 0–4 index CANARY_STAGES; null means no run yet. */
export function stageLabel(stage: number | null): string {
  if (stage === null) return 'No run yet';
  if (stage < 0) return 'Shadow';
  return `${CANARY_STAGES[stage] ?? 100} % live`;
}

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  running: 'Running',
  holding: 'Holding: decide',
  'rolling-back': 'Rolling back',
  'rolled-back': 'Rolled back',
  shipped: 'Shipped',
};

/** The simulation speed, simulated hours per real second: 0.25 → "0.25 h/s", 8 → "8 h/s". */
export function formatSpeed(speed: number): string {
  return `${+speed.toFixed(2)} h/s`;
}
