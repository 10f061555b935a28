// The workbench as an analyst uses it, over a simulated week of the county: figures equal to a
// recount from the generated events, parameters, the statements besides SELECT, the schema with
// every column's meaning, a sample, formatting, cancelling a running query in the engine, two
// queries at most per analyst, saved queries with versions and sharing, and the history.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppLocals } from '../../api/app.ts';
import { WORKBENCH_TABLES } from '../../api/sql/policy.ts';
import type { AnyEvent } from '../../contracts/events.ts';
import { schemaResponse, sqlResult, savedGetResponse } from '../../contracts/sql.ts';
import { openTestApp, PASSWORD, type TestApp } from '../fixtures/app.ts';
import { loadCounty } from '../fixtures/county.ts';

let t: TestApp;
let analyst: Awaited<ReturnType<TestApp['agent']>>;
let other: ReturnType<typeof request.agent>;
let events: AnyEvent[];
const LIMITS = { rowLimit: 1_000, timeoutSeconds: 20, running: 4 };

beforeAll(async () => {
  t = await openTestApp({ extra: { sqlLimits: LIMITS } });
  events = await loadCounty(t.wh, { from: '2026-03-01', to: '2026-03-07', scale: 0.02 });
  analyst = await t.agent('analyst');
  await t.locals.services.accounts.create({ login: 'analyst-2', name: '第二分析员', role: 'analyst', password: PASSWORD });
  other = request.agent(t.app);
  await other.post('/api/session').send({ login: 'analyst-2', password: PASSWORD }).expect(200);
}, 120_000);
afterAll(() => t.close());

const run = (sql: string, params?: Record<string, unknown>, agent = analyst) => agent.post('/api/sql').send(params ? { sql, params } : { sql });
/** A query that runs for long unless stopped: about 10^10 hashes, reading little. */
const LONG = 'SELECT sum(arraySum(arrayMap(x -> cityHash64(x, number), range(100)))) FROM numbers(100000000)';

