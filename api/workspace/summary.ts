// My store: the week against the week before and the same week a year before, by category and
// product; the fast and slow movers of the last 4 weeks; receipts, basket and payment mix. By
// default the week is the last whole one; the week under way is told apart, so far, uncompared.
import type { SummaryResponse } from '../../contracts/workspace.ts';
import { addDays, mondayOf, weekThrough } from '../../contracts/time.ts';
import type { StoreInfo } from '../directory.ts';
import { badRequest } from '../errors.ts';
import { defaultTo, growthPct, lastSaleDay, num, placeOf, topCategory, type Db, type WorkspaceDeps } from './common.ts';

interface SkuWeek { week: string; category: string; sku: string; qty: number; amount_fen: number }
interface ReceiptWeek { week: string; payment: string; receipts: number; amount_fen: number }

export async function storeSummary(deps: WorkspaceDeps, db: Db, stores: StoreInfo[], q: { week?: string }, today: string): Promise<SummaryResponse> {
  const { queries, directory, products } = deps;
  const place = placeOf(stores);
  const where = { counties: place.counties, townships: place.townships, villages: place.villages, stores: place.ids };
  // A week not begun has no sales to show: asked for, it is refused rather than drawn as zeros.
  if (q.week !== undefined && q.week > mondayOf(today)) throw badRequest('week', `${q.week} has not begun: the current week starts ${mondayOf(today)}`);
  const week = q.week ?? addDays(await defaultTo(deps, db, place, today), -7);
  const lastWeek = addDays(week, -7);
  const lastYear = addDays(week, -364);
  const from12 = addDays(week, -77); // the 12 weeks up to and including `week`
  const through = weekThrough(week, today);
  // The week under way right after the week shown: its receipts so far come with the week's.
  const underWay = addDays(week, 7) === mondayOf(today) ? addDays(week, 7) : null;
  // One query per rollup: the 12 weeks and, as a second range, the same week a year before.
  const lyRange = { also_from: lastYear, also_to: addDays(lastYear, 7) };
  const [skuRows, receiptRows, lastSale] = await Promise.all([
    db.query<SkuWeek>(queries['workspace-store-skus'], { ...where, from: from12, to: addDays(week, 7), ...lyRange }),
    db.query<ReceiptWeek>(queries['workspace-store-receipts'], { ...where, from: lastWeek, to: addDays(underWay ?? week, 7), ...lyRange }),
    lastSaleDay(deps, db, stores),
  ]);
  const skus = skuRows.map((r) => ({ ...r, qty: num(r.qty), amount_fen: num(r.amount_fen) }));
  const receipts = receiptRows.map((r) => ({ ...r, receipts: num(r.receipts), amount_fen: num(r.amount_fen) }));

  const totals = (start: string) => {
    const amountFen = skus.filter((r) => r.week === start).reduce((s, r) => s + r.amount_fen, 0);
    const qty = skus.filter((r) => r.week === start).reduce((s, r) => s + r.qty, 0);
    const n = receipts.filter((r) => r.week === start).reduce((s, r) => s + r.receipts, 0);
    return { start, amountFen, qty, receipts: n, basketFen: n > 0 ? Math.round(amountFen / n) : null };
  };

  const byTop = new Map<string, { thisFen: number; lastWeekFen: number; lastYearFen: number; qty: number }>();
  for (const r of skus) {
    const key = topCategory(r.category);
    const c = byTop.get(key) ?? { thisFen: 0, lastWeekFen: 0, lastYearFen: 0, qty: 0 };
    if (r.week === week) { c.thisFen += r.amount_fen; c.qty += r.qty; }
    else if (r.week === lastWeek) c.lastWeekFen += r.amount_fen;
    else if (r.week === lastYear) c.lastYearFen += r.amount_fen;
    byTop.set(key, c);
  }
  const categories = [...byTop].map(([category, c]) => ({ category, ...c }))
    .filter((c) => c.thisFen > 0 || c.qty > 0)
    .sort((a, b) => b.thisFen - a.thisFen || a.category.localeCompare(b.category));

  const perSku = new Map<string, { category: string; qty: number; amountFen: number; lastWeekQty: number; lastWeekFen: number; qty4w: number; qtyPrev4w: number; amount4wFen: number; ever: boolean }>();
  const from4w = addDays(week, -21);
  const fromPrev4w = addDays(week, -49);
  for (const r of skus) {
    if (r.week < from12) continue; // the year-before week counts only in the totals
    const s = perSku.get(r.sku) ?? { category: r.category, qty: 0, amountFen: 0, lastWeekQty: 0, lastWeekFen: 0, qty4w: 0, qtyPrev4w: 0, amount4wFen: 0, ever: false };
    s.ever ||= r.qty > 0;
    if (r.week === week) { s.qty += r.qty; s.amountFen += r.amount_fen; }
    if (r.week === lastWeek) { s.lastWeekQty += r.qty; s.lastWeekFen += r.amount_fen; }
    if (r.week >= from4w) { s.qty4w += r.qty; s.amount4wFen += r.amount_fen; }
    else if (r.week >= fromPrev4w) s.qtyPrev4w += r.qty;
    perSku.set(r.sku, s);
  }
  const named = await Promise.all([...perSku].filter(([, s]) => s.ever).map(async ([sku, s]) => ({ sku, name: (await products.get(sku))?.name ?? sku, ...s })));
  const mover = (s: (typeof named)[number]) => ({
    sku: s.sku, name: s.name, category: s.category, qty4w: s.qty4w, qtyPrev4w: s.qtyPrev4w, amount4wFen: s.amount4wFen,
    // Four weeks that end in a week under way against four whole ones would read as a fall.
    growthPct: through === null ? growthPct(s.qty4w, s.qtyPrev4w) : null,
  });
  const byUnits = [...named].sort((a, b) => b.qty4w - a.qty4w || b.amount4wFen - a.amount4wFen || a.sku.localeCompare(b.sku));

  const payments = new Map<string, { receipts: number; amountFen: number }>();
  for (const r of receipts.filter((x) => x.week === week)) {
    const p = payments.get(r.payment) ?? { receipts: 0, amountFen: 0 };
    p.receipts += r.receipts;
    p.amountFen += r.amount_fen;
    payments.set(r.payment, p);
  }
  const receiptsThisWeek = [...payments.values()].reduce((s, p) => s + p.receipts, 0);

  return {
    stores: await Promise.all(stores.map(async (s) => ({ ...s, areaName: (await directory.area(s.areaCode))?.name ?? s.areaCode }))),
    week,
    lastSaleDay: lastSale,
    through,
    weekToDate: underWay === null ? null : (() => {
      const rows = receipts.filter((r) => r.week === underWay);
      return { start: underWay, through: today, amountFen: rows.reduce((s, r) => s + r.amount_fen, 0), receipts: rows.reduce((s, r) => s + r.receipts, 0) };
    })(),
    thisWeek: totals(week),
    lastWeek: totals(lastWeek),
    lastYear: totals(lastYear),
    categories,
    skus: named.filter((s) => s.qty > 0 || s.amountFen > 0)
      .sort((a, b) => b.amountFen - a.amountFen || a.sku.localeCompare(b.sku)).slice(0, 50)
      .map((s) => ({ sku: s.sku, name: s.name, category: s.category, qty: s.qty, amountFen: s.amountFen, lastWeekQty: s.lastWeekQty, lastWeekFen: s.lastWeekFen })),
    fastMovers: byUnits.slice(0, 10).map(mover),
    slowMovers: [...named].sort((a, b) => a.qty4w - b.qty4w || a.amount4wFen - b.amount4wFen || a.sku.localeCompare(b.sku)).slice(0, 10).map(mover),
    payments: [...payments].map(([payment, p]) => ({
      payment, receipts: p.receipts, amountFen: p.amountFen,
      sharePct: receiptsThisWeek > 0 ? Math.round((p.receipts / receiptsThisWeek) * 1000) / 10 : 0,
    })).sort((a, b) => b.receipts - a.receipts || a.payment.localeCompare(b.payment)),
  };
}
