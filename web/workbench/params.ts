// The `{name:Type}` parameters of a statement, as ClickHouse binds them: found in the text (not in
// strings, quoted names or comments), and the values typed for them turned into what POST /api/sql
// sends. Values go as text: the engine parses each in its declared type, so `Array(String)` takes
// `['a','b']` and a UInt64 keeps all its digits.
import type { SqlRequest } from '../../contracts/sql.ts';

export interface SqlParam { name: string; type: string }
export type ParamValues = NonNullable<SqlRequest['params']>;

const PARAM = /^\{\s*([A-Za-z_][A-Za-z0-9_]{0,63})\s*:\s*([^{}]+?)\s*\}/;

/** The parameters of `sql` in order of first use; a name used twice is listed once, with its first type. */
export function findParams(sql: string): SqlParam[] {
  const found = new Map<string, string>();
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === '\'' || c === '"' || c === '`') i = closing(sql, i, c);
    else if (c === '-' && sql[i + 1] === '-') i = lineEnd(sql, i);
    else if (c === '/' && sql[i + 1] === '*') i = blockEnd(sql, i);
    else if (c === '{') {
      const m = PARAM.exec(sql.slice(i, i + 400));
      if (m && !found.has(m[1]!)) found.set(m[1]!, m[2]!.replace(/\s+/g, ' '));
      if (m) i += m[0].length - 1;
    }
  }
  return [...found].map(([name, type]) => ({ name, type }));
}

/** The index of the quote that closes the one at `start`: a backslash escapes, a doubled quote is one quote. */
function closing(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === '\\') i++;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i++;
      else return i;
    }
  }
  return sql.length;
}

function lineEnd(sql: string, start: number): number {
  const end = sql.indexOf('\n', start);
  return end === -1 ? sql.length : end;
}

function blockEnd(sql: string, start: number): number {
  const end = sql.indexOf('*/', start + 2);
  return end === -1 ? sql.length : end + 1;
}

/** `Nullable(Date)` → `Date`; `LowCardinality(String)` → `String`. */
export function baseType(type: string): string {
  const m = /^(?:Nullable|LowCardinality)\((.*)\)$/.exec(type.trim());
  return m ? baseType(m[1]!) : type.trim();
}

export const isNullableType = (type: string): boolean => /^(LowCardinality\()?Nullable\(/.test(type.trim());

/** What the form sends for each parameter of `params`: the typed text; an empty Nullable one is NULL. */
export function paramValues(params: readonly SqlParam[], typed: Record<string, string>): ParamValues {
  const values: ParamValues = {};
  for (const p of params) {
    const text = typed[p.name] ?? '';
    values[p.name] = text === '' && isNullableType(p.type) ? null : text;
  }
  return values;
}

/** A saved value as the form shows it. */
export function valueText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
