// The charts (ECharts cannot read CSS variables) and the stylesheet name the same colours: a track's badge and
// its bars on the projector must not drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACK_IDS } from '../../shared/sim/tracks.js';
import { INK, TRACK_COLOURS } from '../../src/lib/charts/theme.js';

const css = readFileSync(new URL('../../src/app.css', import.meta.url), 'utf8');

function cssVariable(name: string): string | undefined {
  return new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(css)?.[1]?.toLowerCase();
}

describe('one source of colours for charts and CSS', () => {
  it('gives every track the same colour in app.css as in the chart theme', () => {
    for (const track of TRACK_IDS) expect(cssVariable(`track-${track}`), track).toBe(TRACK_COLOURS[track].toLowerCase());
  });

  it('draws chart text and surfaces in the page colours', () => {
    expect(cssVariable('text')).toBe(INK.text);
    expect(cssVariable('muted')).toBe(INK.muted);
    expect(cssVariable('surface')).toBe(INK.surface);
    expect(cssVariable('border')).toBe(INK.axis);
  });
});
