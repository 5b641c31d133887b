// The pages' pure rules (src/lib): what the host, the players and the projector would notice — a countdown
// that shows the server's time whatever the browser's clock, labels for every phase, a leaderboard that
// always shows one's own team, the right "Next" hint, and settings that only send what changed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clockOffset, formatClock, spokenDuration, timerRemainingMs } from '../../src/lib/clock.js';
import * as fmt from '../../src/lib/format.js';
import { PART2_ACTUAL, PART2_LOCK_TARGET } from '../../shared/sim/parts/part2/answer.js';
import { canaryHeadline } from '../../src/lib/screen/canary-headline.js';
import { LESSON_AGENDA, LESSON_INVARIANT } from '../../src/lib/screen/lesson.js';
import { byTrack, overall, projectedRowLimit, topRows } from '../../src/lib/components/leaderboard.js';
import { nextHint, nextNeedsHold, partAfter, unlockedTeams } from '../../src/lib/host/flow.js';
import { capexValid, previewTruths, settingsChanges } from '../../src/lib/host/settings.js';
import { phaseLabel } from '../../src/lib/phase.js';
import { PHASES, STEPS, type LeaderboardRow, type Timer } from '../../shared/protocol/views.js';
import { TRACK_IDS } from '../../shared/sim/tracks.js';

describe('clock', () => {
  const timer = (over: Partial<Timer>): Timer => ({ durationMs: 600_000, remainingMs: 600_000, runningSince: null, expired: false, ...over });

  it('counts down in server time, so a browser whose clock is off by minutes shows the same time left', () => {
    const serverNow = 1_000_000;
    const running = timer({ runningSince: serverNow - 61_000 });
    for (const skew of [-600_000, 0, 600_000]) {
      const browserNow = serverNow + skew;
      const offset = clockOffset(serverNow, browserNow); // hello received at this browser's now
      expect(timerRemainingMs(running, browserNow + offset)).toBe(539_000);
    }
  });

  it('keeps a paused timer still and an expired one at zero', () => {
    expect(timerRemainingMs(timer({ remainingMs: 42_000 }), 9e12)).toBe(42_000);
    expect(timerRemainingMs(timer({ runningSince: 0, remainingMs: 5_000, expired: true }), 1)).toBe(0);
    expect(timerRemainingMs(timer({ runningSince: 0, remainingMs: 5_000 }), 10_000)).toBe(0);
  });

  it('shows 00:00 only when time is really up, and says the time in words', () => {
    expect(formatClock(600_000)).toBe('10:00');
    expect(formatClock(59_001)).toBe('01:00');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(75 * 60_000)).toBe('75:00');
    expect(spokenDuration(61_000)).toBe('1 minute 1 second');
    expect(spokenDuration(120_000)).toBe('2 minutes');
    expect(spokenDuration(0)).toBe('0 seconds');
  });
});

describe('phase labels', () => {
  it('names every phase and step for every audience, the lobby as a lobby', () => {
    for (const audience of ['host', 'player', 'screen'] as const) {
      for (const phase of PHASES) {
        for (const step of [null, ...STEPS]) expect(phaseLabel(phase, step, audience)).toMatch(/\S/);
      }
      expect(phaseLabel('lobby', null, audience)).toMatch(/lobby/i);
    }
    expect(phaseLabel('part1', 'play', 'player')).toBe('Part 1 · Platform ROI audit');
    expect(phaseLabel('part1', 'reveal', 'screen')).toBe('Part 1 · Reveal');
    expect(phaseLabel('part1', 'reflect', 'host')).toBe('Part 1 · Reflect');
  });
});

