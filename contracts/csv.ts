// CSV as spreadsheets and county systems export it. Browser-safe, so an upload can be checked
// in the page before it is sent.

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. Blank lines are skipped.
 *  A quote left open takes the rest of the text (the file import reads one line at a time). */
export function parseCsv(text: string): string[][] {
  return scanCsv(text).records;
}

/** A quote opened on `line` and never closed. */
export class CsvQuoteError extends Error {
  constructor(readonly line: number) {
    super(`line ${line}: a quoted field is never closed`);
    this.name = 'CsvQuoteError';
  }
}

/** parseCsv for a whole file: a quote left open is an error naming its line, not a last field
 *  swallowing every line after it (which an upload then reported as a bad value in a later column). */
export function parseCsvFile(text: string): string[][] {
  const { records, openQuoteLine } = scanCsv(text);
  if (openQuoteLine !== null) throw new CsvQuoteError(openQuoteLine);
  return records;
}

function scanCsv(text: string): { records: string[][]; openQuoteLine: number | null } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM, as spreadsheet exports write
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') { quoted = true; quoteLine = line; }
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n') endRecord();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || record.length > 0) endRecord();
  return { records, openQuoteLine: quoted ? quoteLine : null };
}
