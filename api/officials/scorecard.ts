// The plan's scorecard: each target of the areas in view with its actual, its status and how the
// actual was computed, and the view that shows it. The targets are rows an official edits; the
// actuals come from the same figures as the cockpit's views, so the two cannot disagree.
import type { NationalRow, PlanTarget, ScorecardResponse } from '../../contracts/officials.ts';
import { bodyName, latestText, missingText, monthName, seriesName, yearSpan } from '../../contracts/officials-words.ts';
import { addMonths, shanghaiDay } from '../../contracts/time.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { readPlanTargetRows } from '../../warehouse/officials-reference.ts';
import { buildOverview, defaultMonth, type CockpitDeps } from './cockpit.ts';
import { round1 } from './growth.ts';
import { readDataMonths } from './series.ts';
import { lastDayOf, readStations } from './stations.ts';

type Db = Pick<Warehouse, 'query'>;
type Row = ScorecardResponse['targets'][number];

/** The targets judged on the platform's data (stations' reports, sales): not the training records
 *  or the report files, which have their own dates, nor the county's facilities (service centre,
 *  warehouse), which send no data and are counted from the register by their opening dates. */
const FROM_DATA = new Set([
  'village_points', 'township_station_coverage_pct', 'village_logistics_coverage_pct',
  'online_merchants_yoy_pct', 'online_retail_gap_pp', 'agri_online_retail_gap_pp', 'report_completeness_pct',
]);
type Actual = { value: number | null; how: { zh: string; en: string }; view: string; status?: Row['status'] };

/** The plan's targets of `area`, judged on the figures of `month` (the last complete month with
 *  data by default): a report of a month carries the scorecard as it stood then. */
