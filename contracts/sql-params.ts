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

