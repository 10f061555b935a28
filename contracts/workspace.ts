// The merchants' workspace: requests and answers of /api/workspace/:stores/*. `:stores` is one store
// id or several joined by commas (a distributor's shops seen together). Browser-safe.
//
// Privacy rule of every area figure here (K_ANONYMITY): a figure about an area is shown only where
// at least K outlets other than the caller's own stand behind it; otherwise it is withheld and says
// how many do. No answer ever holds another outlet's own figures.
import { z } from 'zod';
import { categoryFilter, queryInt, requestDay } from './request-params.ts';
import { storeSummary } from './stores.ts';

export const K_ANONYMITY = 5;
/** Distributors a sourcing price needs behind it. */
export const K_DISTRIBUTORS = 3;

const day = requestDay;
const monday = day.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'must be a Monday (weeks start on Monday)');
const sku = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be a product code (products.sku)');
const pct = z.number().nullable().describe('Percent change; null where the base is zero or missing.');
const money = z.number().int().describe('Integer fen (0.01 yuan).');

export const workspaceParams = z.object({
  stores: z.string().max(1000).describe('One store id, or several joined by commas; each must be yours.'),
});

export const workspaceScope = z.enum(['cluster', 'county']).describe(
  'cluster: the store\'s township (its village and the other villages of its township); county: its county.');

// ---- 1. My store ---------------------------------------------------------------------------

export const summaryQuery = z.object({
  week: monday.optional().describe('Monday of the week to show; by default the last whole week (Monday to Sunday, Shanghai) with sales.'),
}).strict();

export const periodTotals = z.object({
  start: z.string().describe('Monday of the week.'),
  amountFen: money, qty: z.number().int(), receipts: z.number().int(),
  basketFen: z.number().int().nullable().describe('Average receipt, fen: amountFen / receipts.'),
});

export const mover = z.object({
  sku: z.string(), name: z.string(), category: z.string(),
  qty4w: z.number().int().describe('Units over the last 4 weeks up to and including the week.'),
  qtyPrev4w: z.number().int().describe('Units over the 4 weeks before those.'),
  amount4wFen: money,
  growthPct: pct,
});

export const summaryResponse = z.object({
  stores: z.array(storeSummary),
  week: z.string().describe('Monday of the week shown.'),
  lastSaleDay: z.string().nullable(),
  through: z.string().nullable().describe('The week shown is under way: its last day so far (today, Shanghai); null for a whole week. A part of a week is not compared with whole ones.'),
  weekToDate: z.object({
    start: z.string().describe('Monday of the week under way.'), through: z.string().describe('Today (Shanghai).'),
    amountFen: money, receipts: z.number().int(),
  }).nullable().describe('The week under way so far, when the week shown is the one before it; null otherwise.'),
  thisWeek: periodTotals,
  lastWeek: periodTotals,
  lastYear: periodTotals.describe('The same ISO week a year before (52 weeks earlier).'),
  categories: z.array(z.object({
    category: z.string().describe('Top-level category.'),
    thisFen: money, lastWeekFen: money, lastYearFen: money, qty: z.number().int(),
  })).describe('This week\'s categories, largest first.'),
  skus: z.array(z.object({
    sku: z.string(), name: z.string(), category: z.string(),
    qty: z.number().int(), amountFen: money, lastWeekQty: z.number().int(), lastWeekFen: money,
  })).describe('This week\'s products, by sales, at most 50.'),
  fastMovers: z.array(mover).describe('The 10 products with the most units over the last 4 weeks.'),
  slowMovers: z.array(mover).describe('The 10 products with the fewest units over the last 4 weeks, among those sold in the last 12.'),
  payments: z.array(z.object({ payment: z.string(), receipts: z.number().int(), amountFen: money, sharePct: z.number() }))
    .describe('This week\'s receipts by payment, with the share of receipts.'),
});
export type SummaryResponse = z.infer<typeof summaryResponse>;

