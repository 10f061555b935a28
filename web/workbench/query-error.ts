// Why a query did not give rows, in the analyst's language. The API names what stopped it with a
// code (`refused` or `limit` and a `reason`, `query_failed`, `busy`...); the explanation is chosen
// by that code, never by parsing the English message. The engine's own words, when it gave any,
// go beneath as they came: they say where a syntax error is, which column is unknown.
// A retry is offered only where waiting can help (network, 5xx, busy); a refused query stays refused.
import type { LimitReason, RefusalReason, SchemaResponse } from '../../contracts/sql.ts';
import { outOfRangeOf } from '../../contracts/sql-params.ts';
import { ApiRequestError } from '../api-client.ts';
import { fillSlots, type Lang } from '../i18n.ts';

/** refused: the platform does not allow it; failed: the engine could not run it or a limit
 *  stopped it; transient: it did not get through, and may next time. */
export type QueryErrorKind = 'refused' | 'failed' | 'transient';

export interface QueryErrorView {
  kind: QueryErrorKind;
  code: string; // `refused/table`, `limit/memory`, `query_failed`, `network`: for tests and CSS
  title: string;
  explanation: string;
  detail?: { label: string; text: string; engine: boolean };
  retry: boolean;
}

type Limits = Pick<SchemaResponse['limits'], 'timeoutSeconds' | 'maxBytesRead' | 'maxMemoryBytes'>;

interface Words {
  title: Record<QueryErrorKind, string>;
  refused: Record<RefusalReason, string>;
  failedRefusal: string; // a refusal reason this page does not know yet
  outOfRange: string; // a whole number beyond its integer parameter's type
  limit: Record<LimitReason, string>;
  limitOther: string;
  queryFailed: string;
  badRequest: string;
  forbidden: string;
  tooMany: string;
  busy: string;
  server: string;
  network: string;
  invalid: string;
  engineLabel: string;
  detailLabel: string;
}

// Syntax, parameters and depth are refused by the parser's verdict, but they are errors in the
// text to be fixed, not rules of the platform: they are titled as the query's error.
const FAILED_REFUSALS: ReadonlySet<string> = new Set<RefusalReason>(['syntax', 'parameters', 'too_deep', 'empty']);

