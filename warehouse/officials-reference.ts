// The officials' reference tables: the national series (by body, series and period) and the
// plan's targets. Loaded from reference/ only into a table that never held a row, so an
// official's replacement or edit survives every restart; replaced by officials through the API.
import { readFileSync } from 'node:fs';
import { nationalRow, planTarget, type NationalRow, type PlanTarget } from '../contracts/officials.ts';
import { CsvQuoteError, parseCsvFile } from '../contracts/csv.ts';
import type { Queries } from './queries.ts';
import { loadIfChanged } from './reference.ts';
import { ReferenceDataError } from './reference-tables.ts';
import type { Warehouse } from './warehouse.ts';

export const NATIONAL_CSV_HEADER = ['body', 'series', 'period_start', 'period_end', 'value_100m_yuan', 'yoy_pct', 'source', 'confidence'];

/** Bad CSV of national figures: `line N, column: message`. */
export class NationalCsvError extends Error {
  constructor(readonly line: number, readonly column: string, message: string) {
    super(line === 1 ? message : `line ${line}, ${column}: ${message}`);
    this.name = 'NationalCsvError';
  }
}

const COLUMN_OF: Record<string, string> = {
  body: 'body', series: 'series', periodStart: 'period_start', periodEnd: 'period_end',
  value100mYuan: 'value_100m_yuan', yoyPct: 'yoy_pct', source: 'source', confidence: 'confidence',
};

/** Parses the national figures CSV; an empty number cell is null (not published or not found). */
export function parseNationalCsv(text: string): NationalRow[] {
  let table: string[][];
  try {
    table = parseCsvFile(text);
  } catch (e) {
    if (e instanceof CsvQuoteError) throw new NationalCsvError(e.line, 'row', 'a quoted field is never closed');
    throw e;
  }
  const [header, ...records] = table;
  if (!header || header.map((h) => h.trim()).join(',') !== NATIONAL_CSV_HEADER.join(',')) {
    throw new NationalCsvError(1, 'header', `the first line must be ${NATIONAL_CSV_HEADER.join(',')}`);
  }
  const seen = new Set<string>();
  return records.filter((r) => r.some((c) => c.trim() !== '')).map((cells, i) => {
    const line = i + 2;
    const num = (cell: string | undefined, column: string) => {
      const t = (cell ?? '').trim();
      if (t === '') return null;
      // Decimal only: Number() also reads 0x10, 1e3 and Infinity, which no statistics table writes.
      if (!/^-?\d+(\.\d+)?$/.test(t)) throw new NationalCsvError(line, column, `not a decimal number: ${t}`);
      return Number(t);
    };
    if (cells.length > NATIONAL_CSV_HEADER.length) {
      throw new NationalCsvError(line, 'row', `${cells.length} columns, where the header has ${NATIONAL_CSV_HEADER.length}`);
    }
    const [body = '', series = '', start = '', end = '', value, yoy, source = '', confidence = ''] = cells;
    const parsed = nationalRow.safeParse({
      body: body.trim(), series: series.trim(), periodStart: start.trim(), periodEnd: end.trim(),
      value100mYuan: num(value, 'value_100m_yuan'), yoyPct: num(yoy, 'yoy_pct'), source: source.trim(), confidence: confidence.trim(),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new NationalCsvError(line, COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0] ?? 'row'), issue.message);
    }
    const key = `${parsed.data.body} ${parsed.data.series} ${parsed.data.periodStart} ${parsed.data.periodEnd}`;
    if (seen.has(key)) throw new NationalCsvError(line, 'row', `a second row for ${key}`);
    seen.add(key);
    return parsed.data;
  });
}

const toRow = (r: NationalRow, version: number, by: string, deleted = 0) => ({
  body: r.body, series: r.series, period_start: r.periodStart, period_end: r.periodEnd, value_100m_yuan: r.value100mYuan,
  yoy_pct: r.yoyPct, source: r.source, confidence: r.confidence, deleted, version, changed_by: by,
});

