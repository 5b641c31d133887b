// The words of Part 3 (GAME.md §6): the lock question and its options, the challenge's answers and the
// reflection (the ledger). The crises speak in shared/sim/crises/.
import type { ChallengeAnswer, Choice, PsiComparison } from '../../../protocol/views.js';
import { CHALLENGE_SECONDS } from '../../constants.js';

export const PART3_TITLE = 'Ensemble lockdown';

/** The name of each PSI the part shows, saying what it compares, the same on every page, in the debrief and in
 *  the exports: right after a check of a downstream on v1 features, the training-serving PSI is 0 while the
 *  v1 → v2 PSI is 0.32, and a bare "PSI" for both would make one of them look wrong. */
export const PSI_NAMES: Readonly<Record<PsiComparison, string>> = {
  'training-serving': 'training-serving PSI',
  'v1-v2': 'v1 → v2 PSI',
};

export const PART3_QUESTION =
  'If you update the feature extractor without retraining the classifier, will the system accuracy drop even ' +
  'if the new extractor is better?';

export const PART3_OPTIONS: Readonly<Record<Choice, string>> = {
  a: 'No: a better extractor gives better features, so the classifier can only gain.',
  b: 'Yes: the classifier now sees features unlike those it was trained on (training-serving skew).',
  c: 'Only if the new extractor raises an error or changes the feature schema.',
  d: "No: the classifier's own validation accuracy has not changed, so the system's has not either.",
};

export const CHALLENGE_ANSWERS: Readonly<Record<ChallengeAnswer, { label: string; says: string }>> = {
  refuse: { label: 'Refuse', says: 'refused: the extractor waits' },
  approve: { label: 'Approve', says: 'approved: v2 goes live under the current policy' },
  'approve-pinned': { label: 'Approve behind a pinned contract', says: 'approved behind a pinned contract' },
};

/** A span of seconds as the software lead says it: 150 → "2½ minutes", 120 → "2 minutes", 45 → "45 seconds". */
export function minutesWords(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  if (minutes === 0 || (rest !== 0 && rest !== 30)) return `${seconds} seconds`;
  const half = rest === 30 ? '½' : '';
  return `${minutes}${half} ${minutes === 1 && !half ? 'minute' : 'minutes'}`;
}

/** How long a team has to answer the challenge, in words ("2½ minutes"). */
export const CHALLENGE_TIME = minutesWords(CHALLENGE_SECONDS);

export const PART3_REFLECTION_PROMPT =
  'Defend your governance policy: loose versioning or strict immutable contracts? Justify it with the ' +
  'training-serving skew invariant f_train(x) ≡ f_serve(x).';

export const PART3_REFLECTION_OPTIONS: Readonly<Record<Choice, string>> = {
  a: 'Strict immutable contracts: pin each downstream to the features it was trained on, and move the pin only after retraining and a consistency check (training-serving PSI < 0.1), so f_train(x) ≡ f_serve(x) holds by construction.',
  b: 'Loose versioning with end-to-end monitoring: read the newest features and alert when the system metric falls.',
  c: 'Loose versioning: each team owns its model, and a better component makes a better system.',
  d: 'Freeze the upstream: never update an extractor once a downstream depends on it.',
};
