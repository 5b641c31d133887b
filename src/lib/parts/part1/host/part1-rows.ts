// Part 1 on the host console: each team's lock, truth and reflection joined with its name and track.
// Relative imports (not `$shared`/`$lib`): unit tests and `tsc -p tsconfig.node.json` load this file without Vite.
import type { HostView } from '../../../../../shared/protocol/views.js';

type Part1 = NonNullable<HostView['part1']>;
export type Part1TeamRow = Part1['teams'][number] & {
  name: string;
  track: HostView['teams'][number]['track'];
  number: number;
  actual: number;
  ratio: number | null;
  within30: boolean;
  /** The lock's score once revealed, else null. */
  score: number | null;
};

/** One row per team in team order; teams the server has no Part 1 entry for yet are left out. */
export function part1Rows(view: HostView, part1: Part1): Part1TeamRow[] {
  const byId = new Map(part1.teams.map((t) => [t.teamId, t]));
  return view.teams.flatMap((team, index) => {
    const entry = byId.get(team.id);
    if (!entry) return [];
    const { actual, ratio, within30, score } = entry.reveal;
    const revealed = part1.revealed && entry.prediction !== null;
    return [{ ...entry, name: team.name, track: team.track, number: index + 1, actual, ratio, within30, score: revealed ? score : null }];
  });
}

/** True once the host has revealed Part 1 (its reveal or reflect step, or any later phase). */
export function part1Revealed(view: Pick<HostView, 'phase' | 'step'>): boolean {
  if (view.phase === 'part1') return view.step !== 'play';
  return view.phase === 'part2' || view.phase === 'part3' || view.phase === 'debrief';
}
