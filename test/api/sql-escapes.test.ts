// The workbench's endpoint against attempts to turn it on the platform: writes and DDL, statements
// chained after a SELECT, settings, table functions and the scalar functions that reach files,
// URLs, hosts, processes and dictionaries, system and closed tables, resource exhaustion, and the
// text games (comments, case, whitespace, look-alike characters). Each must be refused with its
// exact reason, recorded in the audit trail, and leave the warehouse as it was: the same tables,
// the same rows, no file written, the limits unchanged.
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppLocals } from '../../api/app.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { loadCounty } from '../fixtures/county.ts';

let t: TestApp;
let analyst: Awaited<ReturnType<TestApp['agent']>>;
let before: string;
const OUTFILE = '/tmp/cx-workbench-escape.txt';
const LIMITS = { rowLimit: 1_000, timeoutSeconds: 3, maxBytesRead: 2 * 1024 ** 3, maxMemoryBytes: 400 * 1024 ** 2, maxResultBytes: 50 * 1024 ** 2, running: 4 };

/** What must not change: every table with its engine and row count. */
async function snapshot(): Promise<string> {
  const tables = await t.wh.query<{ name: string; engine: string }>('SELECT name, engine FROM system.tables WHERE database = currentDatabase() ORDER BY name');
  const counts: string[] = [];
  for (const { name, engine } of tables) {
    if (engine === 'MaterializedView' || name === 'audit_log') continue; // the audit trail grows with every request, by design
    const [row] = await t.wh.query<{ n: number }>(`SELECT count() AS n FROM \`${name}\``);
    counts.push(`${name}:${engine}:${row!.n}`);
  }
  return counts.join('\n');
}

beforeAll(async () => {
  rmSync(OUTFILE, { force: true });
  t = await openTestApp({ extra: { sqlLimits: LIMITS } });
  await loadCounty(t.wh, { from: '2026-03-01', to: '2026-03-07', scale: 0.02 });
  analyst = await t.agent('analyst');
  before = await snapshot();
}, 120_000);
afterAll(() => t.close());

const sql = (text: string, params?: Record<string, unknown>) => analyst.post('/api/sql').send(params ? { sql: text, params } : { sql: text });

type Attempt = [family: string, text: string, reason: string, message: RegExp];