describe('leaderboard rows', () => {
  const rows: LeaderboardRow[] = Array.from({ length: 40 }, (_, i) => ({
    rank: i + 1,
    trackRank: Math.floor(i / 4) + 1,
    teamId: `t${i}`,
    name: `Team ${i + 1}`,
    track: TRACK_IDS[i % 4]!,
    learning: 400 - i,
    ops: 0,
    total: 400 - i,
  }));

  it('shows the top of the board and always the own team, once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 39 }), (limit, own) => {
        const shown = topRows(overall(rows), limit, `t${own}`);
        expect(shown.rows.filter((r) => r.teamId === `t${own}`)).toHaveLength(1);
        expect(new Set(shown.rows.map((r) => r.teamId)).size).toBe(shown.rows.length);
        expect(shown.rows.length + shown.hidden).toBe(40);
        expect(shown.gapBefore).toBe(own >= limit ? limit : -1);
      }),
    );
  });

  it('groups by track in track order, each by its track rank', () => {
    const groups = byTrack([...rows].reverse());
    expect(groups.map((g) => g.track)).toEqual([...TRACK_IDS]);
    for (const g of groups) expect(g.rows.map((r) => r.trackRank)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('the projector shows fewer rows on a short screen than on a tall one, between 3 and 10', () => {
    expect(projectedRowLimit(1024, 768)).toBe(7);
    expect(projectedRowLimit(1280, 720)).toBe(6);
    expect(projectedRowLimit(1920, 1080)).toBe(6);
    expect(projectedRowLimit(1280, 1024)).toBe(10);
    expect(projectedRowLimit(1920, 600)).toBe(3);
    expect(projectedRowLimit(1024, 480)).toBe(4);
  });
});

describe('the host flow hint', () => {
  it('says what Next will do at each step, skipping parts not played', () => {
    const parts = [1];
    expect(nextHint({ phase: 'lobby', step: null, parts })).toMatch(/^Start/);
    expect(nextHint({ phase: 'briefing', step: null, parts })).toBe('Next: start Part 1');
    expect(nextHint({ phase: 'part1', step: 'play', parts })).toBe('Next: reveal Part 1');
    expect(nextHint({ phase: 'part1', step: 'reveal', parts })).toBe('Next: reflect on Part 1');
    expect(nextHint({ phase: 'part1', step: 'reflect', parts })).toBe('Next: debrief');
    expect(nextHint({ phase: 'part1', step: 'reflect', parts: [1, 3] })).toBe('Next: start Part 3');
    expect(partAfter([1, 2, 3], 3)).toBeNull();
  });
});

describe('game settings form', () => {
  const current = { capex: 500_000, engineerCost: 150, timerMinutes: 15, autoAdvance: false };

  it('sends only what changed, and nothing when a field is invalid', () => {
    expect(settingsChanges({}, current)).toEqual({});
    expect(settingsChanges({ capex: 500_000, engineerCost: 200 }, current)).toEqual({ engineerCost: 200 });
    expect(settingsChanges({ timerOn: false }, current)).toEqual({ timerMinutes: null });
    expect(settingsChanges({ timerOn: true }, { ...current, timerMinutes: null })).toEqual({ timerMinutes: 15 });
    expect(settingsChanges({ capex: 525_000 }, current)).toBeNull();
    expect(settingsChanges({ engineerCost: null }, current)).toBeNull();
    expect(settingsChanges({ timerMinutes: 0 }, current)).toBeNull();
    expect(capexValid(0) && capexValid(10_000_000) && !capexValid(-50_000)).toBe(true);
  });

  it('previews the hidden truth with the reference values of GAME.md §4', () => {
    expect(previewTruths(500_000, 150).map((t) => t.nStar)).toEqual([73, 53, 44, 39]);
    const cheaper = previewTruths(250_000, 150);
    cheaper.forEach((t, i) => expect(t.nStar).toBeLessThan(previewTruths(500_000, 150)[i]!.nStar));
  });
});

describe('number formats', () => {
  it('writes dollars short and ratios as the reveal shows them', () => {
    expect([0, 50_000, 500_000, 1_000_000, 1_250_000].map(fmt.dollarsShort)).toEqual(['$0', '$50k', '$500k', '$1M', '$1.25M']);
    expect(fmt.ratio(1.46)).toBe('×1.46');
  });
});

describe("the lobby's lesson", () => {
  it('states the invariant of GAME.md and the three parts in order, by their titles', () => {
    expect(`${LESSON_INVARIANT.claim} ${LESSON_INVARIANT.consequence}`).toBe(
      'Operational complexity grows super-linearly with model heterogeneity: O(N) alerts, O(N log N) deployment, ' +
        'O(N²) dependencies. At scale, manual work is toil.',
    );
    expect(LESSON_AGENDA.map((item) => `${item.part} ${item.title}`)).toEqual([
      '1 Platform ROI audit',
      '2 Canary duration',
      '3 Ensemble lockdown',
    ]);
  });
});

describe("Part 2's reveal headline on the projector", () => {
  it('substitutes C = 0.95 and p = 1/1000 and lands on 2995, not 2996 or 3000', () => {
    const headline = canaryHeadline(PART2_LOCK_TARGET.confidence, PART2_LOCK_TARGET.rate);
    expect(headline.formula).toBe('n* = ⌈ln(1 − C) / ln(1 − p)⌉');
    expect(headline.answer).toBe(PART2_ACTUAL);
    expect(headline.answer).toBe(2995);
    expect(headline.substituted).toMatch(/^⌈ln\(1 − 0\.95\) \/ ln\(1 − 1\/1,?000\)⌉$/);
    expect(headline.quotient).toMatch(/^⌈2,?994\.2⌉$/);
  });

  it('follows other targets of GAME.md', () => {
    expect(canaryHeadline(0.99, 1 / 10_000).answer).toBe(46_050);
    expect(canaryHeadline(0.9, 1 / 1000).answer).toBe(2302);
  });
});

describe('no irreversible slip on the host console', () => {
  const teams = [
    { id: 't1', members: [{}] },
    { id: 't2', members: [{}] },
    { id: 't3', members: [] },
  ];
  const locks = (...predictions: (number | null)[]) => ({
    teams: predictions.map((prediction, i) => ({ teamId: `t${i + 1}`, prediction })),
  });

  it('counts the seated teams that have not locked the part in play', () => {
    const view = { phase: 'part1' as const, step: 'play' as const, parts: [1, 2, 3], teams, part1: locks(120, null, null) };
    // t3 has nobody to lock: it does not count.
    expect(unlockedTeams(view)).toBe(1);
    expect(unlockedTeams({ ...view, part1: locks(120, 80, null) })).toBe(0);
    expect(unlockedTeams({ ...view, step: 'reveal' })).toBeNull();
    expect(unlockedTeams({ ...view, phase: 'briefing', step: null })).toBeNull();
  });

  it('asks for a press-and-hold only on Next from a reflection', () => {
    expect(nextNeedsHold({ phase: 'part2', step: 'reflect', parts: [1, 2, 3] })).toBe(true);
    expect(nextNeedsHold({ phase: 'part2', step: 'reveal', parts: [1, 2, 3] })).toBe(false);
    expect(nextNeedsHold({ phase: 'briefing', step: null, parts: [1, 2, 3] })).toBe(false);
  });
});
