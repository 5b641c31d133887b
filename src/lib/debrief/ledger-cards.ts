// The projector's ledger cards (GAME.md §10): each team's governance ledger cut into cards that fit a page's
// column, so that a long ledger reads on as "(2 of 3)" in the next card instead of running off the bottom of
// one card, its last entries never seen (a class saw 4 of Road Warriors' 9 entries). The projector pages
// through the cards like any other items (ScreenDebrief counts them here). Pure, for tests; relative imports
// (not `$shared`): tests load this file without Vite.
import type { Debrief } from '../../../shared/protocol/debrief.js';
import type { LedgerEntry } from '../../../shared/protocol/views.js';

/** What one card holds at most: the characters of about 16 lines of a column at 720p (3 across), and entries. */
export const CARD_CHARS = 480;
export const CARD_ENTRIES = 4;

export interface LedgerCard {
  teamId: string;
  entries: LedgerEntry[];
  /** This card's place among its team's cards (1-based) and their number. */
  part: number;
  parts: number;
}

/** An entry's length as the card prints it: its text, its kind, its hour and who decided. */
const printed = (entry: LedgerEntry) => entry.text.length + 30 + (entry.byNickname?.length ?? 0);

/** A ledger's entries in cards, in order: each takes entries while they fit, and always one at least. */
function cut(entries: readonly LedgerEntry[]): LedgerEntry[][] {
  const cards: LedgerEntry[][] = [];
  let card: LedgerEntry[] = [];
  let chars = 0;
  for (const entry of entries) {
    if (card.length > 0 && (card.length === CARD_ENTRIES || chars + printed(entry) > CARD_CHARS)) {
      cards.push(card);
      card = [];
      chars = 0;
    }
    card.push(entry);
    chars += printed(entry);
  }
  cards.push(card);
  return cards;
}

/** Every team's ledger as cards, in the debrief's order (a ledger with no entry is one empty card). */
export function ledgerCards(debrief: Pick<Debrief, 'ledgers' | 'teams'>): LedgerCard[] {
  return debrief.ledgers
    .filter((ledger) => debrief.teams.some((t) => t.id === ledger.teamId))
    .flatMap((ledger) => {
      const cards = cut(ledger.entries);
      return cards.map((entries, i) => ({ teamId: ledger.teamId, entries, part: i + 1, parts: cards.length }));
    });
}