const ATTEMPTS: Attempt[] = [
  // every write and DDL statement
  ['write', 'INSERT INTO stores SELECT * FROM stores', 'statement_kind', /this is an INSERT/],
  ['write', 'ALTER TABLE stores DELETE WHERE 1', 'statement_kind', /this is an ALTER/],
  ['write', 'ALTER TABLE stores ADD COLUMN x UInt8', 'statement_kind', /this is an ALTER/],
  ['write', 'DROP TABLE stores', 'statement_kind', /this is a DROP/],
  ['write', 'DROP DATABASE default', 'statement_kind', /this is a DROP/],
  ['write', 'CREATE TABLE x (a UInt8) ENGINE = Memory', 'statement_kind', /this is a CREATE/],
  ['write', 'CREATE VIEW v AS SELECT * FROM accounts', 'statement_kind', /this is a CREATE/],
  ['write', 'TRUNCATE TABLE stores', 'statement_kind', /this is a TRUNCATE/],
  ['write', 'RENAME TABLE stores TO stores_old', 'statement_kind', /this is a RENAME/],
  ['write', 'DELETE FROM stores WHERE 1', 'statement_kind', /this is a DELETE/],
  ['write', 'OPTIMIZE TABLE pos_lines FINAL', 'statement_kind', /this is an OPTIMIZE/],
  ['write', 'SYSTEM DROP MARK CACHE', 'statement_kind', /this is a SYSTEM statement/],
  ['write', 'KILL QUERY WHERE 1', 'statement_kind', /this is a KILL/],
  ['write', 'DETACH TABLE stores', 'statement_kind', /this is a DETACH/],
  ['write', 'USE system', 'statement_kind', /this is a USE/],
  ['write', 'EXISTS TABLE accounts', 'statement_kind', /this is an EXISTS/],
  ['write', 'SHOW PROCESSLIST', 'statement_kind', /this is a SHOW PROCESSLIST/],
  ['write', 'SHOW DATABASES', 'statement_kind', /use the schema browser/],
  ['write', "SHOW SETTINGS LIKE 'max%'", 'statement_kind', /use the schema browser/],
  // statements chained after a SELECT
  ['chained', 'SELECT 1; DROP TABLE stores', 'multiple_statements', /only one statement at a time/],
  ['chained', 'SELECT 1; SELECT 2', 'multiple_statements', /only one statement at a time/],
  ['chained', 'SELECT 1 -- a comment\n; DROP TABLE stores', 'multiple_statements', /only one statement at a time/],
  ['chained', "SELECT 'a;b' /* ; */; INSERT INTO stores SELECT * FROM stores", 'multiple_statements', /only one statement at a time/],
  // settings, formats and files
  ['settings', 'SELECT 1 SETTINGS max_execution_time = 10000', 'settings', /settings cannot be changed from a query/],
  ['settings', 'SELECT * FROM stores SETTINGS readonly = 0', 'settings', /settings cannot be changed from a query/],
  ['settings', 'SET max_execution_time = 10000', 'settings', /settings cannot be changed from a query/],
  ['settings', 'SELECT count() FROM (SELECT 1 SETTINGS max_result_rows = 0)', 'settings', /settings cannot be changed from a query/],
  ['settings', 'SELECT 1 FORMAT TSV', 'format_clause', /FORMAT clauses are not allowed/],
  ['settings', `SELECT 1 INTO OUTFILE '${OUTFILE}'`, 'outfile', /INTO OUTFILE is not allowed/],
  // table functions
  ['table function', "SELECT * FROM file('/etc/passwd')", 'table_function', /table functions are not allowed: file\(\)/],
  ['table function', "SELECT * FROM url('http://127.0.0.1:9/x.csv', CSV, 'a String')", 'table_function', /table functions are not allowed: url\(\)/],
  ['table function', "SELECT * FROM s3('http://127.0.0.1:9/b/x.csv')", 'table_function', /table functions are not allowed: s3\(\)/],
  ['table function', "SELECT * FROM remote('127.0.0.1:9000', system.one)", 'table_function', /table functions are not allowed: remote\(\)/],
  ['table function', "SELECT * FROM mysql('127.0.0.1:3306', 'd', 't', 'u', 'p')", 'table_function', /mysql\(\)/],
  ['table function', "SELECT * FROM postgresql('127.0.0.1:5432', 'd', 't', 'u', 'p')", 'table_function', /postgresql\(\)/],
  ['table function', "SELECT * FROM executable('cat /etc/passwd', TSV, 'a String')", 'table_function', /executable\(\)/],
  ['table function', "SELECT * FROM merge(currentDatabase(), '^acc')", 'table_function', /merge\(\)/],
  ['table function', 'SELECT * FROM mergeTreeIndex(currentDatabase(), accounts)', 'table_function', /mergeTreeIndex\(\)/],
  ['table function', "SELECT * FROM dictionary('d')", 'table_function', /dictionary\(\)/],
  ['table function', "SELECT * FROM input('a String')", 'table_function', /input\(\)/],
  ['table function', 'SELECT * FROM view(SELECT * FROM stores)', 'table_function', /view\(\)/],
  ['table function', "SELECT * FROM stores AS s JOIN url('http://127.0.0.1:9/', CSV, 'a String') AS u ON 1", 'table_function', /url\(\)/],
  ['table function', "SELECT * FROM (SELECT * FROM hdfs('hdfs://127.0.0.1:9/x', CSV, 'a String'))", 'table_function', /hdfs\(\)/],
  ['table function', "SELECT * FROM generateRandom('a String') LIMIT 1", 'table_function', /generateRandom\(\)/],
  ['table function', "SELECT 1 IN merge(currentDatabase(), '^acc')", 'table_function', /merge\(\)/],
  // scalar functions that reach out, stall, or tell about the server
  ['function', "SELECT file('/etc/passwd')", 'function', /file\(\) is not allowed: functions that read files/],
  ['function', "SELECT fIlE('/etc/passwd')", 'function', /fIlE\(\) is not allowed: functions that read files/],
  ['function', 'SELECT sleep(3)', 'function', /sleep\(\) is not allowed: functions that stall the engine/],
  ['function', 'SELECT sleepEachRow(1) FROM numbers(10)', 'function', /sleepEachRow\(\) is not allowed/],
  ['function', "SELECT dictGet('d', 'a', toUInt64(1))", 'function', /dictGet\(\) is not allowed: functions that read dictionaries/],
  ['function', "SELECT dictGetStringOrDefault('d', 'a', toUInt64(1), '')", 'function', /read dictionaries/],
  ['function', "SELECT joinGet('j', 'a', 1)", 'function', /joinGet\(\) is not allowed: functions that read tables outside the query/],
  ['function', "SELECT hasColumnInTable(currentDatabase(), 'accounts', 'password_hash')", 'function', /hasColumnInTable\(\)/],
  ['function', 'SELECT hostName()', 'function', /hostName\(\) is not allowed: functions that tell about the server/],
  ['function', 'SELECT FQDN()', 'function', /FQDN\(\) is not allowed/],
  ['function', 'SELECT version()', 'function', /version\(\) is not allowed/],
  ['function', "SELECT getServerSetting('max_server_memory_usage')", 'function', /getServerSetting\(\)/],
  ['function', 'SELECT filesystemAvailable()', 'function', /read the server's disks/],
  ['function', 'SELECT addressToSymbol(toUInt64(1))', 'function', /inspect the server process/],
  ['function', "SELECT aiGenerate('hello')", 'function', /call outside services/],
  ['function', 'SELECT __getScalar(1)', 'function', /the engine's internals/],
  // system tables and other databases
  ['system', 'SELECT * FROM system.settings', 'system_table', /system tables are not allowed: system.settings/],
  ['system', 'SELECT * FROM system.processes', 'system_table', /system.processes/],
  ['system', 'SELECT * FROM system.disks', 'system_table', /system.disks/],
  ['system', 'SELECT * FROM system.parts', 'system_table', /system.parts/],
  ['system', 'SELECT * FROM `system`.`tables`', 'system_table', /system tables are not allowed/],
  ['system', 'SELECT * FROM information_schema.tables', 'system_table', /system tables are not allowed/],
  ['system', 'SELECT 1 WHERE 1 IN (SELECT dummy FROM system.one)', 'system_table', /system.one/],
  ['system', 'SELECT 1 WHERE 1 IN system.one', 'system_table', /system.one/],
  ['system', 'DESCRIBE TABLE system.users', 'system_table', /system.users/],
  ['system', 'SHOW CREATE TABLE information_schema.tables', 'system_table', /information_schema.tables/],
  ['system', 'SHOW CREATE TABLE system.users', 'system_table', /system.users/],
  ['system', 'SHOW CREATE TABLE `system`.`users`', 'system_table', /system/],
  // closed tables of this database
  ['closed table', 'SELECT * FROM accounts', 'table', /table accounts is not open to the workbench/],
  ['closed table', 'SELECT login FROM auth_sessions', 'table', /table auth_sessions/],
  ['closed table', 'SELECT * FROM api_tokens', 'table', /table api_tokens/],
  ['closed table', 'SELECT * FROM audit_log', 'table', /table audit_log/],
  ['closed table', 'SELECT * FROM saved_queries', 'table', /table saved_queries/],
  ['closed table', 'SELECT * FROM ingest_event_ids', 'table', /table ingest_event_ids/],
  ['closed table', 'SELECT * FROM default.accounts', 'table', /table accounts/],
  ['closed table', "SELECT * FROM pos_lines WHERE store_id IN accounts", 'table', /table accounts/],
  ['closed table', 'WITH x AS (SELECT * FROM accounts) SELECT * FROM x', 'table', /table accounts/],
  ['closed table', 'SELECT name FROM stores UNION ALL SELECT login FROM accounts', 'table', /table accounts/],
  ['closed table', 'SELECT * FROM stores AS s LEFT JOIN accounts AS a ON s.id = a.login', 'table', /table accounts/],
  ['closed table', 'SELECT (SELECT count() FROM accounts)', 'table', /table accounts/],
  ['closed table', 'SHOW CREATE TABLE accounts', 'table', /table accounts/],
  ['closed table', 'DESCRIBE TABLE accounts', 'table', /table accounts/],
  ['closed table', 'SELECT * FROM elsewhere.stores', 'other_database', /only tables of this database are open/],
  ['closed table', 'SHOW CREATE TABLE elsewhere.stores', 'other_database', /only tables of this database are open/],
  ['closed table', 'SHOW CREATE TABLE default.accounts', 'table', /table accounts/],
  // EXPLAIN kinds that evaluate
  ['explain', 'EXPLAIN PIPELINE SELECT 1', 'explain_kind', /only EXPLAIN AST and EXPLAIN SYNTAX are allowed/],
  ['explain', 'EXPLAIN ESTIMATE SELECT * FROM pos_lines', 'explain_kind', /only EXPLAIN AST and EXPLAIN SYNTAX/],
  ['explain', 'EXPLAIN QUERY TREE SELECT 1', 'explain_kind', /only EXPLAIN AST and EXPLAIN SYNTAX/],
  ['explain', "EXPLAIN SELECT * FROM url('http://127.0.0.1:9/', CSV, 'a String')", 'explain_kind', /only EXPLAIN AST and EXPLAIN SYNTAX/],
  ['explain', 'EXPLAIN AST SELECT * FROM accounts', 'table', /table accounts/],
  ['explain', "EXPLAIN SYNTAX SELECT file('/etc/passwd')", 'function', /file\(\)/],
  // comments, case, whitespace and look-alike characters around keywords
  ['text', 'sElEcT * fRoM accounts', 'table', /table accounts/],
  ['text', 'SELECT/**/*/**/FROM/**/accounts', 'table', /table accounts/],
  ['text', 'SELECT\t*\r\nFROM\n\n   accounts\n', 'table', /table accounts/],
  ['text', 'SELECT * FROM `accounts`', 'table', /table accounts/],
  ['text', 'SELECT * FROM "accounts"', 'table', /table accounts/],
  ['text', '/* SELECT */ DROP /* x */ TABLE stores', 'statement_kind', /this is a DROP/],
  ['text', 'SELECT * FROM FiLe(\'/etc/passwd\')', 'table_function', /FiLe\(\)/],
  ['text', 'SELECT * FROM ａｃｃｏｕｎｔｓ', 'syntax', /syntax error/], // full-width letters
  ['text', 'ЅELECT 1', 'syntax', /syntax error/], // a Cyrillic Ѕ
  ['text', 'SELECT 1 ；DROP TABLE stores', 'syntax', /syntax error/], // a full-width semicolon
  ['text', 'DROP\u200BTABLE stores', 'statement_kind', /this is a DROP/], // the parser takes a zero-width space for a space
  // a line break inside a name would print as extra lines of the syntax tree
  ['text', 'SELECT 1 AS `x\n      Function file`', 'syntax', /names with line breaks in them are not allowed/],
  ['text', 'SELECT * FROM merge(currentDatabase(), \'^acc\') AS `m\n TableExpression`', 'syntax', /names with line breaks/],
  // parameters cannot smuggle names
  ['params', 'SELECT * FROM {t:Identifier}', 'table', /table accounts/],
  // deep nesting
  ['deep', `SELECT ${'('.repeat(5_000)}1${')'.repeat(5_000)}`, 'too_deep', /nested too deeply/],
];

describe('escape attempts, each refused with its reason', () => {
  test('there are at least 50 of them, across every family', () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ATTEMPTS.map((a) => a[0])).size).toBe(11);
  });

  test.each(ATTEMPTS.map((a, i) => [i + 1, ...a] as const))('%i (%s) %j → %s', async (_i, _family, text, reason, message) => {
    const res = await sql(text, text.includes('{t:Identifier}') ? { t: 'accounts' } : undefined);
    expect({ status: res.status, error: res.body.error, reason: res.body.reason }).toEqual({ status: 400, error: 'refused', reason });
    expect(res.body.message).toMatch(message);
  });

  test('afterwards the warehouse is as it was: same tables, same rows, no file written', async () => {
    expect(await snapshot()).toBe(before);
    expect(existsSync(OUTFILE)).toBe(false);
  });

  test('every refusal is in the audit trail with the analyst, the text and the reason', async () => {
    await (t.app.locals as unknown as AppLocals).audit.flush();
    const rows = await t.wh.query<{ detail: string; outcome: string; status: number }>(
      "SELECT detail, outcome, status FROM audit_log WHERE login = 'analyst' AND route = '/api/sql' AND status = 400");
    const byText = new Map(rows.map((r) => [r.detail, r]));
    for (const [, text, reason] of ATTEMPTS) {
      expect(byText.get(text)?.outcome, text).toMatch(new RegExp(`^refused: ${reason}: `));
    }
  });
});

