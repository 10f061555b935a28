// SQL files hold one statement (queries) or several separated by `;` at a line end
// (migrations). Neither chdb nor the HTTP interface runs several statements in one call.

export interface Statement {
  sql: string;
  /** Engine features the statement needs, from `-- requires: feature` lines above it. */
  requires: string[];
  /** `table.column` from an `-- unless-column: table.column` line: the statement adds that column,
   *  and is skipped where it exists (ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS). */
  unlessColumn?: string;
}

const REQUIRES = /^\s*--\s*requires:\s*([a-z_, ]+)$/;
const UNLESS_COLUMN = /^\s*--\s*unless-column:\s*([a-z_0-9]+\.[a-z_0-9]+)\s*$/;

/** Splits SQL text into statements, dropping `--` comment lines and blank statements. */
export function splitStatements(text: string): string[] {
  return parseStatements(text).map((s) => s.sql);
}

export function parseStatements(text: string): Statement[] {
  return text
    .split(/;\s*(?:\n|$)/)
    .map((chunk) => {
      const lines = chunk.split('\n');
      const requires = lines.flatMap((l) => REQUIRES.exec(l)?.[1]!.split(',').map((f) => f.trim()).filter(Boolean) ?? []);
      const unlessColumn = lines.map((l) => UNLESS_COLUMN.exec(l)?.[1]).find(Boolean);
      const sql = lines.filter((l) => !l.trimStart().startsWith('--')).join('\n').trim();
      return unlessColumn ? { sql, requires, unlessColumn } : { sql, requires };
    })
    .filter((s) => s.sql.length > 0);
}
