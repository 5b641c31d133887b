// A small RFC 4180 writer for the exports: CRLF line ends, every field that holds a comma, a quote, CR or LF
// quoted with its quotes doubled, and a UTF-8 byte-order mark so that spreadsheets (Excel above all) read
// non-ASCII nicknames ("Zoë 李") as UTF-8 instead of the machine's legacy code page.
//
// Written here rather than taken from npm: it is twenty lines, and the one rule that matters most for a class's
// data — neutralizing formulas — is ours to state. A cell that begins with =, +, -, @, a tab or a carriage
// return is one a spreadsheet may run as a formula (CSV injection, OWASP): a student could name themselves
// `=HYPERLINK(...)`. Such a cell gets a leading apostrophe, which spreadsheets show as text and do not
// evaluate. Numbers we write ourselves are written as numbers (a negative number would otherwise be
// "neutralized" into text); only text that came from people is guarded.

export type Cell = string | number | null | undefined;

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe to open in a spreadsheet: a leading ' before a formula-like start. */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field as RFC 4180 writes it. Text is neutralized; finite numbers are written as they are. */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : neutralize(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: BOM, header row, rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n');
  return UTF8_BOM + lines.join('');
}
