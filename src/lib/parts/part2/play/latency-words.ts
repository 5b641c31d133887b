// Latency per hardware cohort in words (GAME.md §7, rollout jitter): the p99 a run measures against the track's
// budget, and an honest word where it measures none — shadow mode cannot run on that hardware, the cohort was
// rolled back, the run ended. A frame served later than the budget is a failure.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { LatencyEvidence, RunView } from '../../../../../shared/protocol/views.js';
import * as fmt from '../../../format.js';

/** A latency in milliseconds: "9.1 ms", "100 ms", "287 ms". */
export function ms(value: number): string {
  return `${value < 10 ? fmt.decimal(value, 1) : fmt.count(value)} ms`;
}

export interface P99Reading {
  /** The reading, or the reason there is none. */
  text: string;
  /** Past the budget: frames that late are failures. */
  past: boolean;
  /** Measured at all now. */
  measured: boolean;
  /** Where it was measured, or why not, as a short note. */
  note: string;
}

const NO_READING: Record<Exclude<LatencyEvidence, 'shadow' | 'live'>, { text: string; note: string }> = {
  'no-shadow': { text: 'no shadow on this hardware', note: 'no compute headroom for a shadow copy: no latency evidence until a live stage' },
  'rolled-back': { text: 'rolled back', note: 'the candidate no longer runs here' },
  ended: { text: '—', note: 'the run was rolled back' },
};

/** One cohort's p99 against the budget, or why it has none. */
export function p99Reading(p99Ms: number | null, evidence: LatencyEvidence | null, budgetMs: number): P99Reading {
  if (p99Ms !== null && (evidence === 'shadow' || evidence === 'live' || evidence === null)) {
    const past = p99Ms > budgetMs;
    return {
      text: ms(p99Ms),
      past,
      measured: true,
      note: `${past ? `past the ${ms(budgetMs)} budget` : `within ${ms(budgetMs)}`}${evidence ? ` · ${evidence === 'shadow' ? 'in shadow mode' : 'live'}` : ''}`,
    };
  }
  if (evidence === null || evidence === 'shadow' || evidence === 'live') return { text: '—', past: false, measured: false, note: 'not measured yet' };
  return { ...NO_READING[evidence], past: false, measured: false };
}

/** The pooled p99 of a run (a random canary's only reading) against the budget, with what pooling hides. */
export function pooledReading(run: Pick<RunView, 'p99Ms' | 'cohorts'>, budgetMs: number): P99Reading & { hint: string } {
  const reading = p99Reading(run.p99Ms, null, budgetMs);
  const hint =
    run.cohorts === null
      ? 'A random canary pools every cohort\'s frames: a tail on a small cohort can hide under the pooled p99. Stratify by cohort to see each hardware.'
      : 'Pooled over the cohorts this stage reaches; the table below reads each one.';
  return { ...reading, hint };
}
