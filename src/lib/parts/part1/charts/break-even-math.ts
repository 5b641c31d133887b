// The Math Peek of the OpsBreakEvenPlot (GAME.md §3: every chart shows its formula with the current values
// substituted). Coefficients come from the constants module and results from the cost model itself, so the
// peek can never disagree with the curves it explains.
// Relative imports (not `$shared`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import { MANUAL_HOURS, PLATFORM_HOURS } from '../../../../../shared/sim/constants.js';
import {
  manualCost,
  manualHourComponents,
  manualHours,
  platformCost,
  platformHours,
  type CostParams,
} from '../../../../../shared/sim/parts/part1/roi-model.js';
import type { MathLine } from '../../../charts/math-line.js';
import * as fmt from '../../../format.js';

const hours = (value: number) => fmt.decimal(value, 1);

/** "20·N", "N·ln N": a coefficient of 1 is left out, as one writes it by hand. */
function term(coefficient: number, body: string): string {
  return coefficient === 1 ? body : `${coefficient}·${body}`;
}

/** The five lines of the peek at model count `n` and heterogeneity `h`. */
export function breakEvenMath(n: number, h: number, params: CostParams): MathLine[] {
  const m = MANUAL_HOURS;
  const p = PLATFORM_HOURS;
  const parts = manualHourComponents(n, h);
  const hManual = manualHours(n, h);
  const hPlatform = platformHours(n);
  const platformParts = { alerts: p.perModelAlerts * n, deployment: hPlatform - p.perModelAlerts * n };
  const toilManual = manualCost(n, h, params);
  const toilPlatform = platformCost(n, params) - params.capex;
  // The ROI shown is the difference of the dollar amounts shown, so a student redoing the subtraction gets
  // the same whole dollar (the exact ROI may differ by less than $1).
  const roi = Math.round(toilManual) - (params.capex + Math.round(toilPlatform));
  const hText = fmt.decimal(h, 1);
  const cost = fmt.dollars(params.engineerCost);

  return [
    {
      name: 'H_manual',
      formula: `${term(m.perModelAlerts, 'N')} + ${term(m.deploymentLogFactor, 'N·ln N')} + ${term(m.dependencyQuadratic, 'h·N²')}`,
      substituted:
        `${term(m.perModelAlerts, String(n))} + ${term(m.deploymentLogFactor, `${n}·ln ${n}`)} + ` +
        `${term(m.dependencyQuadratic, `${hText}·${n}²`)} = ${hours(parts.alerts)} + ${hours(parts.deployment)} + ${hours(parts.dependencies)}`,
      result: `${hours(hManual)} engineer-hours/yr`,
    },
    {
      name: 'H_platform',
      formula: `${term(p.perModelAlerts, 'N')} + ${term(p.deploymentLogFactor, 'N·ln N')}`,
      substituted:
        `${term(p.perModelAlerts, String(n))} + ${term(p.deploymentLogFactor, `${n}·ln ${n}`)} = ` +
        `${hours(platformParts.alerts)} + ${hours(platformParts.deployment)}`,
      result: `${hours(hPlatform)} engineer-hours/yr`,
    },
    {
      name: 'Toil_manual',
      formula: 'C_eng·H_manual',
      substituted: `${cost}/h · ${hours(hManual)} h`,
      result: `${fmt.dollars(toilManual)}/yr`,
    },
    {
      name: 'Toil_platform',
      formula: 'C_eng·H_platform',
      substituted: `${cost}/h · ${hours(hPlatform)} h`,
      result: `${fmt.dollars(toilPlatform)}/yr`,
    },
    {
      name: 'ROI',
      formula: 'Toil_manual − (Capex + Toil_platform)',
      substituted: `${fmt.dollars(toilManual)} − (${fmt.dollars(params.capex)} + ${fmt.dollars(toilPlatform)})`,
      result: fmt.dollars(roi),
    },
  ];
}

/** The workbench readouts at (n, h): yearly costs in whole dollars and the ROI as their difference. */
export function costsAt(n: number, h: number, params: CostParams) {
  const manual = Math.round(manualCost(n, h, params));
  const platform = Math.round(platformCost(n, params));
  return { manualHours: manualHours(n, h), manual, platform, roi: manual - platform };
}

/** The right end of the plot's N axis: a few fixed zooms, so the axis jumps rarely while a slider moves. */
export function plotRange(...values: (number | null)[]): number {
  const largest = Math.max(1, ...values.map((v) => v ?? 0));
  const zooms = [100, 200, 300, 500];
  return zooms.find((zoom) => zoom >= largest * 1.1) ?? zooms[zooms.length - 1]!;
}
