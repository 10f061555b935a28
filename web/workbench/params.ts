// The `{name:Type}` parameters of a statement (found in the text by contracts/sql-params.ts), and
// the values typed for them turned into what POST /api/sql sends. Values go as text: the engine parses each in its declared type, so `Array(String)` takes
// `['a','b']` and a UInt64 keeps all its digits.
import type { SqlRequest } from '../../contracts/sql.ts';
import type { SqlParam } from '../../contracts/sql-params.ts';

export { findParams, integerRange, type SqlParam } from '../../contracts/sql-params.ts';

export type ParamValues = NonNullable<SqlRequest['params']>;

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
