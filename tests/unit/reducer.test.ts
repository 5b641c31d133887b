import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { reduce } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import { balance, join, kick, lockRoom, move, newGame, rename, setTeamCount, setTrack, tokenHashFor, applyAll, outcome } from '../support/actions.js';


const refusal = outcome;

const teamOf = (state: GameState, nickname: string) => state.players.find((p) => p.nickname === nickname)?.teamId;
const sizes = (state: GameState) => state.teams.map((t) => state.players.filter((p) => p.teamId === t.id).length);

describe('a new game', () => {
  it('starts in the lobby with round-robin tracks and default team names', () => {
    const state = newGame({ teamCount: 6 });
    expect(state.phase).toBe('lobby');
    expect(state.version).toBe(0);
    expect(state.teams.map((t) => t.track)).toEqual([
      'cloud-titan', 'edge-guardian', 'mobile-nomad', 'tiny-pioneer', 'cloud-titan', 'edge-guardian',
    ]);
    expect(state.teams.map((t) => t.name)).toEqual(['Team 1', 'Team 2', 'Team 3', 'Team 4', 'Team 5', 'Team 6']);
  });

  it('refuses an invalid code', () => {
    expect(() => newGame({ code: 'OO0011' })).toThrow();
  });
});

describe('joining', () => {
  it('seats each player in the smallest team, ties to the first team', () => {
    const state = applyAll(newGame(), ['ada', 'bob', 'cy', 'dee', 'eve'].map((n) => join(n)));
    expect(state.players.map((p) => p.teamId)).toEqual(['t1', 't2', 't3', 't4', 't1']);
    expect(state.version).toBe(5);
  });

  it('refuses a taken nickname, case-insensitively, and changes nothing', () => {
    const state = applyAll(newGame(), [join('Ada')]);
    const again = reduce(state, { ...join('ada'), tokenHash: tokenHashFor('other') });
    expect(refusal(again)).toBe('nickname/taken');
  });

  it('refuses nicknames that are empty, too long or not trimmed', () => {
    const state = newGame();
    expect(refusal(reduce(state, join('')))).toBe('nickname/invalid');
    expect(refusal(reduce(state, join('x'.repeat(25))))).toBe('nickname/invalid');
    expect(refusal(reduce(state, join(' ada')))).toBe('nickname/invalid');
    expect(refusal(reduce(state, join('x'.repeat(24))))).toBe('accepted');
  });

  it('refuses joins when the room is locked and accepts them again once unlocked', () => {
    const locked = applyAll(newGame(), [lockRoom(true)]);
    expect(refusal(reduce(locked, join('late')))).toBe('game/room-locked');
    const open = applyAll(locked, [lockRoom(false)]);
    expect(refusal(reduce(open, join('late')))).toBe('accepted');
  });

  it('keeps a student id only when the host asked for it', () => {
    const without = applyAll(newGame(), [join('ada', 's123')]);
    expect(without.players[0]!.studentId).toBeNull();
    const withIds = applyAll(newGame({ askStudentId: true }), [join('ada', 's123')]);
    expect(withIds.players[0]!.studentId).toBe('s123');
  });

  it('refuses a join from anyone but a guest', () => {
    expect(refusal(reduce(newGame(), { ...join('ada'), by: { role: 'host' } }))).toBe('auth/forbidden');
  });
});

describe('host controls', () => {
  const four = () => applyAll(newGame(), ['ada', 'bob', 'cy', 'dee', 'eve', 'fay'].map((n) => join(n)));

  it('refuses every host action from a player or a guest', () => {
    const state = four();
    const hostActions: Action[] = [setTeamCount(2), move('p1', 't2'), rename('t1', 'X'), setTrack('t1', 'tiny-pioneer'), lockRoom(true), kick('p1'), balance()];
    for (const action of hostActions) {
      expect(refusal(reduce(state, { ...action, by: { role: 'player', playerId: 'p1' } }))).toBe('auth/forbidden');
      expect(refusal(reduce(state, { ...action, by: { role: 'guest' } }))).toBe('auth/forbidden');
    }
  });

  it('moves a player to another team', () => {
    const result = reduce(four(), move('p1', 't3'));
    expect(result.ok && teamOf(result.state, 'ada')).toBe('t3');
    expect(result.ok && result.events).toEqual([{ type: 'players-moved', playerIds: ['p1'] }]);
    expect(refusal(reduce(four(), move('p99', 't1')))).toBe('player/unknown');
    expect(refusal(reduce(four(), move('p1', 't9')))).toBe('team/unknown');
  });

  it('renames a team and refuses names that are not clean', () => {
    const result = reduce(four(), rename('t2', 'Night Owls'));
    expect(result.ok && result.state.teams[1]!.name).toBe('Night Owls');
    expect(refusal(reduce(four(), rename('t2', '')))).toBe('team/name-invalid');
    expect(refusal(reduce(four(), rename('t2', 'x'.repeat(25))))).toBe('team/name-invalid');
    expect(refusal(reduce(four(), rename('t9', 'Ghosts')))).toBe('team/unknown');
  });

  it("changes a team's track", () => {
    const result = reduce(four(), setTrack('t1', 'tiny-pioneer'));
    expect(result.ok && result.state.teams[0]!.track).toBe('tiny-pioneer');
  });

  it('reseats the players of removed teams when the team count shrinks', () => {
    const state = applyAll(four(), [setTeamCount(2)]);
    expect(state.teams.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(sizes(state)).toEqual([3, 3]);
    expect(state.players.every((p) => p.teamId === 't1' || p.teamId === 't2')).toBe(true);
  });

  it('keeps names and tracks of kept teams when the team count grows', () => {
    const state = applyAll(four(), [rename('t1', 'Alpha'), setTeamCount(8)]);
    expect(state.teams[0]!.name).toBe('Alpha');
    expect(state.teams[7]).toEqual({ id: 't8', name: 'Team 8', track: 'tiny-pioneer' });
    expect(sizes(state)).toEqual([2, 2, 1, 1, 0, 0, 0, 0]);
  });

  it('balances teams so that sizes differ by at most one, moving the latest joiners', () => {
    const state = applyAll(four(), [setTeamCount(1), setTeamCount(3), balance()]);
    expect(sizes(state)).toEqual([2, 2, 2]);
    // The first joiners stay where they were.
    expect(teamOf(state, 'ada')).toBe('t1');
    expect(teamOf(state, 'bob')).toBe('t1');
  });

  it('kicks a player for good: no team, cannot be moved or kicked again', () => {
    const state = applyAll(four(), [kick('p2')]);
    const bob = state.players.find((p) => p.id === 'p2')!;
    expect(bob.kicked).toBe(true);
    expect(bob.teamId).toBeNull();
    expect(refusal(reduce(state, kick('p2')))).toBe('player/kicked');
    expect(refusal(reduce(state, move('p2', 't1')))).toBe('player/kicked');
    // The nickname stays taken so that the kicked student cannot come back as the same name.
    expect(refusal(reduce(state, { ...join('bob'), tokenHash: tokenHashFor('bob2') }))).toBe('nickname/taken');
  });

  it('never changes the state it is given', () => {
    const state = four();
    const before = JSON.stringify(state);
    for (const action of [setTeamCount(2), move('p1', 't2'), kick('p1'), balance(), join('zed')]) reduce(state, action);
    expect(JSON.stringify(state)).toBe(before);
  });
});
