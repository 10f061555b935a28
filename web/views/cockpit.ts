// The officials' overview of an area: the month's figures of every indicator with year to date,
// growth and the gaps to the national averages (each naming the national row it used); the
// counties on a map (townships and villages ranked, since no boundaries exist below the counties), coloured by a chosen
// indicator and measure; the trend with the national baseline; the ranking; unknown sellers.
import '../shell-modules.ts';
import type { IndicatorFigures, IndicatorKey, OverviewResponse } from '../../contracts/officials.ts';
import { bodyName, confidenceName, latestFigures, latestText, missingText, monthSpan, seriesName, yearSpan } from '../../contracts/officials-words.ts';
import { apiGet, ApiRequestError, withQuery } from '../api-client.ts';
import { areaLabel } from '../area-label.ts';
import { createCountyMap, type MapFeature } from '../charts/county-map.ts';
import { createRankBars } from '../charts/rank-bars.ts';
import { areaPath, cockpitState, cockpitTabs, cockpitUrl, monthPicker, ppText } from '../cockpit-frame.ts';
import { pctText } from '../format.ts';
import { contentWidth, h, table } from '../dom.ts';
import { formatYuan, paren, t, type Lang } from '../i18n.ts';
import { errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View, ViewContext } from '../view.ts';
import { linkTo } from './links.ts';
import { ct, type CockpitKey } from './cockpit-strings.ts';

const INDICATORS: IndicatorKey[] = ['online_retail', 'agri_online_retail', 'online_merchants', 'proxy_purchases', 'parcels_out', 'parcels_in'];
const MEASURES = ['month', 'ytd', 'ytdYoy'] as const;
/** The indicators a station's POS and parcel reports feed: its silence can lower them. */
const STATION_FED = new Set<IndicatorKey>(['proxy_purchases', 'parcels_out', 'parcels_in']);
type Measure = (typeof MEASURES)[number];

let mapFeatures: Promise<MapFeature[]> | undefined;
function countyMap(): Promise<MapFeature[]> {
  const href = document.querySelector<HTMLMetaElement>('meta[name="cx-county-map"]')?.content ?? '';
  mapFeatures ??= fetch(href).then((r) => r.json() as Promise<{ features: MapFeature[] }>).then((m) => m.features);
  return mapFeatures;
}

/** A figure in its unit: 万元 for money, a plain count otherwise. */
export function figure(value: number | null, key: IndicatorKey, lang: Lang): string {
  if (value === null) return '—';
  if (key === 'online_merchants' || key === 'parcels_out' || key === 'parcels_in') {
    const unit = key === 'online_merchants' ? (value === 1 ? 'unitJiaOne' : 'unitJia') : value === 1 ? 'unitJianOne' : 'unitJian'; // "1 seller"
    return `${value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')} ${ct(lang, unit)}`;
  }
  if (lang === 'en') return yuanCompact(value);
  return `${(value / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${ct(lang, 'unitWan')}`;
}

/** Fen as yuan for English readers, who count in thousands and millions, not in 万: ¥208.4k, ¥2.08M. */
function yuanCompact(fen: number): string {
  // Decided on the rounded figure: ¥999,960 is ¥1.00M, not ¥1000.0k.
  const yuan = fen / 100;
  if (Math.abs(Math.round(yuan / 100) / 10) >= 1_000) return `¥${(yuan / 1_000_000).toFixed(2)}M`;
  if (Math.abs(Math.round(yuan * 100) / 100) >= 1_000) return `¥${(yuan / 1_000).toFixed(1)}k`;
  return `¥${yuan.toFixed(2)}`;
}

