// Words and numbers of Part 2's readouts (English UI), shared by the instruments, their Math Peeks and tests.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { CANARY_STAGES } from '../../../shared/sim/constants.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Request counts as GAME.md writes them: "2995", "29,956". Four digits stay ungrouped so that the answer reads
 * exactly as the question's reference value (n* = 2995); larger counts are grouped to stay legible.
 */
export function requests(value: number): string {
  const n = Math.round(value);
  return Math.abs(n) < 10_000 ? String(n) : grouped.format(n);
}

/** "87.3 %": a share in [0, 1] as a percentage, French-style spacing as in GAME.md ("95 %"). */
export function percent(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)} %`;
}

/** A confidence target: "95 %", "99.9 %" (no trailing zeros: targets are round numbers). */
export function targetPercent(share: number): string {
  return `${Number((share * 100).toFixed(2))} %`;
}

/** "1 in 1,000": a failure rate as people say it. */
export function oneIn(rate: number): string {
  return rate > 0 ? `1 in ${grouped.format(Math.round(1 / rate))}` : 'never';
}

/** "41 h", "0.3 h", "7.5 h": simulated hours, one decimal below 10. */
export function hoursText(hours: number): string {
  if (!Number.isFinite(hours)) return '— h';
  const h = Math.max(0, hours);
  return `${h < 10 ? Number(h.toFixed(1)) : grouped.format(Math.round(h))} h`;
}

/** "25 min" below an hour, else as hoursText: a rollback or a window about to end reads in minutes. */
export function durationText(hours: number): string {
  if (Number.isFinite(hours) && hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  return hoursText(hours);
}

/** "1 failure", "3 failures": a count with its noun. */
export function plural(value: number, noun: string): string {
  return `${requests(value)} ${noun}${Math.round(value) === 1 ? '' : 's'}`;
}

/** "Day 2, 14:00": the simulated clock, Part 2 starting on day 1 at 00:00. */
export function dayClock(hours: number): string {
  const totalMinutes = Math.max(0, Math.floor(hours * 60));
  const day = Math.floor(totalMinutes / (24 * 60)) + 1;
  const hh = Math.floor((totalMinutes % (24 * 60)) / 60);
  const mm = totalMinutes % 60;
  return `Day ${day}, ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

/** "Shadow", "1 %", … "100 %": the stage of a run (−1 is shadow mode, else an index into CANARY_STAGES). */
export function stageLabel(stage: number): string {
  if (stage < 0) return 'Shadow';
  const share = CANARY_STAGES[Math.min(stage, CANARY_STAGES.length - 1)]!;
  return `${share} %`;
}

/** The stages in order, for the stepper and the dashboard bands: shadow, then each live share. */
export const STAGE_INDEXES: readonly number[] = [-1, ...CANARY_STAGES.map((_, i) => i)];