describe('running a query', () => {
  test('sales per county for a day equal a recount from the events, with names and types', async () => {
    const res = await run(`
      SELECT county_code, count() AS lines, sum(amount_fen) AS fen
      FROM pos_lines
      WHERE toDate(sold_at) = {day:Date}
      GROUP BY county_code ORDER BY county_code`, { day: '2026-03-03' });
    expect(res.status).toBe(200);
    const body = sqlResult.parse(res.body);
    const want = new Map<string, { lines: number; fen: number }>();
    for (const e of events) {
      if (e.kind !== 'pos' || !e.event.soldAt.startsWith('2026-03-03')) continue;
      const c = want.get(e.event.areaCode.slice(0, 6)) ?? { lines: 0, fen: 0 };
      c.lines += e.event.lines.length;
      c.fen += e.event.lines.reduce((s, l) => s + l.amountFen, 0);
      want.set(e.event.areaCode.slice(0, 6), c);
    }
    expect(want.size).toBeGreaterThan(5);
    expect(body.columns).toEqual([{ name: 'county_code', type: 'LowCardinality(String)' }, { name: 'lines', type: 'UInt64' }, { name: 'fen', type: 'UInt64' }]);
    // 64-bit integers come as exact strings.
    expect(body.rows).toEqual([...want].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, String(v.lines), String(v.fen)]));
    expect(body).toMatchObject({ statement: 'select', truncated: false, rowLimit: 1_000 });
    expect(body.sql).toMatch(/^SELECT county_code, count\(\) AS lines/);
  });

  test('the statements besides SELECT: WITH, EXPLAIN AST and SYNTAX, DESCRIBE, SHOW TABLES, SHOW CREATE TABLE', async () => {
    const withRes = await run('WITH s AS (SELECT store_id FROM pos_lines GROUP BY store_id) SELECT count() AS n FROM s');
    const stores = new Set(events.filter((e) => e.kind === 'pos').map((e) => (e.event as { storeId: string }).storeId));
    expect(withRes.body.rows).toEqual([[String(stores.size)]]);
    expect((await run('EXPLAIN AST SELECT 1')).body).toMatchObject({ statement: 'explain', rows: [['SelectWithUnionQuery (children 1)'], [' ExpressionList (children 1)'], ['  SelectQuery (children 1)'], ['   ExpressionList (children 1)'], ['    Literal UInt64_1']] });
    expect((await run('EXPLAIN SYNTAX SELECT 1 + 1')).body.statement).toBe('explain');
    const describe = await run('DESCRIBE TABLE areas');
    expect(describe.body.statement).toBe('describe');
    expect(describe.body.rows.map((r: unknown[]) => r[0])).toContain('code');
    const show = await run('show tables');
    expect(show.body).toMatchObject({ statement: 'show', columns: [{ name: 'name', type: 'String' }] });
    expect(show.body.rows.map((r: string[]) => r[0]).sort()).toEqual([...WORKBENCH_TABLES].sort());
    expect((await run('SHOW CREATE TABLE stores')).body.rows[0][0]).toMatch(/^CREATE TABLE default\.stores/);
  });

  test('a result past the row limit is cut there and says so', async () => {
    const res = await run('SELECT number FROM numbers(5000)');
    expect({ truncated: res.body.truncated, rows: res.body.rows.length }).toEqual({ truncated: true, rows: 1_000 });
    const exact = await run('SELECT number FROM numbers(1000)');
    expect({ truncated: exact.body.truncated, rows: exact.body.rows.length }).toEqual({ truncated: false, rows: 1_000 });
  });

  test('an engine error comes back in the analyst\'s words, without the engine\'s version', async () => {
    const res = await run('SELECT no_such_column FROM stores');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('query_failed');
    expect(res.body.message).toMatch(/^Unknown expression identifier `no_such_column`/);
    expect(res.body.message).not.toMatch(/version|DB::Exception|Code: /);
    // The engine's words also stand apart, for the page to show beneath its own explanation.
    expect(res.body.engineMessage).toBe(res.body.message);
  });

  test('a syntax error says where, in the analyst\'s text, not the parser\'s wrapper', async () => {
    const res = await run('SELECT 1 FROM');
    expect({ status: res.status, reason: res.body.reason }).toEqual({ status: 400, reason: 'syntax' });
    expect(res.body.message).toMatch(/^syntax error: failed at position 14 \(end of query\): \. Expected one of: table, /);
    expect(res.body.message).not.toMatch(/formatQuery|In scope|SYNTAX_ERROR/);
    expect(res.body.engineMessage).toMatch(/^Syntax error: failed at position 14 \(end of query\): \. Expected one of: table, /);
    expect(res.body.engineMessage).not.toMatch(/formatQuery|In scope|version/);
  });

  test('a text of comments only is an empty query, not a syntax error with no position to point at', async () => {
    for (const sql of ['-- nothing', '/* a note */', '  -- one\n  -- two\n']) {
      const res = await run(sql);
      expect({ sql, status: res.status, reason: res.body.reason, message: res.body.message })
        .toEqual({ sql, status: 400, reason: 'empty', message: 'the query is empty: it holds only comments' });
    }
  });

  test('a refusal of the platform\'s own has its code and its words, and no engine message: the page explains it by the code', async () => {
    const res = await run('DROP TABLE stores');
    expect(res.body).toEqual({
      error: 'refused', reason: 'statement_kind', field: 'sql',
      message: 'only SELECT, WITH ... SELECT, EXPLAIN AST, EXPLAIN SYNTAX, DESCRIBE, SHOW TABLES and SHOW CREATE TABLE are allowed; this is a DROP',
    });
    expect(res.status).toBe(400);
  });

  test('an alias with a bracket in it does not hide a closed table or function from the guard', async () => {
    for (const sql of ['SELECT * FROM accounts AS `x)y` LIMIT 3', 'SELECT * FROM auth_sessions AS `t)`', "SELECT file('/etc/hostname') AS `x)y`", 'SELECT 1 AS `a(b`']) {
      const res = await run(sql);
      expect({ sql, status: res.status, error: res.body.error }).toEqual({ sql, status: 400, error: 'refused' });
      expect(JSON.stringify(res.body)).not.toMatch(/scrypt/);
    }
  });

  test('a parameter without a value is named', async () => {
    const res = await run('SELECT {day:Date}');
    expect({ status: res.status, reason: res.body.reason }).toEqual({ status: 400, reason: 'parameters' });
    expect(res.body.message).toMatch(/day/);
  });

  test('a whole number beyond an integer parameter\'s type is refused by name, not wrapped (300 as a UInt8 was 44)', async () => {
    const refused = [['{n:UInt8}', '300', 'parameter n: 300 is outside UInt8 (0 to 255)'], ['{n:Int8}', '-129', 'parameter n: -129 is outside Int8 (-128 to 127)'],
      ['{n:Nullable(UInt16)}', '65536', 'parameter n: 65536 is outside Nullable(UInt16) (0 to 65535)'],
      ['{n:UInt64}', '18446744073709551616', 'parameter n: 18446744073709551616 is outside UInt64 (0 to 18446744073709551615)'],
      // Through LowCardinality, in the engine's other names for its integers, and in a second use
      // of a name whose first use takes the value whole.
      ['{n:LowCardinality(Nullable(UInt8))}', '256', 'parameter n: 256 is outside LowCardinality(Nullable(UInt8)) (0 to 255)'],
      ['{n:tinyint}', '128', 'parameter n: 128 is outside tinyint (-128 to 127)'],
      ['{n:INT UNSIGNED}', '4294967296', 'parameter n: 4294967296 is outside INT UNSIGNED (0 to 4294967295)'],
      ['{n:BIGINT}', '9223372036854775808', 'parameter n: 9223372036854775808 is outside BIGINT (-9223372036854775808 to 9223372036854775807)'],
      ['{n:UInt32} + {n:UInt8}', '300', 'parameter n: 300 is outside UInt8 (0 to 255)'],
      ['{n:UInt8(3)}', '300', 'parameter n: 300 is outside UInt8(3) (0 to 255)']];
    for (const [slot, value, message] of refused) {
      const res = await run(`SELECT ${slot} AS v`, { n: value });
      expect({ slot, status: res.status, reason: res.body.reason, message: res.body.message }).toEqual({ slot, status: 400, reason: 'parameters', message });
    }
    // The ends of the range are values like any other.
    for (const [slot, value] of [['{n:UInt8}', '255'], ['{n:Int8}', '-128'], ['{n:UInt64}', '18446744073709551615'], ['{n:TINYINT}', '-128'], ['{n:LowCardinality(UInt8)}', '255']]) {
      const res = await run(`SELECT toString(${slot}) AS v`, { n: value });
      expect({ slot, status: res.status, rows: res.body.rows }).toEqual({ slot, status: 200, rows: [[value]] });
    }
  });

  test('formatting lays the text out without running it', async () => {
    const res = await analyst.post('/api/sql/format').send({ sql: 'select a,b from t where x=1' });
    expect(res.body.sql).toBe('SELECT\n    a,\n    b\nFROM t\nWHERE x = 1');
  });
});

