// The Vega-Lite spec of a chart of the result: built from the pickers (mark, x, y, colour, facet),
// or edited as JSON text. It never holds data: the result's rows are put in when it is drawn, so
// a saved query's chart is drawn anew from each run. Pure: no Vega here (it loads with the tab).
import type { SqlColumn } from '../../contracts/sql.ts';
import { isNumericType } from './grid-model.ts';
import { baseType } from './params.ts';

export const MARKS = ['bar', 'line', 'point', 'area', 'rect'] as const;
export type Mark = (typeof MARKS)[number];
export type ChartSpec = Record<string, unknown>;
export type FieldType = 'quantitative' | 'temporal' | 'nominal' | 'ordinal';

export interface ChartChoice {
  mark: Mark;
  x: string; // a column's name; '' for none
  y: string;
  color: string;
  facet: string;
}

/** Rows drawn at most: SVG with more marks than this stalls a phone, and a chart of them says little. */
export const CHART_ROW_LIMIT = 5_000;
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function fieldType(type: string): FieldType {
  if (isNumericType(type)) return 'quantitative';
  return /^(Date|Date32|DateTime|DateTime64)\b/.test(baseType(type)) ? 'temporal' : 'nominal';
}

/** Series a first chart colours at most: chart-render.ts's palette has as many colours, so no two
 *  series share one (Chuxiong's ten counties have ten). */
export const SERIES_LIMIT = 12;

/** A first chart for a new result: the first text or date column across, the first number up, and
 *  a second text column as the series' colour when it has 2 to 12 values in the rows (months by
 *  county: one line per county, not one line zig-zagging through every county of a month). */
export function defaultChoice(columns: readonly SqlColumn[], rows: readonly unknown[][] = []): ChartChoice {
  const numbers = columns.filter((c) => fieldType(c.type) === 'quantitative');
  const others = columns.filter((c) => fieldType(c.type) !== 'quantitative');
  const x = others[0] ?? columns[0];
  const y = numbers.find((c) => c !== x) ?? columns.find((c) => c !== x);
  const temporal = x !== undefined && fieldType(x.type) === 'temporal';
  // Text only: a second date would colour by a gradient, not by series; a null is no series.
  const series = others.find((c) => {
    if (c === x || c === y || fieldType(c.type) !== 'nominal') return false;
    const i = columns.indexOf(c);
    const values = new Set(rows.slice(0, CHART_ROW_LIMIT).map((r) => r[i]).filter((v) => v !== null && v !== undefined));
    return values.size >= 2 && values.size <= SERIES_LIMIT;
  });
  return { mark: temporal ? 'line' : 'bar', x: x?.name ?? '', y: y?.name ?? '', color: series?.name ?? '', facet: '' };
}

/** A column's name as a Vega-Lite field: a dot or bracket there would mean a nested property. */
export const fieldRef = (name: string): string => name.replace(/[.[\]\\]/g, '\\$&');

/** The spec of a choice; columns the result does not have are left out. */
export function buildSpec(choice: ChartChoice, columns: readonly SqlColumn[]): ChartSpec {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const encode = (name: string, role: 'x' | 'y' | 'color' | 'facet') => {
    const col = byName.get(name);
    if (!col) return undefined;
    let type = fieldType(col.type);
    // A heatmap's axes are categories even when they are numbers (an hour, a week number).
    if (choice.mark === 'rect' && (role === 'x' || role === 'y') && type === 'quantitative') type = 'ordinal';
    if (role === 'facet' && type === 'quantitative') type = 'ordinal';
    return { field: fieldRef(col.name), type, ...(role === 'facet' ? { columns: 3 } : {}) };
  };
  const encoding: Record<string, unknown> = {};
  for (const role of ['x', 'y', 'color', 'facet'] as const) {
    const e = encode(choice[role], role);
    if (e) encoding[role] = e;
  }
  // Bars of categories read best tallest first.
  const x = encoding.x as { type?: string } | undefined;
  if (choice.mark === 'bar' && x?.type === 'nominal' && (encoding.y as { type?: string } | undefined)?.type === 'quantitative') encoding.x = { ...x, sort: '-y' };
  return { $schema: SCHEMA, mark: { type: choice.mark, tooltip: true }, encoding };
}

/** The choice a spec was built from, where it was built by `buildSpec` (else null: it was edited by hand). */
export function choiceOf(spec: ChartSpec, columns: readonly SqlColumn[]): ChartChoice | null {
  const choice = statedChoice(spec);
  return choice && JSON.stringify(buildSpec(choice, columns)) === JSON.stringify(spec) ? choice : null;
}

/** The mark and fields a spec names in the pickers' places, before any result says whether the
 *  pickers would build it (a saved query opened, not yet run). */
export function statedChoice(spec: ChartSpec): ChartChoice | null {
  const mark = typeof spec.mark === 'string' ? spec.mark : (spec.mark as { type?: unknown } | undefined)?.type;
  if (!MARKS.includes(mark as Mark)) return null;
  const enc = (spec.encoding ?? {}) as Record<string, { field?: unknown } | undefined>;
  const field = (role: string) => (typeof enc[role]?.field === 'string' ? (enc[role]!.field as string).replace(/\\(.)/g, '$1') : '');
  return { mark: mark as Mark, x: field('x'), y: field('y'), color: field('color'), facet: field('facet') };
}

/** The fields a spec reads (`field` at any depth, so hand-written layers count too), less those its
 *  own transforms make (`as`). */
