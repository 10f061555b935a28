// The workbench's parser: the embedded engine's own, on a session that runs nothing an analyst
// wrote. `formatQuerySingleLine` reads the text as a bound string (so it cannot run) and fails on
// more than one statement; `EXPLAIN AST` of the canonical text gives its syntax tree. On a server
// deployment the same parser (a temporary chdb session) reads the text before the server runs it.
import type { Session } from 'chdb';
import type { Params } from './warehouse.ts';
import { clearAfterError } from './embedded.ts';
import { toSqlEngineError, type ParsedSql } from './sql-engine.ts';

export interface SqlParser {
  parse(sql: string, params?: Params): Promise<ParsedSql>;
  format(sql: string): Promise<string>;
}

const CACHED = 500;

export function createSqlParser(session: Session): SqlParser {
  let queue: Promise<unknown> = Promise.resolve();
  // One at a time: a failed query must be cleared from the session before the next (clearAfterError).
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  // The same text with the same parameters parses the same: an analyst re-running a query (or a
  // saved one opened by many) skips the parser's two round trips. Successes only, newest kept.
  const cache = new Map<string, ParsedSql>();
  return {
    parse: (sql, params) => {
      const key = JSON.stringify([sql, params ?? {}]);
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return Promise.resolve(hit);
      }
      return serial(async () => {
        const canonical = await text(session, 'SELECT formatQuerySingleLine({q:String})', { q: sql });
        const ast = await text(session, `EXPLAIN AST ${canonical}`, params ?? {});
        const parsed = { canonical, ast };
        if (key.length <= 20_000) {
          cache.set(key, parsed);
          if (cache.size > CACHED) cache.delete(cache.keys().next().value!);
        }
        return parsed;
      });
    },
    format: (sql) => serial(() => text(session, 'SELECT formatQuery({q:String})', { q: sql })),
  };
}

/** The parser's session: read-only, with the parser's depth bounded (a deep text would exhaust its stack). */
export const PARSER_ARGS = ['--max_parser_depth=300', '--readonly=1'];

async function text(session: Session, sql: string, params: Params): Promise<string> {
  try {
    const result = Object.keys(params).length > 0 ? await session.queryBindAsync(sql, params, { format: 'TSVRaw' }) : await session.queryAsync(sql, { format: 'TSVRaw' });
    return result.text().replace(/\n$/, '');
  } catch (cause) {
    await clearAfterError(session);
    throw toSqlEngineError(cause);
  }
}