/** Loads the committed figures when the file changed; returns how many rows were written. */
export async function loadNationalSeries(warehouse: Warehouse, file: string): Promise<number> {
  let rows: NationalRow[];
  try {
    rows = parseNationalCsv(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReferenceDataError(file, (e as Error).message);
  }
  // At version 1: an official's replacement (a newer version) always wins over the file.
  return loadIfChanged(warehouse, 'national_series', rows.map((r) => toRow(r, 1, 'reference/national-online-retail-periods.csv')));
}

/** Replaces the whole table: the new rows in, every other row removed (a newer version, deleted). */
export async function replaceNationalSeries(warehouse: Warehouse, queries: Queries, rows: readonly NationalRow[], by: string, now: number): Promise<{ written: number; removed: number }> {
  const keys = await warehouse.query<{ body: string; series: string; period_start: string; period_end: string; newest: number; deleted: number }>(queries['national-series-keys']);
  const version = Math.max(now, ...keys.map((k) => Number(k.newest) + 1));
  const kept = new Set(rows.map((r) => `${r.body} ${r.series} ${r.periodStart} ${r.periodEnd}`));
  // A key removed before is not removed again (a repeated upload said "removed 32" of nothing).
  const removed = keys.filter((k) => Number(k.deleted) === 0 && !kept.has(`${k.body} ${k.series} ${k.period_start} ${k.period_end}`)).map((k) => toRow({
    body: k.body as NationalRow['body'], series: k.series, periodStart: k.period_start, periodEnd: k.period_end,
    value100mYuan: null, yoyPct: null, source: 'removed', confidence: 'weak',
  }, version, by, 1));
  await warehouse.insert('national_series', [...rows.map((r) => toRow(r, version, by)), ...removed]);
  return { written: rows.length, removed: removed.length };
}

export async function readNationalSeries(warehouse: Pick<Warehouse, 'query'>, queries: Queries): Promise<(NationalRow & { changedBy: string })[]> {
  const rows = await warehouse.query<{ body: NationalRow['body']; series: string; period_start: string; period_end: string; value_100m_yuan: number | null; yoy_pct: number | null; source: string; confidence: NationalRow['confidence']; changed_by: string }>(queries['national-series']);
  return rows.map((r) => ({
    body: r.body, series: r.series, periodStart: r.period_start, periodEnd: r.period_end,
    value100mYuan: r.value_100m_yuan === null ? null : Number(r.value_100m_yuan), yoyPct: r.yoy_pct === null ? null : Number(r.yoy_pct),
    source: r.source, confidence: r.confidence, changedBy: r.changed_by,
  }));
}

// The plan's targets

export function readPlanTargets(file: string): PlanTarget[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReferenceDataError(file, `not readable JSON: ${(e as Error).message}`);
  }
  const list = (data as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(list)) throw new ReferenceDataError(file, 'must hold an array "targets"');
  return list.map((t, i) => {
    const r = planTarget.safeParse(t);
    if (!r.success) throw new ReferenceDataError(file, `targets[${i}].${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
    return r.data;
  });
}

export const targetRow = (t: PlanTarget, version: number, by: string) => ({
  id: t.id, area_code: t.areaCode, indicator: t.indicator, label_zh: t.labelZh, label_en: t.labelEn, comparison: t.comparison,
  target: t.target, unit: t.unit, period_start: t.periodStart, due: t.due, source: t.source, deleted: 0, version, changed_by: by,
});

/** Loads the committed targets when the file changed; returns how many rows were written. */
export async function loadPlanTargets(warehouse: Warehouse, file: string): Promise<number> {
  // At version 1: a target an official set (a newer version) always wins over the file.
  return loadIfChanged(warehouse, 'plan_targets', readPlanTargets(file).map((t) => targetRow(t, 1, 'reference/plan-targets.json')));
}

/** The plan's order (section 四, then 五 and 九) for the known targets; others follow by id. */
const TARGET_ORDER = ['service_centre', 'logistics_warehouse', 'township_station_coverage', 'village_points', 'village_coverage', 'online_merchants_growth',
  'online_retail_vs_national', 'agri_online_retail_vs_national', 'training_attendances', 'training_satisfaction', 'training_conversion', 'monthly_report', 'report_completeness'];

export async function readPlanTargetRows(warehouse: Pick<Warehouse, 'query'>, queries: Queries, scope: readonly string[]): Promise<(PlanTarget & { version: number })[]> {
  const rows = await warehouse.query<{ id: string; area_code: string; indicator: string; label_zh: string; label_en: string; comparison: PlanTarget['comparison']; target: number; unit: string; period_start: string; due: string; source: string; version: number }>(
    queries['plan-targets'], { scope: [...scope] });
  const order = (id: string) => { const i = TARGET_ORDER.indexOf(id); return i < 0 ? TARGET_ORDER.length : i; };
  return rows.sort((a, b) => a.area_code.localeCompare(b.area_code) || order(a.id) - order(b.id) || a.id.localeCompare(b.id)).map((r) => ({
    id: r.id, areaCode: r.area_code, indicator: r.indicator, labelZh: r.label_zh, labelEn: r.label_en, comparison: r.comparison,
    target: Number(r.target), unit: r.unit, periodStart: r.period_start, due: r.due, source: r.source, version: Number(r.version),
  }));
}
