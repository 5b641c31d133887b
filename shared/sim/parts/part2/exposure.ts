// Failures served to users are harm whichever run served them (GAME.md §5, docs/scoring.md): the canary's score
// is the run that counts, less what every other run's live failures took off. Read by the score and by the
// breakdown the phone and the host show; no hidden truth here.
import type { RunScore } from '../../../protocol/views.js';

/** What a run's failures served to users took off its points (0 when it served none to users). */
export function exposurePoints(run: RunScore): number {
  return run.lines.reduce((sum, line) => (line.kind === 'exposure' ? sum + line.points : sum), 0);
}

/** The exposure of every run but the one that counts (`counts`), taken off the canary's score. */
export function othersExposure(runs: readonly RunScore[], counted: RunScore | null = runs.find((r) => r.counts) ?? null): number {
  return runs.reduce((sum, r) => (r === counted ? sum : sum + exposurePoints(r)), 0);
}