export async function buildScorecard(db: Db, deps: CockpitDeps, area: { code: string; name: string },
  scope: readonly string[], national: readonly NationalRow[], month?: string): Promise<ScorecardResponse> {
  const { queries, directory, clock } = deps;
  const today = shanghaiDay(clock());
  const [dataMonths, planned] = await Promise.all([readDataMonths(db, queries, deps.memo), readPlanTargetRows(db, queries, scope)]);
  const asOf = month ?? defaultMonth(dataMonths, today);
  const targets = planned.filter((t) => t.areaCode.startsWith(area.code) || area.code.startsWith(t.areaCode));
  const areaCodes = [...new Set(targets.map((t) => t.areaCode))];
  // One overview and one stations reading per area the targets name.
  const perArea = new Map(await Promise.all(areaCodes.map(async (code) => {
    const a = await directory.area(code);
    const [overview, stations] = await Promise.all([
      buildOverview(db, deps, { code, name: a?.name ?? code, level: a?.level ?? 'county' }, asOf, scope, national),
      readStations(db, deps, code, asOf, 14, scope),
    ]);
    return [code, { overview, stations }] as const;
  })));

  // The three training targets of a plan usually share their area and period: one query for them.
  const totals = new Map<string, Promise<{ trainees: number; satisfied: number; converted: number; records: number } | undefined>>();
  const trainingTotals = (area: string, from: string, to: string) => {
    const key = `${area}|${from}|${to}`;
    if (!totals.has(key)) {
      totals.set(key, db.query<{ trainees: number; satisfied: number; converted: number; records: number }>(queries['training-totals'], { area, from, to }).then(([r]) => r));
    }
    return totals.get(key)!;
  };

  // Before the platform's first month of data, the stations' reports and the sales say nothing: a
  // reporting station looked silent and so out of service (0 of 64 townships covered). Judged on
  // nothing, not as zeros.
  const beforeData = dataMonths === null || asOf < dataMonths.first;
  const inProgress = asOf >= today.slice(0, 7);

  async function actualOf(t: PlanTarget): Promise<Actual> {
    const { overview, stations } = perArea.get(t.areaCode)!;
    if (beforeData && FROM_DATA.has(t.indicator)) {
      const since = dataMonths?.first;
      return {
        value: null,
        how: since ? { zh: `平台数据自 ${since} 起，${asOf} 无数据可据`, en: `the platform's data begin in ${since}: nothing to judge ${asOf} on` }
          : { zh: '平台尚无数据', en: 'the platform has no data yet' },
        view: `/cockpit/stations?area=${t.areaCode}`,
      };
    }
    const open = stations.stations.filter((s) => s.inService);
    const count = (type: string) => open.filter((s) => s.type === type).length;
    const q = `?area=${t.areaCode}`;
    const figure = (key: string) => overview.indicators.find((i) => i.key === key)!;
    switch (t.indicator) {
      case 'service_centres':
        return { value: count('county_centre'), how: { zh: `在营的县级电商公共服务中心数（截至 ${asOf}）`, en: `county e-commerce service centres in service (as of ${asOf})` }, view: `/cockpit/stations${q}` };
      case 'logistics_warehouses':
        return { value: count('county_warehouse'), how: { zh: `在营的县级物流仓储配送中心数（截至 ${asOf}）`, en: `county logistics warehouses in service (as of ${asOf})` }, view: `/cockpit/stations${q}` };
      case 'village_points':
        return { value: count('village_point'), how: { zh: `在营的村级物流服务点数（截至 ${asOf}）`, en: `village logistics points in service (as of ${asOf})` }, view: `/cockpit/stations${q}` };
      case 'township_station_coverage_pct':
        return { value: stations.coverage.townshipPct, how: { zh: `有在营电商服务站的乡镇 ${stations.coverage.townshipsCovered} / 全部乡镇 ${stations.coverage.townships}`, en: `townships with a station in service ${stations.coverage.townshipsCovered} of ${stations.coverage.townships}` }, view: `/cockpit/stations${q}` };
      case 'village_logistics_coverage_pct':
        return { value: stations.coverage.villagePct, how: { zh: `有在营物流服务点的村（社区）${stations.coverage.villagesCovered} / 全部 ${stations.coverage.villages}`, en: `villages with a logistics point in service ${stations.coverage.villagesCovered} of ${stations.coverage.villages}` }, view: `/cockpit/stations${q}` };
      case 'online_merchants_yoy_pct': {
        const f = figure('online_merchants');
        return { value: f.ytdYoyPct, how: { zh: `${yearSpan(asOf, 'zh')}有网络零售的网商 ${f.ytd ?? '—'} 家，上年同期 ${f.ytdLastYear ?? '—'} 家`, en: `sellers with online retail in ${yearSpan(asOf, 'en')}: ${f.ytd ?? '—'}, a year before ${f.ytdLastYear ?? '—'}` }, view: `/cockpit${q}` };
      }
      case 'online_retail_gap_pp':
      case 'agri_online_retail_gap_pp': {
        const f = figure(t.indicator === 'online_retail_gap_pp' ? 'online_retail' : 'agri_online_retail');
        const c = f.vsNational;
        const why = c ?? { missing: 'no_national_series' as const };
        if ('missing' in why) {
          // Judged on the months asked for only; the last comparison made is said, not scored.
          const l = 'latest' in why ? why.latest : undefined;
          const also = (lang: 'zh' | 'en') => (l ? `${lang === 'zh' ? '；' : '; '}${latestText(l, lang)}` : '');
          return { value: null, how: { zh: `无法比较：${missingText(why, 'zh')}${also('zh')}`, en: `not comparable: ${missingText(why, 'en')}${also('en')}` }, view: `/cockpit/national` };
        }
        const row = (lang: 'zh' | 'en') => `${bodyName(why.body, lang)} ${seriesName(why.series, lang)} ${yearSpan(why.periodEnd, lang)}`;
        return { value: why.gapPp, how: { zh: `${yearSpan(asOf, 'zh')}累计同比 ${f.ytdYoyPct}% 减全国 ${why.nationalYoyPct}%（${row('zh')}，${why.source}）`, en: `${yearSpan(asOf, 'en')} growth ${f.ytdYoyPct}% minus national ${why.nationalYoyPct}% (${row('en')}, ${why.source})` }, view: `/cockpit${q}` };
      }
      case 'training_attendances':
      case 'training_satisfaction_pct':
      case 'training_conversion_pct': {
        // The plan's period up to the month judged: a scorecard as of March 2021 counts no later session.
        const end = asOf < t.due ? asOf : t.due;
        const r = await trainingTotals(t.areaCode, `${t.periodStart}-01`, lastDayOf(end));
        const trainees = Number(r?.trainees ?? 0);
        const span = { zh: `${t.periodStart} 至 ${end} 培训记录 ${Number(r?.records ?? 0)} 条`, en: `${Number(r?.records ?? 0)} training records ${t.periodStart} to ${end}` };
        if (t.indicator === 'training_attendances') return { value: trainees, how: { zh: `${span.zh}的参训人次合计`, en: `attendances of ${span.en}` }, view: `/cockpit/scorecard${q}` };
        if (trainees === 0) return { value: null, how: { zh: `${span.zh}，无参训人次`, en: `${span.en}: no attendances` }, view: `/cockpit/scorecard${q}` };
        const part = t.indicator === 'training_satisfaction_pct' ? Number(r!.satisfied) : Number(r!.converted);
        return { value: round1((part / trainees) * 100), how: t.indicator === 'training_satisfaction_pct'
          ? { zh: `满意人次 ${part} / 参训人次 ${trainees}（${span.zh}）`, en: `satisfied ${part} of ${trainees} attendances (${span.en})` }
          : { zh: `转化人数 ${part} / 参训人次 ${trainees}（${span.zh}）`, en: `converted ${part} of ${trainees} attendances (${span.en})` }, view: `/cockpit/scorecard${q}` };
      }
      case 'monthly_report_on_time': {
        // The report of the month judged (by default last month's), due by the 10th of the next.
        const previous = month ?? addMonths(today.slice(0, 7), -1);
        const due = `${addMonths(previous, 1)}-10`;
        const [r] = await db.query<{ n: number; first_at: string }>(queries['reports-for-month'], { area: t.areaCode, month: previous });
        const done = Number(r?.n ?? 0) > 0;
        const onTime = done && r!.first_at.slice(0, 10) <= due;
        const still = !done && today <= due;
        return {
          value: onTime ? 1 : 0, status: still ? 'on_track' : undefined,
          how: { zh: done ? `${previous} 月通报于 ${r!.first_at} 生成` : `${previous} 月通报尚未生成${still ? '（10日前仍可报送）' : ''}`, en: done ? `the ${previous} report was produced at ${r!.first_at}` : `no report for ${previous} yet${still ? ' (there is time until the 10th)' : ''}` },
          view: `/cockpit/reports${q}`,
        };
      }
      case 'report_completeness_pct': {
        // A month under way is still being reported: its share so far is not a miss.
        const still = { zh: inProgress ? '（本月尚未结束，报送仍在进行）' : '', en: inProgress ? ' (the month is under way: stations are still reporting)' : '' };
        return {
          value: overview.completeness.pct, status: inProgress ? stillReporting(t, overview.completeness.pct, asOf) : undefined,
          how: { zh: `${monthName(asOf, 'zh')}报送数据的站点 ${overview.completeness.reported} / 应报站点 ${overview.completeness.expected}${still.zh}`, en: `stations that reported in ${monthName(asOf, 'en')}: ${overview.completeness.reported} of ${overview.completeness.expected}${still.en}` },
          view: `/cockpit/stations${q}`,
        };
      }
      default:
        return { value: null, how: { zh: `未知指标 ${t.indicator}`, en: `unknown indicator ${t.indicator}` }, view: `/cockpit/scorecard${q}` };
    }
  }

  // The targets' own queries (training, reports) run side by side, not one after another.
  const rows: Row[] = await Promise.all(targets.map(async (t) => {
    const a = await actualOf(t);
    const { version: _v, ...target } = t;
    return { ...target, areaName: perArea.get(t.areaCode)!.overview.area.name, actual: a.value, status: a.status ?? statusOf(t, a.value, asOf), how: a.how, view: a.view };
  }));
  return { area, asOf, targets: rows };
}

/** A month under way judged on its share so far: met if already met, else on track, not behind
 *  or missed (the stations are still reporting). */
function stillReporting(t: PlanTarget, actual: number | null, asOf: string): Row['status'] {
  const status = statusOf(t, actual, asOf);
  return status === 'behind' || status === 'missed' ? 'on_track' : status;
}

/** met when the target holds; before its due month a cumulative count on pace is on track; behind
 *  otherwise, and missed once the due month has passed ("滞后" for a target due five years ago read
 *  as if it could still be caught up). */
export function statusOf(t: PlanTarget, actual: number | null, asOf: string): Row['status'] {
  if (actual === null) return 'no_data';
  const met = t.comparison === 'at_least' ? actual >= t.target : actual <= t.target;
  if (met) return 'met';
  if (asOf < t.periodStart) return 'no_data'; // judged before the plan began: nothing to be behind on
  if (asOf < t.due && t.comparison === 'at_least' && t.target > 0) {
    const months = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5));
    const elapsed = (months(asOf) - months(t.periodStart) + 1) / (months(t.due) - months(t.periodStart) + 1);
    if (actual / t.target >= elapsed) return 'on_track';
  }
  return asOf > t.due ? 'missed' : 'behind';
}