describe('limits that the query text cannot lift', () => {
  test('the engine holds the connection at read-only with the configured limits, whatever the query says', async () => {
    const res = await sql("SELECT getSetting('readonly') AS ro, getSetting('max_execution_time') AS t, getSetting('max_memory_usage') AS m, getSetting('max_bytes_to_read') AS b");
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([[1, 3, LIMITS.maxMemoryBytes, LIMITS.maxBytesRead]]);
  });

  test('reading too much is stopped by the bytes limit', async () => {
    const res = await sql('SELECT count() FROM numbers(10000000000000)');
    expect({ status: res.status, error: res.body.error, reason: res.body.reason }).toEqual({ status: 400, error: 'limit', reason: 'bytes_read' });
    expect(res.body.message).toBe('the query would read more than the 2 GiB it may read: narrow it (a date range, fewer columns)');
  });

  test('a huge aggregate is stopped by the memory limit', async () => {
    const res = await sql('SELECT number % 50000000 AS k, groupArray(toString(number)) FROM numbers(100000000) GROUP BY k');
    expect({ status: res.status, error: res.body.error, reason: res.body.reason }).toEqual({ status: 400, error: 'limit', reason: 'memory' });
    // The platform's words name the limit; the engine's own stand beside them.
    expect(res.body.message).toBe('the query needed more memory than the 0.4 GiB it may use and was stopped');
    expect(res.body.engineMessage).toMatch(/memory limit/i);
  }, 60_000);

  test('a long computation is stopped by the time limit', async () => {
    const started = Date.now();
    const res = await sql('SELECT sum(arraySum(arrayMap(x -> cityHash64(x, number), range(100)))) FROM numbers(100000000)');
    console.log(`stopped after ${Date.now() - started} ms (limit ${LIMITS.timeoutSeconds} s)`);
    expect({ status: res.status, error: res.body.error, reason: res.body.reason }).toEqual({ status: 400, error: 'limit', reason: 'timeout' });
  }, 60_000);

  test('an enormous result is cut at the row limit and says so', async () => {
    const res = await sql('SELECT number FROM numbers(10000000)');
    expect(res.status).toBe(200);
    expect({ truncated: res.body.truncated, rows: res.body.rows.length, first: res.body.rows[0], last: res.body.rows.at(-1) })
      .toEqual({ truncated: true, rows: 1_000, first: ['0'], last: ['999'] });
  });

  test('enormous rows are refused by the result size limit: 100 rows of 1 MB each, with 50 MB allowed', async () => {
    const res = await sql("SELECT repeat('x', 1000000) AS big FROM numbers(100)");
    expect({ status: res.status, error: res.body.error, reason: res.body.reason }).toEqual({ status: 400, error: 'limit', reason: 'result_size' });
    expect(res.body.message).toMatch(/^the result is 95 MB, more than the 50 MB a screen holds; export it instead$/);
  });

  test('a recursive WITH without end stops at the engine\'s depth', async () => {
    const res = await sql('WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) SELECT count() FROM r');
    expect({ status: res.status, error: res.body.error, reason: res.body.reason }).toEqual({ status: 400, error: 'refused', reason: 'too_deep' });
  });

  test('a request body past the limit is refused before it is read', async () => {
    const res = await analyst.post('/api/sql').send({ sql: `SELECT '${'x'.repeat(1_000_000)}'` });
    expect({ status: res.status, error: res.body.error }).toEqual({ status: 413, error: 'payload_too_large' });
    const long = await sql(`SELECT '${'x'.repeat(100_001)}'`);
    expect({ status: long.status, field: long.body.field, message: long.body.message }).toEqual({ status: 400, field: 'sql', message: 'sql: must be at most 100000 characters' });
  });

  test('a parameter is bound as a value, never spliced into the text', async () => {
    const evil = "x'); DROP TABLE stores; --";
    const res = await sql('SELECT {v:String} AS v, count() AS n FROM stores', { v: evil });
    expect(res.status).toBe(200);
    expect(res.body.rows[0][0]).toBe(evil);
    expect(await snapshot()).toBe(before);
  });
});

describe('who may call it', () => {
  test.each([['merchant'], ['lufeng'], ['prefecture'], ['admin']] as const)('%s: 403', async (who) => {
    const agent = await t.agent(who);
    const res = await agent.post('/api/sql').send({ sql: 'SELECT 1' });
    expect({ status: res.status, error: res.body.error }).toEqual({ status: 403, error: 'forbidden' });
    const exp = await agent.post('/api/sql/export?format=csv').send({ sql: 'SELECT 1' });
    expect(exp.status).toBe(403);
  });

  test('nobody signed in: 401', async () => {
    const res = await (await import('supertest')).default(t.app).post('/api/sql').send({ sql: 'SELECT 1' });
    expect(res.status).toBe(401);
  });
});
