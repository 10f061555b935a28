// A query's whole result as an XLSX workbook, written as the engine streams it. Rows arrive as
// JSONCompactEachRowWithNamesAndTypes (names, types, then one JSON array per row) and leave as
// sheet XML inside a zip that archiver deflates entry by entry. Each sheet is a stream archiver
// pulls from, and it pulls only as fast as the download takes bytes, so the engine is held back by
// a slow reader and memory holds a few hundred rows. (exceljs's streaming writer buffered a sheet's
// worth: 256 MB for a million rows.) A sheet holds at most 1,048,576 rows, Excel's limit, header
// included; the rest go on to the next sheet, and a last sheet, 说明 (About), says what query this
// is, how many rows, and how they were split.
import archiver from 'archiver';
import { Readable, type Writable } from 'node:stream';

export const EXCEL_SHEET_ROWS = 1_048_576;
/** Excel refuses a file with a longer text in a cell. */
const EXCEL_CELL_CHARS = 32_767;
const ROWS_PER_PIECE = 500;

export interface XlsxOptions {
  sql: string;
  ranAt: string; // when the query ran, as the analyst reads it
  sheetRows?: number; // rows a sheet holds, header included; Excel's limit by default
}

export async function writeXlsx(source: AsyncIterable<Uint8Array>, out: Writable, options: XlsxOptions): Promise<number> {
  const sheetRows = options.sheetRows ?? EXCEL_SHEET_ROWS;
  const input = peekable(lines(source));
  const first = await input.next();
  const second = await input.next();
  if (first === undefined || second === undefined) throw new Error('the engine sent no column names');
  const names = JSON.parse(first) as string[];
  const types = JSON.parse(second) as string[];
  const header = names.map((n, i) => `${n} (${types[i]})`);

  const archive = archiver('zip', { zlib: { level: 1 } }); // level 1: most of the size win at a fraction of the time
  const failed = new Promise<never>((_, reject) => archive.on('error', reject));
  failed.catch(() => undefined);
  // The caller ends `out`: it notes how the export went first (the audit row is written when the
  // answer finishes, and an answer archiver had ended was recorded as merely started).
  archive.pipe(out, { end: false });
  const flushed = new Promise<void>((resolve) => archive.on('end', resolve));

  let rows = 0;
  let truncatedCells = 0;
  let exhausted = false;
  const sheetNames: string[] = [];

  /** One sheet: its header, then rows pulled from the engine until the sheet is full or the result ends. */
  async function* sheet(): AsyncGenerator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>`;
    yield rowXml(1, header.map((h) => ({ text: h })));
    let r = 1;
    let piece = '';
    while (r < sheetRows) {
      const line = await input.next();
      if (line === undefined) break;
      const values = JSON.parse(line) as unknown[];
      piece += rowXml(++r, values.map((v, i) => cell(v, types[i]!)));
      rows++;
      if (r % ROWS_PER_PIECE === 0) { yield piece; piece = ''; }
    }
    // A result of exactly N sheets gets no empty sheet N + 1.
    exhausted = !(await input.hasMore());
    yield `${piece}</sheetData></worksheet>`;
  }

  function cell(value: unknown, type: string): Cell {
    const c = toCell(value, type);
    if (c.text !== undefined && c.text.length > EXCEL_CELL_CHARS) {
      truncatedCells++;
      return { text: c.text.slice(0, EXCEL_CELL_CHARS) };
    }
    return c;
  }

  while (!exhausted) {
    const number = sheetNames.length + 1;
    sheetNames.push(number === 1 ? '结果 Result' : `结果 Result ${number}`);
    const body = Readable.from(sheet(), { objectMode: false });
    const ended = new Promise<void>((resolve, reject) => { body.on('end', resolve); body.on('error', reject); });
    archive.append(body, { name: `xl/worksheets/sheet${number}.xml` });
    await Promise.race([ended, failed]);
  }

  const sheets = sheetNames.length;
  const notes: [string, string | number][] = [
    ['查询 Query', options.sql],
    ['运行时间 Ran at', options.ranAt],
    ['行数 Rows', rows],
    ['工作表 Sheets', sheets],
    ['每表行数上限 Rows per sheet', `${sheetRows.toLocaleString('en-US')} (Excel), header included: ${(sheetRows - 1).toLocaleString('en-US')} rows of data`],
  ];
  if (sheets > 1) {
    notes.push(['注意 Note', `结果共 ${rows.toLocaleString('en-US')} 行，超过单个工作表的上限，按顺序分在 ${sheets} 个工作表中。 The result has more rows than one sheet holds; they continue in order over ${sheets} sheets.`]);
  }
  if (truncatedCells > 0) {
    notes.push(['注意 Note', `${truncatedCells} 个单元格超过 Excel 的 32,767 字符上限，已截断；CSV 或 Parquet 导出保留全文。 ${truncatedCells} cells were longer than Excel's 32,767 characters and were cut; CSV or Parquet keep them whole.`]);
  }
  sheetNames.push('说明 About');
  const about = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>${
    notes.map(([k, v], i) => rowXml(i + 1, [{ text: k }, typeof v === 'number' ? { number: String(v) } : { text: v }])).join('')}</sheetData></worksheet>`;
  archive.append(about, { name: `xl/worksheets/sheet${sheetNames.length}.xml` });
  archive.append(contentTypes(sheetNames.length), { name: '[Content_Types].xml' });
  archive.append(ROOT_RELS, { name: '_rels/.rels' });
  archive.append(workbook(sheetNames), { name: 'xl/workbook.xml' });
  archive.append(workbookRels(sheetNames.length), { name: 'xl/_rels/workbook.xml.rels' });
  archive.append(STYLES, { name: 'xl/styles.xml' });
  await Promise.race([archive.finalize(), failed]);
  await Promise.race([flushed, failed]);
  return rows;
}

/** `style`: the index of the cell's format in STYLES (1 a date, 2 a date and time). */
type Cell = { text?: string; number?: string; bool?: boolean; style?: 1 | 2 };

/** A value as a cell: numbers as numbers where a double holds them exactly, dates as dates, the rest as text. */
function toCell(value: unknown, type: string): Cell {
  if (value === null) return {};
  if (typeof value === 'number') return Number.isFinite(value) ? { number: String(value) } : { text: String(value) };
  if (typeof value === 'boolean') return { bool: value };
  if (typeof value !== 'string') return { text: JSON.stringify(value) };
  const base = type.replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2');
  // 64-bit integers come quoted (exact); past 2^53 they stay text rather than lose digits.
  if (/^U?Int(64|128|256)$/.test(base)) return Number.isSafeInteger(Number(value)) ? { number: String(Number(value)) } : { text: value };
  if (/^(Float|Decimal)/.test(base) && value !== '' && Number.isFinite(Number(value))) return { number: String(Number(value)) };
  if (/^(Date|Date32|DateTime|DateTime64)(\(|$)/.test(base)) return dateCell(value) ?? { text: value };
  return { text: value };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}(?:\.\d+)?))?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_SERIAL_DAY = Date.UTC(1900, 2, 1); // before March 1900 Excel's serials are off by its 1900 leap day

/**
 * A date or time as Excel's serial number (days since 1899-12-30, the time of day as the fraction),
 * formatted as a date, so that a sheet sorts, filters and computes with it. The engine writes a
 * time on its column's time zone's wall clock (Asia/Shanghai here), and Excel has no time zones:
 * the wall clock is what the cell shows, as the CSV does.
 */
function dateCell(value: string): Cell | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0), 0) + Number(ss ?? 0) * 1000;
  if (!Number.isFinite(ms) || ms < FIRST_SERIAL_DAY) return null;
  return { number: String((ms - EXCEL_EPOCH_MS) / 86_400_000), style: hh === undefined ? 1 : 2 };
}

const COLUMN_NAMES: string[] = [];
function column(i: number): string {
  let name = COLUMN_NAMES[i];
  if (name) return name;
  name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  COLUMN_NAMES[i] = name;
  return name;
}

function rowXml(r: number, cells: Cell[]): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const ref = `${column(i)}${r}`;
    if (c.number !== undefined) xml += `<c r="${ref}"${c.style ? ` s="${c.style}"` : ''}><v>${c.number}</v></c>`;
    else if (c.bool !== undefined) xml += `<c r="${ref}" t="b"><v>${c.bool ? 1 : 0}</v></c>`;
    else if (c.text !== undefined) xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(c.text)}</t></is></c>`;
  }
  return `${xml}</row>`;
}

function escapeXml(text: string): string {
  // Control characters are not allowed in XML at all; the rest is escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function contentTypes(sheets: number): string {
  const overrides = Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`;
}

/** The cell formats: 0 general, 1 a date, 2 a date and time (Cell.style), as ISO 8601 writes them. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">`
  + '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
  + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function workbook(names: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${
    names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${
    Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
  }<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}

/** A line source that can say whether another line follows without losing it. */
function peekable(source: AsyncGenerator<string>) {
  let held: string | undefined;
  return {
    async next(): Promise<string | undefined> {
      if (held !== undefined) {
        const line = held;
        held = undefined;
        return line;
      }
      const r = await source.next();
      return r.done ? undefined : r.value;
    },
    async hasMore(): Promise<boolean> {
      if (held !== undefined) return true;
      const r = await source.next();
      if (r.done) return false;
      held = r.value;
      return true;
    },
  };
}

/** Lines of text across chunk boundaries. */
async function* lines(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of source) {
    const parts = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = parts.pop()!;
    for (const line of parts) if (line !== '') yield line;
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield rest;
}
