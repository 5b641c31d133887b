// The Math Peeks of Part 3's instruments (GAME.md §3, §6): the PSI of the consistency check with its ten terms
// written out from the check's own bins, and the Ensemble Trace's system metric as counted on labelled requests.
// Results are the server's readings (the check's PSI, the trace's counts), so a peek never disagrees with the
// instrument it explains. The hidden sensitivity s appears only once the reveal has sent it.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { ConsistencyCheck, Ensemble, EnsembleOutcome } from '../../../../../shared/protocol/views.js';
import { FEATURE_BINS } from '../../../../../shared/sim/constants.js';
import type { MathLine } from '../../../charts/math-line.js';
import * as fmt from '../../../format.js';
import { PSI_BAND_WORDS, psiName } from '../ensemble-words.js';

/** Shares as the bins are written (three decimals, as FEATURE_BINS holds them). */
const share = (x: number) => x.toFixed(3);
/** A term of the sum: four decimals, so that ten of them add up to the PSI shown. */
const term = (x: number) => x.toFixed(4);

export interface PsiTerm {
  bin: number;
  /** A_i: the served share. */
  actual: number;
  /** E_i: the training share. */
  expected: number;
  value: number;
}

/** The terms (A_i − E_i)·ln(A_i/E_i) of PSI, bin by bin: A the served features, E the training features. */
export function psiTerms(served: readonly number[], training: readonly number[]): PsiTerm[] {
  return served.map((a, i) => {
    const e = training[i]!;
    return { bin: i + 1, actual: a, expected: e, value: a === e ? 0 : (a - e) * Math.log(a / e) };
  });
}

function sumLine(name: string, terms: PsiTerm[], psi: { value: number; band: keyof typeof PSI_BAND_WORDS }): MathLine {
  const band = PSI_BAND_WORDS[psi.band];
  return {
    name,
    formula: 'Σ (A_i − E_i)·ln(A_i / E_i), i = 1…10',
    substituted: terms.map((t) => term(t.value)).join(' + '),
    result: `${fmt.psi(psi.value)} → ${band.word} (${band.range})`,
  };
}

/** The consistency check's peek: the sum with its ten terms (each term's two shares go in the table of
 *  `psiTerms`), and while the model is on v1 features the same sum against upstream v2's output. */
export function checkMath(check: ConsistencyCheck): MathLine[] {
  const lines: MathLine[] = [sumLine(`PSI(${check.trainedOn} → ${check.serving})`, psiTerms(check.served, check.training), check.psi)];
  if (check.againstV2 && check.serving !== 'v2') {
    // The upstream's v2 output is public (the same bins every team's check uses): A = v2, E = the training features.
    lines.push(sumLine(`PSI(${check.trainedOn} → upstream v2)`, psiTerms(FEATURE_BINS.v2, check.training), check.againstV2));
  }
  return lines;
}

/** A share as the peek's table writes it. */
export const termShare = share;
/** A term as the peek's table writes it. */
export const termValue = term;

/** The Ensemble Trace's peek: the measured system metric against the floor, the training-serving PSI it reads at, and — after
 *  the reveal — the model behind it with the hidden sensitivity s. */
export function traceMath(ensemble: Ensemble, outcome: EnsembleOutcome | null): MathLine[] {
  const { trace, spec } = ensemble;
  const { system } = trace;
  const lines: MathLine[] = [
    {
      name: 'system',
      formula: `correct / labelled, last ${fmt.hours(system.windowHours)}`,
      substituted: system.labelled > 0 ? `${fmt.count(system.correct)} / ${fmt.count(system.labelled)}` : 'no labelled request yet',
      result:
        system.measured === null
          ? '—'
          : `${fmt.percentValue(system.measured)} ${system.measured < spec.floor ? '<' : '≥'} floor ${fmt.percentValue(spec.floor)}${trace.silent ? ': silent failure' : ''}`,
    },
    {
      name: psiName('training-serving', true),
      formula: `PSI(features_${ensemble.model} trained on, features_${ensemble.reads} read)`,
      substituted: ensemble.model === ensemble.reads ? 'the same features: every term is 0' : `training ${ensemble.model} against serving ${ensemble.reads}`,
      result: `${fmt.psi(trace.psi.value)} → ${PSI_BAND_WORDS[trace.psi.band].word}`,
    },
  ];
  if (outcome) {
    lines.push({
      name: `${spec.metric}`,
      formula: 'reported − s·PSI',
      substituted: `${fmt.percentValue(trace.downstreamReported)} − ${fmt.decimal(outcome.s, 1)}·${fmt.psi(trace.psi.value)}`,
      result: `${fmt.percentValue(outcome.system)} (true, revealed)`,
    });
  }
  return lines;
}
