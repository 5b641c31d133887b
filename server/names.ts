// Names people type (nicknames, team names): normalized, length-checked and screened against a maintained
// profanity list (obscenity's English data set, which also catches leetspeak and look-alike characters).
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import type { ErrorCode } from '../shared/protocol/errors.js';
import { displayLength, normalizeDisplayName } from '../shared/protocol/limits.js';

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** True when a text contains a word on the profanity list. */
export function isProfane(text: string): boolean {
  return matcher.hasMatch(text);
}

export type NameCheck = { ok: true; name: string } | { ok: false; code: ErrorCode };

/** The canonical form of a typed name, or why it cannot be used. */
export function checkName(
  raw: string,
  max: number,
  codes: { invalid: ErrorCode; inappropriate: ErrorCode },
): NameCheck {
  const name = normalizeDisplayName(raw);
  const length = displayLength(name);
  if (length < 1 || length > max) return { ok: false, code: codes.invalid };
  if (isProfane(name)) return { ok: false, code: codes.inappropriate };
  return { ok: true, name };
}
