// The team phone's pure rules: who agrees with a lock, the note when a teammate's lock replaced one's typing,
// what the connection banner says, and when a refusal has lost its cause.
import { describe, expect, it } from 'vitest';
import { agreementFor, supersededNote } from '../../src/lib/play/agreement.js';
import { linkMessage } from '../../src/lib/components/connection-banner.js';
import { refusalStands, type RefusalContext } from '../../src/lib/refusal.js';

const members = [
  { id: 'p1', nickname: 'Ada', online: true },
  { id: 'p2', nickname: 'Bo', online: true },
  { id: 'p3', nickname: 'Cy', online: true },
  { id: 'p4', nickname: 'Dee', online: false },
];
const proposal = { part: 1, value: 3000, byId: 'p1', byNickname: 'Ada', agreed: [{ id: 'p1', nickname: 'Ada' }, { id: 'p2', nickname: 'Bo' }] };

describe('agreement before a lock', () => {
  it('counts the online members behind the value, the one who locks included', () => {
    expect(agreementFor(3000, proposal, members, 'p3')).toEqual({ agree: 3, online: 3, everyone: true });
    expect(agreementFor(3000, proposal, members, 'p1')).toEqual({ agree: 2, online: 3, everyone: false });
    // Another value than the proposal's has only the one who locks behind it.
    expect(agreementFor(2500, proposal, members, 'p3')).toEqual({ agree: 1, online: 3, everyone: false });
    expect(agreementFor(null, null, members, 'p2')).toEqual({ agree: 1, online: 3, everyone: false });
  });

  it('lets a member alone online lock with a press', () => {
    const alone = members.map((m) => ({ ...m, online: m.id === 'p4' }));
    expect(agreementFor(10, null, alone, 'p4').everyone).toBe(true);
  });

  it('says whose lock replaced what one was entering, and nothing when nothing was lost', () => {
    const show = (v: number | string) => String(v);
    expect(supersededNote(2500, 3000, 'Ada', 'Bo', show)).toBe('Ada locked 3000 while you were typing 2500.');
    expect(supersededNote('b', 'a', 'Ada', 'Bo', show)).toBe('Ada locked a while you were picking b.');
    expect(supersededNote(3000, 3000, 'Ada', 'Bo', show)).toBeNull();
    expect(supersededNote(null, 3000, 'Ada', 'Bo', show)).toBeNull();
    expect(supersededNote(2500, 3000, 'Bo', 'Bo', show)).toBeNull();
  });
});

describe('the connection banner', () => {
  it('blames the phone when the phone is offline, the server when the phone is online', () => {
    expect(linkMessage('offline', false)?.text).toMatch(/^You are offline/);
    expect(linkMessage('online', false)?.text).toMatch(/^You are offline/);
    expect(linkMessage('offline', true)?.text).toMatch(/^Server unreachable/);
    expect(linkMessage('offline', true, true)?.text).toMatch(/reconnecting/);
  });

  it('says nothing once the link is back, and leaves refusals to their own page', () => {
    expect(linkMessage('online', true)).toBeNull();
    expect(linkMessage('refused', true)).toBeNull();
    expect(linkMessage('closed', false)).toBeNull();
  });
});

describe('a refusal shown on a page', () => {
  const then: RefusalContext = { version: 10, phase: 'part1', step: 'play', paused: true, hello: 'h1' };
  it('goes when its cause is gone', () => {
    expect(refusalStands('game/paused', then, { ...then })).toBe(true);
    expect(refusalStands('game/paused', then, { ...then, paused: false })).toBe(false);
    expect(refusalStands('phase/closed', then, { ...then, version: 11 })).toBe(true);
    expect(refusalStands('phase/closed', then, { ...then, step: 'reveal' })).toBe(false);
    expect(refusalStands('server/error', then, { ...then })).toBe(true);
    expect(refusalStands('server/error', then, { ...then, version: 11 })).toBe(false);
    expect(refusalStands('server/error', then, { ...then, hello: 'h2' })).toBe(false);
  });

  it('stays when its cause cannot go by itself', () => {
    expect(refusalStands('lock/out-of-range', then, { ...then, version: 99, paused: false })).toBe(true);
  });
});