describe('cancelling and the number running', () => {
  test('cancel stops the query in the engine: the run answers 409 within a second or so', async () => {
    const queryId = 'cancel-test-0001';
    const started = Date.now();
    const running = analyst.post('/api/sql').send({ sql: LONG, queryId }).then((r) => r);
    await new Promise((r) => setTimeout(r, 500));
    // Someone else cannot stop it.
    expect((await other.post('/api/sql/cancel').send({ queryId })).body).toEqual({ cancelled: false });
    expect((await analyst.post('/api/sql/cancel').send({ queryId })).body).toEqual({ cancelled: true });
    const res = await running;
    const took = Date.now() - started;
    expect({ status: res.status, error: res.body.error }).toEqual({ status: 409, error: 'cancelled' });
    expect(took).toBeLessThan(LIMITS.timeoutSeconds * 1000 / 2); // stopped, not timed out
    // Nothing of it runs on in the engine.
    const left = await t.wh.query("SELECT query FROM system.processes WHERE query LIKE '%cx-sql:cancel-test-0001%' AND query NOT LIKE '%system.processes%'");
    expect(left).toEqual([]);
  });

  test('a cancel that overtakes its query (sent first, the query 100 ms after) still stops it in the engine', async () => {
    const queryId = 'cancel-test-0002';
    const started = Date.now();
    const cancelling = analyst.post('/api/sql/cancel').send({ queryId }).then((r) => r);
    await new Promise((r) => setTimeout(r, 100));
    const res = await analyst.post('/api/sql').send({ sql: LONG, queryId });
    expect({ status: res.status, error: res.body.error }).toEqual({ status: 409, error: 'cancelled' });
    expect((await cancelling).body).toEqual({ cancelled: true });
    expect(Date.now() - started).toBeLessThan(LIMITS.timeoutSeconds * 1000 / 2);
    // A cancel of a query that has ended answers false.
    expect((await analyst.post('/api/sql/cancel').send({ queryId })).body).toEqual({ cancelled: false });
    const left = await t.wh.query("SELECT query FROM system.processes WHERE query LIKE '%cx-sql:cancel-test-0002%' AND query NOT LIKE '%system.processes%'");
    expect(left).toEqual([]);
  });

  test('a third query of one analyst is refused while two run; another analyst is not held back', async () => {
    const ids = ['cap-test-0001', 'cap-test-0002'];
    const runs = ids.map((queryId) => analyst.post('/api/sql').send({ sql: LONG, queryId }).then((r) => r));
    await new Promise((r) => setTimeout(r, 500));
    const third = await run('SELECT 1');
    expect({ status: third.status, running: third.body.running }).toEqual({ status: 429, running: ids });
    expect(third.body.message).toBe('you already have 2 queries running (at most 2); wait for one or cancel it');
    expect((await run('SELECT 1 AS one', undefined, other)).body.rows).toEqual([[1]]);
    for (const queryId of ids) await analyst.post('/api/sql/cancel').send({ queryId });
    expect((await Promise.all(runs)).map((r) => r.status)).toEqual([409, 409]);
    expect((await run('SELECT 2 AS two')).body.rows).toEqual([[2]]);
  });
});

