// The debrief's pure core on the golden game: a replay to any version is the live state at that version, the
// timeline lays crises, decisions and outcomes on one axis, a "what if" branches exactly at its decision, and
// the talking points come from what the teams did.
import { describe, expect, it } from 'vitest';
import { ActionSchema } from '../../shared/sim/actions.js';
import { ReplayCursor } from '../../shared/sim/debrief/replay-cursor.js';
import { branchAt, whatIf } from '../../shared/sim/debrief/what-if.js';
import { continueWalk, debriefFromLog, debriefOf, startWalk } from '../../shared/sim/debrief/timeline.js';
import { stateHash } from '../../shared/sim/hash.js';
import { replayTo } from '../../shared/sim/replay.js';
import { part2Of } from '../support/slices.js';
import { golden, goldenStates } from '../support/golden.js';

describe('replay', () => {
  it('rebuilds the live state at every version of the log', () => {
    const live = goldenStates();
    for (const [version, state] of live.entries()) {
      expect(stateHash(replayTo(golden.config, golden.log, version)), `version ${version}`).toBe(stateHash(state));
    }
    expect(() => replayTo(golden.config, golden.log, golden.log.length + 1)).toThrow(RangeError);
  });

  it('scrubs back and forth through kept states to the live state of each version', () => {
    const live = goldenStates();
    const cursor = new ReplayCursor(golden.config, golden.log, 10);
    for (const version of [70, 25, 78, 0, 41, 40, 39, 78, 9, 10, 11]) {
      expect(stateHash(cursor.seek(version)), `version ${version}`).toBe(stateHash(live[version]!));
    }
    expect(cursor.last).toBe(78);
    expect(() => cursor.seek(79)).toThrow(RangeError);
  });
});

describe('timeline', () => {
  const debrief = debriefFromLog(golden.config, golden.log, 'host');

  it('puts crises, decisions and outcomes per team on one axis, Part 3 after Part 2', () => {
    expect(debrief.part3From).toBe(7);
    const t1 = debrief.entries.filter((e) => e.teamId === 't1');
    expect(t1.map((e) => [e.kind, e.axis, e.label.split(' (')[0]]).slice(0, 8)).toEqual([
      ['decision', 0, 'Run 1: 95 % against 1 in 1,000, shadow 50 %, random'],
      // Each team's clock ran its own hours: the crises struck Night Owls at its own hour.
      ['crisis', 0.2995, 'Traffic spike'],
      ['decision', 0.2995, 'Promote run 1 to 1 %'],
      ['crisis', 3.2995, 'The world drifted'],
      ['decision', 4.2995, 'Promote run 1 to 5 %'],
      ['decision', 4.2995, 'Promote run 1 to 25 %'],
      ['decision', 4.2995, 'Promote run 1 to 50 %'],
      ['decision', 4.2995, 'Ship run 1'],
    ]);
    // The world drifted was aimed at one team only.
    expect(debrief.entries.filter((e) => e.label === 'The world drifted').map((e) => e.teamId)).toEqual(['t1']);
    // Team 2's domino in Part 3 sits at Part 3's hour 2, i.e. 9 on the axis (Part 2's latest team clock ended in its 7th hour).
    expect(debrief.entries.find((e) => e.teamId === 't2' && e.label === 'Dependency domino')).toMatchObject({ part: 'part3', hour: 2, axis: 9 });
    // A decision carries the evidence the team had in hand, and what a "what if" may put in its place.
    expect(t1.find((e) => e.version === 44)).toMatchObject({
      label: 'Promote run 1 to 1 % (confidence 94.8 % of 95 %)',
      alternatives: [{ id: 'extend' }, { id: 'rollback' }],
    });
    expect(debrief.entries.find((e) => e.teamId === 't2' && e.kind === 'outcome' && e.part === 'part2')?.label).toBe('Run 1: first failure seen');
  });

  it('walks the same timeline whether built at once or continued as the log grows', () => {
    const half = continueWalk(startWalk(golden.config), golden.log.slice(0, 45));
    const whole = continueWalk(half, golden.log.slice(45));
    expect(debriefOf(whole, 'host')).toEqual(debrief);
  });

  it('tells each team its canary story and gives the host talking points, the projector none', () => {
    const story = debrief.stories.find((s) => s.teamId === 't1')!;
    expect(story.runs).toHaveLength(1);
    expect(story.runs[0]).toMatchObject({ number: 1, target: 0.95, outcome: 'shipped' });
    expect(story.runs[0]!.points.length).toBeGreaterThan(1);
    const texts = debrief.talkingPoints.map((p) => p.text);
    expect(texts).toContain("Ask: why did Tiny Pioneer's N* fall to 34? (h = 4: the 0.5·h·N² dependency term)");
    expect(texts).toContain('Night Owls locked 3000: the rule of three. Ask why the exact answer is 2995.');
    expect(texts.some((t) => t.startsWith('Team 2 failed silently for 6.0 simulated hours'))).toBe(true);
    expect(debriefFromLog(golden.config, golden.log, 'screen').talkingPoints).toEqual([]);
  });
});

