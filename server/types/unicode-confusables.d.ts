// unicode-confusables 0.1.1 names a types file it does not ship (index.d.ts; the file is index.ts.d).
declare module 'unicode-confusables' {
  interface Point {
    point: string;
    similarTo?: string;
  }
  const confusables: {
    /** True when some character of the text has a different prototype in Unicode's confusables.txt. */
    isConfusing(text: string): boolean;
    /** Each character of the text with its prototype when it differs. */
    confusables(text: string): Point[];
    /** The text with every character replaced by its prototype (zero-width characters removed). */
    rectifyConfusion(text: string): string;
  };
  export default confusables;
}
