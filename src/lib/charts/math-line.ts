// One line of a Math Peek (GAME.md §3: every chart shows its formula with the current values substituted).

export interface MathLine {
  /** The quantity, e.g. "H_manual". */
  name: string;
  /** The formula in symbols. */
  formula: string;
  /** The formula with this moment's numbers in it. */
  substituted: string;
  /** The result, with its unit. */
  result: string;
}
