// The version of the game's rules that a logged game was played under: the game is its config plus its log,
// and only rules of the same version are guaranteed to replay that log to the same game.

/**
 * Bump this whenever the reducer would replay an old log differently (a rule, a formula, a draw from the
 * generator, an action's meaning) or the state's shape changes (snapshots hold the state). Stored games of
 * another version are then refused on restore unless a log migration from their version is registered
 * (server/rooms/migrations.ts). Games stored before versions were recorded count as version 1.
 */
export const RULES_VERSION = 6;
// v2: parts became slices of `state.parts` and crises moved to game level. The actions did not change, so a v1
// log replays as it is (migrations.ts); only its snapshots, in the old shape, are dropped.
// v3: a scheduled crisis strikes at its own hour, inside the tick that reaches it (it struck a tick late).
// v4: Part 3 follows Part 2 (a v3 log that ended after Part 2 skips Part 3 on migration).
//     v4 also: jitter as latency per cohort, the app-OS skew's tools in every fleet, shipped runs keep drawing.
//     v4 also: `state.proposals`, each team's proposal for its lock and who agrees (team/propose, team/agree).
// v5: each team's Part 2 fleet runs on its own simulated clock (from its first run, held while a decision is due;
//     crisis hours count on it); every canary decision records its evidence; the ops score judges decisions
//     against their evidence and keeps the best ended run (docs/scoring.md).
// v6: a promotion with more failures seen than the run's target rate would give is not backed, whatever the clock
//     reads (decisions record the requests watched and the rate); every run's failures served to users count in
//     the canary's score; a clean shadow window closes when its n* clean requests are in (before or after its plan).
//     v6 also: Part 3's challenge gives 150 s of play to answer, whatever the speed (`secondsLeft`, counted from
//     the logged ticks); a reflection needs a justification of REFLECTION_MIN characters.