const zh: Words = {
  title: { refused: '查询被拒绝', failed: '查询出错', transient: '查询未能完成' },
  refused: {
    empty: '查询为空：请先输入 SQL。',
    syntax: 'SQL 语法有误：请按下方引擎消息所指的位置修改。',
    multiple_statements: '一次只能运行一条语句：请删除分号及其后的内容，或选中一条语句后运行。',
    statement_kind: '工作台是只读的：只允许 SELECT、WITH … SELECT、EXPLAIN AST、EXPLAIN SYNTAX、DESCRIBE、SHOW TABLES 和 SHOW CREATE TABLE，不能写入、修改或删除数据。',
    explain_kind: '只允许 EXPLAIN AST 和 EXPLAIN SYNTAX，且只能放在语句开头（其他 EXPLAIN 会执行查询的一部分）。',
    settings: '查询中不能修改设置（SET、SETTINGS）：工作台的运行限制是固定的。',
    format_clause: '不能使用 FORMAT 子句：结果格式由工作台决定，需要文件请用“导出”。',
    outfile: '不能使用 INTO OUTFILE：工作台不在服务器上写文件，需要文件请用“导出”。',
    table_function: '不允许使用读取文件、网络或其他服务器的表函数（如 file()、url()、remote()）；只可使用 numbers、zeros、generate_series 和 values。',
    function: '查询用到了对工作台关闭的函数（读取服务器信息或外部数据的函数）。',
    system_table: '不允许读取系统表（system.*、information_schema.*）；可读的表和字段见“数据表”。',
    other_database: '只能读取本数据库中的表。',
    table: '这张表不对工作台开放；可读的表见“数据表”。',
    too_deep: '查询嵌套过深（或递归没有终止），引擎拒绝执行：请简化查询。',
    parameters: '查询参数缺少值，或值与其类型不符：请在“查询参数”中填写。',
  },
  failedRefusal: '查询不符合工作台的规则，原因见下方说明。',
  outOfRange: '参数 {name} 的值 {value} 超出了 {type} 的范围（{min} 至 {max}）：引擎会把它绕回成另一个数，所以没有运行。请改用更大的类型或修改参数值。',
  limit: {
    timeout: '查询运行超过了 {seconds} 秒的时间上限，已被停止：请缩小日期范围或减少要处理的数据。',
    memory: '查询所需内存超过了 {memory} 的上限，已被停止：请减少分组的数量或参与聚合的列。',
    bytes_read: '查询要读取的数据超过了 {bytes} 的上限：请缩小范围（如日期区间），或只选需要的列。',
    result_size: '结果太大，页面无法容纳：请用“导出”获取文件，或减少列和行。',
  },
  limitOther: '查询超出了工作台的运行限制，已被停止。',
  queryFailed: '引擎无法执行这条查询，原因见下方引擎消息（如表名或字段名拼写、类型不匹配）。',
  badRequest: '请求不符合要求，原因见下方说明。',
  forbidden: '您的账号无权运行这条查询。',
  tooMany: '您同时运行的查询已达上限：请等其中一个结束或取消后再试。',
  busy: '工作台正忙（同时运行的查询已达上限），请几秒后重试。',
  server: '服务器暂时无法完成请求，请稍后重试。',
  network: '无法连接服务器，请检查网络后重试。',
  invalid: '服务器返回的数据格式不正确，请稍后重试。',
  engineLabel: 'ClickHouse 引擎消息（英文原文）',
  detailLabel: '详细说明（英文原文）',
};

const en: Words = {
  title: { refused: 'Query refused', failed: 'Query failed', transient: 'The query did not complete' },
  refused: {
    empty: 'The query is empty: type some SQL first.',
    syntax: 'The SQL has a syntax error: the engine\'s message below says where.',
    multiple_statements: 'Only one statement at a time: remove the ; and what follows it, or select one statement and run the selection.',
    statement_kind: 'The workbench is read-only: only SELECT, WITH … SELECT, EXPLAIN AST, EXPLAIN SYNTAX, DESCRIBE, SHOW TABLES and SHOW CREATE TABLE are allowed; nothing can be written, changed or dropped.',
    explain_kind: 'Only EXPLAIN AST and EXPLAIN SYNTAX are allowed, at the start of the statement (other kinds run parts of the query).',
    settings: 'Settings cannot be changed from a query (SET, SETTINGS): the workbench\'s limits are fixed.',
    format_clause: 'FORMAT clauses are not allowed: the workbench chooses the format; use Export for a file.',
    outfile: 'INTO OUTFILE is not allowed: the workbench writes no files on the server; use Export for a file.',
    table_function: 'Table functions that read files, the network or other servers (file(), url(), remote()…) are not allowed; only numbers, zeros, generate_series and values are.',
    function: 'The query calls a function closed to the workbench (one that reads the server\'s state or outside data).',
    system_table: 'System tables (system.*, information_schema.*) are not open; the Tables panel shows the tables and columns that are.',
    other_database: 'Only tables of this database are open.',
    table: 'This table is not open to the workbench; the Tables panel lists those that are.',
    too_deep: 'The query is nested too deeply (or a recursion does not end), and the engine would not run it: simplify it.',
    parameters: 'A query parameter has no value, or its value does not fit its type: fill it in under Query parameters.',
  },
  failedRefusal: 'The query breaks a rule of the workbench; the details below say which.',
  outOfRange: 'Parameter {name}: {value} is outside {type} ({min} to {max}); the engine would wrap it into another number, so the query was not run. Use a wider type or change the value.',
  limit: {
    timeout: 'The query ran longer than the limit of {seconds} s and was stopped: narrow the dates or the data it works through.',
    memory: 'The query needed more memory than the {memory} it may use and was stopped: group by fewer keys or aggregate fewer columns.',
    bytes_read: 'The query would read more than the {bytes} it may read: narrow it (a date range, fewer columns).',
    result_size: 'The result is too large for the screen: export it as a file, or select fewer columns and rows.',
  },
  limitOther: 'The query went past one of the workbench\'s limits and was stopped.',
  queryFailed: 'The engine could not run the query; its message below says why (a misspelt table or column, a type mismatch…).',
  badRequest: 'The request was not accepted; the details below say why.',
  forbidden: 'Your account may not run this query.',
  tooMany: 'You have as many queries running as you may: wait for one to end, or cancel it, and try again.',
  busy: 'The workbench is busy (it runs as many queries as it can at once); try again in a few seconds.',
  server: 'The server could not complete the request; try again shortly.',
  network: 'Cannot reach the server; check the connection and try again.',
  invalid: 'The server answered in an unexpected shape; try again shortly.',
  engineLabel: 'ClickHouse engine message',
  detailLabel: 'Details',
};

