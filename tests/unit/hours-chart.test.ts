// The live hours charts' shared frame (src/lib/charts/hours-chart.ts): an x axis of whole hours at both ends, at
// least one hour wide, so the ticks fall on whole hours from the first sample on.
import { describe, expect, it } from 'vitest';
import { hoursAxis, wholeHours } from '../../src/lib/charts/hours-chart.js';

describe('wholeHours', () => {
  it('rounds out to whole hours around the samples', () => {
    expect(wholeHours(0.4, 7.5)).toEqual({ min: 0, max: 8 });
    expect(wholeHours(3, 9)).toEqual({ min: 3, max: 9 });
  });

  it('spans at least one hour, with one sample or none', () => {
    expect(wholeHours(2.5, 2.5)).toEqual({ min: 2, max: 3 });
    expect(wholeHours(4, 4)).toEqual({ min: 4, max: 5 });
  });

  it('is the axis’ ends, with one hour between ticks at the least', () => {
    expect(hoursAxis(0.4, 7.5)).toMatchObject({ type: 'value', min: 0, max: 8, minInterval: 1 });
  });
});
