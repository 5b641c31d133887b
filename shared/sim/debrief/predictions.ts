// Every team's prediction against the truth, for every lock of every part the host revealed (GAME.md §10): the
// projector builds it from its own view, a phone asks the server for it at the debrief (`sync:class-predictions`),
// and the server builds it from the projector's view too (server/replay/studios.ts), so a phone sees exactly what
// the projector shows: public aggregates and revealed truths, never a hidden one. Imports views only: it runs in
// the browser, where the simulation's truths must never be bundled.
import type { PredictionLine, PredictionTable } from '../../protocol/debrief.js';
import type { ScreenView } from '../../protocol/views.js';

const number = (n: number) => n.toLocaleString('en-US');

/** Every team's locks against the truth, for every part the host revealed, from the projector's view. */
export function predictionLines(view: Pick<ScreenView, 'teams' | 'part1' | 'part2' | 'part3'>): PredictionTable {
  const lines: PredictionLine[] = view.teams.map((t) => ({ teamId: t.id, name: t.name, track: t.track, cells: {} }));
  const line = (teamId: string) => lines.find((l) => l.teamId === teamId);
  const parts: PredictionTable['parts'] = [];
  for (const part of [1, 2] as const) {
    const results = view[`part${part}`]?.results;
    if (!results) continue;
    parts.push(part);
    for (const r of results) {
      const cell = line(r.teamId);
      if (!cell) continue;
      const { predicted, actual, ratio, within30 } = r.reveal;
      cell.cells[part] = {
        predicted: predicted === null ? null : number(predicted),
        actual: number(actual),
        good: within30,
        verdict: predicted === null ? 'not locked' : `×${(ratio ?? 0).toFixed(2)}`,
      };
    }
  }
  const part3 = view.part3?.results;
  if (part3) {
    parts.push(3);
    for (const r of part3.teams) {
      const cell = line(r.teamId);
      if (!cell) continue;
      const { predicted, actual, correct } = r.reveal;
      cell.cells[3] = {
        predicted: predicted === null ? null : predicted.toUpperCase(),
        actual: actual.toUpperCase(),
        good: correct,
        verdict: predicted === null ? 'not locked' : correct ? 'right' : 'wrong',
      };
    }
  }
  return { parts, lines };
}
