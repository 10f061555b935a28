// The `{name:Type}` parameters of a statement, as ClickHouse binds them: found in the text (not in
// strings, quoted names or comments). The workbench's form asks for them; the API checks a saved
// query's parameters against them. Browser-safe.

export interface SqlParam { name: string; type: string }

const PARAM = /^\{\s*([A-Za-z_][A-Za-z0-9_]{0,63})\s*:\s*([^{}]+?)\s*\}/;

/** The parameters of `sql` in order of first use; a name used twice is listed once, with its first type. */
export function findParams(sql: string): SqlParam[] {
  const found = new Map<string, string>();
  for (const { name, type } of paramUses(sql)) if (!found.has(name)) found.set(name, type);
  return [...found].map(([name, type]) => ({ name, type }));
}

/** Every `{name:Type}` of `sql` in order, a name used twice listed each time (each use takes the
 *  value in its own type). */
export function paramUses(sql: string): SqlParam[] {
  const found: SqlParam[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === '\'' || c === '"' || c === '`') i = closing(sql, i, c);
    else if (c === '-' && sql[i + 1] === '-') i = lineEnd(sql, i);
    else if (c === '/' && sql[i + 1] === '*') i = blockEnd(sql, i);
    else if (c === '{') {
      const m = PARAM.exec(sql.slice(i, i + 400));
      if (m) found.push({ name: m[1]!, type: m[2]!.replace(/\s+/g, ' ') });
      if (m) i += m[0].length - 1;
    }
  }
  return found;
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

/** The engine's other names for its integer types (system.data_type_families of ClickHouse 26,
 *  matched whatever the case); test/api/sql/integer-types.test.ts compares them with the engine's. */
export const INTEGER_ALIASES: Readonly<Record<string, string>> = {
  'BYTE': 'Int8', 'INT1': 'Int8', 'INT1 SIGNED': 'Int8', 'TINYINT': 'Int8', 'TINYINT SIGNED': 'Int8',
  'SMALLINT': 'Int16', 'SMALLINT SIGNED': 'Int16',
  'INT': 'Int32', 'INT SIGNED': 'Int32', 'INTEGER': 'Int32', 'INTEGER SIGNED': 'Int32', 'MEDIUMINT': 'Int32', 'MEDIUMINT SIGNED': 'Int32',
  'BIGINT': 'Int64', 'BIGINT SIGNED': 'Int64', 'SIGNED': 'Int64',
  'INT1 UNSIGNED': 'UInt8', 'TINYINT UNSIGNED': 'UInt8',
  'SMALLINT UNSIGNED': 'UInt16', 'YEAR': 'UInt16',
  'INT UNSIGNED': 'UInt32', 'INTEGER UNSIGNED': 'UInt32', 'MEDIUMINT UNSIGNED': 'UInt32',
  'BIGINT UNSIGNED': 'UInt64', 'BIT': 'UInt64', 'SET': 'UInt64', 'UNSIGNED': 'UInt64',
};

/** The values an integer type holds, through Nullable(...) and LowCardinality(...) and the
 *  engine's aliases; null for any other type. */
export function integerRange(type: string): { min: bigint; max: bigint } | null {
  let inner = type.trim();
  for (let m; (m = /^(?:Nullable|LowCardinality)\s*\(\s*(.*?)\s*\)$/.exec(inner));) inner = m[1]!;
  // A display width changes nothing in the engine (`UInt8(3)`, `INT(11) UNSIGNED`).
  inner = inner.replace(/\s*\(\s*\d+\s*\)/g, '');
  const named = INTEGER_ALIASES[inner.toUpperCase().replace(/\s+/g, ' ')] ?? inner;
  const int = /^(U?)Int(8|16|32|64|128|256)$/.exec(named);
  if (!int) return null;
  const bits = BigInt(int[2]!);
  return int[1] === 'U' ? { min: 0n, max: 2n ** bits - 1n } : { min: -(2n ** (bits - 1n)), max: 2n ** (bits - 1n) - 1n };
}

/** The refusal of a whole number outside its parameter's type, in the API's words; the page reads it
 *  back (`outOfRangeOf`) to say it in its own language. One format, both ways. */
export const outOfRangeMessage = (name: string, value: string, type: string, min: bigint, max: bigint): string =>
  `parameter ${name}: ${value} is outside ${type} (${min} to ${max})`;

export function outOfRangeOf(message: string): { name: string; value: string; type: string; min: string; max: string } | null {
  const m = /^parameter ([A-Za-z_][A-Za-z0-9_]*): ([-+]?\d+) is outside (.+) \((-?\d+) to (-?\d+)\)$/.exec(message);
  return m ? { name: m[1]!, value: m[2]!, type: m[3]!, min: m[4]!, max: m[5]! } : null;
}
