// The officials' cockpit: its requests and answers, the national series it compares with, and the
// plan's targets. Definitions of every figure: docs/indicators.md. Browser-safe (types only there).
import { z } from 'zod';
import { queryInt, requestMonth } from './request-params.ts';
import { plainText } from './text.ts';

const yearMonth = requestMonth;
export const month = yearMonth;

/** The area of a cockpit view: the prefecture, a county, or (for rankings) a township. */
export const cockpitArea = z.string().regex(/^5323(\d{2}|\d{5}|\d{8})?$/, 'must be 5323, a 6-digit county, a 9-digit township or a 12-digit village code in Chuxiong');

export const INDICATORS = ['online_retail', 'agri_online_retail', 'online_merchants', 'proxy_purchases', 'parcels_out', 'parcels_in'] as const;
export type IndicatorKey = (typeof INDICATORS)[number];
export const indicatorKey = z.enum(INDICATORS);

// National series

export const NATIONAL_SERIES = ['national_online_retail', 'national_physical_goods_online_retail', 'rural_online_retail', 'agri_online_retail'] as const;

export const nationalRow = z.object({
  body: z.enum(['NBS', 'MOFCOM']).describe('Who published it: NBS (国家统计局) or MOFCOM (商务部).'),
  series: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a lower-case series code like rural_online_retail'),
  periodStart: yearMonth.describe('First month covered.'),
  periodEnd: yearMonth.describe('Last month covered (cumulative from periodStart).'),
  value100mYuan: z.number().nonnegative().nullable().describe('Level in 亿元; null when not published.'),
  yoyPct: z.number().min(-100).max(1000).nullable().describe('Growth as published, percent; null when not published.'),
  source: plainText(z.string().min(1, 'is required: where the figure was published').max(500)),
  confidence: z.enum(['official', 'repost', 'weak']),
}).strict()
  .refine((r) => r.periodStart <= r.periodEnd, { message: 'must not be before periodStart', path: ['periodEnd'] })
  .refine((r) => r.periodStart.slice(0, 4) === r.periodEnd.slice(0, 4), { message: 'must be in the same year as periodStart', path: ['periodEnd'] })
  .refine((r) => r.value100mYuan !== null || r.yoyPct !== null, { message: 'must have a value or a growth rate', path: ['yoyPct'] });
export type NationalRow = z.infer<typeof nationalRow>;

export const nationalTable = z.object({
  rows: z.array(nationalRow.and(z.object({ changedBy: z.string() }))),
});

export const replaceNationalRequest = z.object({
  csv: z.string().min(1, 'is required').max(1_000_000, 'must be at most 1 MB')
    .describe('The whole table as CSV: body,series,period_start,period_end,value_100m_yuan,yoy_pct,source,confidence'),
}).strict();

/**
 * Why no gap is shown, as a code and the months and series it concerns: the page and the report put
 * it in their reader's words (contracts/officials-words.ts), so no English leaks into Chinese text.
 */
export const MISSING_REASONS = ['no_national_series', 'no_national_figure', 'nbs_january_with_february', 'no_county_growth', 'month_in_progress'] as const;
/**
 * The last published national figure of the series before the months looked for (January to a
 * month, one year), with the area's growth over the same months where it is known: what a reader
 * can compare while this period's figure is not out (NBS publishes about two weeks after a month,
 * MOFCOM later). Labelled with its own months; never passed off as the period asked for.
 */
export const latestComparison = z.object({
  nationalYoyPct: z.number(),
  areaYoyPct: z.number().nullable().describe('The area\'s year-to-date growth over the same months; null where last year\'s or these months\' figures are missing.'),
  gapPp: z.number().nullable().describe('areaYoyPct minus nationalYoyPct, percentage points.'),
  body: z.string(), series: z.string(), periodStart: yearMonth, periodEnd: yearMonth, source: z.string(), confidence: z.string(),
}).strict();
export type LatestComparison = z.infer<typeof latestComparison>;

export const comparisonMissing = z.object({
  missing: z.enum(MISSING_REASONS).describe('no_national_series: none of this kind is published; no_national_figure: none for exactly these months; nbs_january_with_february: NBS publishes January only with February; no_county_growth: last year\'s county figures are missing; month_in_progress: the month is not over, so no growth is computed.'),
  series: z.string().optional().describe('The national series looked for (absent for no_national_series).'),
  periodStart: yearMonth.optional().describe('First month looked for.'),
  periodEnd: yearMonth.optional().describe('Last month looked for.'),
  latest: latestComparison.optional().describe('The last comparison that can be made, over earlier months (no_national_figure, nbs_january_with_february, month_in_progress).'),
}).strict();
export type ComparisonMissing = z.infer<typeof comparisonMissing>;