// ---- 2. Demand around me -------------------------------------------------------------------

export const demandView = z.enum(['area', 'category', 'hour']);
export const demandStream = z.enum(['pos', 'deliveries', 'parcels']).describe(
  'pos: what shops sold; deliveries: wholesale deliveries into the area\'s shops (downstream); parcels: parcels delivered to its stations (online purchases arriving).');
export const demandMeasure = z.enum(['value', 'units', 'per_store', 'yoy']).describe(
  'value: fen; units: units (parcels: parcels); per_store: value per outlet active in the cell (parcels: parcels per station); yoy: percent against the same week a year before.');

export const demandQuery = z.object({
  view: demandView.default('area'),
  scope: workspaceScope.default('cluster'),
  stream: demandStream.default('pos'),
  measure: demandMeasure.default('value'),
  weeks: queryInt((n) => n.min(4, 'must be 4 to 52').max(52, 'must be 4 to 52')).default(12),
  to: monday.optional().describe('First Monday not shown: the Monday after the last whole week with sales by default; held at the Monday of this week, since a week under way is not a whole column.'),
  category: categoryFilter.optional(),
}).strict()
  .refine((q) => !(q.view === 'category' && q.stream === 'parcels'), { message: 'parcels have no category: use view area', path: ['stream'] })
  .refine((q) => !(q.view === 'hour' && q.stream !== 'pos'), { message: 'only shop sales have an hour: use stream pos', path: ['stream'] })
  .refine((q) => !(q.view === 'hour' && q.category), { message: 'the weekday x hour view covers all categories: leave category out', path: ['category'] });

export const demandCell = z.object({
  row: z.string(), col: z.string(),
  value: z.number().nullable().describe('The measure; null when withheld or (yoy) without a base.'),
  outlets: z.number().int().nullable().describe('Outlets (stores, stations) behind the cell, the caller\'s included; null when withheld (a count below k would say whether a shop there sold that week).'),
  withheld: z.boolean(),
  withheldWhy: z.enum(['outlets', 'subtraction']).nullable().describe('outlets: fewer than k others behind it; subtraction: k or more, hidden lest it and the figures shown (its column\'s total, another level\'s) give a withheld one away; null when shown.'),
});

export const marker = z.object({
  kind: z.enum(['spring_festival', 'torch_festival', 'mushroom_season']),
  from: z.string(), to: z.string().describe('Last day included.'),
});

export const demandResponse = z.object({
  view: demandView, scope: workspaceScope, stream: demandStream, measure: demandMeasure,
  area: z.object({ code: z.string(), name: z.string() }).describe('The cluster\'s township or the county (several stores: the first one\'s).'),
  category: z.string().nullable(),
  from: z.string(), to: z.string(),
  rows: z.array(z.object({ key: z.string(), label: z.string(), own: z.boolean().describe('A row of the caller\'s own store(s) area.') })),
  cols: z.array(z.object({ key: z.string(), label: z.string() })).describe('Weeks (Mondays) or, in the hour view, hours 0-23.'),
  cells: z.array(demandCell).describe('Cells with activity only.'),
  markers: z.array(marker).describe('Festivals and seasons overlapping the weeks shown.'),
  k: z.number().int(),
});
export type DemandResponse = z.infer<typeof demandResponse>;
export type DemandQuery = z.input<typeof demandQuery>;

// ---- 3. What sells nearby that I don't stock -------------------------------------------------

/** Figures of other outlets over several weeks are cut into 4-week periods counted from Monday
 *  2000-01-03 (api/workspace/periods.ts): a `to` inside a period is held at that period's start. */
const periodTo = monday.optional().describe('First Monday not shown, held at the start of its 4-week period (periods count from 2000-01-03); by default the last whole week\'s end, held likewise.');

export const gapsQuery = z.object({
  scope: workspaceScope.default('cluster'),
  to: periodTo,
}).strict();

