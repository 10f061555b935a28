// Which statements the workbench runs. The engine's parser reads the text (one statement, or it
// refuses), gives it back in canonical form and as a syntax tree; this module walks that tree and
// refuses, with the reason in plain words, whatever is not a read of the allowed tables. Only the
// canonical text runs, so what was checked is what runs. The engine's read-only connection and
// its limits stand behind this; neither is the only line.
import { integerRange, outOfRangeMessage, paramUses } from '../../contracts/sql-params.ts';
import type { RefusalReason } from '../../contracts/sql.ts';
import type { Params } from '../../warehouse/warehouse.ts';
import { SqlEngineError, type ParsedSql, type SqlEngine } from '../../warehouse/sql-engine.ts';
import { identifierParts, isWellFormed, parseAstDump, walk, type AstNode } from './ast.ts';
import { TABLE_FUNCTIONS } from './policy.ts';

export interface GuardContext {
  database: string; // the current database: a name qualified with it is a table of ours
  databases: ReadonlySet<string>; // every database the engine has, lower case
  tables: ReadonlySet<string>; // every table of the current database
  allowed: ReadonlySet<string>; // of which these are open
  closedFunctions: ReadonlyMap<string, string>; // lower-case name -> what it would do
  tableFunctions: ReadonlySet<string>; // every table function the engine has, lower case
}

export type Statement = 'select' | 'explain' | 'describe' | 'show';
export type Verdict =
  | { ok: true; sql: string; statement: Statement; showTables: boolean }
  | { ok: false; reason: RefusalReason; message: string; engineMessage?: string }; // engineMessage: the parser's own words, when it refused

