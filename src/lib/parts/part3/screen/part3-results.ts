// Part 3's reveal on the projector, as pure rules: how many teams chose each answer (the right one marked)
// and each team's outcome in one line.
// Relative imports only: unit tests load this file without Vite.
import { CHOICES, type Choice, type ScreenPart3 } from '../../../../../shared/protocol/views.js';

type Results = NonNullable<ScreenPart3['results']>;

export interface AnswerBar {
  choice: Choice;
  count: number;
  /** Of the teams that locked an answer, 0–1 (0 when none did). */
  share: number;
  right: boolean;
}

/** One bar per answer a–d, in order. */
export function answerBars(results: Pick<Results, 'counts' | 'actual'>): AnswerBar[] {
  const total = CHOICES.reduce((sum, c) => sum + results.counts[c], 0);
  return CHOICES.map((choice) => ({
    choice,
    count: results.counts[choice],
    share: total > 0 ? results.counts[choice] / total : 0,
    right: choice === results.actual,
  }));
}

/** The teams that locked no answer. */
export function unanswered(results: Pick<Results, 'teams'>): string[] {
  return results.teams.filter((t) => t.reveal.predicted === null).map((t) => t.teamId);
}
