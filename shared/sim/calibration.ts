// How close a lock came (GAME.md §3, §8): the learning score and the reveal badge of a numeric lock, right or
// wrong for a choice lock. Pure numbers, with no access to any hidden truth, so that pages may import it too.
import type { Choice, ChoiceReveal, NumericReveal } from '../protocol/views.js';
import { CLOSE_PREDICTION_TOLERANCE } from './constants.js';

/** Learning score of a numeric lock: round(100 · max(0, 1 − |log10(predicted / actual)|)), 0–100. */
export function calibrationScore(predicted: number, actual: number): number {
  if (!(predicted > 0) || !(actual > 0)) return 0;
  return Math.round(100 * Math.max(0, 1 - Math.abs(Math.log10(predicted / actual))));
}

/** Predicted against actual, as every audience reads a revealed numeric lock. */
export function revealNumeric(predicted: number | null, actual: number): NumericReveal {
  if (predicted === null) return { predicted, actual, ratio: null, within30: false, score: 0 };
  const ratio = actual / predicted;
  return {
    predicted,
    actual,
    ratio,
    within30: Math.abs(ratio - 1) < CLOSE_PREDICTION_TOLERANCE,
    score: calibrationScore(predicted, actual),
  };
}

/** The chosen option against the right one: 100 points when right, none otherwise. */
export function revealChoice(predicted: Choice | null, actual: Choice): ChoiceReveal {
  const correct = predicted === actual;
  return { predicted, actual, correct, score: correct ? 100 : 0 };
}

/** The learning score of any lock against its answer: calibration for a number, right or wrong for a choice. */
export function lockScore(predicted: number | Choice | null, answer: number | Choice): number {
  if (predicted === null) return 0;
  if (typeof answer === 'number') return typeof predicted === 'number' ? calibrationScore(predicted, answer) : 0;
  return revealChoice(typeof predicted === 'string' ? predicted : null, answer).score;
}
