// An RFC 4180 reader for tests, written apart from the server's writer so that a test parses what a
// spreadsheet would: quoted fields with doubled quotes, commas and line breaks inside, CRLF between records.
// It refuses anything that is not strict RFC 4180 (a bare LF between records, a stray quote).

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (field === '' && ch === '"') {
      // A quoted field: up to the closing quote, "" being one quote.
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      const after = text[i];
      if (after !== undefined && after !== ',' && after !== '\r') throw new Error(`stray character after a quoted field at ${i}`);
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      endField();
      records.push(record);
      record = [];
      i += 2;
    } else if (ch === '\n') {
      throw new Error(`bare LF at ${i}: records must end with CRLF`);
    } else if (ch === '"') {
      throw new Error(`quote inside an unquoted field at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

/** Records as objects keyed by the header row. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => {
    if (row.length !== header!.length) throw new Error(`a row has ${row.length} fields, the header ${header!.length}`);
    return Object.fromEntries(header!.map((name, index) => [name, row[index]!]));
  });
}