/** Which reference row a growth rate was compared with. */
export const comparison = z.union([
  z.object({
    gapPp: z.number().describe('County growth minus national growth, percentage points.'),
    nationalYoyPct: z.number(),
    body: z.string(), series: z.string(), periodStart: z.string(), periodEnd: z.string(), source: z.string(), confidence: z.string(),
  }),
  comparisonMissing,
]);
export type Comparison = z.infer<typeof comparison>;

export const indicatorFigures = z.object({
  key: indicatorKey,
  unit: z.enum(['fen', 'count']),
  month: z.number().nullable().describe('The month\'s figure.'),
  ytd: z.number().nullable().describe('January to the month (1-M月累计; January alone: 1月).'),
  previousMonth: z.number().nullable(),
  sameMonthLastYear: z.number().nullable(),
  ytdLastYear: z.number().nullable(),
  momPct: z.number().nullable().describe('Month on month, percent; null without a base.'),
  yoyPct: z.number().nullable().describe('Year on year, percent; null without last year\'s figure.'),
  ytdYoyPct: z.number().nullable(),
  vsNational: comparison.nullable().describe('Year-to-date growth against the national average; null where the indicator has no national series.'),
  vsNationalRural: comparison.nullable().describe('Against the national rural average.'),
});
export type IndicatorFigures = z.infer<typeof indicatorFigures>;

export const overviewQuery = z.object({
  area: cockpitArea.optional().describe('The caller\'s area by default.'),
  month: yearMonth.optional().describe('The last complete month with data by default.'),
}).strict();

export const overviewResponse = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  path: z.array(z.object({ code: z.string(), name: z.string() })),
  month: z.string(),
  firstMonth: z.string().nullable().describe('The oldest whole month with data: a month before it has no figures (its completeness is null).'),
  latestMonth: z.string().nullable().describe('The newest month with any data.'),
  latestMonthInProgress: z.boolean().describe('The newest month with data is the current one, still under way.'),
  monthInProgress: z.boolean().describe('The month is the current one: its figures so far, and no growth (a part of a month against whole ones read as -100%).'),
  indicators: z.array(indicatorFigures),
  childLevel: z.enum(['county', 'township', 'village']).nullable(),
  children: z.array(z.object({
    code: z.string(), name: z.string(),
    listed: z.boolean().describe('In the areas reference (a page of its own); false for the area\'s own stores\' row and for a village code the reference lacks.'),
    values: z.record(z.string(), z.object({ month: z.number(), ytd: z.number(), yoyPct: z.number().nullable(), ytdYoyPct: z.number().nullable() })),
    notReporting: z.number().int().describe('Its stations due to report in the month that sent nothing in it (in the month under way: nothing for more than 14 days): its station figures lack theirs, so a fall there may be a silence.'),
  })).describe('Child areas with each indicator: the map\'s and the rankings\' figures.'),
  unknownSellers: z.array(z.object({ sellerId: z.string(), amountFen: z.number(), orders: z.number() }))
    .describe('Online sellers missing from the sellers\' reference: counted under "unknown", listed here, never dropped.'),
  completeness: z.object({ expected: z.number(), reported: z.number(), pct: z.number().nullable() })
    .describe('Stations that reported (POS or parcels) in the month, of those open.'),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

const trendFields = z.object({
  area: cockpitArea.optional(),
  indicator: indicatorKey.default('online_retail'),
  months: queryInt((n) => n.min(2, 'must be at least 2').max(60, 'must be at most 60')).default(24),
  to: yearMonth.optional().describe('The last month; the newest month with data by default.'),
  lang: z.enum(['zh', 'en']).default('zh'),
});
// Months before 2000 are outside every request's range (request-params.ts); `to=2000-01&months=60` began in 1995.
const fromYear2000 = (q: { to?: string; months: number }) => !q.to || monthIndex(q.to) - q.months + 1 >= monthIndex('2000-01');
const BEFORE_2000 = { message: 'reaches back before 2000-01: ask for fewer months or a later to', path: ['months'] };

export const trendQuery = trendFields.strict().refine(fromYear2000, BEFORE_2000);

/** The trend drawn as SVG: also how wide, so a phone gets a chart it need not shrink to unreadable. */
export const trendSvgQuery = trendFields.extend({
  width: queryInt((n) => n.min(200, 'must be at least 200').max(900, 'must be at most 900')).default(560)
    .describe('Width of the plot in pixels (the axes and legend add to it).'),
}).strict().refine(fromYear2000, BEFORE_2000);

export const trendResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  indicator: indicatorKey,
  from: z.string().describe('First month of the span.'),
  to: z.string().describe('Last month of the span.'),
  months: z.array(z.object({ month: z.string(), value: z.number(), yoyPct: z.number().nullable(), ytdYoyPct: z.number().nullable() }))
    .describe('The months of the span that have data.'),
  national: z.array(z.object({ series: z.string(), body: z.string(), periodStart: z.string(), periodEnd: z.string(), yoyPct: z.number(), source: z.string() }))
    .describe('National growth rates of the same kind over the same span, for the baseline.'),
});
export type TrendResponse = z.infer<typeof trendResponse>;

