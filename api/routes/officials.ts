// The officials' cockpit: overview (KPIs, map and rankings), trend (and its chart), stations and
// completeness, the plan's scorecard and its targets, the national series, and the monthly reports.
// Officials see their area and below; analysts everything. Definitions: docs/indicators.md.
import { z } from 'zod';
import {
  nationalTable, overviewQuery, overviewResponse, produceReportRequest, replaceNationalRequest, reportParams, reportsQuery, reportsResponse,
  scorecardQuery, scorecardResponse, stationsQuery, stationsResponse, trendQuery, trendResponse, trendSvgQuery, updateTargetRequest, planTarget, type PlanTarget,
} from '../../contracts/officials.ts';
import { shanghaiDay, shanghaiMonth } from '../../contracts/time.ts';
import { notAfterCurrentMonth } from '../request-months.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { NationalCsvError, parseNationalCsv, readNationalSeries, readPlanTargetRows, replaceNationalSeries, targetRow } from '../../warehouse/officials-reference.ts';
import { renderVegaLite } from '../charts/vega.ts';
import type { Directory } from '../directory.ts';
import { badRequest, HttpError, notFound } from '../errors.ts';
import { trendSpec } from '../officials/charts.ts';
import { ancestors, buildOverview, buildTrend, defaultMonth } from '../officials/cockpit.ts';
import { CONTENT_TYPES, listReports, produceReport, readReportFile } from '../officials/reports.ts';
import { buildScorecard } from '../officials/scorecard.ts';
import { readDataMonths } from '../officials/series.ts';
import { readStations } from '../officials/stations.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import type { VersionedMemo } from '../versioned-memo.ts';

const READERS = ['official', 'analyst'] as const;
const AREA = { kind: 'area', param: 'area' } as const;

