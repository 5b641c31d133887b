// Limits shared by the server (which enforces them) and the pages (which check them early for a friendly
// message). Changing one here changes both.

/** Game codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const GAME_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const GAME_CODE_LENGTH = 6;
export const GAME_CODE_PATTERN = new RegExp(`^[${GAME_CODE_ALPHABET}]{${GAME_CODE_LENGTH}}$`);

export const NICKNAME_MAX = 24;
export const TEAM_NAME_MAX = 24;
export const STUDENT_ID_MAX = 32;

export const TEAM_COUNT_MIN = 1;
export const TEAM_COUNT_MAX = 40;
export const TEAM_COUNT_DEFAULT = 4;

/** A room beyond this many seats refuses joins: it bounds memory, far above a lecture hall. */
export const MAX_PLAYERS_PER_GAME = 5000;

/** Game settings the host may choose (GAME.md §4, §3). */
export const CAPEX_MAX = 10_000_000;
export const ENGINEER_COST_MIN = 10;
export const ENGINEER_COST_MAX = 1_000;
export const TIMER_MINUTES_DEFAULT = 15;
export const TIMER_MINUTES_MAX = 60;
export const EXTEND_MINUTES_MAX = 30;

/** Part 1's lock: "how many concurrent models N…" (GAME.md §4). */
export const PART1_PREDICTION_MIN = 1;
export const PART1_PREDICTION_MAX = 500;

/** Part 2's lock: "how many live requests must you watch in shadow mode with zero failures?" (GAME.md §5). */
export const PART2_PREDICTION_MIN = 1;
export const PART2_PREDICTION_MAX = 1_000_000;

/** The widest range any numeric lock accepts on the wire; each part checks its own range. */
export const PART_PREDICTION_MIN = Math.min(PART1_PREDICTION_MIN, PART2_PREDICTION_MIN);
export const PART_PREDICTION_MAX = Math.max(PART1_PREDICTION_MAX, PART2_PREDICTION_MAX);

/** Simulated hours per real second, the host's speed setting (GAME.md: default 1, range 0.25–8). */
export const SIM_SPEED_DEFAULT = 1;
export const SIM_SPEED_MIN = 0.25;
export const SIM_SPEED_MAX = 8;

/** A reflection's free-text justification, in characters. */
export const REFLECTION_MAX = 1_000;
/** A justification needs at least this many characters once trimmed: a few words that say why. An empty or
 *  one-word justification is no reflection, so it earns none of the reflection's points (docs/scoring.md). */
export const REFLECTION_MIN = 10;

/** The length of a justification as the rules count it: its characters once trimmed of surrounding space. */
export function justificationLength(text: string): number {
  return text.trim().length;
}

/** A request id (idempotency key) chosen by the client. */
export const REQUEST_ID_MAX = 64;

/** Canonical form of a game code typed by a person: upper case, spaces and dashes removed. */
export function normalizeGameCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** Canonical form of a display name: Unicode NFKC, control characters removed, white space collapsed. */
export function normalizeDisplayName(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function displayLength(text: string): number {
  return [...text].length;
}

/** The key under which two display names count as the same (case-insensitive). */
export function nameKey(name: string): string {
  return normalizeDisplayName(name).toLocaleLowerCase('en');
}

/** Threshold discovery's k (k·σ thresholds) and the monitoring grid's bounds (shared/sim/constants.ts MONITORING). */
export const ALERT_K_MIN = 2;
export const ALERT_K_MAX = 6;
export const ALERT_METRICS = 10;
/** The largest fleet's model count (Edge Guardian's 60). */
export const ALERT_MODELS_MAX = 60;

/** The app-OS skew's fleet: Mobile Nomad's 10 regions (shared/sim/constants.ts APP_OS_SKEW). */
export const SKEW_REGIONS = 10;