export const view: View = async (ctx) => {
  const { lang, main, signal, search } = ctx;
  const state = cockpitState(ctx);
  const indicator = (INDICATORS as string[]).includes(search.get('ind') ?? '') ? search.get('ind') as IndicatorKey : 'online_retail';
  const measure = (MEASURES as readonly string[]).includes(search.get('measure') ?? '') ? search.get('measure') as Measure : 'month';
  const go = (patch: Record<string, string>) => ctx.navigate(withQuery('/cockpit', { area: state.area, month: state.month, ind: indicator, measure, ...patch }));

  const section = h('section', { id: 'view', class: 'view', 'data-view': 'cockpit' });
  main.replaceChildren(cockpitTabs(ctx, '/cockpit', state), section);
  setViewState(section, 'loading', loadingNode(lang));
  let data: OverviewResponse;
  try {
    data = await apiGet<OverviewResponse>(withQuery('/api/official/overview', { area: state.area, month: state.month }), { signal });
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof ApiRequestError && e.status === 403) return ctx.forbidden(e.message);
    return setViewState(section, 'error', errorNode(e, lang, () => void view(ctx),
      () => ctx.navigate(withQuery('/cockpit', e instanceof ApiRequestError && e.field === 'area' ? {} : { area: state.area }))));
  }
  if (signal.aborted) return;
  const monthWords = lang === 'zh' ? `${data.month.slice(0, 4)}年${Number(data.month.slice(5))}月` : data.month;
  document.title = `${data.area.name} ${monthWords} · ${t(lang, 'nav.cockpit')}`;
  const c = data.completeness;
  const before = data.firstMonth !== null && data.month < data.firstMonth;

  const head = h('div', { class: 'cockpit-head' },
    h('h1', {}, `${data.area.name} · ${monthWords}`),
    areaPath(ctx, data.path, data.area, (code) => cockpitUrl('/cockpit', { area: code, month: state.month })),
    h('div', { class: 'controls' }, monthPicker(ctx, data.month, (m) => go({ month: m }), data.firstMonth)),
    h('p', { class: 'caption' }, [
      before ? '' : ct(lang, 'completenessLine', { reported: String(c.reported), expected: String(c.expected), pct: c.pct === null ? '—' : `${c.pct}%` }),
      // The newest month with data is often the one under way: "截至 12 月" read as December done.
      data.latestMonth ? ct(lang, data.latestMonthInProgress ? 'dataThroughPartial' : 'dataThrough', { month: data.latestMonth }) : '',
    ].filter(Boolean).join(' · ')),
    data.monthInProgress ? h('p', { class: 'notice', role: 'note' }, ct(lang, 'monthInProgress')) : null,
    before ? h('p', { class: 'notice before-data', role: 'note' }, ct(lang, 'beforeData', { month: data.firstMonth ?? '' })) : null);

  const cards = h('div', { class: 'kpi-cards' }, data.indicators.map((f) => kpiCard(f, data.month, lang, ctx)));

  const indicatorSelect = h('select', { id: 'cockpit-indicator', name: 'ind' }, INDICATORS.map((k) => h('option', { value: k, selected: k === indicator }, ct(lang, `ind.${k}` as CockpitKey))));
  indicatorSelect.addEventListener('change', () => go({ ind: indicatorSelect.value }));
  const measureSelect = h('select', { id: 'cockpit-measure', name: 'measure' }, MEASURES.map((m) => h('option', { value: m, selected: m === measure }, ct(lang, `measure.${m}` as CockpitKey))));
  measureSelect.addEventListener('change', () => go({ measure: measureSelect.value }));
  const pickers = h('div', { class: 'controls' },
    h('label', { for: 'cockpit-indicator' }, h('span', {}, t(lang, 'measure')), indicatorSelect),
    h('label', { for: 'cockpit-measure' }, h('span', {}, t(lang, 'period')), measureSelect));

  type Child = OverviewResponse['children'][number];
  const childName = (child: Child) => (child.listed || child.code === data.area.code ? areaLabel(child, data.area.code, lang) : ct(lang, 'unlistedArea', { code: child.code }));
  // A child with a page of its own opens it, with the indicator and measure on screen.
  const childUrl = (code: string) => withQuery('/cockpit', { area: code, month: state.month, ind: indicator, measure });
  const listedCodes = new Set(data.children.filter((c) => c.listed).map((c) => c.code));
  const opens = (code: string) => listedCodes.has(code);
  const valueOf = (child: OverviewResponse['children'][number]) => {
    const v = child.values[indicator];
    if (!v) return null;
    return measure === 'month' ? v.month : measure === 'ytd' ? v.ytd : v.ytdYoyPct;
  };
  const format = (v: number) => (measure === 'ytdYoy' ? pctText(v) : figure(v, indicator, lang));
  const indicatorName = ct(lang, `ind.${indicator}` as CockpitKey);
  const spatial = h('section', { class: 'cockpit-map' });
  if (data.childLevel === 'county') {
    spatial.append(h('h2', {}, ct(lang, 'mapTitle', { indicator: indicatorName })), h('p', { class: 'hint' }, ct(lang, 'clickCounty')));
    const features = await countyMap().catch(() => null);
    if (signal.aborted) return;
    if (features) {
      spatial.append(createCountyMap(features, {
        width: Math.min(560, contentWidth(main) || 560), diverging: measure === 'ytdYoy', format,
        values: new Map(data.children.map((ch) => [ch.code, valueOf(ch)])),
        label: (name, value) => `${name} ${value}${paren(lang, indicatorName)}`,
        onOpen: (code) => go({ area: code }),
        noData: t(lang, 'noData'), lang,
      }));
    }
  } else if (data.childLevel === 'township' || data.childLevel === 'village') {
    const title = ct(lang, data.childLevel === 'township' ? 'barsTitle' : 'villageBarsTitle', { indicator: indicatorName });
    spatial.append(h('h2', {}, title));
    if (data.childLevel === 'village') spatial.append(h('p', { class: 'hint' }, ct(lang, 'villageBarsHint')));
    // A township or village opens its own page, as a county on the map does; the township's own
    // share is this page.
    spatial.append(createRankBars(data.children.map((ch) => ({
      code: ch.code, name: childName(ch), value: valueOf(ch),
      flag: ch.notReporting > 0 ? { short: `⚠${ch.notReporting}`, long: ct(lang, 'notReportingN', { n: ch.notReporting }) } : undefined,
    })), {
      format, label: title, onOpen: (code) => go({ area: code }), opens,
    }));
    // The mark is short to fit beside a name on a phone: said once in words under the bars, with
    // what it means for the figure drawn: stations' POS and parcels feed only some indicators
    // (docs/indicators.md); online retail and sellers come from the platforms' transactions.
    if (data.children.some((ch) => ch.notReporting > 0)) {
      spatial.append(h('p', { class: 'hint rank-legend' }, STATION_FED.has(indicator) ? ct(lang, 'notReportingLegend') : ct(lang, 'notReportingLegendSeller', { indicator: indicatorName })));
    }
  }

  // Drawn as wide as the screen allows (the axes take about 80 px): a 560 px chart shrunk onto a
  // phone would set its 11 px text at 6 px.
  const plotWidth = Math.max(200, Math.min(560, (section.clientWidth || 640) - 80));
  const trendSrc = withQuery('/api/official/trend.svg', { area: data.area.code, indicator, months: 24, to: data.month, lang, width: plotWidth });
  // Offline, the chart (an image the service worker does not keep) would be a broken-image icon.
  const trendImg = h('img', { src: trendSrc, alt: ct(lang, 'trendAlt', { area: data.area.name, indicator: indicatorName }), width: plotWidth + 62, height: 520, loading: 'lazy', decoding: 'async' });
  trendImg.addEventListener('error', () => trendImg.replaceWith(h('p', { class: 'hint trend-missing', role: 'status' }, ct(lang, 'trendUnavailable'))), { once: true });
  const trend = h('figure', { class: 'trend' }, trendImg, h('figcaption', {}, ct(lang, 'trendTitle')));

  const ranking = data.children.length > 0 ? h('div', { class: 'table-scroll', tabindex: 0 }, table(
    // The growth column is of the indicator chosen (it was always online retail's: a dash for every
    // village, which sells nothing online, beside their parcels).
    [t(lang, 'rank'), t(lang, 'area'), ...INDICATORS.map((k) => ct(lang, `ind.${k}` as CockpitKey)), `${ct(lang, 'ytdYoy')}${paren(lang, indicatorName)}`],
    [...data.children].sort((a, b) => (valueOf(b) ?? -Infinity) - (valueOf(a) ?? -Infinity)).map((ch, i) => [
      i + 1,
      // A fall where a station sent nothing may be its silence, not the area's: said beside the name.
      h('span', {}, ch.listed ? linkTo(ctx, childUrl(ch.code), childName(ch)) : childName(ch),
        ch.notReporting > 0 ? h('span', { class: 'tag late', 'data-not-reporting': ch.notReporting }, ct(lang, 'notReportingN', { n: ch.notReporting })) : null),
      ...INDICATORS.map((k) => figure(ch.values[k]?.month ?? null, k, lang)), pctText(ch.values[indicator]?.ytdYoyPct ?? null),
    ]), { caption: `${ct(lang, 'rankingTitle')}${paren(lang, monthWords)}`, numeric: [0, 2, 3, 4, 5, 6, 7, 8], className: 'data ranking' })) : null;

  const unknown = data.unknownSellers.length > 0 ? h('details', { class: 'unknown-sellers' },
    h('summary', {}, `${ct(lang, 'unknownSellersTitle')}${paren(lang, data.unknownSellers.length)}`),
    table([ct(lang, 'sellerId'), t(lang, 'amount'), t(lang, 'orders')], data.unknownSellers.map((u) => [h('code', {}, u.sellerId), formatYuan(u.amountFen), u.orders]), { numeric: [1, 2] })) : null;

  // A village has no areas below it: no map or bars (the left half of the page stood empty), and no
  // measure to rank them by; the indicator still chooses the trend (a village's online retail is
  // mostly nothing: its parcels are not).
  const leaf = data.children.length === 0;
  if (leaf) pickers.replaceChildren(pickers.firstChild!);
  const pair = leaf ? h('div', { class: 'cockpit-pair' }, trend) : h('div', { class: 'cockpit-pair' }, spatial, trend);
  setViewState(section, 'ready', ...([head, cards, pickers, pair, ranking, unknown] as (HTMLElement | null)[]).filter((n): n is HTMLElement => n !== null));
};