describe('the schema browser', () => {
  test('the open tables with their columns, every column with a meaning, and row counts that match', async () => {
    const res = await analyst.get('/api/sql/schema');
    const schema = schemaResponse.parse(res.body);
    expect(schema.tables.map((x) => x.name).sort()).toEqual([...WORKBENCH_TABLES].sort());
    for (const table of schema.tables) {
      for (const c of table.columns) expect(c.comment, `${table.name}.${c.name}`).not.toBe('');
      // And in Chinese, for Chinese pages: a column added without it would read English there.
      expect(table.columns.filter((c) => !/[\u4e00-\u9fff]/.test(c.commentZh ?? '')).map((c) => c.name), table.name).toEqual([]);
      const [row] = await t.wh.query<{ n: number }>(`SELECT count() AS n FROM \`${table.name}\``);
      expect(table.rows, table.name).toBe(Number(row!.n));
    }
    const pos = schema.tables.find((x) => x.name === 'pos_lines')!;
    expect(pos.columns.slice(0, 3).map((c) => [c.name, c.type])).toEqual([['receipt_id', 'String'], ['line_no', 'UInt16'], ['store_id', 'String']]);
    expect(pos.columns.find((c) => c.name === 'unit_price_fen')).toEqual({ name: 'unit_price_fen', type: 'UInt64', comment: 'List price of one unit, fen (0.01 yuan)', commentZh: '每单位的标价，单位：分（0.01 元）' });
    expect(schema.functions).toContain('sum');
    expect(schema.functions).not.toContain('file');
    expect(schema.functions).not.toContain('sleep');
    expect(schema.functions.some((f) => f.startsWith('dictGet'))).toBe(false);
    expect(schema.limits).toEqual({ rowLimit: 1_000, timeoutSeconds: 20, maxBytesRead: 20 * 1024 ** 3, maxMemoryBytes: 2 * 1024 ** 3, runningPerAnalyst: 2, runningTotal: 4 });
  });

  test('a sample is the first 20 rows; a closed table has none', async () => {
    const res = await analyst.get('/api/sql/sample').query({ table: 'areas' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(20);
    expect(res.body.columns[0]).toEqual({ name: 'code', type: 'String' });
    const closed = await analyst.get('/api/sql/sample').query({ table: 'accounts' });
    expect({ status: closed.status, message: closed.body.message }).toEqual({ status: 400, message: 'table: accounts is not a table the workbench may read' });
  });
});

describe('saved queries', () => {
  const input = { name: '每县日销售', description: 'sales per county', sql: 'SELECT county_code, sum(amount_fen) FROM pos_lines WHERE toDate(sold_at) = {day:Date} GROUP BY county_code',
    params: [{ name: 'day', type: 'Date', value: '2026-03-03' }], chart: { mark: 'bar', encoding: { x: { field: 'county_code' } } } };

  test('save, open, save a new version, open the old one, and a stale save is refused', async () => {
    const made = await analyst.post('/api/sql/saved').send(input);
    expect(made.status).toBe(201);
    const q = savedGetResponse.parse(made.body);
    expect(q).toMatchObject({ version: 1, owner: 'analyst', name: '每县日销售', sharedWith: [], mine: true, params: input.params, chart: input.chart });
    expect(q.id).toMatch(/^[a-z0-9]{20}$/);
    const v2 = await analyst.put(`/api/sql/saved/${q.id}`).send({ ...input, sql: `${input.sql} ORDER BY county_code`, baseVersion: 1 });
    expect(v2.body).toMatchObject({ version: 2, versions: [{ version: 1, savedBy: 'analyst' }, { version: 2, savedBy: 'analyst' }] });
    const old = await analyst.get(`/api/sql/saved/${q.id}`).query({ version: 1 });
    expect({ version: old.body.version, sql: old.body.sql }).toEqual({ version: 1, sql: input.sql });
    const stale = await analyst.put(`/api/sql/saved/${q.id}`).send({ ...input, baseVersion: 1 });
    expect({ status: stale.status, field: stale.body.field, version: stale.body.version }).toEqual({ status: 409, field: 'baseVersion', version: 2 });
  });

  test('private to its owner until shared with analysts; only the owner changes or deletes it', async () => {
    const q = (await analyst.post('/api/sql/saved').send({ ...input, name: 'private one' })).body;
    expect((await other.get(`/api/sql/saved/${q.id}`)).status).toBe(404);
    expect((await other.put(`/api/sql/saved/${q.id}`).send({ ...input, baseVersion: 1 })).status).toBe(404);
    expect((await other.delete(`/api/sql/saved/${q.id}`)).status).toBe(404);
    expect((await other.get('/api/sql/saved')).body.queries.map((x: { id: string }) => x.id)).not.toContain(q.id);

    await analyst.put(`/api/sql/saved/${q.id}`).send({ ...input, name: 'shared one', sharedWith: ['analyst'], baseVersion: 1 }).expect(200);
    const seen = await other.get(`/api/sql/saved/${q.id}`);
    expect(seen.body).toMatchObject({ name: 'shared one', owner: 'analyst', mine: false, sharedWith: ['analyst'] });
    expect((await other.get('/api/sql/saved')).body.queries.find((x: { id: string }) => x.id === q.id)).toMatchObject({ mine: false, version: 2 });
    const change = await other.put(`/api/sql/saved/${q.id}`).send({ ...input, baseVersion: 2 });
    expect({ status: change.status, message: change.body.message }).toEqual({ status: 403, message: `saved query ${q.id} belongs to analyst; save a copy of your own instead` });
    expect((await other.delete(`/api/sql/saved/${q.id}`)).status).toBe(403);

    expect((await analyst.delete(`/api/sql/saved/${q.id}`)).status).toBe(204);
    expect((await analyst.get(`/api/sql/saved/${q.id}`)).status).toBe(404);
    expect((await other.get(`/api/sql/saved/${q.id}`)).status).toBe(404);
  });

  test('a saved query can be shared only with roles that use the workbench', async () => {
    const res = await analyst.post('/api/sql/saved').send({ ...input, sharedWith: ['merchant'] });
    expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field: 'sharedWith.0' });
  });
});

describe('history and audit', () => {
  test('my history lists my queries, newest first, with how each ended; not another analyst\'s', async () => {
    await run('SELECT 42 AS answer');
    await run('SELECT * FROM accounts');
    await (t.app.locals as unknown as AppLocals).audit.flush();
    const res = await analyst.get('/api/sql/history');
    const [refused, ok] = res.body.entries;
    expect(refused).toMatchObject({ route: '/api/sql', sql: 'SELECT * FROM accounts', status: 400 });
    expect(refused.outcome).toMatch(/^refused: table: table accounts is not open/);
    expect(ok).toMatchObject({ route: '/api/sql', sql: 'SELECT 42 AS answer', status: 200, outcome: 'ok', rows: 1 });
    const theirs = await other.get('/api/sql/history');
    expect(theirs.body.entries.every((e: { sql: string }) => e.sql !== 'SELECT 42 AS answer')).toBe(true);
  });
});
