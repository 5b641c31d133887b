// The view diff: applying diff(a, b) to a copy of a gives b, for any JSON; rosters and series cost what changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diff, jsonEqual } from '../../shared/protocol/patch.js';

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, -1, 2.5, '', 'a', 'b'),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'id', 'members', '0'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Two related documents: the second is the first with a few random edits (as views of consecutive versions). */
const doc = fc.dictionary(fc.constantFrom('version', 'teams', 'part2', 'crises', 'timer'), json, { maxKeys: 5 });

describe('diff and applyPatch', () => {
  it('turn any JSON object into any other', () => {
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const patched = applyPatch(structuredClone(a), diff(a, b));
        expect(patched).toEqual(b);
      }),
      { numRuns: 2000 },
    );
  });

  it('send nothing when nothing changed, and treat undefined keys as absent (as JSON does)', () => {
    fc.assert(
      fc.property(doc, (a) => {
        expect(diff(a, structuredClone(a))).toEqual([]);
      }),
    );
    expect(diff({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('send a player joining a roster as one splice, and a member going offline as one value', () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, nickname: `player ${i}`, online: true }));
    const joined = [...members.slice(0, 10), { id: 'new', nickname: 'newcomer', online: true }, ...members.slice(10)];
    expect(diff({ members }, { members: joined })).toEqual([['a', ['members'], 10, 0, [joined[10]]]]);
    const offline = members.map((m, i) => (i === 7 ? { ...m, online: false } : m));
    expect(diff({ members }, { members: offline })).toEqual([['s', ['members', 7, 'online'], false]]);
  });

  it('send only the newest points of a series that grows or slides', () => {
    const points = Array.from({ length: 240 }, (_, i) => ({ hour: i, value: i * 0.5 }));
    const grown = [...points, { hour: 240, value: 120 }];
    expect(diff({ points }, { points: grown })).toEqual([['a', ['points'], 240, 0, [{ hour: 240, value: 120 }]]]);
    const slid = [...points.slice(2), { hour: 240, value: 120 }, { hour: 241, value: 120.5 }];
    const ops = diff({ points }, { points: slid });
    expect(JSON.stringify(ops).length).toBeLessThan(120);
    expect(applyPatch(structuredClone({ points }), ops)).toEqual({ points: slid });
  });

  it('refuses a patch that does not fit the document (the page then asks for a full view)', () => {
    expect(() => applyPatch({ a: 1 }, [['a', ['a'], 0, 0, [1]]])).toThrow();
    expect(() => applyPatch({ a: [1] }, [['a', ['a'], 3, 1, []]])).toThrow();
    expect(() => applyPatch({ a: {} }, [['s', ['a', 'b', 'c'], 1]])).toThrow();
  });
});