export class Refusal extends Error {
  constructor(readonly reason: RefusalReason, message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

/** Parses with the engine and checks; a statement the parser refuses is refused here too. */
export async function checkSql(engine: Pick<SqlEngine, 'parse'>, context: GuardContext, sql: string, params?: Params): Promise<Verdict> {
  if (sql.trim() === '') return { ok: false, reason: 'empty', message: 'the query is empty' };
  const outside = integerOutOfRange(sql, params);
  if (outside) return { ok: false, reason: 'parameters', message: outside };
  let parsed: ParsedSql;
  try {
    parsed = await engine.parse(sql, params);
  } catch (e) {
    if (!(e instanceof SqlEngineError)) throw e;
    // Comments and nothing else: the parser calls it a syntax error with no position in it.
    if (e.reason === 'syntax' && /^Empty query\b/i.test(e.message)) return { ok: false, reason: 'empty', message: 'the query is empty: it holds only comments' };
    return refusalOfParser(e);
  }
  try {
    return { ok: true, ...checkParsed(parsed, context) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.reason, message: e.message };
    throw e;
  }
}

/** A whole number given for an integer parameter beyond its type's range: the engine wraps it
 *  (300 as a UInt8 is 44) where it refuses -1 or "abc", so an answer would come for another value.
 *  Every use of a name is checked: `{n:UInt32}` and `{n:UInt8}` take the same value each in its type. */
function integerOutOfRange(sql: string, params: Params | undefined): string | null {
  for (const { name, type } of paramUses(sql)) {
    const range = integerRange(type);
    const value = params?.[name];
    if (!range || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const text = String(value).trim();
    if (!/^[-+]?\d+$/.test(text)) continue; // not a whole number: the engine's own refusal says why
    const n = BigInt(text);
    if (n < range.min || n > range.max) return outOfRangeMessage(name, text, type, range.min, range.max);
  }
  return null;
}

function refusalOfParser(e: SqlEngineError): Verdict {
  const verdict = refusalWords(e);
  // "only one statement" is the platform's finding (it splits the text), not words of the engine.
  return e.reason === 'multiple_statements' ? verdict : { ...verdict, engineMessage: e.message };
}

function refusalWords(e: SqlEngineError): Extract<Verdict, { ok: false }> {
  switch (e.reason) {
    case 'multiple_statements': return { ok: false, reason: 'multiple_statements', message: 'only one statement at a time: remove the ; and what follows it' };
    case 'readonly': return { ok: false, reason: 'settings', message: 'settings cannot be changed from a query: the workbench\'s limits are fixed' };
    case 'too_deep': return { ok: false, reason: 'too_deep', message: 'the query is nested too deeply' };
    default:
      // A value that does not parse in its type also names the "query parameter": asked first.
      if (/Cannot parse|cannot be parsed|Value .* cannot|Cannot convert/i.test(e.message) && /param/i.test(e.message)) {
        return { ok: false, reason: 'parameters', message: `a parameter's value does not fit its type: ${e.message}` };
      }
      if (/Substitution .* is not set|parameter .* not set|query parameter/i.test(e.message)) {
        return { ok: false, reason: 'parameters', message: `a {name:Type} parameter has no value: ${e.message}` };
      }
      return { ok: false, reason: 'syntax', message: `syntax error: ${e.message.replace(/^Syntax error:\s*/i, '')}` };
  }
}

const STATEMENT_WORDS: Record<string, string> = {
  InsertQuery: 'an INSERT', AlterQuery: 'an ALTER', AlterCommand: 'an ALTER', DropQuery: 'a DROP', CreateQuery: 'a CREATE',
  CreateFunctionQuery: 'a CREATE FUNCTION', CreateUserQuery: 'a CREATE USER', CreateRoleQuery: 'a CREATE ROLE',
  RenameQuery: 'a RENAME', Rename: 'a RENAME', TruncateQuery: 'a TRUNCATE', DeleteQuery: 'a DELETE', UpdateQuery: 'an UPDATE', OptimizeQuery: 'an OPTIMIZE',
  SystemQuery: 'a SYSTEM statement', 'SYSTEM': 'a SYSTEM statement', KillQueryQuery: 'a KILL', GrantQuery: 'a GRANT or REVOKE',
  UseQuery: 'a USE', Set: 'a SET', SetQuery: 'a SET', SetRoleQuery: 'a SET ROLE', ExistsTableQuery: 'an EXISTS', CheckQuery: 'a CHECK TABLE',
  BackupQuery: 'a BACKUP or RESTORE', DetachQuery: 'a DETACH', AttachQuery: 'an ATTACH', WatchQuery: 'a WATCH', ShowProcesslistQuery: 'a SHOW PROCESSLIST',
  UndropQuery: 'an UNDROP', MoveAccessEntityQuery: 'a MOVE', TransactionControl: 'a transaction statement',
};

const ALLOWED_WORDS = 'only SELECT, WITH ... SELECT, EXPLAIN AST, EXPLAIN SYNTAX, DESCRIBE, SHOW TABLES and SHOW CREATE TABLE are allowed';

export function checkParsed(parsed: ParsedSql, context: GuardContext): { sql: string; statement: Statement; showTables: boolean } {
  const root = parseAstDump(parsed.ast);
  const top = root.children[0];
  // Well-formedness first: a name with a line break adds lines that look like a second statement.
  if (!isWellFormed(root)) throw new Refusal('syntax', 'names with line breaks in them are not allowed');
  if (!top || root.children.length !== 1) throw new Refusal('multiple_statements', 'only one statement at a time');
  const canonical = parsed.canonical;
  let statement: Statement;
  let showTables = false;

  switch (top.kind) {
    case 'SelectWithUnionQuery':
    case 'SelectIntersectExceptQuery':
      statement = 'select';
      checkTopClauses(top);
      break;
    case 'Explain': {
      statement = 'explain';
      if (top.arg !== 'EXPLAIN AST' && top.arg !== 'EXPLAIN SYNTAX') {
        throw new Refusal('explain_kind', `only EXPLAIN AST and EXPLAIN SYNTAX are allowed: ${top.arg || 'EXPLAIN PLAN'} evaluates parts of the query`);
      }
      const inner = top.children.filter((c) => c.kind !== 'Set');
      if (top.children.some((c) => c.kind === 'Set')) throw new Refusal('settings', 'settings cannot be changed from a query: the workbench\'s limits are fixed');
      if (inner.length !== 1 || !['SelectWithUnionQuery', 'SelectIntersectExceptQuery'].includes(inner[0]!.kind)) {
        throw new Refusal('statement_kind', 'EXPLAIN explains a SELECT here');
      }
      checkTopClauses(inner[0]!);
      break;
    }
    case 'DescribeQuery':
      statement = 'describe';
      break;
    case 'ShowTables':
      // SHOW TABLES, SHOW DATABASES and SHOW SETTINGS parse to the same node; the text tells them apart.
      if (canonical !== 'SHOW TABLES') throw new Refusal('statement_kind', `${ALLOWED_WORDS}; use the schema browser to see the tables and their columns`);
      return { sql: canonical, statement: 'show', showTables: true };
    case 'ShowCreateTableQuery':
      if (!/^SHOW CREATE TABLE /.test(canonical)) throw new Refusal('statement_kind', ALLOWED_WORDS);
      statement = 'show';
      // The node names the table without its database (`SHOW CREATE TABLE information_schema.tables`
      // showed as `tables`): the database is read from the formatted text.
      checkTableName(canonical.slice('SHOW CREATE TABLE '.length), context);
      break;
    default:
      throw new Refusal(top.kind === 'Set' || top.kind === 'SetQuery' ? 'settings' : 'statement_kind',
        top.kind === 'Set' || top.kind === 'SetQuery'
          ? 'settings cannot be changed from a query: the workbench\'s limits are fixed'
          : `${ALLOWED_WORDS}; this is ${STATEMENT_WORDS[top.kind] ?? `a ${top.kind.replace(/Query$/, '')} statement`}`);
  }

  for (const node of walk(top)) checkNode(node, context);
  return { sql: canonical, statement, showTables };
}

/** The top SELECT holds the query; a FORMAT, an INTO OUTFILE or a SETTINGS clause is one child more. */
function checkTopClauses(select: AstNode): void {
  for (const extra of select.children.slice(1)) {
    if (extra.kind === 'Set') throw new Refusal('settings', 'settings cannot be changed from a query: the workbench\'s limits are fixed');
    if (extra.kind === 'Identifier') throw new Refusal('format_clause', 'FORMAT clauses are not allowed: the workbench chooses the format (export for files)');
    if (extra.kind === 'Literal') throw new Refusal('outfile', 'INTO OUTFILE is not allowed: the workbench writes no files on the server (export instead)');
    throw new Refusal('statement_kind', `unexpected clause ${extra.kind} after the query`);
  }
}

function checkNode(node: AstNode, context: GuardContext): void {
  switch (node.kind) {
    case 'Set':
    case 'SetQuery':
      throw new Refusal('settings', 'settings cannot be changed from a query: the workbench\'s limits are fixed');
    case 'Explain':
      if (node.parent?.kind !== '(root)') throw new Refusal('explain_kind', 'EXPLAIN goes only at the start of the statement');
      return;
    case 'Function': {
      const name = identifierParts(node.arg)[0]!.toLowerCase();
      if (node.parent?.kind === 'TableExpression') {
        if (!TABLE_FUNCTIONS.includes(name)) {
          throw new Refusal('table_function', `table functions are not allowed: ${node.arg}() (only numbers, zeros, generate_series and values, which make rows from their arguments)`);
        }
        return;
      }
      const what = context.closedFunctions.get(name);
      if (what) throw new Refusal('function', `${node.arg}() is not allowed: functions that ${what} are closed to the workbench`);
      // A table function's name is refused wherever it stands, not only in FROM: the tree's shape is
      // read from text, and the name is what cannot be disguised. (format() is also a plain function.)
      if (context.tableFunctions.has(name) && !TABLE_FUNCTIONS.includes(name) && name !== 'format') {
        throw new Refusal('table_function', `table functions are not allowed: ${node.arg}() (only numbers, zeros, generate_series and values, which make rows from their arguments)`);
      }
      return;
    }
    case 'TableIdentifier':
      return checkTableName(node.arg, context);
    case 'Identifier': {
      // A qualified name whose first part is a database is a table (`IN system.users`); a bare name
      // of a closed table is one too (`x IN accounts`). Column names are neither.
      const parts = identifierParts(node.arg);
      if (parts.length > 1 && context.databases.has(parts[0]!.toLowerCase())) return checkTableName(node.arg, context);
      if (parts.length === 1 && context.tables.has(parts[0]!) && !context.allowed.has(parts[0]!)) return checkTableName(node.arg, context);
      return;
    }
    default:
      if (STATEMENT_WORDS[node.kind] && node.parent?.kind !== '(root)') throw new Refusal('statement_kind', `${ALLOWED_WORDS}; this holds ${STATEMENT_WORDS[node.kind]}`);
  }
}

function checkTableName(arg: string, context: GuardContext): void {
  const parts = identifierParts(arg);
  let table = parts.at(-1)!;
  if (parts.length > 1) {
    const db = parts.slice(0, -1).join('.');
    if (db.toLowerCase() === 'system' || db.toLowerCase() === 'information_schema') {
      throw new Refusal('system_table', `system tables are not allowed: ${arg} (the schema browser shows the tables and columns)`);
    }
    if (db !== context.database) throw new Refusal('other_database', `only tables of this database are open: ${arg}`);
    table = parts.at(-1)!;
  }
  // A name that is not a table of the database is a WITH ... AS name, or the engine will say it does not exist.
  if (context.tables.has(table) && !context.allowed.has(table)) {
    throw new Refusal('table', `table ${table} is not open to the workbench (see the schema browser for the tables that are)`);
  }
}
