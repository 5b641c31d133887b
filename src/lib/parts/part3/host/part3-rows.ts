// Part 3 on the host console: each team's ensemble joined with its name and track, read for a table row —
// decisions, instruments, the hidden truth (the host may see it) and the challenge.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { HostView } from '../../../../../shared/protocol/views.js';
import { challengeState, type ChallengeState } from '../ensemble-words.js';

type Part3 = NonNullable<HostView['part3']>;
type Entry = Part3['teams'][number];

export interface Part3Row extends Entry {
  name: string;
  track: HostView['teams'][number]['track'];
  /** The challenge: none yet, open, answered or lapsed. */
  challenge: ChallengeState | 'none';
  /** Retraining now (not a finished one that waits for validation). */
  retraining: boolean;
  /** A finished retraining waits for a consistency check (strict contracts). */
  awaitingValidation: boolean;
}

/** One row per team in team order; teams the server has no Part 3 entry for are left out. */
export function part3Rows(view: Pick<HostView, 'teams'>, part3: Part3): Part3Row[] {
  const byId = new Map(part3.teams.map((t) => [t.teamId, t]));
  return view.teams.flatMap((team) => {
    const entry = byId.get(team.id);
    if (!entry) return [];
    const { challenge, retrain } = entry.ensemble;
    return [
      {
        ...entry,
        name: team.name,
        track: team.track,
        challenge: challenge ? challengeState(challenge) : 'none',
        retraining: retrain !== null && !retrain.done,
        awaitingValidation: retrain?.done ?? false,
      },
    ];
  });
}

/** The tallies over the class line of the console: locked, silent now (the truth), upgraded, answered. */
export function part3Counts(rows: readonly Part3Row[]) {
  return {
    locked: rows.filter((r) => r.prediction !== null).length,
    silentNow: rows.filter((r) => r.outcome.silentNow).length,
    upgraded: rows.filter((r) => r.outcome.upgraded).length,
    challengeOpen: rows.filter((r) => r.challenge === 'open').length,
    reflected: rows.filter((r) => r.reflection !== null).length,
  };
}
