// The short forms of team names on a crowded projector: whole when short enough, otherwise the longest leading
// words that still tell the team apart from every other, never a form two teams share.
import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../src/lib/screen/distinct-names.js';

describe('distinctNames', () => {
  it('keeps names within the limit whole', () => {
    expect(distinctNames(['Team 1', 'Team 10', 'Llama Herders'], 14)).toEqual(['Team 1', 'Team 10', 'Llama Herders']);
  });

  it('shortens a long name to its longest distinctive leading words', () => {
    expect(distinctNames(['Llama Herders of the North', 'Team 4'], 14)).toEqual(['Llama Herders…', 'Team 4']);
    expect(distinctNames(['01 Wombat Mammoth Wizards', '02 Wombat Mammoth Wizards', '10 Wombat Mammoth Wizards'], 14)).toEqual([
      '01 Wombat…',
      '02 Wombat…',
      '10 Wombat…',
    ]);
  });

  it('keeps a name whole when no short leading words tell it apart', () => {
    const names = ['Wombat Mammoth Wizards A', 'Wombat Mammoth Wizards B', 'Supercalifragilistic Team'];
    expect(distinctNames(names, 14)).toEqual(names);
  });

  it('never gives two teams the same short form (case aside)', () => {
    const names = ['Road Warriors of Doom', 'road warriors of light', 'Road Runners United'];
    const short = distinctNames(names, 14);
    expect(new Set(short.map((s) => s.toLowerCase())).size).toBe(names.length);
    expect(short[2]).toBe('Road Runners…');
  });
});
