import { describe, expect, test } from 'vitest';
import { ApiRequestError } from '../../../web/api-client.ts';
import { describeQueryError } from '../../../web/workbench/query-error.ts';

const LIMITS = { timeoutSeconds: 20, maxBytesRead: 20 * 1024 ** 3, maxMemoryBytes: 2 * 1024 ** 3 };

/** An error as api-client makes it from a JSON error body. */
function apiError(status: number, body: Record<string, unknown> & { error: string; message: string }): ApiRequestError {
  return new ApiRequestError('api', body.message, status, body.field as string | undefined, body.error, body);
}

const DROP = apiError(400, {
  error: 'refused', reason: 'statement_kind', field: 'sql',
  message: 'only SELECT, WITH ... SELECT, EXPLAIN AST, EXPLAIN SYNTAX, DESCRIBE, SHOW TABLES and SHOW CREATE TABLE are allowed; this is a DROP',
});

describe('describeQueryError', () => {
  test('a whole number beyond its parameter\'s type: named with its range in the page\'s words (it said only "a parameter has no value, or does not fit")', () => {
    const e = apiError(400, { error: 'refused', reason: 'parameters', field: 'params', message: 'parameter n: 300 is outside UInt8(3) (0 to 255)' });
    expect(describeQueryError(e, 'zh', LIMITS)).toMatchObject({
      kind: 'failed', code: 'refused/parameters',
      explanation: '参数 n 的值 300 超出了 UInt8(3) 的范围（0 至 255）：引擎会把它绕回成另一个数，所以没有运行。请改用更大的类型或修改参数值。',
    });
    expect(describeQueryError(apiError(400, { error: 'refused', reason: 'parameters', message: 'parameter big: -9223372036854775809 is outside BIGINT (-9223372036854775808 to 9223372036854775807)' }), 'en', LIMITS).explanation)
      .toBe('Parameter big: -9223372036854775809 is outside BIGINT (-9223372036854775808 to 9223372036854775807); the engine would wrap it into another number, so the query was not run. Use a wider type or change the value.');
    // Any other parameter refusal keeps the general words.
    expect(describeQueryError(apiError(400, { error: 'refused', reason: 'parameters', message: 'a {name:Type} parameter has no value: x' }), 'zh', LIMITS).explanation)
      .toBe('查询参数缺少值，或值与其类型不符：请在“查询参数”中填写。');
  });

  test('a refused DROP: refused, explained in Chinese by its reason, the API\'s words beneath, no retry', () => {
    expect(describeQueryError(DROP, 'zh', LIMITS)).toEqual({
      kind: 'refused', code: 'refused/statement_kind', title: '查询被拒绝',
      explanation: '工作台是只读的：只允许 SELECT、WITH … SELECT、EXPLAIN AST、EXPLAIN SYNTAX、DESCRIBE、SHOW TABLES 和 SHOW CREATE TABLE，不能写入、修改或删除数据。',
      detail: { label: '详细说明（英文原文）', text: DROP.message, engine: false },
      retry: false,
    });
  });

  test('the same in English', () => {
    const v = describeQueryError(DROP, 'en', LIMITS);
    expect({ title: v.title, retry: v.retry, explanation: v.explanation }).toEqual({
      title: 'Query refused', retry: false,
      explanation: 'The workbench is read-only: only SELECT, WITH … SELECT, EXPLAIN AST, EXPLAIN SYNTAX, DESCRIBE, SHOW TABLES and SHOW CREATE TABLE are allowed; nothing can be written, changed or dropped.',
    });
  });

  test('a syntax error is the query\'s error, with the engine\'s message beneath as it came', () => {
    const engineMessage = 'Syntax error: failed at position 14 (end of query): . Expected one of: table, table function';
    const e = apiError(400, { error: 'refused', reason: 'syntax', field: 'sql', message: 'syntax error: failed at position 14 (end of query): …', engineMessage });
    expect(describeQueryError(e, 'zh', LIMITS)).toEqual({
      kind: 'failed', code: 'refused/syntax', title: '查询出错', explanation: 'SQL 语法有误：请按下方引擎消息所指的位置修改。',
      detail: { label: 'ClickHouse 引擎消息（英文原文）', text: engineMessage, engine: true }, retry: false,
    });
  });

  test('a table function: refused, titled so in both languages', () => {
    const e = apiError(400, { error: 'refused', reason: 'table_function', field: 'sql', message: 'table functions are not allowed: file() (only numbers, zeros, generate_series and values, which make rows from their arguments)' });
    expect([describeQueryError(e, 'zh').title, describeQueryError(e, 'en').title, describeQueryError(e, 'zh').retry]).toEqual(['查询被拒绝', 'Query refused', false]);
  });

  test('the memory limit: failed, with the limit in the explanation, no retry', () => {
    const e = apiError(400, { error: 'limit', reason: 'memory', message: 'the query needed more memory than the 2 GiB it may use and was stopped', engineMessage: 'Memory limit (for query) exceeded: would use 2.00 GiB' });
    const v = describeQueryError(e, 'zh', LIMITS);
    expect({ title: v.title, explanation: v.explanation, detail: v.detail?.text, retry: v.retry }).toEqual({
      title: '查询出错', explanation: '查询所需内存超过了 2 GiB 的上限，已被停止：请减少分组的数量或参与聚合的列。',
      detail: 'Memory limit (for query) exceeded: would use 2.00 GiB', retry: false,
    });
    expect(describeQueryError(e, 'en', LIMITS).explanation).toBe('The query needed more memory than the 2 GiB it may use and was stopped: group by fewer keys or aggregate fewer columns.');
  });

  test('the time and bytes limits name theirs', () => {
    const timeout = apiError(400, { error: 'limit', reason: 'timeout', message: 'the query ran longer than the limit and was stopped: Timeout exceeded', engineMessage: 'Timeout exceeded' });
    const bytes = apiError(400, { error: 'limit', reason: 'bytes_read', message: 'the query would read more than the 20 GiB it may read' });
    expect(describeQueryError(timeout, 'zh', LIMITS).explanation).toBe('查询运行超过了 20 秒的时间上限，已被停止：请缩小日期范围或减少要处理的数据。');
    expect(describeQueryError(bytes, 'en', LIMITS).explanation).toBe('The query would read more than the 20 GiB it may read: narrow it (a date range, fewer columns).');
  });

  test('without the limits at hand, a limit is explained plainly and the API\'s message (with the numbers) goes beneath', () => {
    const e = apiError(400, { error: 'limit', reason: 'memory', message: 'the query needed more memory than the 2 GiB it may use and was stopped', engineMessage: 'Memory limit exceeded' });
    const v = describeQueryError(e, 'zh');
    expect({ explanation: v.explanation, detail: v.detail }).toEqual({
      explanation: '查询超出了工作台的运行限制，已被停止。',
      detail: { label: '详细说明（英文原文）', text: 'the query needed more memory than the 2 GiB it may use and was stopped', engine: false },
    });
  });

  test('the engine\'s own error: failed, its message beneath, no retry', () => {
    const e = apiError(400, { error: 'query_failed', message: 'Unknown expression identifier `no_such_column`', engineMessage: 'Unknown expression identifier `no_such_column`' });
    const v = describeQueryError(e, 'en');
    expect({ kind: v.kind, title: v.title, detail: v.detail, retry: v.retry }).toEqual({
      kind: 'failed', title: 'Query failed', detail: { label: 'ClickHouse engine message', text: 'Unknown expression identifier `no_such_column`', engine: true }, retry: false,
    });
  });

  test('transient failures offer a retry: the network, a busy workbench, a 5xx, too many of one\'s own', () => {
    const cases = [
      new ApiRequestError('network', 'no answer within 50 s'),
      apiError(503, { error: 'busy', message: 'the workbench is running 4 queries, its most at once; try again in a few seconds' }),
      apiError(503, { error: 'warehouse_unavailable', message: 'the warehouse is busy or unreachable; try again shortly' }),
      apiError(500, { error: 'internal', message: 'internal error' }),
      apiError(429, { error: 'too_many_requests', message: 'you already have 2 queries running (at most 2); wait for one or cancel it' }),
    ];
    expect(cases.map((e) => { const v = describeQueryError(e, 'zh'); return [v.kind, v.code, v.title, v.retry]; })).toEqual([
      ['transient', 'network', '查询未能完成', true],
      ['transient', 'busy', '查询未能完成', true],
      ['transient', 'warehouse_unavailable', '查询未能完成', true],
      ['transient', 'internal', '查询未能完成', true],
      ['transient', 'too_many_requests', '查询未能完成', true],
    ]);
    expect(describeQueryError(cases[1], 'zh').explanation).toBe('工作台正忙（同时运行的查询已达上限），请几秒后重试。');
  });

  test('a bad request (SQL too long) is refused, with the API\'s message naming the field', () => {
    const e = apiError(400, { error: 'bad_request', field: 'sql', message: 'sql: must be at most 100000 characters' });
    expect(describeQueryError(e, 'zh')).toEqual({
      kind: 'refused', code: 'bad_request', title: '查询被拒绝', explanation: '请求不符合要求，原因见下方说明。',
      detail: { label: '详细说明（英文原文）', text: 'sql: must be at most 100000 characters', engine: false }, retry: false,
    });
  });

  test('a refusal reason this page does not know yet still says refused, with the API\'s words', () => {
    const e = apiError(400, { error: 'refused', reason: 'something_new', message: 'a new rule' });
    const v = describeQueryError(e, 'en');
    expect([v.kind, v.explanation, v.detail?.text]).toEqual(['refused', 'The query breaks a rule of the workbench; the details below say which.', 'a new rule']);
  });
});
