// Part 2's ops score in words (GAME.md §5 "the ops score rewards evidence, not luck"): each line of the
// breakdown as "decision · evidence in hand · points", the tone of a run's result, and the question the phone
// asks before shipping below the target. Pure, so the team's phone and the host read the same words.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { DecisionEvidence, OpsBreakdown, OpsLine, RunScore, RunView } from '../../../../../shared/protocol/views.js';
import { failuresAboveTarget, promoteBacked, promoteShips } from '../../../../../shared/sim/parts/part2/evidence.js';
import { OPS_SCORE } from '../../../../../shared/sim/constants.js';
import { othersExposure } from '../../../../../shared/sim/parts/part2/exposure.js';
import * as fmt from '../../../format.js';
import { stageShare } from '../stages.js';

/** What the decision or the line was: "Promoted to 25 %", "Shipped to 100 %", "Rolled back", "Outcome …". */
export function lineLabel(line: OpsLine, result: RunScore['result'], cohortName: (id: string) => string = (id) => id): string {
  const stage = line.stage ?? -1;
  switch (line.kind) {
    case 'promote':
      return `Promoted to ${stageShare(stage + 1)}`;
    case 'ship':
      return 'Shipped to 100 %';
    case 'extend':
      return `Extended ${stage < 0 ? 'shadow mode' : `the ${stageShare(stage)} stage`}`;
    case 'rollback':
      return 'Rolled back';
    case 'rollback-cohort':
      return `Rolled back ${cohortName(line.cohortId ?? '')}`;
    case 'outcome':
      if (result === 'shipped') return line.judgement === 'good' ? 'Outcome: within the target where it serves' : 'Outcome: it was a regression';
      return line.judgement === 'good' ? 'Outcome: it was worse than the target — caught' : 'Outcome: it was good — the improvement is lost';
    case 'undecided':
      return 'Still testing';
    case 'exposure':
      return 'Failures served to users (against a day at the target rate)';
    case 'cost':
      return 'Shadow cost (against a week of full shadowing)';
  }
}

/** The evidence in hand, e.g. "8.0 % of 99 % target · SPRT: continue · 0 failures". */
export function evidenceText(e: DecisionEvidence): string {
  const parts = [`${fmt.confidence(e.confidence)} of ${fmt.targetPercent(e.target)} target`];
  if (e.sprt) parts.push(`SPRT: ${e.sprt === 'rollback' ? 'roll back' : e.sprt}`);
  parts.push(failuresText(e));
  return parts.join(' · ');
}

/** The failures seen, and when they are more than the target rate would give, among how many requests:
 *  "711 failures in 120,000 requests — more than 1 in 1,000 would give". */
export function failuresText(e: DecisionEvidence): string {
  const failures = fmt.plural(e.failures, 'failure');
  if (!failuresAboveTarget(e)) return failures;
  return `${failures} in ${fmt.plural(e.requests ?? 0, 'request')} — more than ${fmt.oneIn(e.rate ?? 0)} would give`;
}

export const JUDGEMENT_WORDS: Readonly<Record<OpsLine['judgement'], string>> = {
  backed: 'backed by evidence',
  'without-evidence': 'without evidence',
  cautious: 'cautious: no evidence either way',
  'against-evidence': 'against the evidence',
  neutral: '',
  good: '',
  bad: '',
};

/** A line's tone: green backed or good, amber without evidence or cautious, red against the evidence or bad. */
export function lineTone(line: OpsLine): 'ok' | 'warn' | 'danger' | 'muted' {
  switch (line.judgement) {
    case 'backed':
    case 'good':
      return 'ok';
    case 'without-evidence':
    case 'cautious':
      return 'warn';
    case 'against-evidence':
    case 'bad':
      return 'danger';
    case 'neutral':
      return 'muted';
  }
}

/** Points with a true sign: "+50", "−5", "0". */
export function points(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${fmt.decimal(rounded)}` : fmt.decimal(rounded);
}

/** A run's result as the breakdown heads it: "Shipped without evidence" is amber even when it turned out well. */
export function runResult(run: RunScore): { words: string; tone: 'ok' | 'warn' | 'danger' | 'muted' } {
  const ship = run.lines.find((l) => l.kind === 'ship');
  const outcome = run.lines.find((l) => l.kind === 'outcome');
  if (run.result === 'testing') return { words: 'Still testing', tone: 'muted' };
  if (run.result === 'shipped') {
    if (outcome?.judgement === 'bad') return { words: 'Shipped a regression', tone: 'danger' };
    return ship?.judgement === 'without-evidence' ? { words: 'Shipped without evidence', tone: 'warn' } : { words: 'Shipped on evidence', tone: 'ok' };
  }
  return { words: 'Rolled back', tone: outcome?.judgement === 'good' ? 'ok' : 'warn' };
}

/** How the canary's score is chosen, in one sentence. */
export function countingRule(breakdown: OpsBreakdown): string {
  const counted = breakdown.runs.find((r) => r.counts);
  if (!counted) return 'Your first run starts the score.';
  const harm = othersExposure(breakdown.runs, counted);
  const also = harm < 0 ? ` Failures your other runs served to users count too (${points(harm)}).` : '';
  if (counted.result === 'shipped') return `Run ${counted.run} counts: you shipped it, so the fleet runs it.${also}`;
  if (counted.result === 'testing') return `Run ${counted.run} counts while it is tested; an ended run keeps its points.${also}`;
  return `Run ${counted.run} counts: your best ended run. Exploring in shadow mode never loses it; shipping commits.${also}`;
}

/** The evidence a run's view shows now, as a decision would record it. */
function evidenceNow(run: RunView): DecisionEvidence {
  return {
    confidence: run.confidence,
    target: run.config.confidence,
    sprt: run.sprt?.decision ?? null,
    failures: run.failures,
    requests: run.requests,
    rate: run.config.rate,
  };
}

/**
 * The question before a promotion that ships below the target without the SPRT's "promote", or null when the
 * evidence backs it: "Confidence 8.0 % is below your 99 % target. Ship without evidence?"
 */
export function shipWithoutEvidenceQuestion(run: RunView): string | null {
  if (!promoteShips(run.stage) || promoteBacked(evidenceNow(run))) return null;
  return `${unbackedReason(run)}. Ship without evidence?`;
}

/** Why promoting would not be backed now: too many failures (the clock forgets them), the SPRT, or the clock. */
function unbackedReason(run: RunView): string {
  const evidence = evidenceNow(run);
  const clock = `confidence ${fmt.confidence(run.confidence)}, your target ${fmt.targetPercent(run.config.confidence)}`;
  if (failuresAboveTarget(evidence)) return `${capitalized(failuresText(evidence))} (the clock counts only since the last one: ${clock})`;
  if (run.sprt?.decision === 'rollback') return `The SPRT says roll back (${clock})`;
  return `Confidence ${fmt.confidence(run.confidence)} is below your ${fmt.targetPercent(run.config.confidence)} target`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Beside Promote while a promotion to a live stage (1–50 %) would not be backed: it is allowed (a team may
 * choose speed), but it serves users an unproven candidate and costs points, and the team should know before,
 * not at the debrief. Null when backed, and for the ship (which asks first: shipWithoutEvidenceQuestion).
 */
export function unprovenStepWarning(run: RunView): string | null {
  if (promoteShips(run.stage) || promoteBacked(evidenceNow(run))) return null;
  return `${unbackedReason(run)}: promoting now serves an unproven candidate (−${OPS_SCORE.unbackedStep} points).`;
}
