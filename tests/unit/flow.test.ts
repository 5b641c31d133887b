// The session flow and Part 1 rules: every transition and every refusal, on the pure reducer.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/sim/actions.js';
import { timerDueAt } from '../../shared/sim/flow.js';
import { reduce } from '../../shared/sim/reducer.js';
import type { GameState } from '../../shared/sim/state.js';
import { part1Of, part2Of } from '../support/slices.js';
import {
  AT, expire, extend, join, kick, lock, newGame, next, pause, reflectAs, resume, reveal, setSettings, setTeamCount,
  setTrack, start, balance, player, applyAll, outcome } from '../support/actions.js';

const code = outcome;
const where = (s: GameState) => [s.phase, s.step];

/** Four teams of two, one per track, in the lobby. */
const lobby = () => applyAll(newGame(), ['a1', 'b1', 'c1', 'd1', 'a2', 'b2', 'c2', 'd2'].map((n) => join(n)));
const inPlay = (settings = {}) => applyAll(lobby(), [setSettings(settings), start(), next()]);
const MIN = 60_000;

describe('the session flow', () => {
  it('walks lobby → briefing → parts 1, 2 and 3 (play, reveal, reflect each) → debrief', () => {
    let state = lobby();
    expect(where(state)).toEqual(['lobby', null]);
    const steps: [Action, [string, string | null]][] = [
      [start(), ['briefing', null]],
      [next(), ['part1', 'play']],
      [next(), ['part1', 'reveal']],
      [next(), ['part1', 'reflect']],
      [next(), ['part2', 'play']],
      [next(), ['part2', 'reveal']],
      [next(), ['part2', 'reflect']],
      [next(), ['part3', 'play']],
      [next(), ['part3', 'reveal']],
      [next(), ['part3', 'reflect']],
      [next(), ['debrief', null]],
    ];
    for (const [action, expected] of steps) {
      state = applyAll(state, [action]);
      expect(where(state)).toEqual(expected);
    }
  });

  it('reveals with Reveal during play, and only then', () => {
    const state = applyAll(inPlay(), [reveal()]);
    expect(where(state)).toEqual(['part1', 'reveal']);
    expect(part1Of(state)!.revealed).toBe(true);
    expect(code(reduce(state, reveal()))).toBe('phase/closed');
    expect(code(reduce(lobby(), reveal()))).toBe('phase/closed');
    expect(code(reduce(applyAll(lobby(), [start()]), reveal()))).toBe('phase/closed');
  });

  it('refuses Start after the lobby and Next in the lobby and the debrief', () => {
    expect(code(reduce(lobby(), next()))).toBe('phase/closed');
    expect(code(reduce(applyAll(lobby(), [start()]), start()))).toBe('phase/closed');
    const debrief = applyAll(inPlay(), [next(), next(), next(), next(), next(), next(), next(), next(), next()]);
    expect(where(debrief)).toEqual(['debrief', null]);
    expect(code(reduce(debrief, next()))).toBe('phase/closed');
  });

  it('refuses every flow action from a player, and the timer expiry from anyone but the server', () => {
    for (const action of [start(), next(), reveal(), pause(), resume(), extend(5), setSettings({ capex: 1 })]) {
      expect(code(reduce(inPlay(), { ...action, by: player('p1') }))).toBe('auth/forbidden');
    }
    expect(code(reduce(inPlay(), { ...expire(AT + 15 * MIN), by: { role: 'host' } }))).toBe('auth/forbidden');
  });

  it('keeps team shape fixed once the game has started', () => {
    const briefing = applyAll(lobby(), [start()]);
    expect(code(reduce(briefing, setTeamCount(2)))).toBe('phase/closed');
    expect(code(reduce(briefing, setTrack('t1', 'tiny-pioneer')))).toBe('phase/closed');
    expect(code(reduce(briefing, balance()))).toBe('phase/closed');
    // Late joiners still get in, into the smallest team.
    expect(code(reduce(briefing, join('late')))).toBe('accepted');
  });

  it('accepts settings in the lobby and the briefing only', () => {
    const briefing = applyAll(lobby(), [setSettings({ capex: 250_000 }), start(), setSettings({ engineerCost: 200 })]);
    expect(briefing.settings).toMatchObject({ capex: 250_000, engineerCost: 200, timerMinutes: 15 });
    expect(code(reduce(applyAll(briefing, [next()]), setSettings({ capex: 1 })))).toBe('phase/closed');
  });
});

