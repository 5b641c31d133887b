// Terms a line must not break inside. A hyphen is a break opportunity: on a 390 px phone "training-serving PSI"
// wrapped as "training-" / "serving PSI", two words that read apart. The text itself keeps the plain hyphen (what
// screen readers read, what the tests and the CSV exports match); only the drawing keeps the term on one line
// (Unbroken.svelte wraps it in a `white-space: nowrap` span). Pure, so the split is tested.
// Relative imports only: unit tests load this file without Vite.

/** The hyphenated terms kept whole, matched in any case ("Training-serving PSI" starts a sentence). */
export const UNBROKEN_TERMS: readonly string[] = ['training-serving'];

const PATTERN = new RegExp(`(${UNBROKEN_TERMS.map((t) => t.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})`, 'i');

/** `text` in pieces, in order, each `keep` when it is one of the terms (joined, the pieces are `text`). */
export function unbrokenPieces(text: string): { text: string; keep: boolean }[] {
  return text
    .split(PATTERN)
    .map((piece, i) => ({ text: piece, keep: i % 2 === 1 }))
    .filter((piece) => piece.text !== '');
}
