// What the flow panels share: the month range asked for (the last 12 months with flows by default),
// the cities reference, and sums of flow figures.
import type { FlowTotals } from '../../contracts/flows.ts';
import { addMonths, shanghaiDay } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Directory } from '../directory.ts';
import { badRequest } from '../errors.ts';
import { notAfterCurrentMonth } from '../request-months.ts';
import type { VersionedMemo } from '../versioned-memo.ts';

export type Db = Pick<Warehouse, 'query'>;
export interface FlowDeps {
  queries: Queries;
  directory: Directory;
  clock: () => number;
  /** Keeps the last month with flows and the cities reference until the data changes. */
  memo: VersionedMemo;
}

export const num = (v: unknown): number => Number(v ?? 0);

/** The most months a flows request covers, as the heatmap's three years. */
export const MAX_FLOW_MONTHS = 36;

/** The month under way on the clock (Shanghai), whose figures are partial. */
export const currentMonth = (deps: Pick<FlowDeps, 'clock'>): string => shanghaiDay(deps.clock()).slice(0, 7);

/** Months asked for, held to the clock and to MAX_FLOW_MONTHS: a month after the current one is a
 *  mistake (it was answered with empty months up to 2099, 1,200 of them), as the cockpit says. */
export function checkMonths(deps: Pick<FlowDeps, 'clock'>, q: { from?: string; to?: string }): void {
  const current = currentMonth(deps);
  notAfterCurrentMonth('to', q.to, deps.clock());
  notAfterCurrentMonth('from', q.from, deps.clock());
  if (q.from !== undefined && q.from < addMonths(q.to ?? current, 1 - MAX_FLOW_MONTHS)) {
    throw badRequest('from', `must be within ${MAX_FLOW_MONTHS} months of to (${q.to ?? current}); ask for a longer span in parts`);
  }
}

/** [from, to] as months: `to` the last month with flows of the area (else the clock's), `from` 11 before it. */
export async function monthRange(deps: FlowDeps, db: Db, area: string, direction: 'upstream' | 'downstream',
  q: { from?: string; to?: string }): Promise<{ from: string; to: string }> {
  checkMonths(deps, q);
  let to = q.to;
  if (!to) {
    const [row] = await deps.memo.get(`last-month|${area}|${direction}`, () => db.query<{ n: number; last_month: string }>(deps.queries['flows-last-month'], { area, direction }));
    to = Number(row?.n) > 0 ? row!.last_month.slice(0, 7) : shanghaiDay(deps.clock()).slice(0, 7);
  }
  return { from: q.from ?? addMonths(to, -11), to };
}

export const firstDay = (month: string) => `${month}-01`;

export const zero = (): FlowTotals => ({ orders: 0, qty: 0, weightG: 0, amountFen: 0 });

export interface FlowRow { n_orders: number; units: number; grams: number; fen: number }

export function add(into: FlowTotals, r: FlowRow): FlowTotals {
  into.orders += num(r.n_orders);
  into.qty += num(r.units);
  into.weightG += num(r.grams);
  into.amountFen += num(r.fen);
  return into;
}

export interface City { code: string; name: string; province: string; lon: number | null; lat: number | null }

/** The cities of the reference by code; a code it lacks is a real city of unknown position. */
export async function cityLookup(deps: FlowDeps, db: Db): Promise<(code: string) => City> {
  const rows = await deps.memo.get('destination-cities', () => db.query<{ code: string; name: string; province: string; lon: number; lat: number }>(deps.queries['destination-cities']));
  const byCode = new Map(rows.map((r) => [r.code, { code: r.code, name: r.name, province: r.province, lon: Number(r.lon), lat: Number(r.lat) }]));
  // A code the table lacks still names its province by its first two digits.
  const provinces = new Map(rows.map((r) => [r.code.slice(0, 2), r.province]));
  return (code) => byCode.get(code) ?? { code, name: code, province: provinces.get(code.slice(0, 2)) ?? '', lon: null, lat: null };
}

export async function areaName(directory: Directory, code: string): Promise<{ code: string; name: string }> {
  return { code, name: (await directory.area(code))?.name ?? code };
}
