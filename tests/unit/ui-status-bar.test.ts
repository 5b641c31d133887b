// The team phone's sticky status bar and its alerts (src/lib/play/status-bar.ts), and the Part 2 instrument
// tabs (fleet-layout.ts): what a student notices — the stage, "Decision due", confidence against the target, the
// newest crisis — and a buzz and a toast only when a crisis strikes or a decision falls due, never on the
// page's first view or on a tick that changes nothing.
import { describe, expect, it } from 'vitest';
import type { CrisisBanner, RunView, TeamView, Timer } from '../../shared/protocol/views.js';
import { DECISION_TOAST, statusAlerts, teamStatus, toastHolds, WARNING_LOCKED_TOAST, WARNING_TOAST } from '../../src/lib/play/status-bar.js';
import { instrumentTabs, shownTab } from '../../src/lib/parts/part2/play/fleet-layout.js';

type StatusView = Parameters<typeof teamStatus>[0];

// Only the fields the status reads; the cast keeps the test to what it is about.
const run = (over: Partial<RunView>): RunView =>
  ({ number: 1, stage: -1, outcome: 'running', confidence: 0.5, config: { confidence: 0.95 }, ...over }) as RunView;
const part2 = (runs: RunView[], crises: CrisisBanner[] = []): StatusView =>
  ({ phase: 'part2', step: 'play', crises, part2: { fleet: { runs } } }) as unknown as StatusView;
const storm: CrisisBanner = { id: 'alert-storm', title: 'Alert storm', text: 'The CFO…', at: 12, part: 'part2', aimed: false };
const spike: CrisisBanner = { id: 'traffic-spike', title: 'Traffic spike', text: '…', at: 20, part: 'part2', aimed: false };