function kpiCard(f: IndicatorFigures, month: string, lang: Lang, ctx: ViewContext): HTMLElement {
  const colon = lang === 'zh' ? '：' : ': ';
  const gapLine = (label: CockpitKey, cmp: IndicatorFigures['vsNational']) => {
    if (!cmp) return null;
    if ('missing' in cmp) {
      const why = missingText(cmp, lang);
      const l = cmp.latest;
      if (!l) {
        return h('p', { class: 'gap missing', title: why }, `${ct(lang, label)}${colon}${ct(lang, 'noComparable')}`, ' ', linkTo(ctx, '/cockpit/national', 'ⓘ'),
          h('span', { class: 'visually-hidden' }, why));
      }
      // This period's national figure is not out yet (most of each month, for the month before):
      // the last one that is, labelled with its own months, and why not this period's, in plain view.
      const stop = lang === 'zh' ? '。' : '. ';
      const sentence = (x: string) => (lang === 'en' ? x.charAt(0).toUpperCase() + x.slice(1) : x);
      const head = l.gapPp === null ? [ct(lang, 'noComparable')] : [ppText(l.gapPp, lang), h('span', { class: 'gap-ref' }, paren(lang, yearSpan(l.periodEnd, lang)))];
      const detail = l.gapPp === null ? latestText(l, lang) : latestFigures(l, lang);
      return h('div', { class: `gap latest ${l.gapPp === null ? 'missing' : l.gapPp >= 0 ? 'above' : 'below'}`, 'data-latest': l.periodEnd },
        h('p', {}, `${ct(lang, label)}${colon}`, ...head),
        h('p', { class: 'gap-detail', title: `${l.source} · ${confidenceName(l.confidence, lang)}` }, `${sentence(detail)}${stop}${sentence(why)}`, ' ', linkTo(ctx, '/cockpit/national', 'ⓘ')));
    }
    return h('p', { class: `gap ${cmp.gapPp >= 0 ? 'above' : 'below'}`, title: ct(lang, 'comparedWith', { body: bodyName(cmp.body, lang), series: seriesName(cmp.series, lang), period: yearSpan(cmp.periodEnd, lang), source: cmp.source }) },
      `${ct(lang, label)}${colon}${ppText(cmp.gapPp, lang)}`, h('span', { class: 'gap-ref' }, lang === 'zh'
        ? paren(lang, `${bodyName(cmp.body, lang)} ${yearSpan(cmp.periodEnd, lang)} ${cmp.nationalYoyPct}%`)
        : ` (${bodyName(cmp.body, lang)} ${yearSpan(cmp.periodEnd, lang)} ${cmp.nationalYoyPct}%)`));
  };
  return h('article', { class: 'kpi-card', 'data-indicator': f.key },
    h('h2', {}, ct(lang, `ind.${f.key}` as CockpitKey)),
    h('p', { class: 'kpi-value' }, figure(f.month, f.key, lang)),
    h('dl', { class: 'kpi-lines' },
      h('dt', {}, ct(lang, 'ytd', { span: monthSpan(month, lang) })), h('dd', {}, figure(f.ytd, f.key, lang)),
      h('dt', {}, t(lang, 'yoy')), h('dd', { 'data-kpi': 'yoy' }, pctText(f.yoyPct)),
      h('dt', {}, ct(lang, 'ytdYoy')), h('dd', { 'data-kpi': 'ytd-yoy' }, pctText(f.ytdYoyPct)),
      h('dt', {}, ct(lang, 'mom')), h('dd', {}, pctText(f.momPct))),
    gapLine('vsNational', f.vsNational), gapLine('vsRural', f.vsNationalRural));
}
