// ClickHouse for CodeMirror's SQL mode: its keywords and types highlighted and completed, strings
// with backslash escapes, names quoted with ` or ", comments with -- and /* */. Keywords complete in
// upper case; types keep their own case (UInt64, DateTime64), since ClickHouse's types are case-sensitive.
import type { Completion } from '@codemirror/autocomplete';
import { SQLDialect } from '@codemirror/lang-sql';

const KEYWORDS = `select from where prewhere group by order having limit offset with as on using join inner left right full
outer cross semi anti any all asof array global local and or not in is null like ilike between case when then else end
distinct union except intersect into format settings explain ast syntax plan pipeline estimate describe desc show tables
databases columns create table view asc nulls first last interval cast exists sample final totals cube rollup window over
partition rows range preceding following current row unbounded filter qualify if by fill step to ties tuple map true
false day week month quarter year hour minute second`;

const TYPES = `UInt8 UInt16 UInt32 UInt64 UInt128 UInt256 Int8 Int16 Int32 Int64 Int128 Int256 Float32 Float64 BFloat16
Decimal Decimal32 Decimal64 Decimal128 Decimal256 Bool Boolean String FixedString UUID Date Date32 DateTime DateTime64
Enum8 Enum16 Array Tuple Map Nullable LowCardinality IPv4 IPv6 JSON Dynamic Variant Nested Nothing`;

const TYPE_CASE = new Map(TYPES.split(/\s+/).map((t) => [t.toLowerCase(), t]));

export const ClickHouse = SQLDialect.define({
  keywords: KEYWORDS.replace(/\s+/g, ' '),
  types: [...TYPE_CASE.keys()].join(' '),
  backslashEscapes: true,
  identifierQuotes: '`"',
});

/** How a keyword or type is offered: keywords upper case, types in ClickHouse's case. */
export function keywordCompletion(label: string, type: string): Completion {
  const lower = label.toLowerCase();
  return type === 'type' ? { label: TYPE_CASE.get(lower) ?? label, type } : { label: label.toUpperCase(), type };
}
