// The product catalogue, category tree, training records and national reference figures: read
// from the committed files in reference/, checked with the schemas of contracts/reference.ts,
// and loaded into ReplacingMergeTree tables (sql/migrations/0007), so a reload never doubles a row.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';
import {
  categoryTree, nationalFigure, productInfo, trainingSession,
  type CategoryRow, type NationalFigure, type ProductInfo, type TrainingSession,
} from '../contracts/reference.ts';
import { parseCsv } from '../contracts/csv.ts';
import { loadIfChanged } from './reference.ts';
import type { Warehouse } from './warehouse.ts';

/** Bad reference data: names the file, the record and the field. */
export class ReferenceDataError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${basename(file)}: ${message}`);
    this.name = 'ReferenceDataError';
    this.file = file;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ReferenceDataError(file, `not readable JSON: ${(cause as Error).message}`);
  }
}

function listOf(file: string, data: unknown, key: string): unknown[] {
  const list = (data as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) throw new ReferenceDataError(file, `must hold an array "${key}"`);
  return list;
}

/** Parses every record, reporting the first bad one as `file: key[index].field: message`. */
function parseEach<S extends z.ZodType>(file: string, key: string, list: readonly unknown[], schema: S): z.infer<S>[] {
  return list.map((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const field = issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
    throw new ReferenceDataError(file, `${key}[${i}]${field}: ${issue.message}`);
  });
}

function uniqueBy<T>(file: string, key: string, rows: readonly T[], id: (row: T) => string): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const k = id(row);
    if (seen.has(k)) throw new ReferenceDataError(file, `${key}[${i}]: duplicate ${k}`);
    seen.add(k);
  });
}

export function readProducts(file: string): ProductInfo[] {
  const products = parseEach(file, 'products', listOf(file, readJson(file), 'products'), productInfo);
  uniqueBy(file, 'products', products, (p) => p.sku);
  return products;
}

/** The two-level tree, flattened: each top category followed by its children. */
export function readCategories(file: string): CategoryRow[] {
  const data = readJson(file);
  const tops = parseEach(file, 'categories', listOf(file, data, 'categories'), categoryTree.shape.categories.element);
  const rows: CategoryRow[] = [];
  tops.forEach((top, i) => {
    if (top.code.includes('.')) throw new ReferenceDataError(file, `categories[${i}].code: a top category has no dot: ${top.code}`);
    rows.push({ code: top.code, zh: top.zh, en: top.en, parentCode: '', level: 1 });
    top.children.forEach((child, j) => {
      if (child.code.split('.').length !== 2 || !child.code.startsWith(`${top.code}.`)) {
        throw new ReferenceDataError(file, `categories[${i}].children[${j}].code: must be ${top.code}.<name>, not ${child.code}`);
      }
      rows.push({ code: child.code, zh: child.zh, en: child.en, parentCode: top.code, level: 2 });
    });
  });
  uniqueBy(file, 'categories', rows, (c) => c.code);
  return rows;
}

export function readTrainingSessions(file: string): TrainingSession[] {
  return readTrainingFile(file).sessions;
}

/** The records and whether the file says they are simulated (`"simulated": true` at the top). */
export function readTrainingFile(file: string): { simulated: boolean; sessions: TrainingSession[] } {
  const data = readJson(file);
  const simulated = (data as { simulated?: unknown } | null)?.simulated;
  if (simulated !== undefined && typeof simulated !== 'boolean') throw new ReferenceDataError(file, 'simulated: must be true or false');
  const sessions = parseEach(file, 'sessions', listOf(file, data, 'sessions'), trainingSession);
  uniqueBy(file, 'sessions', sessions, (s) => s.id);
  return { simulated: simulated === true, sessions };
}

const NATIONAL_HEADER = ['year', 'indicator', 'value_100m_yuan', 'yoy_pct', 'source', 'confidence'];

/** Reads the national figures CSV; an empty cell is null (not found in a checkable source). */
export function readNationalReference(csvFile: string): NationalFigure[] {
  const [header, ...records] = parseCsv(readFileSync(csvFile, 'utf8'));
  if (!header || header.join(',') !== NATIONAL_HEADER.join(',')) {
    throw new ReferenceDataError(csvFile, `header must be ${NATIONAL_HEADER.join(',')}`);
  }
  const num = (cell: string) => (cell.trim() === '' ? null : Number(cell));
  const rows = records.map(([year = '', indicator = '', value = '', yoy = '', source = '', confidence = '']) => ({
    year: num(year), indicator: indicator.trim(), value100mYuan: num(value), yoyPct: num(yoy),
    source: source.trim(), confidence: confidence.trim(),
  }));
  // rows[0] is the first line after the header.
  const figures = parseEach(csvFile, 'rows', rows, nationalFigure);
  uniqueBy(csvFile, 'rows', figures, (f) => `${f.indicator} ${f.year}`);
  return figures;
}


export interface ReferenceFiles {
  products: string;
  categories: string;
  training: string;
  national: string; // CSV
}

export interface LoadedCounts {
  products: number; // rows written by this call; 0 when the table already held them
  categories: number;
  training: number;
  national: number;
}

/** Reads and loads all four; each table is skipped when it already holds as many rows. */
export async function loadReferenceTables(warehouse: Warehouse, files: ReferenceFiles): Promise<LoadedCounts> {
  const training = readTrainingFile(files.training);
  return {
    products: await loadProducts(warehouse, readProducts(files.products)),
    categories: await loadCategories(warehouse, readCategories(files.categories)),
    training: await loadTrainingSessions(warehouse, training.sessions, training.simulated),
    national: await loadNationalReference(warehouse, readNationalReference(files.national)),
  };
}

export function loadProducts(warehouse: Warehouse, products: readonly ProductInfo[]): Promise<number> {
  return loadIfChanged(warehouse, 'products', products.map((p) => ({
    sku: p.sku, name: p.name, category: p.category, price_fen: p.priceFen, unit: p.unit, weight: p.weight,
    agricultural: p.agricultural ? 1 : 0, poverty_relief: p.povertyRelief ? 1 : 0,
    origin_area_code: p.originAreaCode ?? '', season_months: p.seasonMonths ?? [], peak_months: p.peakMonths ?? [],
    assumed: p.assumed ? 1 : 0, sourced: p.sourced ?? [], note: p.note ?? '',
  })));
}

export function loadCategories(warehouse: Warehouse, categories: readonly CategoryRow[]): Promise<number> {
  return loadIfChanged(warehouse, 'categories', categories.map((c) => ({
    code: c.code, parent_code: c.parentCode, level: c.level, zh: c.zh, en: c.en,
  })));
}

export function loadTrainingSessions(warehouse: Warehouse, sessions: readonly TrainingSession[], simulated: boolean): Promise<number> {
  return loadIfChanged(warehouse, 'training_sessions', sessions.map((s) => ({
    id: s.id, day: s.date, area_code: s.areaCode, county_code: s.areaCode.slice(0, 6), audience: s.audience,
    sessions: s.sessions, trainees: s.trainees, satisfied: s.satisfied, converted: s.converted, simulated: simulated ? 1 : 0,
  })));
}

/**
 * Writes the figures whose (indicator, year) the table does not hold yet. A figure already there
 * is left alone even if the file differs: it may be an official's replacement, which a reload of
 * the committed reposts must not undo. To replace a figure, insert it: the newer row wins.
 */
export async function loadNationalReference(warehouse: Warehouse, figures: readonly NationalFigure[]): Promise<number> {
  const have = new Set((await warehouse.query<{ indicator: string; year: number }>(
    'SELECT indicator, year FROM national_reference FINAL',
  )).map((r) => `${r.indicator} ${Number(r.year)}`));
  const missing = figures.filter((f) => !have.has(`${f.indicator} ${f.year}`));
  if (missing.length === 0) return 0;
  await warehouse.insert('national_reference', missing.map(nationalRow));
  return missing.length;
}

export function nationalRow(f: NationalFigure): Record<string, unknown> {
  return {
    year: f.year, indicator: f.indicator, value_100m_yuan: f.value100mYuan, yoy_pct: f.yoyPct,
    source: f.source, confidence: f.confidence,
  };
}

export interface CityRow { code: string; name: string; province: string; lon: number; lat: number }

/** Reads reference/cities.json: every prefecture-level city with its centre. */
export function readCities(file: string): { cities: CityRow[]; source: string } {
  const data = readJson(file) as { attribution?: { source?: string } };
  const cities = listOf(file, data, 'cities') as CityRow[];
  cities.forEach((c, i) => {
    if (!/^\d{6}$/.test(String(c.code)) || typeof c.name !== 'string' || !Number.isFinite(c.lon) || !Number.isFinite(c.lat)) {
      throw new ReferenceDataError(file, `cities[${i}]: needs a 6-digit code, a name and a finite lon and lat`);
    }
  });
  uniqueBy(file, 'cities', cities, (c) => c.code);
  return { cities, source: data.attribution?.source ?? basename(file) };
}

export function loadCities(warehouse: Warehouse, file: string): Promise<number> {
  const { cities, source } = readCities(file);
  return loadIfChanged(warehouse, 'destination_cities', cities.map((c) => ({
    code: c.code, name: c.name, province: c.province, lon: c.lon, lat: c.lat, source,
  })));
}
