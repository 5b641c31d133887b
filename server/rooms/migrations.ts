// Logs of older rules brought to the current ones. A stored game of another rules version is replayed only
// if every step from its version to the server's is registered here; otherwise it is refused, not guessed at.
import { justificationLength, REFLECTION_MIN } from '../../shared/protocol/limits.js';
import { ActionSchema } from '../../shared/sim/actions.js';
import { createGame, reduce } from '../../shared/sim/reducer.js';
import type { GameConfig, GameState } from '../../shared/sim/state.js';
import type { StoredAction } from '../store/store.js';

/** A logged action as a migration sees it: its seq is recomputed by replaying the migrated log. */
export type LogEntry = Omit<StoredAction, 'seq'>;

/** Rewrites a log of rules v(n) into the log that rules v(n+1) replay to the same game. */
export type LogMigration = (log: readonly LogEntry[], config: GameConfig) => LogEntry[];

/**
 * v3 → v4 added Part 3 after Part 2. A v3 log that went from Part 2 to the debrief would now enter Part 3: after
 * the Next that does so, the host's three Nexts through Part 3 (play → reveal → reflect → debrief) are added at
 * the same time, so the game ends where it ended, with Part 3 skipped and scoring nothing (no team locked).
 */
function skipPart3(log: readonly LogEntry[], config: GameConfig): LogEntry[] {
  let state: GameState = createGame(config);
  const out: LogEntry[] = [];
  for (const entry of log) {
    out.push(entry);
    const action = ActionSchema.parse(entry.action);
    const result = reduce(state, action);
    if (!result.ok) return [...log]; // a corrupt log: the replay after the migration refuses it with its reason
    const entered = state.phase === 'part2' && result.state.phase === 'part3';
    state = result.state;
    if (entered && action.type === 'host/next') {
      for (let i = 0; i < 3; i++) {
        const skip = { type: 'host/next', by: { role: 'host' }, at: action.at } as const;
        out.push({ action: skip, idem: null });
        const skipped = reduce(state, skip);
        if (!skipped.ok) return [...log];
        state = skipped.state;
      }
    }
  }
  return out;
}

/**
 * v5 → v6 refuses a reflection whose justification is under REFLECTION_MIN characters (an empty text scored like a
 * reasoned one). Such a reflection in an older log would stop its game from replaying at all, so it is left out of
 * the migrated log: under the rules the game is now kept by, it never counted (its team's 50 points go, as they
 * would have been refused). Everything else in the log stands.
 */
function dropUnjustifiedReflections(log: readonly LogEntry[]): LogEntry[] {
  return log.filter((entry) => {
    const action = ActionSchema.safeParse(entry.action);
    return !(action.success && action.data.type === 'team/reflect' && justificationLength(action.data.text) < REFLECTION_MIN);
  });
}

/** The migrations, keyed by the rules version they read. */
export const MIGRATIONS: Readonly<Record<number, LogMigration>> = {
  // v1 → v2 changed the state's shape, not the actions: the log stands; the replay from its start rebuilds
  // the state in the new shape (the migration drops the old snapshots).
  1: (log) => [...log],
  // v2 → v3 strikes a scheduled crisis at its hour instead of a tick late. The log stands; a game that had a
  // crisis scheduled replays with it on time (its fleets' later draws differ), which is the rule it was meant
  // to be played under.
  2: (log) => [...log],
  3: skipPart3,
  // v4 → v5 gives each team its own Part 2 clock (it starts with the team's first run and holds while a decision
  // is due) and scores decisions against the evidence they record. The log stands: its actions mean what they
  // meant. On replay, a team's fleet sees only the hours its own clock ran, so its draws, its decisions' hours,
  // the hours at which crises struck it and its ops score differ from the v4 game; a decision made while
  // the v4 part clock had already passed the team's hour now counts at the team's hour.
  4: (log) => [...log],
  // v5 → v6 judges promotions by the failures seen too, takes every run's exposure off the canary's score, closes
  // a clean shadow window on its n* (docs/scoring.md), counts the challenge's time to answer in seconds of play,
  // and refuses a reflection without a justification. The actions mean what they meant (a decision on a run whose
  // window now watches on is taken on a running run, which the rules allow), except that last one: see below.
  5: dropUnjustifiedReflections,
};

export type Upgrade = { ok: true; log: LogEntry[] } | { ok: false; reason: string };

/** The log of game `code` carried from rules `from` to rules `to` step by step, or why it cannot be. */
export function upgradeLog(
  code: string,
  config: GameConfig,
  log: readonly LogEntry[],
  from: number,
  to: number,
  migrations: Readonly<Record<number, LogMigration>>,
): Upgrade {
  const refused: Upgrade = {
    ok: false,
    reason: `game ${code} was played under rules v${from}; this server plays v${to} and cannot replay it`,
  };
  if (from > to) return refused;
  let current = [...log];
  for (let version = from; version < to; version++) {
    const migrate = migrations[version];
    if (!migrate) return refused;
    current = migrate(current, config);
  }
  return { ok: true, log: current };
}