export function specFields(spec: ChartSpec): string[] {
  const fields = new Set<string>();
  const made = new Set<string>();
  const visit = (node: unknown, key: string) => {
    if (Array.isArray(node)) node.forEach((n) => visit(n, key));
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k);
    else if (typeof node === 'string' && key === 'field') fields.add(node.replace(/\\(.)/g, '$1'));
    else if (typeof node === 'string' && key === 'as') made.add(node);
  };
  visit(spec, '');
  return [...fields].filter((f) => !made.has(f));
}

/** Whether a spec can draw a result with these columns: every field it reads is one of them. */
export const fitsColumns = (spec: ChartSpec, columns: readonly SqlColumn[]): boolean =>
  specFields(spec).every((f) => columns.some((c) => c.name === f));

/** Refuses a spec that reads a column the result has not: Vega-Lite draws it with an axis named
 *  "undefined" and no word. `detail` the columns missing, `known` the result's. Only where it can
 *  tell: a spec with transforms or repeats makes fields of its own (fold's key and value, pivot's,
 *  a lookup's) and a path into a value (`t.x`, `a[0]`) is not a column's name; those are Vega's. */
export function checkFields(spec: ChartSpec, columns: readonly SqlColumn[]): void {
  if (/"(?:transform|repeat)"\s*:/.test(JSON.stringify(spec))) return;
  const missing = specFields(spec).filter((f) => !/[.[]/.test(f) && !columns.some((c) => c.name === f));
  if (missing.length > 0) throw refusal('field', missing.join(', '), `no column ${missing.join(', ')} in the result`, columns.map((c) => c.name).join(', '));
}

/** The text of a spec in the JSON editor. */
export const specText = (spec: ChartSpec): string => JSON.stringify(spec, null, 2);

/** Why the JSON editor's text is not a spec: `detail` is the parser's words or the mark named;
 *  `known`, for a mark, the marks there are (spec-marks.ts). A plain Error with these fields, so
 *  the chart's lazy chunk makes one without importing this module's code. */
export interface SpecRefusal extends Error { code: 'json' | 'object' | 'mark' | 'field'; detail: string; known?: string }

const refusal = (code: 'json' | 'object' | 'field', detail: string, message: string, known?: string): SpecRefusal =>
  Object.assign(new Error(message), { code, detail, ...(known === undefined ? {} : { known }) });

export const isSpecRefusal = (e: unknown): e is SpecRefusal => e instanceof Error && ['json', 'object', 'mark', 'field'].includes((e as Partial<SpecRefusal>).code ?? '');

/** A spec from the JSON editor: an object; any `data` in it is dropped, since the result is the data. */
export function parseSpecText(text: string): ChartSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw refusal('json', (e as Error).message, `invalid JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw refusal('object', '', 'the spec must be a JSON object');
  const { data: _data, ...spec } = value as ChartSpec;
  return spec;
}

/** The rows as Vega-Lite's data values (objects by column name), at most CHART_ROW_LIMIT of them;
 *  Decimals (strings in the result) become numbers so they can be plotted. */
export function dataValues(columns: readonly SqlColumn[], rows: readonly unknown[][], limit = CHART_ROW_LIMIT): Record<string, unknown>[] {
  const numeric = columns.map((c) => isNumericType(c.type));
  return rows.slice(0, limit).map((row) => {
    const o: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const v = row[i];
      o[c.name] = numeric[i] && typeof v === 'string' ? Number(v) : v;
    });
    return o;
  });
}

/** The spec with the result as its data, ready to compile: the chart, its axes and legend included,
 *  fills `width` unless the spec sets a width (a faceted chart sizes each panel instead). Without
 *  `autosize` a width is the plot's alone, and a colour legend was drawn past the container's edge. */
export function withData(spec: ChartSpec, values: Record<string, unknown>[], width: number): ChartSpec {
  const enc = spec.encoding as Record<string, unknown> | undefined;
  const faceted = 'facet' in spec || (enc !== undefined && 'facet' in enc) || 'repeat' in spec || 'concat' in spec || 'hconcat' in spec || 'vconcat' in spec;
  return {
    ...spec,
    ...monthAxis(spec, values),
    data: { values },
    ...(spec.width === undefined && !faceted ? { width: Math.max(200, width) } : {}),
    ...(spec.width === undefined && !faceted && spec.autosize === undefined ? { autosize: { type: 'fit-x', contains: 'padding' } } : {}),
    ...(spec.height === undefined && !faceted ? { height: 280 } : {}),
  };
}

const MONTH_START = /^\d{4}-\d{2}-01(?:[ T]00:00:00)?$/;

/** A time axis over months (every x a month's first day, the usual GROUP BY toStartOfMonth) ticks
 *  by month, labelled 2026-03: left to itself Vega ticks a few months' points by week, and labels
 *  "Mar 08" between points no row has. Only where the spec leaves the axis to us. */
function monthAxis(spec: ChartSpec, values: readonly Record<string, unknown>[]): { encoding?: Record<string, unknown> } {
  const enc = spec.encoding as Record<string, { field?: unknown; type?: unknown; axis?: unknown; timeUnit?: unknown }> | undefined;
  const x = enc?.x;
  if (!x || x.type !== 'temporal' || x.axis !== undefined || x.timeUnit !== undefined || typeof x.field !== 'string' || values.length === 0) return {};
  const name = x.field.replace(/\\(.)/g, '$1');
  if (!values.every((v) => typeof v[name] === 'string' && MONTH_START.test(v[name] as string))) return {};
  return { encoding: { ...enc, x: { ...x, axis: { format: '%Y-%m', tickCount: { interval: 'month', step: 1 } } } } };
}