export const stationsQuery = z.object({
  area: cockpitArea.optional(),
  month: yearMonth.optional(),
  silentDays: queryInt((n) => n.min(1, 'must be at least 1').max(365, 'must be at most 365')).default(14),
}).strict();

export const STATION_TYPES = ['county_centre', 'county_warehouse', 'township_station', 'village_point'] as const;

export const stationRow = z.object({
  id: z.string(), name: z.string(), type: z.enum(STATION_TYPES), areaCode: z.string(), areaName: z.string(), countyCode: z.string(),
  openedOn: z.string(), status: z.string(),
  lastReport: z.string().nullable().describe('Newest day with POS sales or parcels from it.'),
  daysSilent: z.number().nullable(),
  reportedThisMonth: z.boolean(),
  inService: z.boolean().describe('In service in the month: open by its end, not closed, and (but for the county centre and warehouse, which have no data stream) not silent at its end. Coverage and the scorecard\'s counts count these.'),
  salesFen: z.number(), proxyFen: z.number(), proxyOrders: z.number(), parcelsOut: z.number(), parcelsIn: z.number(),
});
export type StationRow = z.infer<typeof stationRow>;

export const stationsResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  path: z.array(z.object({ code: z.string(), name: z.string() })).describe('The areas above it, the prefecture first: the way back up.'),
  month: z.string(),
  silentDays: z.number(),
  stations: z.array(stationRow),
  notReporting: z.array(z.string()).describe('Ids of open stations with nothing this month.'),
  silent: z.array(z.string()).describe('Ids of stations silent for more than silentDays.'),
  completeness: z.array(z.object({ countyCode: z.string(), name: z.string(), expected: z.number(), reported: z.number(), pct: z.number().nullable() }))
    .describe('Per county at the prefecture; below it one row, of the area itself (countyCode is then its code).'),
  coverage: z.object({
    townships: z.number(), townshipsCovered: z.number(), townshipPct: z.number().nullable(),
    villages: z.number(), villagesCovered: z.number(), villagePct: z.number().nullable(),
  }),
});
export type StationsResponse = z.infer<typeof stationsResponse>;

export const planTarget = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  areaCode: z.string().regex(/^5323(\d{2})?$/),
  indicator: z.string(),
  labelZh: z.string().min(1).max(200),
  labelEn: z.string().min(1).max(200),
  comparison: z.enum(['at_least', 'at_most']),
  target: z.number(),
  unit: z.string().max(20),
  periodStart: yearMonth,
  due: yearMonth,
  source: z.string().max(500),
}).strict();
export type PlanTarget = z.infer<typeof planTarget>;

export const updateTargetRequest = z.object({
  // Below zero only for a gap in percentage points (checked against the target's unit by the route).
  target: z.number().finite().optional(),
  due: yearMonth.optional(),
  labelZh: plainText(z.string().trim().min(1).max(200)).optional(),
  labelEn: plainText(z.string().trim().min(1).max(200)).optional(),
}).strict().refine((u) => Object.keys(u).length > 0, { message: 'must change target, due or a label', path: ['body'] });

export const scorecardQuery = z.object({
  area: cockpitArea.optional(),
  month: yearMonth.optional().describe('Judged on the figures of this month (as a report of it is); the last complete month with data by default.'),
}).strict();

export const scorecardResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  asOf: z.string().describe('The month the actuals are as of.'),
  targets: z.array(planTarget.extend({
    areaName: z.string().describe('The area the target is of (the prefecture\'s view lists its demonstration county\'s).'),
    actual: z.number().nullable(),
    status: z.enum(['met', 'on_track', 'behind', 'missed', 'no_data']).describe('missed: not met, and its due month has passed (behind: not met, not due yet, and not on pace).'),
    how: z.object({ zh: z.string(), en: z.string() }).describe('How the actual was computed, in words.'),
    view: z.string().describe('The view that shows it.'),
  })),
});
export type ScorecardResponse = z.infer<typeof scorecardResponse>;

export const reportsQuery = z.object({ area: cockpitArea.optional() }).strict();
export const produceReportRequest = z.object({ area: z.string().regex(/^5323(\d{2})?$/, 'must be 5323 or a county code'), month: yearMonth }).strict();

export const reportFile = z.object({
  id: z.string(), areaCode: z.string(), areaName: z.string(), month: z.string(), format: z.enum(['xlsx', 'pdf']),
  producedBy: z.string(), producedAt: z.string(), size: z.number(), sha256: z.string(),
  // The producing account's name as it is now; null for the scheduler (or a login no account has).
  producerName: z.string().nullable(),
});
export type ReportFile = z.infer<typeof reportFile>;
export const reportsResponse = z.object({ reports: z.array(reportFile) });
export const reportParams = z.object({ id: z.string().regex(/^[a-z0-9-]{8,64}$/, 'must be a report id') });