export function officialRoutes(deps: { warehouse: Warehouse; queries: Queries; directory: Directory; clock: () => number; memo: VersionedMemo;
  accountName: (login: string) => Promise<string | null> }): AnyRoute[] {
  const { warehouse, queries, directory, clock, memo, accountName } = deps;
  const core = { queries, directory, clock, memo };
  // The published national figures: the same for everyone, changed only by an upload (a new data
  // version), and read by every overview, trend and scorecard before its own queries.
  const nationalSeries = (db: Pick<Warehouse, 'query'>) => memo.get('national-series', () => readNationalSeries(db, queries));

  // A month not yet begun has no data: refused, so it is not shown as zeros (every station silent,
  // every township 0.00). The clock is the app's, so tests can fix "now".
  const notAfterCurrent = (field: string, month: string | undefined) => notAfterCurrentMonth(field, month, clock());

  async function areaOf(code: string) {
    const a = await directory.area(code);
    if (!a || !['prefecture', 'county', 'township', 'village'].includes(a.level)) throw badRequest('area', `unknown area code ${code}`);
    return { code: a.code, name: a.name, level: a.level };
  }

  return [
    defineRoute({
      method: 'get', path: '/api/official/overview', tag: 'officials', summary: 'An area\'s figures for a month: each indicator with month, year to date, growth and national gaps; its child areas',
      access: { roles: READERS, scope: AREA }, query: overviewQuery, response: overviewResponse, cache: 'data',
      rows: (b) => b.indicators.length + b.children.length,
      async handler({ query, area, scope, db }) {
        notAfterCurrent('month', query.month);
        const national = await nationalSeries(db);
        const a = await areaOf(area);
        const overview = await buildOverview(db, core, a, query.month, scope.areas, national);
        return { ...overview, path: await ancestors(directory, area) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/official/trend', tag: 'officials', summary: 'One indicator month by month, with the national growth rates of the same kind',
      access: { roles: READERS, scope: AREA }, query: trendQuery, response: trendResponse, cache: 'data', rows: (b) => b.months.length,
      async handler({ query, area, scope, db }) {
        notAfterCurrent('to', query.to);
        const a = await areaOf(area);
        return buildTrend(db, core, a, query.indicator, query.months, query.to, scope.areas, await nationalSeries(db));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/official/trend.svg', tag: 'officials', summary: 'The trend as a chart (Vega-Lite, drawn on the server as SVG)',
      access: { roles: READERS, scope: AREA }, query: trendSvgQuery, cache: 'data',
      async handler({ query, area, scope, db, res }) {
        notAfterCurrent('to', query.to);
        const a = await areaOf(area);
        const trend = await buildTrend(db, core, a, query.indicator, query.months, query.to, scope.areas, await nationalSeries(db));
        res.type('image/svg+xml').send(await renderVegaLite(trendSpec(trend, query.lang, query.width)));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/official/stations', tag: 'officials', summary: 'Stations of an area in a month: what each reported, who did not, completeness per county, coverage',
      access: { roles: READERS, scope: AREA }, query: stationsQuery, response: stationsResponse, cache: 'data', rows: (b) => b.stations.length,
      async handler({ query, area, scope, db }) {
        notAfterCurrent('month', query.month);
        const a = await areaOf(area);
        // Opens on the overview's month: only the data's months are needed for it, not the overview.
        const month = query.month ?? defaultMonth(await readDataMonths(db, queries, memo), shanghaiDay(core.clock()));
        const result = await readStations(db, core, area, month, query.silentDays, scope.areas);
        return { area: { code: a.code, name: a.name }, ...result, path: await ancestors(directory, area), stations: result.stations.map(({ expected: _e, ...s }) => s) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/official/scorecard', tag: 'officials', summary: 'The plan\'s targets of the area with actual, status and how each actual was computed',
      access: { roles: READERS, scope: AREA }, query: scorecardQuery, response: scorecardResponse, cache: 'data', rows: (b) => b.targets.length,
      async handler({ query, area, scope, db }) {
        notAfterCurrent('month', query.month);
        const a = await areaOf(area);
        return buildScorecard(db, core, a, scope.areas, await nationalSeries(db), query.month);
      },
    }),
    defineRoute({
      method: 'put', path: '/api/official/targets/:id', tag: 'officials', summary: 'Edit one of the plan\'s targets of the area (value, due month, labels)',
      writes: 'data', access: { roles: ['official'], scope: AREA }, params: z.object({ id: planTarget.shape.id }), query: z.object({ area: overviewQuery.shape.area }).strict(),
      body: updateTargetRequest, response: planTarget, audit: { body: (b) => b },
      async handler({ params, body, area, principal, db }) {
        const current = (await readPlanTargetRows(db, queries, [area])).find((t) => t.id === params.id && t.areaCode.startsWith(area));
        if (!current) throw notFound(`no target ${params.id} in ${area}`);
        const { version, ...t } = current;
        if (body.target !== undefined) checkTarget(t, body.target);
        if (body.due !== undefined && body.due < t.periodStart) throw badRequest('due', `must not be before the plan's start, ${t.periodStart}`);
        const next = { ...t, ...body };
        await warehouse.insert('plan_targets', [targetRow(next, Math.max(clock(), version + 1), principal!.login)]);
        return next;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/reference/national', tag: 'officials', summary: 'The national series the cockpit compares with, with their sources',
      access: { roles: READERS, scope: { kind: 'platform', why: 'published national figures, the same for everyone' } },
      response: nationalTable, cache: 'data', rows: (b) => b.rows.length,
      async handler({ db }) {
        return { rows: await nationalSeries(db) };
      },
    }),
    defineRoute({
      method: 'put', path: '/api/reference/national', tag: 'officials', summary: 'Replace the national series with a CSV (the prefecture\'s bureau)',
      writes: 'data', access: { roles: ['official'], scope: { kind: 'area-fixed', area: '5323' } },
      body: replaceNationalRequest, response: z.object({ written: z.number(), removed: z.number() }),
      audit: { body: (b) => ({ bytes: b.csv.length }) },
      async handler({ body, principal }) {
        let rows;
        try {
          rows = parseNationalCsv(body.csv);
        } catch (e) {
          if (e instanceof NationalCsvError) throw new HttpError(400, 'bad_request', `csv: ${e.message}`, 'csv');
          throw e;
        }
        if (rows.length === 0) throw badRequest('csv', 'holds no rows: an empty table would remove every national figure');
        return replaceNationalSeries(warehouse, queries, rows, principal!.login, clock());
      },
    }),
    defineRoute({
      method: 'get', path: '/api/official/reports', tag: 'officials', summary: 'The monthly reports of the area and below, with who produced each and when',
      access: { roles: READERS, scope: AREA }, query: reportsQuery, response: reportsResponse, rows: (b) => b.reports.length,
      async handler({ area, db }) {
        return { reports: await listReports(db, core, [area], accountName) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/official/reports', tag: 'officials', summary: 'Produce the monthly report of an area and month now (XLSX and PDF)',
      writes: 'data', access: { roles: READERS, scope: AREA }, query: produceReportRequest, response: reportsResponse, status: 201,
      async handler({ query, area, principal, db }) {
        if (area.length > 6) throw badRequest('area', 'reports are for the prefecture or a county');
        notAfterCurrent('month', query.month);
        // A report is of a month that has ended: one of the month under way would keep it half-filled,
        // and its existence would stop the scheduler producing the whole month's (report-scheduler.ts).
        const current = shanghaiMonth(clock());
        if (query.month === current) throw badRequest('month', `${current} has not ended: a monthly report covers a whole month`);
        await areaOf(area);
        // The document and the listing name the bureau's account by its name; the login is kept too.
        const reports = await produceReport(warehouse, db, core, area, query.month, await nationalSeries(db), principal!.login, undefined, principal!.name);
        return { reports };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/official/reports/:id', tag: 'officials', summary: 'Download one report file (XLSX or PDF)',
      access: { roles: READERS, scope: AREA }, params: reportParams, query: reportsQuery,
      async handler({ params, area, db, res }) {
        const file = await readReportFile(db, queries, params.id);
        // Within the area asked for, which the scope check has already held to the caller's.
        if (!file || !file.areaCode.startsWith(area)) throw notFound(`no report ${params.id} in ${area}`);
        res.setHeader('Content-Type', CONTENT_TYPES[file.format]);
        res.setHeader('Content-Disposition', `attachment; filename="report-${file.areaCode}-${file.month}.${file.format}"; filename*=UTF-8''${encodeURIComponent(`月通报-${file.areaCode}-${file.month}.${file.format}`)}`);
        res.setHeader('Cache-Control', 'private, max-age=3600');
        res.send(file.bytes);
      },
    }),
  ];
}

/** A target's value for its kind: a count, an amount, a share or a growth rate to reach is never
 *  below zero; a share is at most 100 percent; a yes/no is 0 or 1; a gap to the national rate in
 *  percentage points may be below zero (-2: at most 2 points below it) but not beyond 100 points. */
function checkTarget(t: PlanTarget, value: number): void {
  const growth = t.indicator.endsWith('_yoy_pct');
  if (t.unit === '百分点') {
    if (Math.abs(value) > 100) throw badRequest('target', 'must be between -100 and 100 percentage points');
    return;
  }
  if (value < 0) throw badRequest('target', 'must be 0 or more');
  if (t.unit === '是/否' && value !== 0 && value !== 1) throw badRequest('target', 'must be 1 (yes) or 0 (no)');
  if (t.unit === '%' && !growth && value > 100) throw badRequest('target', 'must be at most 100 (a share in percent)');
  if (value > 1e9) throw badRequest('target', 'must be at most 1000000000');
}
