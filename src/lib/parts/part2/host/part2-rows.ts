// Part 2 on the host console: each team's fleet joined with its name and track, read off its latest run, and
// the hidden truth condensed so that a ten-region fleet still fits a table cell.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { HostView, RunView } from '../../../../../shared/protocol/views.js';
import { CANARY_TRACKS, MAX_RUNS_PER_TEAM } from '../../../../../shared/sim/constants.js';
import * as fmt from '../../../format.js';
import { ms } from '../play/latency-words.js';
import { driftLines, skewTruthSummary, toolsSummary, type DriftLine, type SkewTruthSummary, type ToolsSummary } from './crisis-rows.js';

type Part2 = NonNullable<HostView['part2']>;
type Entry = Part2['teams'][number];

export interface TruthLine {
  cohort: string;
  oneIn: string;
  bad: boolean;
  /** The true p99 latency, and whether it is past the track's budget (rollout jitter). */
  p99: string;
  late: boolean;
}

export interface TruthSummary {
  /** Cohorts shown one per line: all of them on a small fleet, only the bad ones on a large one. */
  lines: TruthLine[];
  /** The good cohorts folded into one line on a large fleet, e.g. "8 other regions: 1 in 16,000 – 1 in 25,000". */
  rest: { count: number; range: string } | null;
}

/** Fleets with more cohorts than this show their bad cohorts and one line for the rest. */
export const TRUTH_LINES_MAX = 4;

export function truthSummary(truth: Entry['truth'], budgetMs = Infinity): TruthSummary {
  const line = (t: Entry['truth'][number]): TruthLine => ({
    cohort: t.cohort,
    oneIn: fmt.oneIn(t.rate),
    bad: t.bad,
    p99: ms(t.p99Ms),
    late: t.p99Ms > budgetMs,
  });
  if (truth.length <= TRUTH_LINES_MAX) return { lines: truth.map(line), rest: null };
  // A cohort past the latency budget is a bad cohort too (its late frames are failures): it never folds away.
  const shown = (t: Entry['truth'][number]) => t.bad || t.p99Ms > budgetMs;
  const good = truth.filter((t) => !shown(t));
  const rates = good.map((t) => t.rate);
  const worst = Math.max(...rates);
  const best = Math.min(...rates);
  const range = worst === best ? fmt.oneIn(worst) : `${fmt.oneIn(worst)} – ${fmt.oneIn(best)}`;
  return { lines: truth.filter(shown).map(line), rest: good.length > 0 ? { count: good.length, range } : null };
}

export interface Part2Row {
  teamId: string;
  name: string;
  track: HostView['teams'][number]['track'];
  prediction: number | null;
  lockedByNickname: string | null;
  runsUsed: number;
  runsMax: number;
  /** The latest run, or null before the first. */
  run: RunView | null;
  /** The stakeholder's target confidence of the track (the run's own target may be lower). */
  stakeholderConfidence: number;
  /** Failures the candidate served to users across every run. */
  exposure: number;
  ops: number;
  /** How the ops score is made: decisions against their evidence (the host reads what the team reads). */
  opsBreakdown: Entry['opsBreakdown'];
  /** The team's own simulated clock: it starts with the first run and holds while a decision is due. */
  hours: number;
  clock: Entry['clock'];
  truth: TruthSummary;
  /** The team's tools against the storm and the skew, and those crises' hidden truth (drifts, bad slices). */
  tools: ToolsSummary;
  drifts: DriftLine[];
  skew: SkewTruthSummary | null;
  anyBad: boolean;
  reflection: Entry['reflection'];
  ratio: number | null;
  within30: boolean;
  /** The lock's learning score against n*, once revealed (null before the reveal or without a lock). */
  score: number | null;
}

/** One row per team in team order; teams the server has no Part 2 entry for are left out. */
export function part2Rows(view: HostView, part2: Part2, revealed: boolean): Part2Row[] {
  const byId = new Map(part2.teams.map((t) => [t.teamId, t]));
  return view.teams.flatMap((team) => {
    const entry = byId.get(team.id);
    if (!entry) return [];
    return [
      {
        teamId: team.id,
        name: team.name,
        track: team.track,
        prediction: entry.prediction,
        lockedByNickname: entry.lockedByNickname,
        runsUsed: entry.runs.length,
        runsMax: MAX_RUNS_PER_TEAM,
        run: entry.runs.at(-1) ?? null,
        stakeholderConfidence: CANARY_TRACKS[team.track].targetConfidence,
        exposure: entry.runs.reduce((sum, r) => sum + r.exposure, 0),
        ops: entry.ops,
        opsBreakdown: entry.opsBreakdown,
        hours: entry.hours,
        clock: entry.clock,
        truth: truthSummary(entry.truth, entry.latencyBudgetMs),
        tools: toolsSummary(entry),
        drifts: driftLines(entry.drifts, entry.hours),
        skew: entry.skew ? skewTruthSummary(entry.skew) : null,
        anyBad: entry.truth.some((t) => t.bad),
        reflection: entry.reflection,
        ratio: entry.reveal.ratio,
        within30: entry.reveal.within30,
        score: revealed && entry.prediction !== null ? entry.reveal.score : null,
      },
    ];
  });
}

/** True once the host has revealed Part 2 (its reveal or reflect step, or any later phase). */
export function part2Revealed(view: Pick<HostView, 'phase' | 'step'>): boolean {
  if (view.phase === 'part2') return view.step !== 'play';
  return view.phase === 'part3' || view.phase === 'debrief';
}
