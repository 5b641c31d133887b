// The Math Peeks of Part 2's instruments (GAME.md §3, §5): each formula with this moment's numbers in it.
// Results are the server's readings where the view carries them (confidence, staleness, SPRT), so a peek never
// disagrees with the dial it explains; the rest comes from the same shared statistics the server uses.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { RunView } from '../../../../../shared/protocol/views.js';
import { CANARY_STAGES, LIVE_STAGE_HOURS } from '../../../../../shared/sim/constants.js';
import { RELEASE_LIMIT_HOURS, SPRT_ALPHA, SPRT_H0_FRACTION, sprtPlan } from '../../../../../shared/sim/parts/part2/canary-stats.js';
import type { MathLine } from '../../../charts/math-line.js';
import * as fmt from '../../../format.js';
import { planRun, type FleetSpec } from './canary-preview.js';
import { EXPOSURE_REFERENCE_HOURS, shadowHoursSpent } from './risk-radar-options.js';

const num = (x: number, digits = 2) => fmt.decimal(x, digits);
const rate = fmt.rateFraction;

/** The Confidence Clock's peek: C(n), n*(C, p) and, for an SPRT run, its log-likelihood ratio and bounds. */
export function clockMath(run: RunView): MathLine[] {
  const { confidence: c, rate: p } = run.config;
  // n is the server's count: read back from C it would be lost once C rounds to 1 (`^0 = 100.00 %`).
  const n = run.clean;
  const exact = Math.log1p(-c) / Math.log1p(-p);
  const lines: MathLine[] = [
    {
      name: 'C(n)',
      formula: '1 − (1 − p)^n',
      substituted: `1 − (1 − ${rate(p)})^${fmt.count(n)}`,
      result: fmt.confidence(run.confidence),
    },
    {
      name: 'n*',
      formula: '⌈ln(1 − C) / ln(1 − p)⌉',
      substituted: `⌈ln(1 − ${num(c, 4)}) / ln(1 − ${rate(p)})⌉ = ⌈${num(exact, 1)}⌉`,
      result: `${fmt.count(run.requiredClean)} clean requests`,
    },
  ];
  if (run.sprt) {
    const plan = sprtPlan(c, p);
    const beta = 1 - c;
    lines.push(
      {
        name: 'LLR',
        formula: 'clean·ln((1 − p₁)/(1 − p₀)) + failures·ln(p₁/p₀)',
        substituted: `p₁ = p = ${rate(p)}, p₀ = p/${1 / SPRT_H0_FRACTION}: each clean ${num(plan.cleanStep, 6)}, each failure +${num(plan.failureStep, 2)}`,
        result: num(run.sprt.llr, 2),
      },
      {
        name: 'SPRT',
        formula: 'promote ≤ ln(β/(1 − α)), roll back ≥ ln((1 − β)/α)',
        substituted: `α = ${SPRT_ALPHA}, β = 1 − C = ${num(beta, 4)}: ${num(run.sprt.promoteAt, 2)} < LLR < ${num(run.sprt.rollbackAt, 2)}`,
        result: run.sprt.decision === 'continue' ? 'continue watching' : `${run.sprt.decision === 'promote' ? 'promote' : 'roll back'} now`,
      },
    );
  }
  return lines;
}

/** The radar's peek: T_release against the week, drift staleness, and how exposure and cost are scaled. */
export function radarMath(run: RunView, spec: FleetSpec, tauHours: number, now: number): MathLine[] {
  const plan = planRun(spec, run.config);
  const exposureRef = spec.requestsPerHour * spec.targetRate * EXPOSURE_REFERENCE_HOURS;
  const shadowed = shadowHoursSpent(run, now);
  return [
    {
      name: 'T_release',
      formula: `t_shadow + Σ stages ≤ ${RELEASE_LIMIT_HOURS} h`,
      substituted: `${fmt.hours(plan.shadowHours)} + ${CANARY_STAGES.length - 1} × ${LIVE_STAGE_HOURS} h = ${fmt.hours(plan.releaseHours)} planned`,
      result: `${fmt.hours(run.releaseHours)} so far${run.releaseHours > RELEASE_LIMIT_HOURS ? ' — over the one-week limit' : ''}`,
    },
    {
      name: 'staleness',
      formula: '1 − exp(−T_release/τ)',
      substituted: `1 − exp(−${num(run.releaseHours, 1)}/${num(tauHours, 1)})`,
      result: fmt.percent(run.staleness),
    },
    {
      name: 'exposure axis',
      formula: 'bad answers served / (R·p·24 h)',
      substituted: `${fmt.count(run.exposure)} / (${fmt.count(spec.requestsPerHour)}·${rate(spec.targetRate)}·24)`,
      result: fmt.percent(exposureRef > 0 ? Math.min(1, run.exposure / exposureRef) : 0, 0),
    },
    {
      name: 'cost axis',
      formula: `f·t_shadow / ${RELEASE_LIMIT_HOURS} h`,
      substituted: `${num(run.config.shadowFraction)}·${num(shadowed, 1)} / ${RELEASE_LIMIT_HOURS}`,
      result: fmt.percent(Math.min(1, (run.config.shadowFraction * shadowed) / RELEASE_LIMIT_HOURS), 0),
    },
  ];
}

/** The dashboard's peek: the planned shadow window and the stage plan. */
export function dashboardMath(run: RunView, spec: FleetSpec): MathLine[] {
  const plan = planRun(spec, run.config);
  const share = plan.watchedShare < 1 ? ` × ${num(plan.watchedShare)}` : '';
  return [
    {
      name: 't_shadow',
      formula: 'n* / (R·f)',
      substituted: `${fmt.count(plan.needed)} / (${fmt.count(spec.requestsPerHour)}${share} · ${num(run.config.shadowFraction)})`,
      result: fmt.hours(plan.shadowHours),
    },
    {
      name: 'Σ stages',
      formula: `${CANARY_STAGES.slice(0, -1).join(' % → ')} % at ${LIVE_STAGE_HOURS} h each`,
      substituted: `${CANARY_STAGES.length - 1} × ${LIVE_STAGE_HOURS} h`,
      result: `${fmt.hours(plan.stageHours)}, then ship to 100 %`,
    },
    {
      name: 'target',
      formula: 'C that the failure rate is below p',
      substituted: `C = ${fmt.targetPercent(run.config.confidence)}, p = ${fmt.oneIn(run.config.rate)}`,
      result: `${fmt.count(run.requests)} requests watched, ${fmt.count(run.failures)} failures`,
    },
  ];
}