export const gapsResponse = z.object({
  scope: workspaceScope, area: z.object({ code: z.string(), name: z.string() }),
  from: z.string().describe('8 weeks (two 4-week periods) before `to`.'), to: z.string(),
  categories: z.array(z.object({
    category: z.string(), amountFen: money, qty: z.number().int(), outlets: z.number().int(), growthPct: pct,
  })).describe('Categories sold by other outlets of the area and not on your receipts in the 8 weeks, by sales.'),
  skus: z.array(z.object({
    sku: z.string(), name: z.string(), category: z.string(), amountFen: money, qty: z.number().int(),
    outlets: z.number().int(), growthPct: pct,
  })).describe('Products likewise, at most 30, by sales; growth against the 8 weeks before.'),
  withheld: z.number().int().describe('Items left out because fewer than k other outlets sold them, or 1 to k-1 did in one 4-week period, in the area or the rest of its county, or the demand heatmap withholds exactly one week of the category in one of the periods, or it is held back so that what its category (or top-level category) shows leaves 0 or k outlets over (docs/security.md).'),
  k: z.number().int(),
});
export type GapsResponse = z.infer<typeof gapsResponse>;

// ---- 4. Price bands -------------------------------------------------------------------------

export const pricesQuery = z.object({
  sku: sku.optional(), category: categoryFilter.optional(),
  scope: workspaceScope.default('cluster'),
  weeks: queryInt((n) => n.min(4, 'must be 4 to 52').max(52, 'must be 4 to 52'))
    .refine((n) => n % 4 === 0, 'must be whole 4-week periods: 4, 8, 12 ... 52').default(8),
  to: periodTo,
}).strict().refine((q) => !(q.sku && q.category), { message: 'give sku or category, not both', path: ['category'] });

export const pricesResponse = z.object({
  scope: workspaceScope, area: z.object({ code: z.string(), name: z.string() }),
  sku: z.string().nullable(), category: z.string().nullable(), name: z.string(),
  from: z.string(), to: z.string(),
  outlets: z.number().int().describe('Other outlets that sold it in the area (a category: its products counted).'),
  withheld: z.boolean(),
  reason: z.enum(['outlets', 'period']).nullable().describe(
    'Why withheld. outlets: fewer than k other outlets sold it; period: one of its 4-week periods could be taken from other figures to give fewer than k outlets\' sales (1 to k-1 sold it then, in the area or in the rest of its county, or the demand heatmap withholds exactly one week of its category then, or it is held back so that its category\'s other products, or its top-level category\'s other leaves, are not left to fewer than k outlets).'),
  leftOut: z.number().int().describe('A category: its products other outlets sold but not counted, since they fail the rule of `reason` period.'),
  bands: z.array(z.object({ lowFen: money, highFen: money.describe('Inclusive.'), qty: z.number().int() }))
    .describe('Units sold at a unit price within each band, by the other outlets, each band of at least k of them (neighbouring price ranges joined until it is); empty when withheld.'),
  quartiles: z.object({ p25: money, median: money, p75: money }).nullable()
    .describe('Of the unit price over the units sold (each unit counts once).'),
  mine: z.object({
    priceFen: money.describe('Your average unit price over the units you sold.'), qty: z.number().int(),
    belowPct: z.number().nullable().describe('Share of the area\'s units sold cheaper than yours, percent; of a product only (null for a category, whose sizes are mixed).'),
  }).nullable(),
  choices: z.array(z.object({ sku: z.string(), name: z.string(), category: z.string() }))
    .describe('Your products of the period, to pick from.'),
});
export type PricesResponse = z.infer<typeof pricesResponse>;

// ---- 5. Peer benchmark ----------------------------------------------------------------------

export const peersQuery = z.object({
  weeks: queryInt((n) => n.min(1, 'must be 1 to 26').max(26, 'must be 1 to 26')).default(4),
  to: monday.optional(),
}).strict();