describe('the part timer', () => {
  it('starts with the part, stops while paused, and resumes where it was', () => {
    let state = inPlay();
    expect(state.timer).toEqual({ durationMs: 15 * MIN, remainingMs: 15 * MIN, runningSince: AT, expired: false });
    expect(timerDueAt(state)).toBe(AT + 15 * MIN);
    state = applyAll(state, [pause(AT + 5 * MIN)]);
    expect(state.paused).toBe(true);
    expect(state.timer).toMatchObject({ remainingMs: 10 * MIN, runningSince: null });
    expect(timerDueAt(state)).toBeNull();
    expect(code(reduce(state, pause(AT + 6 * MIN)))).toBe('game/paused');
    state = applyAll(state, [resume(AT + 20 * MIN)]);
    expect(timerDueAt(state)).toBe(AT + 30 * MIN);
    expect(code(reduce(state, resume(AT + 21 * MIN)))).toBe('phase/closed');
  });

  it('extends by minutes, and expires only when due', () => {
    const state = applyAll(inPlay(), [extend(5, AT + MIN)]);
    expect(timerDueAt(state)).toBe(AT + 20 * MIN);
    expect(code(reduce(state, expire(AT + 19 * MIN)))).toBe('timer/none');
    const expired = applyAll(state, [expire(AT + 20 * MIN)]);
    expect(expired.timer).toMatchObject({ expired: true, remainingMs: 0, runningSince: null });
    expect(where(expired)).toEqual(['part1', 'play']);
    // Extending an expired timer starts it again.
    expect(timerDueAt(applyAll(expired, [extend(2, AT + 25 * MIN)]))).toBe(AT + 27 * MIN);
  });

  it('reveals by itself at expiry when auto-advance is on', () => {
    const state = applyAll(inPlay({ autoAdvance: true, timerMinutes: 1 }), [expire(AT + MIN)]);
    expect(where(state)).toEqual(['part1', 'reveal']);
    expect(state.timer).toBeNull();
  });

  it('has no timer when the host turned it off, so nothing to extend', () => {
    const state = inPlay({ timerMinutes: null });
    expect(state.timer).toBeNull();
    expect(code(reduce(state, extend(5)))).toBe('timer/none');
  });
});

describe('the Part 1 lock', () => {
  it('lets any member lock once for the whole team', () => {
    const state = applyAll(inPlay(), [lock('p5', 60)]); // a2 of team 1
    expect(part1Of(state)!.teams.t1).toEqual({ prediction: 60, lockedBy: 'p5', reflection: null });
    expect(code(reduce(state, lock('p1', 70)))).toBe('lock/already-locked');
    expect(code(reduce(state, lock('p5', 60)))).toBe('lock/already-locked');
  });

  it('refuses locks out of range, in the wrong phase, after the reveal, while paused, or from a kicked player', () => {
    expect(code(reduce(inPlay(), lock('p1', 0)))).toBe('lock/out-of-range');
    expect(code(reduce(inPlay(), lock('p1', 501)))).toBe('lock/out-of-range');
    expect(code(reduce(inPlay(), lock('p1', 12.5)))).toBe('lock/out-of-range');
    expect(code(reduce(lobby(), lock('p1', 50)))).toBe('phase/closed');
    expect(code(reduce(applyAll(lobby(), [start()]), lock('p1', 50)))).toBe('phase/closed');
    expect(code(reduce(applyAll(inPlay(), [reveal()]), lock('p1', 50)))).toBe('phase/closed');
    expect(code(reduce(applyAll(inPlay(), [pause()]), lock('p1', 50)))).toBe('game/paused');
    expect(code(reduce(applyAll(inPlay(), [kick('p1')]), lock('p1', 50)))).toBe('team/none');
    expect(code(reduce(inPlay(), { ...lock('p1', 50), by: { role: 'host' } }))).toBe('auth/forbidden');
  });
});

describe('the Part 1 reflection', () => {
  const reflecting = () => applyAll(inPlay(), [lock('p1', 73), next(), next()]);

  it('is accepted in the reflect step, from any member, and the last submission counts', () => {
    const state = applyAll(reflecting(), [reflectAs('p1', 'b', 'First thought.'), reflectAs('p5', 'a', 'Second thought.')]);
    expect(part1Of(state)!.teams.t1!.reflection).toEqual({ choice: 'a', text: 'Second thought.', by: 'p5' });
  });

  it('needs a real justification: under 10 characters once trimmed it is refused, and nothing is counted', () => {
    for (const text of ['', '      ', '\n\t  \n', 'Because', '   short   ', '123456789']) {
      expect(code(reduce(reflecting(), reflectAs('p1', 'b', text))), JSON.stringify(text)).toBe('reflection/too-short');
    }
    // A refused one leaves an earlier, real reflection as it was.
    const kept = applyAll(reflecting(), [reflectAs('p1', 'b', 'Toil grows with N².')]);
    expect(code(reduce(kept, reflectAs('p5', 'a', '  ')))).toBe('reflection/too-short');
    // Exactly 10 characters is enough.
    expect(part1Of(applyAll(reflecting(), [reflectAs('p1', 'b', ' 1234567890 ')]))!.teams.t1!.reflection?.text).toBe(' 1234567890 ');
    expect(part1Of(kept)!.teams.t1!.reflection).toEqual({ choice: 'b', text: 'Toil grows with N².', by: 'p1' });
  });

  it('is refused before the reflect step and after it', () => {
    expect(code(reduce(inPlay(), reflectAs('p1')))).toBe('phase/closed');
    expect(code(reduce(applyAll(inPlay(), [reveal()]), reflectAs('p1')))).toBe('phase/closed');
    expect(code(reduce(applyAll(reflecting(), [next()]), reflectAs('p1')))).toBe('phase/closed');
    // Part 2 has a lock of its own, and a fresh timer.
    const part2 = applyAll(reflecting(), [next(AT + 30 * MIN)]);
    expect(where(part2)).toEqual(['part2', 'play']);
    expect(part2.timer).toMatchObject({ remainingMs: 15 * MIN, runningSince: AT + 30 * MIN });
    expect(part2Of(part2)!.teams.t1!.prediction).toBeNull();
    expect(code(reduce(applyAll(reflecting(), [pause()]), reflectAs('p1')))).toBe('game/paused');
  });
});