describe('the status bar', () => {
  it('reads the phase outside the live fleet, and the run, its state and confidence vs target on it', () => {
    const part1 = { phase: 'part1', step: 'play', crises: [], part2: null } as unknown as TeamView;
    expect(teamStatus(part1)).toMatchObject({ state: null, confidence: null, crisis: null });
    expect(teamStatus(part1).stage).toMatch(/^Part 1/);
    expect(teamStatus(part2([])).stage).toBe('Part 2 · No run yet');
    const status = teamStatus(part2([run({ number: 2, stage: 2, outcome: 'holding', confidence: 0.9612 })]));
    expect(status.stage).toBe('Part 2 · Run 2 · 25 % live');
    expect(status.state).toEqual({ text: 'Decision due', tone: 'warn' });
    expect(status.confidence).toEqual({ text: '96.1 %', target: '95 %', reached: true });
    expect(teamStatus(part2([run({ confidence: 0.9499 })])).confidence).toMatchObject({ text: '94.9 %', reached: false });
  });

  it('chips the newest crisis, by the simulated hour it struck', () => {
    expect(teamStatus(part2([], [spike, storm])).crisis).toEqual({ title: 'Traffic spike', key: 'traffic-spike@20' });
  });

  it('alerts on a new crisis and a decision newly due, not on the first view nor on an unchanged one', () => {
    const calm = teamStatus(part2([run({})]));
    expect(statusAlerts(null, teamStatus(part2([run({ outcome: 'holding' })], [storm])))).toEqual([]);
    expect(statusAlerts(calm, calm)).toEqual([]);
    const struck = teamStatus(part2([run({})], [storm]));
    expect(statusAlerts(calm, struck)).toEqual([{ text: 'Crisis: Alert storm', urgent: true }]);
    expect(statusAlerts(struck, struck)).toEqual([]);
    const due = teamStatus(part2([run({ outcome: 'holding' })], [storm]));
    expect(statusAlerts(struck, due)).toEqual([{ text: 'Decision due: promote, extend or roll back.', urgent: true }]);
    expect(statusAlerts(due, due)).toEqual([]);
    // Promoted, then due again at the next stage: a new decision.
    const dueAgain = teamStatus(part2([run({ outcome: 'holding', stage: 0 })], [storm]));
    expect(statusAlerts(due, dueAgain)).toHaveLength(1);
  });

  it('takes a toast down as soon as its cause is gone', () => {
    const due = teamStatus(part2([run({ outcome: 'holding' })], [storm]));
    const decided = teamStatus(part2([run({})], [storm]));
    const dueAgain = teamStatus(part2([run({ outcome: 'holding', stage: 0 })], [storm]));
    expect(toastHolds(DECISION_TOAST, due, due)).toBe(true);
    expect(toastHolds(DECISION_TOAST, due, decided)).toBe(false);
    expect(toastHolds(DECISION_TOAST, due, dueAgain)).toBe(false);
    // A crisis toast stays while that crisis is the newest; a newer one takes its place.
    expect(toastHolds('Crisis: Alert storm', due, decided)).toBe(true);
    expect(toastHolds('Crisis: Alert storm', due, teamStatus(part2([run({})], [storm, spike])))).toBe(false);
  });

  it("toasts the host's warning once, when it is given during play", () => {
    const warning: Timer = { durationMs: 30_000, remainingMs: 30_000, runningSince: 1, expired: false };
    const part1 = (w: typeof warning | null, step = 'play') => ({ phase: 'part1', step, crises: [], part2: null, warning: w }) as unknown as TeamView;
    const before = teamStatus(part1(null));
    const warned = teamStatus(part1(warning));
    expect(warned.warned).toBe(true);
    expect(statusAlerts(before, warned)).toEqual([{ text: WARNING_TOAST, urgent: true }]);
    expect(statusAlerts(warned, teamStatus(part1({ ...warning, runningSince: null })))).toEqual([]);
    expect(teamStatus(part1(warning, 'reveal')).warned).toBe(false);
  });

  it('tells a team that has locked the warning calmly, without a buzz, and drops the urgent one once it locks', () => {
    const warning: Timer = { durationMs: 30_000, remainingMs: 30_000, runningSince: 1, expired: false };
    const inPart = (phase: 'part1' | 'part2' | 'part3', prediction: number | string | null, w: Timer | null) =>
      ({ phase, step: 'play', crises: [], part1: null, part2: null, part3: null, [phase]: { prediction }, warning: w }) as unknown as TeamView;
    for (const [phase, value] of [['part1', 40], ['part2', 3000], ['part3', 'b']] as const) {
      const locked = teamStatus(inPart(phase, value, warning));
      expect(locked.locked).toBe(true);
      expect(statusAlerts(teamStatus(inPart(phase, value, null)), locked)).toEqual([{ text: WARNING_LOCKED_TOAST, urgent: false }]);
      expect(WARNING_LOCKED_TOAST).toBe('The host reveals in 30 seconds — your team has locked.');
      const open = teamStatus(inPart(phase, null, warning));
      expect(statusAlerts(teamStatus(inPart(phase, null, null)), open)).toEqual([{ text: WARNING_TOAST, urgent: true }]);
      // The team locks while the urgent toast shows: its request is met, so it goes; the calm one stays.
      expect(toastHolds(WARNING_TOAST, open, open)).toBe(true);
      expect(toastHolds(WARNING_TOAST, open, locked)).toBe(false);
      expect(toastHolds(WARNING_LOCKED_TOAST, locked, locked)).toBe(true);
    }
  });
});

describe('the Part 2 instrument tabs', () => {
  it('puts a struck crisis instrument first and flagged, the run instruments next, calm ones last', () => {
    const tabs = instrumentTabs({ top: ['slices'], bottom: ['alerts'] }, true);
    expect(tabs.map((t) => `${t.flag ? '⚠' : ''}${t.label}`)).toEqual(['⚠FPS by slice', 'Confidence', 'Risk radar', 'Shadow', 'Alert noise']);
    expect(instrumentTabs({ top: [], bottom: ['alerts'] }, false).map((t) => t.id)).toEqual(['alerts']);
  });

  it('shows the chosen tab while it exists, else the first', () => {
    const tabs = instrumentTabs({ top: [], bottom: ['alerts'] }, true);
    expect(shownTab(tabs, null)).toBe('clock');
    expect(shownTab(tabs, 'radar')).toBe('radar');
    expect(shownTab(tabs, 'slices')).toBe('clock');
    expect(shownTab(instrumentTabs({ top: ['alerts'], bottom: [] }, true), null)).toBe('alerts');
    expect(shownTab([], null)).toBeNull();
  });
});