const WORDS: Record<Lang, Words> = { zh, en };

const gib = (bytes: number) => `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;

/** What the result panel says about `error`; `limits` fill the numbers of a limit's explanation. */
export function describeQueryError(error: unknown, lang: Lang, limits?: Limits): QueryErrorView {
  const w = WORDS[lang];
  const view = (kind: QueryErrorKind, code: string, explanation: string, detail?: QueryErrorView['detail']): QueryErrorView =>
    ({ kind, code, title: w.title[kind], explanation, retry: kind === 'transient', ...(detail ? { detail } : {}) });
  if (!(error instanceof ApiRequestError)) {
    return view('transient', 'network', w.network, { label: w.detailLabel, text: String((error as Error)?.message ?? error), engine: false });
  }
  const message = { label: w.detailLabel, text: error.message, engine: false };
  if (error.kind === 'network') return view('transient', 'network', w.network, message);
  if (error.kind === 'invalid') return view('transient', 'invalid', w.invalid, message);
  const body = error.body ?? {};
  const reason = typeof body.reason === 'string' ? body.reason : '';
  const engineMessage = typeof body.engineMessage === 'string' ? body.engineMessage : undefined;
  const detail = engineMessage ? { label: w.engineLabel, text: engineMessage, engine: true } : message;
  const status = error.status ?? 0;
  switch (error.code) {
    case 'refused': {
      const range = reason === 'parameters' ? outOfRangeOf(error.message) : null;
      const known = range ? fillSlots(w.outOfRange, range) : Object.hasOwn(w.refused, reason) ? w.refused[reason as RefusalReason] : undefined;
      return view(FAILED_REFUSALS.has(reason) ? 'failed' : 'refused', `refused/${reason}`, known ?? w.failedRefusal, detail);
    }
    case 'limit': {
      const known = Object.hasOwn(w.limit, reason) ? w.limit[reason as LimitReason] : undefined;
      const filled = known && limits
        ? fillSlots(known, { seconds: limits.timeoutSeconds, memory: gib(limits.maxMemoryBytes), bytes: gib(limits.maxBytesRead) })
        : known && !known.includes('{') ? known : undefined;
      // Without the limits at hand, the API's message has the numbers: it goes beneath.
      return view('failed', `limit/${reason}`, filled ?? w.limitOther, filled && engineMessage ? detail : message);
    }
    case 'query_failed': return view('failed', 'query_failed', w.queryFailed, detail);
  }
  if (status === 429) return view('transient', error.code ?? 'too_many_requests', w.tooMany, message);
  if (status === 503 && error.code === 'busy') return view('transient', 'busy', w.busy, message);
  if (status >= 500) return view('transient', error.code ?? `http_${status}`, w.server, message);
  if (status === 403) return view('refused', error.code ?? 'forbidden', w.forbidden, message);
  return view('refused', error.code ?? `http_${status}`, w.badRequest, message);
}
