// A student's personal debrief: the team's predictions against the truth for every part, its decisions (Part 2's
// runs and their outcomes, Part 3's governance ledger) and the lab's takeaways. Built only from the team's own
// view at the debrief, which carries every part's reveal (pure, so tests can check it).
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { TeamView } from '../../../shared/protocol/views.js';
import * as fmt from '../format.js';

/** The chapter's invariant: the lesson of the whole lab. */
export const LAB_INVARIANT =
  'Operational complexity grows super-linearly with model heterogeneity: O(N) alerts, O(N log N) deployment, O(N²) dependencies. At scale, manual work is toil.';

/** One takeaway per part, by part number. */
export const PART_TAKEAWAYS: Readonly<Record<number, { title: string; text: string }>> = {
  1: {
    title: 'Platform ROI',
    text: 'Manual toil grows as 20·N + N·ln N + 0.5·h·N²: heterogeneity h, not scale alone, decides how early a platform pays for itself.',
  },
  2: {
    title: 'Canary duration',
    text: 'Zero failures in n requests buys confidence 1 − (1 − p)^n: 95 % against 1 in 1,000 takes 2,995 clean requests. Sequential tests (SPRT) stop early on a bad candidate.',
  },
  3: {
    title: 'Ensemble lockdown',
    text: 'A better upstream can silently break its downstream (training-serving PSI ≥ 0.25: act). Pin features behind immutable contracts, f_train(x) ≡ f_serve(x), and retrain before you switch.',
  },
};

export interface PredictionRow {
  part: number;
  title: string;
  /** The team's lock as read aloud: "60" or "answer B"; null when the team never locked. */
  predicted: string | null;
  actual: string;
  /** "the truth is ×1.22 your prediction · within 30 %", "right", "wrong" or "not locked". */
  verdict: string;
  good: boolean;
  score: number;
}

const number = (value: number) => value.toLocaleString('en-US');

/** The team's predictions against the truth, for every part revealed. */
export function predictionRows(view: TeamView): PredictionRow[] {
  const rows: PredictionRow[] = [];
  for (const part of [1, 2] as const) {
    const reveal = view[`part${part}`]?.reveal;
    if (!reveal) continue;
    const verdict =
      reveal.predicted === null
        ? 'not locked'
        : `the truth is ×${(reveal.ratio ?? 0).toFixed(2)} your prediction${reveal.within30 ? ' · within 30 %' : ''}`;
    rows.push({
      part,
      title: PART_TAKEAWAYS[part]!.title,
      predicted: reveal.predicted === null ? null : number(reveal.predicted),
      actual: number(reveal.actual),
      verdict,
      good: reveal.within30,
      score: reveal.score,
    });
  }
  const reveal3 = view.part3?.reveal;
  if (reveal3) {
    rows.push({
      part: 3,
      title: PART_TAKEAWAYS[3]!.title,
      predicted: reveal3.predicted === null ? null : `answer ${reveal3.predicted.toUpperCase()}`,
      actual: `answer ${reveal3.actual.toUpperCase()}`,
      verdict: reveal3.predicted === null ? 'not locked' : reveal3.correct ? 'right' : 'wrong',
      good: reveal3.correct,
      score: reveal3.score,
    });
  }
  return rows;
}

const OUTCOME_WORDS = {
  running: 'still running',
  holding: 'waiting on a decision',
  'rolling-back': 'rolling back',
  'rolled-back': 'rolled back',
  shipped: 'shipped',
} as const;

/** Part 2's runs as decisions: what the team configured and how each run ended. */
export function runLines(view: TeamView): string[] {
  const runs = view.part2?.fleet?.runs ?? [];
  return runs.map((run) => {
    const c = run.config;
    const setup = `${fmt.targetPercent(c.confidence)} against ${fmt.oneIn(c.rate)}, shadow ${fmt.percent(c.shadowFraction, 0)}, ${c.cohortMode}${c.sprt ? ', SPRT' : ''}`;
    // A reached confidence never rounds up to 100 %: that reads as certainty (fmt.confidence).
    const evidence = `${fmt.count(run.requests)} requests, ${fmt.plural(run.failures, 'failure')}, confidence ${fmt.confidence(run.confidence)}`;
    return `Run ${run.number}: ${setup} — ${OUTCOME_WORDS[run.outcome]} (${evidence})`;
  });
}
