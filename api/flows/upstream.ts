// Upstream flows: produce from the county's villages to the cities, by origin, destination,
// category and channel, with the Sankey of origin county -> category -> city; and the seasonality
// of a product, month by month across the years.
import type { SeasonalityResponse, UpstreamResponse } from '../../contracts/flows.ts';
import { add, areaName, cityLookup, currentMonth, firstDay, monthRange, num, zero, type Db, type FlowDeps, type FlowRow } from './common.ts';
import { addMonths } from '../../contracts/time.ts';

const CHILD = { 4: 'county', 6: 'township', 9: 'village' } as const;

interface Row extends FlowRow { origin: string; county: string; city: string; top: string; ch: string; pf: string }

export async function upstreamFlows(deps: FlowDeps, db: Db, area: string,
  q: { from?: string; to?: string; category?: string; channel?: string; platform?: string }): Promise<UpstreamResponse> {
  const { from, to } = await monthRange(deps, db, area, 'upstream', q);
  const [rows, city] = await Promise.all([
    db.query<Row>(deps.queries['flows-upstream'], {
      area, from: firstDay(from), to: firstDay(to), category: q.category ?? '', channel: q.channel ?? '', platform: q.platform ?? '',
    }),
    cityLookup(deps, db),
  ]);
  const group = <K extends string>(key: (r: Row) => K) => {
    const m = new Map<K, ReturnType<typeof zero>>();
    for (const r of rows) m.set(key(r), add(m.get(key(r)) ?? zero(), r));
    return m;
  };
  const byValue = <T extends { amountFen: number }>(a: T & { k: string }, b: T & { k: string }) => b.amountFen - a.amountFen || a.k.localeCompare(b.k);
  const totals = rows.reduce((t, r) => add(t, r), zero());
  const origins = await Promise.all([...group((r) => r.origin)].map(async ([code, t]) => ({ ...(await areaName(deps.directory, code)), ...t })));
  const cities = [...group((r) => r.city)].map(([code, t]) => ({ k: code, ...city(code), ...t })).sort(byValue).map(({ k: _, ...c }) => c);
  const arcs = [...group((r) => `${r.origin}|${r.city}`)].map(([key, t]) => {
    const [origin, c] = key.split('|') as [string, string];
    return { origin, city: c, ...t };
  });
  const categories = [...group((r) => r.top)].map(([category, t]) => ({ k: category, category, ...t })).sort(byValue).map(({ k: _, ...c }) => c);
  const channels = [...group((r) => `${r.ch}|${r.pf}`)].map(([key, t]) => {
    const [channel, platform] = key.split('|') as [string, string];
    return { k: key, channel, platform, ...t };
  }).sort(byValue).map(({ k: _, ...c }) => c);

  const nodes = new Map<string, { id: string; kind: 'county' | 'category' | 'city'; name: string }>();
  const links = new Map<string, { source: string; target: string; amountFen: number; weightG: number }>();
  const link = (source: string, target: string, r: Row) => {
    const l = links.get(`${source}>${target}`) ?? { source, target, amountFen: 0, weightG: 0 };
    l.amountFen += num(r.fen);
    l.weightG += num(r.grams);
    links.set(`${source}>${target}`, l);
  };
  for (const r of rows) {
    const county = `county:${r.county}`;
    const top = `category:${r.top}`;
    const c = `city:${r.city}`;
    if (!nodes.has(county)) nodes.set(county, { id: county, kind: 'county', name: (await deps.directory.area(r.county))?.name ?? r.county });
    if (!nodes.has(top)) nodes.set(top, { id: top, kind: 'category', name: r.top });
    if (!nodes.has(c)) nodes.set(c, { id: c, kind: 'city', name: city(r.city).name });
    link(county, top, r);
    link(top, c, r);
  }

  return {
    area: await areaName(deps.directory, area), originLevel: CHILD[area.length as 4 | 6 | 9],
    from, to, totals, origins: origins.sort((a, b) => a.code.localeCompare(b.code)), cities, arcs, categories, channels,
    sankey: { nodes: [...nodes.values()], links: [...links.values()] },
  };
}

export async function seasonality(deps: FlowDeps, db: Db, area: string, q: { sku?: string; category?: string }): Promise<SeasonalityResponse> {
  const [products, named] = await Promise.all([
    db.query<{ sku: string; category: string }>(deps.queries['flows-upstream-products'], { area }),
    db.query<{ sku: string; name: string }>(deps.queries['workspace-products']),
  ]);
  const nameOf = new Map(named.map((p) => [p.sku, p.name]));
  // Nothing asked: the product shipped most.
  const sku = q.sku ?? (q.category ? '' : products[0]?.sku ?? '');
  const [rows, [extent]] = await Promise.all([
    db.query<FlowRow & { m: string }>(deps.queries['flows-seasonality'], { area, sku, category: q.category ?? '' }),
    db.query<{ n: number; first_month: string; last_month: string }>(deps.queries['flows-month-extent'], { area, direction: 'upstream' }),
  ]);
  const byMonth = new Map(rows.map((r) => [r.m.slice(0, 7), r]));
  const months: SeasonalityResponse['months'] = [];
  // The area's months, not the product's: a season shows as much by its empty months as by its full ones.
  if (rows.length > 0 && Number(extent?.n) > 0) {
    const first = extent!.first_month.slice(0, 7);
    const last = extent!.last_month.slice(0, 7);
    const current = currentMonth(deps);
    for (let m = first; m <= last; m = addMonths(m, 1)) {
      const t = add(zero(), byMonth.get(m) ?? { n_orders: 0, units: 0, grams: 0, fen: 0 });
      const before = byMonth.get(addMonths(m, -12));
      const base = num(before?.grams);
      // A few days of the month under way against a whole month a year before would read as a collapse.
      const partial = m === current;
      months.push({ month: m, ...t, yoyPct: base > 0 && !partial ? Math.round(((t.weightG - base) / base) * 1000) / 10 : null, partial });
    }
  }
  return {
    area: await areaName(deps.directory, area), sku: sku || null, category: sku ? null : q.category ?? null,
    name: sku ? nameOf.get(sku) ?? sku : q.category ?? '',
    months,
    products: products.map((p) => ({ sku: p.sku, name: nameOf.get(p.sku) ?? p.sku, category: p.category })),
  };
}