describe('what if', () => {
  const walk = continueWalk(startWalk(golden.config), golden.log);
  const live = goldenStates();

  it('branches exactly at the decision: the same game before it, the replacement at it', () => {
    // Night Owls promoted run 1 into its first live stage at version 44: what if they had rolled back?
    const result = branchAt(golden.config, golden.log, 44, 'rollback', ['extend', 'rollback']);
    if (!result.ok) throw new Error(result.code);
    const { log, state, skipped } = result.branch;
    expect(log.slice(0, 43)).toEqual(golden.log.slice(0, 43).map((raw) => ActionSchema.parse(raw)));
    expect(stateHash(replayTo(golden.config, log, 43))).toBe(stateHash(live[43]!));
    expect(log[43]).toEqual({ type: 'team/rollback', by: { role: 'player', playerId: 'p1' }, cohortId: null });
    expect(stateHash(replayTo(golden.config, log, 44))).not.toBe(stateHash(live[44]!));
    // The four later promotions of a run that no longer exists are refused in the branch, and skipped.
    expect(skipped).toBe(4);
    expect(part2Of(state)!.teams.t1!.runs.map((r) => r.outcome)).toEqual(['rolled-back']);
    expect(part2Of(live.at(-1)!)!.teams.t1!.runs.map((r) => r.outcome)).toEqual(['shipped']);
    // Other teams play exactly the same game: same seeds, same decisions.
    expect(part2Of(state)!.teams.t2).toEqual(part2Of(live.at(-1)!)!.teams.t2);
    expect(golden.log).toHaveLength(78); // the log itself is untouched
  });

  it('shows both outcomes side by side', () => {
    const result = whatIf(golden.config, golden.log, walk, 44, 'rollback');
    if (!result.ok) throw new Error(result.code);
    const { whatIf: w } = result;
    expect(w).toMatchObject({ teamName: 'Night Owls', replacement: { id: 'rollback', label: 'Roll back' }, skipped: 4 });
    const fact = (side: typeof w.live, label: string) => side.facts.find((f) => f.label === label)?.value;
    expect(fact(w.live, 'Last run')).toBe('shipped at 4.3 h');
    expect(fact(w.branch, 'Last run')).toBe('rolled-back at 0.3 h');
    const total = (side: typeof w.live) => side.leaderboard.find((r) => r.teamId === 't1')!.total;
    expect(total(w.live)).toBe(632);
    expect(total(w.branch)).not.toBe(total(w.live));
  });

  it('refuses a branch that is not a decision, or that changes nothing', () => {
    const tick = golden.log.findIndex((raw) => (raw as { type: string }).type === 'sim/tick') + 1;
    expect(whatIf(golden.config, golden.log, walk, tick, 'rollback')).toEqual({ ok: false, code: 'whatif/not-a-decision' });
    expect(whatIf(golden.config, golden.log, walk, 44, 'promote')).toEqual({ ok: false, code: 'whatif/same' });
    expect(whatIf(golden.config, golden.log, walk, 9_999, 'promote')).toEqual({ ok: false, code: 'whatif/not-a-decision' });
  });
});
