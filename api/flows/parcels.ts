// Parcels against flows: the parcels collected at an area's stations beside the online upstream
// orders of its sellers, month by month, so an official sees where the two disagree.
import type { ParcelsVsOrdersResponse } from '../../contracts/flows.ts';
import { areaName, currentMonth, firstDay, monthRange, num, type Db, type FlowDeps } from './common.ts';
import { addMonths } from '../../contracts/time.ts';

export async function parcelsVsOrders(deps: FlowDeps, db: Db, area: string, q: { from?: string; to?: string }): Promise<ParcelsVsOrdersResponse> {
  const { from, to } = await monthRange(deps, db, area, 'upstream', q);
  const [parcels, orders] = await Promise.all([
    db.query<{ m: string; parcels: number }>(deps.queries['flows-parcels-out'], { area, from: firstDay(from), to: firstDay(to) }),
    db.query<{ m: string; n_orders: number }>(deps.queries['flows-online-orders'], { area, from: firstDay(from), to: firstDay(to) }),
  ]);
  const p = new Map(parcels.map((r) => [r.m.slice(0, 7), num(r.parcels)]));
  const o = new Map(orders.map((r) => [r.m.slice(0, 7), num(r.n_orders)]));
  const months: ParcelsVsOrdersResponse['months'] = [];
  const current = currentMonth(deps);
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    const parcelsOut = p.get(m) ?? 0;
    const onlineOrders = o.get(m) ?? 0;
    months.push({ month: m, parcelsOut, onlineOrders, gap: parcelsOut - onlineOrders, ratio: onlineOrders > 0 ? Math.round((parcelsOut / onlineOrders) * 100) / 100 : null, partial: m === current });
  }
  return { area: await areaName(deps.directory, area), from, to, months };
}
