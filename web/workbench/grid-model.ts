// What the result grid computes without the DOM: which columns are numbers, the order of rows
// after a click on a header, the text of a cell, and the TSV that goes to the clipboard.
import type { SqlColumn } from '../../contracts/sql.ts';
import { baseType } from './params.ts';

export type SortDir = 'asc' | 'desc';
export interface SortKey { column: number; dir: SortDir }

const NUMERIC = /^(U?Int(8|16|32|64|128|256)|Float(32|64)|BFloat16|Decimal(32|64|128|256)?)\b/;

/** Whether values of a ClickHouse type sort as numbers (Decimals arrive as strings, 64-bit integers as numbers). */
export const isNumericType = (type: string): boolean => NUMERIC.test(baseType(type));

/** Row indexes in the order of `sort`; NULLs last either way, ties keep the engine's order. */
export function sortedOrder(rows: readonly unknown[][], columns: readonly SqlColumn[], sort: SortKey | null): Uint32Array {
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (!sort) return order;
  const c = sort.column;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const numeric = isNumericType(columns[c]?.type ?? '');
  // Keys once, not per comparison: 100,000 rows take about 1.7 million comparisons.
  const keys: (number | string | null)[] = rows.map((r) => {
    const v = r[c];
    if (v === null || v === undefined) return null;
    if (numeric) {
      const n = Number(v);
      return Number.isNaN(n) ? null : n;
    }
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return order.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    const d = numeric ? (x as number) - (y as number) : collator.compare(x as string, y as string);
    return d === 0 ? a - b : d * sign;
  });
}

/** The next sort after a click on `column`: ascending, then descending, then the engine's order. */
export function nextSort(current: SortKey | null, column: number): SortKey | null {
  if (!current || current.column !== column) return { column, dir: 'asc' };
  return current.dir === 'asc' ? { column, dir: 'desc' } : null;
}

/** A value as the grid shows it: NULL as `NULL`, arrays, tuples and maps as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One cell for the clipboard: NULL is empty; a value with a tab, line break or quote is quoted as spreadsheets do. */
export function tsvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = cellText(value);
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The result as TSV, header first, rows in `order` (the grid's current order), lines ending in \n. */
export function tsvOf(columns: readonly SqlColumn[], rows: readonly unknown[][], order?: ArrayLike<number>): string {
  const lines = [columns.map((c) => tsvField(c.name)).join('\t')];
  const n = order ? order.length : rows.length;
  for (let i = 0; i < n; i++) lines.push(rows[order ? order[i]! : i]!.map(tsvField).join('\t'));
  return `${lines.join('\n')}\n`;
}

/** Column widths in pixels from the header and the first rows' text, so most values show whole. */
export function columnWidths(columns: readonly SqlColumn[], rows: readonly unknown[][], options = { min: 64, max: 320, charPx: 8 }): number[] {
  return columns.map((col, c) => {
    let chars = Math.max(col.name.length, col.type.length * 0.8);
    for (let r = 0; r < Math.min(rows.length, 200); r++) chars = Math.max(chars, textWidth(cellText(rows[r]![c])));
    return Math.round(Math.min(options.max, Math.max(options.min, chars * options.charPx + 20)));
  });
}

/** Width in Latin characters: a CJK character is about two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text.slice(0, 60)) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}