export const peerMetric = z.enum(['sales', 'growth', 'basket', 'categories']).describe(
  'sales: fen over the period; growth: percent against the period before; basket: fen per receipt; categories: categories carried (sold at least once).');

export const peerGroup = z.object({
  level: z.enum(['township', 'county']), areaCode: z.string(), areaName: z.string(),
  peers: z.number().int().describe('Outlets of the same type and tier in the area with sales in the period, yours excluded.'),
  shown: z.boolean().describe('false: fewer than k peers; no statistic is given.'),
  metrics: z.array(z.object({
    metric: peerMetric,
    mine: z.number().nullable(),
    p25: z.number().nullable(), median: z.number().nullable(), p75: z.number().nullable()
      .describe('Quartiles, each the mean of the k peers\' figures around it (centred on the type 7 position), never one peer\'s own: with exactly k peers all three are their mean.'),
  })),
});

export const peersResponse = z.object({
  from: z.string(), to: z.string(), k: z.number().int(),
  stores: z.array(z.object({ storeId: z.string(), name: z.string(), type: z.string(), tier: z.number().int(), groups: z.array(peerGroup) })),
});
export type PeersResponse = z.infer<typeof peersResponse>;

// ---- 6. Restock signals ---------------------------------------------------------------------

export const restockQuery = z.object({
  within: queryInt((n) => n.min(1, 'must be 1 to 60 days').max(60, 'must be 1 to 60 days')).default(7),
}).strict();

export const restockItem = z.object({
  sku: z.string(), name: z.string(), category: z.string(),
  lastDeliveryDay: z.string(), deliveredQty: z.number().int().describe('Units delivered on that day.'),
  ratePerDay: z.number().describe('Units sold per day over the 4 whole ISO weeks before the week of asOf (units / 28).'),
  soldSince: z.number().describe('Estimated units sold since the delivery: rate x days.'),
  coverDays: z.number().nullable().describe('Days the rest lasts at the rate (and uplift); null when it does not sell, or when more sold since the delivery than it held (beyondDelivery).'),
  beyondDelivery: z.boolean().describe('More units sold since the latest delivery than it held: the store had stock from before, which the platform does not see, so no estimate (it read "runs out today").'),
  upliftPct: z.number().nullable().describe('A coming festival\'s usual uplift of this category, percent; null when none is near.'),
  festival: z.string().nullable(),
  runsOutOn: z.string().nullable(),
  alert: z.boolean().describe('Runs out within `within` days of asOf.'),
});

export const restockResponse = z.object({
  asOf: z.string().nullable().describe('The last day with sales.'),
  within: z.number().int(),
  items: z.array(restockItem).describe('Every product delivered to your store(s) in the last 12 weeks, soonest to run out first.'),
});
export type RestockResponse = z.infer<typeof restockResponse>;

// ---- 7. Sourcing ----------------------------------------------------------------------------

export const sourcingQuery = z.object({
  category: categoryFilter.optional().describe('A top-level category; all by default.'),
  weeks: queryInt((n) => n.min(4, 'must be 4 to 52').max(52, 'must be 4 to 52')).default(12),
}).strict();

export const sourcingResponse = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  from: z.string(), to: z.string(), k: z.number().int(),
  categories: z.array(z.object({
    category: z.string(),
    distributors: z.array(z.object({ id: z.string(), name: z.string() })).describe('Who delivered this category to shops of the county.'),
    skus: z.array(z.object({
      sku: z.string(), name: z.string(),
      distributors: z.number().int(),
      withheld: z.boolean().describe('Fewer than 3 distributors: no price is given.'),
      minFen: money.nullable(), medianFen: money.nullable(), maxFen: money.nullable(),
      qty: z.number().int().nullable().describe('Units delivered to shops of the county; null unless at least k shops besides yours received it (the units are the shops\' purchases).'),
    })).describe('Wholesale unit price (amount / units of each delivery) over the deliveries.'),
  })),
});
export type SourcingResponse = z.infer<typeof sourcingResponse>;
