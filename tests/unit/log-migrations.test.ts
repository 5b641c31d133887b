// Log migrations on real logs: a game of rules v3 (Parts 1 and 2, then the debrief) replays under the current
// rules to the same ending, with Part 3 skipped and scoring nothing; a v4 log stands as it is (v5 changed how
// Part 2's clocks run and how its ops score reads, not what an action means).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, upgradeLog, type LogEntry } from '../../server/rooms/migrations.js';
import { replay } from '../../shared/sim/replay.js';
import { RULES_VERSION } from '../../shared/sim/rules-version.js';
import { leaderboard } from '../../shared/sim/scoring.js';
import type { GameConfig } from '../../shared/sim/state.js';

const golden = JSON.parse(readFileSync(new URL('./golden/game-log.json', import.meta.url), 'utf8')) as {
  config: GameConfig;
  log: unknown[];
};
/** The golden game as rules v3 logged it: it went from Part 2's reflection straight to the debrief. */
const V3_LOG: LogEntry[] = golden.log.slice(0, 56).map((action) => ({ action, idem: null }));

describe('log migrations', () => {
  it('carries a finished v3 game to the debrief it reached, with Part 3 skipped', () => {
    const upgrade = upgradeLog(golden.config.code, golden.config, V3_LOG, 3, RULES_VERSION, MIGRATIONS);
    if (!upgrade.ok) throw new Error(upgrade.reason);
    expect(upgrade.log).toHaveLength(V3_LOG.length + 3);
    expect(upgrade.log.slice(-3).map((e) => (e.action as { type: string }).type)).toEqual(['host/next', 'host/next', 'host/next']);
    const state = replay(golden.config, upgrade.log.map((e) => e.action));
    expect([state.phase, state.step]).toEqual(['debrief', null]);
    // Rules v3 scored Part 2's ops 84 and 74 (pinned in the golden test before Part 3 existed); from v5 on the
    // ops score judges decisions against their evidence: 95 and 90 (golden.test.ts says why).
    expect(leaderboard(state).map((r) => [r.name, r.learning, r.ops, r.total])).toEqual([
      ['Night Owls', 290, 95, 385],
      ['Team 2', 201, 90, 291],
      ['Team 3', 51, 0, 51],
    ]);
  });

  it('keeps a v4 log as it is: it replays under per-team clocks and the evidence-based score', () => {
    const v4 = golden.log.map((action) => ({ action, idem: null }));
    const upgrade = upgradeLog(golden.config.code, golden.config, v4, 4, RULES_VERSION, MIGRATIONS);
    expect(upgrade).toEqual({ ok: true, log: v4 });
    const state = replay(golden.config, v4.map((e) => e.action));
    expect([state.phase, state.step]).toEqual(['debrief', null]);
  });

  it('carries a v5 log to v6 without the reflections v6 refuses (a justification under 10 characters)', () => {
    const v5 = golden.log.map((action) => ({ action, idem: null }));
    // Team 2's Part 1 reflection as rules v5 took it: an answer and an empty justification.
    const at = v5.findIndex((e) => (e.action as { type: string }).type === 'team/reflect');
    const empty = { ...(v5[at]!.action as Record<string, unknown>), text: '  ok ' };
    const withEmpty = [...v5.slice(0, at), { action: empty, idem: 'k1' }, ...v5.slice(at + 1)];
    expect(() => replay(golden.config, withEmpty.map((e) => e.action))).toThrow(/reflection\/too-short/);
    const upgrade = upgradeLog(golden.config.code, golden.config, withEmpty, 5, RULES_VERSION, MIGRATIONS);
    if (!upgrade.ok) throw new Error(upgrade.reason);
    expect(upgrade.log).toEqual([...v5.slice(0, at), ...v5.slice(at + 1)]);
    expect(replay(golden.config, upgrade.log.map((e) => e.action)).phase).toBe('debrief');
    // The golden log itself (every justification a sentence) stands as it is.
    expect(upgradeLog(golden.config.code, golden.config, v5, 5, RULES_VERSION, MIGRATIONS)).toEqual({ ok: true, log: v5 });
  });

  it('leaves an unfinished v3 game as it is: it plays Part 3 when the host moves on from Part 2', () => {
    const unfinished = V3_LOG.slice(0, 40);
    const upgrade = upgradeLog(golden.config.code, golden.config, unfinished, 3, RULES_VERSION, MIGRATIONS);
    expect(upgrade).toEqual({ ok: true, log: unfinished });
  });
});
