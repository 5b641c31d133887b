// The Math Peek of the OpsBreakEvenPlot shows the formulas of GAME.md §4 with the slider values substituted,
// and results that agree with the curves (the reference values of GAME.md at N = 50, h = 1).
import { describe, expect, it } from 'vitest';
import { breakEvenMath, plotRange } from '../../src/lib/parts/part1/charts/break-even-math.js';

const defaults = { capex: 500_000, engineerCost: 150 };

describe('Math Peek of the break-even plot', () => {
  const lines = breakEvenMath(50, 1, defaults);
  const byName = Object.fromEntries(lines.map((line) => [line.name, line]));

  it('writes the formulas as GAME.md does', () => {
    expect(byName.H_manual!.formula).toBe('20·N + N·ln N + 0.5·h·N²');
    expect(byName.H_platform!.formula).toBe('2·N + 3·N·ln N');
    expect(byName.Toil_manual!.formula).toBe('C_eng·H_manual');
    expect(byName.ROI!.formula).toBe('Toil_manual − (Capex + Toil_platform)');
  });

  it('substitutes the current N and h', () => {
    expect(byName.H_manual!.substituted).toMatch(/^20·50 \+ 50·ln 50 \+ 0\.5·1·50² = 1,000 \+ 195\.6 \+ 1,250$/);
    expect(breakEvenMath(12, 2.5, defaults)[0]!.substituted).toContain('0.5·2.5·12²');
  });

  it('gives the reference costs: $366,840 by hand, $603,021 on the platform, so ROI −$236,181', () => {
    expect(byName.Toil_manual!.result).toBe('$366,840/yr');
    expect(byName.Toil_platform!.result).toBe('$103,021/yr');
    expect(byName.ROI!.substituted).toBe('$366,840 − ($500,000 + $103,021)');
    expect(byName.ROI!.result).toBe('−$236,181');
  });

  it('follows the game settings (capex, engineer cost)', () => {
    const expensive = breakEvenMath(50, 1, { capex: 1_000_000, engineerCost: 200 });
    expect(expensive[2]!.substituted).toBe('$200/h · 2,445.6 h');
    expect(expensive[4]!.substituted).toContain('($1,000,000 + ');
  });

  it('zooms the N axis in steps that keep every mark in view', () => {
    expect(plotRange(50, 80, null)).toBe(100);
    expect(plotRange(95)).toBe(200);
    expect(plotRange(500, null)).toBe(500);
    expect(plotRange(null)).toBe(100);
  });
});
