// The one format module: each kind of number reads one way on every page.
import { describe, expect, it } from 'vitest';
import * as fmt from '../../src/lib/format.js';

describe('one style per kind of number', () => {
  it('groups thousands always, as the debrief does: "1 in 1,000" never sits beside "1 in 10,000"', () => {
    expect([7, 999, 2995, 9999, 29_956, 1_000_000].map(fmt.count)).toEqual(['7', '999', '2,995', '9,999', '29,956', '1,000,000']);
    expect(fmt.decimal(2445.6)).toBe('2,445.6');
    expect([fmt.dollars(2814), fmt.oneIn(1 / 1000), fmt.oneIn(1 / 10_000)]).toEqual(['$2,814', '1 in 1,000', '1 in 10,000']);
    expect(fmt.decimal(12_345.67, 1)).toBe('12,345.7');
    expect(fmt.count(-12)).toBe('−12');
    expect(fmt.count(-0.2)).toBe('0');
  });

  it('writes dollars exact for readouts and short where width is scarce', () => {
    expect([150, 366_840, -236_181].map(fmt.dollars)).toEqual(['$150', '$366,840', '−$236,181']);
    expect([500, 12_500, 366_840, 999_999, 1_250_000].map(fmt.dollarsShort)).toEqual(['$500', '$12.5k', '$367k', '$1M', '$1.25M']);
  });

  it('keeps percentages, targets and reached confidence apart', () => {
    expect(fmt.percent(0.873)).toBe('87.3 %');
    expect(fmt.percent(Number.NaN)).toBe('—');
    expect(fmt.targetPercent(0.95)).toBe('95 %');
    expect(fmt.confidence(0.94996)).toBe('94.9 %');
  });

  it('reads time, rates, ratios and speed one way', () => {
    expect(fmt.simClock(38)).toBe('Day 2 · 14:00');
    expect(fmt.hours(12_000)).toBe('12,000 h');
    expect(fmt.duration(0.25)).toBe('15 min');
    expect(fmt.oneIn(1 / 29_956)).toBe('1 in 30,000');
    expect(fmt.rateFraction(1 / 10_000)).toBe('1/10,000');
    expect([1.456, null].map(fmt.ratio)).toEqual(['×1.46', '—']);
    expect(fmt.speed(0.25)).toBe('0.25 h/s');
  });
});
