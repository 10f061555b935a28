// Upstream (农产品进城): where the produce of an origin goes. The flow map and the Sankey, with the
// figures in tables beside them; the origin down to a township, the months, channel, platform,
// category and the measure the lines are weighted by, all in the address.
import type { UpstreamResponse } from '../../contracts/flows.ts';
import type { MapFeature } from '../charts/county-map.ts';
import { contentWidth, h, table } from '../dom.ts';
import { categoryName, colon, formatYuan, paren, t } from '../i18n.ts';
import { setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { createFlowMap, type FlowArc } from './flow-map.ts';
import { areaPicker, flowsPage, flowsState, flowsUrl, learnTownships, load, monthRange, pickControl, present } from './frame.ts';
import { createSankey } from './sankey-chart.ts';
import { flt, platformName } from './strings.ts';
import { formatCount, formatMeasure, formatWeight, measureOf, parseMeasure, type Measure } from './units.ts';

let mapFeatures: Promise<MapFeature[]> | undefined;
function countyMap(): Promise<MapFeature[]> {
  const href = document.querySelector<HTMLMetaElement>('meta[name="cx-county-map"]')?.content ?? '';
  mapFeatures ??= fetch(href).then((r) => r.json() as Promise<{ features: MapFeature[] }>).then((m) => m.features);
  return mapFeatures;
}

/** A category node's name in the page's language: from its code (the id's last part or the name), else as the API named it. */
function categoryLabel(id: string, name: string, lang: ViewContext['lang'] = 'zh'): string {
  for (const code of [name, id.split(':').pop()!]) if (categoryName(code, lang) !== code) return categoryName(code, lang);
  return name;
}

export async function drawUpstream(ctx: ViewContext): Promise<void> {
  const { lang, search } = ctx;
  const state = flowsState(ctx);
  const measure = parseMeasure(search.get('measure'));
  const filters = { channel: search.get('channel') ?? '', platform: search.get('platform') ?? '', category: search.get('category') ?? '' };
  const here = (patch: Record<string, string>) => {
    const s = { ...state, ...patch };
    return flowsUrl('/flows', s, { ...filters, measure: measure === 'amount' ? '' : measure, ...patch, area: s.area });
  };
  const section = flowsPage(ctx, '/flows', state);
  const [data, features] = await Promise.all([
    load<UpstreamResponse>(ctx, section, flowsUrl('/api/flows/upstream', state, filters), () => void drawUpstream(ctx)),
    countyMap().catch(() => null),
  ]);
  if (!data) return;
  if (data.originLevel === 'township') learnTownships(data.area.code, data.origins);
  document.title = `${flt(lang, 'fl.upTitle', { area: data.area.name })} · ${t(lang, 'nav.flows')}`;
  const measureName = flt(lang, `fl.measure.${measure}`);
  const fmt = (v: number) => formatMeasure(v, measure, lang);

  const head = h('div', { class: 'fl-head' },
    h('h1', {}, flt(lang, 'fl.upTitle', { area: data.area.name })),
    h('p', { class: 'caption' }, flt(lang, 'fl.period', { from: data.from, to: data.to })));
  const controls = h('div', { class: 'controls fl-controls' },
    areaPicker(ctx, state, (area) => ctx.navigate(here({ area }))),
    monthRange(lang, data.from, data.to, (from, to) => ctx.navigate(here({ from, to }))),
    pickControl('fl-channel', flt(lang, 'fl.channel'), filters.channel, [['', flt(lang, 'fl.channel.all')], ['online', flt(lang, 'fl.channel.online')], ['offline', flt(lang, 'fl.channel.offline')]],
      (channel) => ctx.navigate(here({ channel, platform: channel === 'offline' ? '' : filters.platform }))),
    pickControl('fl-platform', flt(lang, 'fl.platform'), filters.platform, [['', flt(lang, 'fl.allPlatforms')],
      ...[...new Set([...data.channels.map((c) => c.platform).filter(Boolean), filters.platform].filter(Boolean))].map((p): [string, string] => [p, platformName(lang, p)])],
    (platform) => ctx.navigate(here({ platform, channel: platform ? 'online' : filters.channel }))),
    pickControl('fl-category', t(lang, 'category'), filters.category, [['', t(lang, 'allCategories')],
      ...[...new Set([...data.categories.map((c) => c.category), filters.category].filter(Boolean))].map((c): [string, string] => [c, categoryName(c, lang)])],
    (category) => ctx.navigate(here({ category }))),
    pickControl('fl-measure', flt(lang, 'fl.measure'), measure, (['amount', 'weight', 'orders'] as Measure[]).map((m) => [m, flt(lang, `fl.measure.${m}`)]),
      (m) => ctx.navigate(here({ measure: m === 'amount' ? '' : m }))));
  const kpis = h('dl', { class: 'kpis fl-kpis' },
    h('div', {}, h('dt', {}, flt(lang, 'fl.amount')), h('dd', { 'data-kpi': 'amount' }, formatYuan(data.totals.amountFen))),
    h('div', {}, h('dt', {}, flt(lang, 'fl.weight')), h('dd', { 'data-kpi': 'weight' }, formatWeight(data.totals.weightG, lang))),
    h('div', {}, h('dt', {}, flt(lang, 'fl.orders')), h('dd', { 'data-kpi': 'orders' }, formatCount(data.totals.orders, lang))));

  if (data.cities.length === 0) {
    const empty = h('div', { class: 'status empty' }, h('div', { class: 'status-title' }, t(lang, 'empty')), h('div', { class: 'status-hint' }, flt(lang, 'fl.noFlows')));
    return setViewState(section, 'empty', head, controls, empty);
  }

  const width = Math.min(640, Math.max(300, (contentWidth(ctx.main) || 640) - 4));
  const cities = [...data.cities].sort((a, b) => measureOf(b, measure) - measureOf(a, measure) || a.code.localeCompare(b.code));
  const county = data.area.code.length >= 6 ? data.area.code.slice(0, 6) : null;
  // Below the prefecture the origins (townships, villages) have no position: their arcs start at the county's centre.
  const arcs: FlowArc[] = data.originLevel === 'county'
    ? data.arcs.map((a) => ({ origin: a.origin, city: a.city, value: measureOf(a, measure) }))
    : cities.map((c) => ({ origin: county!, city: c.code, value: measureOf(c, measure) }));
  const unknown = cities.filter((c) => c.lat === null || c.lon === null);
  const mapSection = h('section', { class: 'fl-map', 'aria-labelledby': 'fl-map-title' },
    h('h2', { id: 'fl-map-title' }, flt(lang, 'fl.mapTitle')),
    // Mid-sentence in English: "more value", not the picker's "Value".
    h('p', { class: 'hint' }, flt(lang, 'fl.mapHint', { measure: lang === 'en' ? measureName.toLowerCase() : measureName })),
    features ? createFlowMap(features, arcs, cities.map((c) => ({ code: c.code, name: c.name, lon: c.lon, lat: c.lat, value: measureOf(c, measure) })), {
      width, highlight: county, format: (v) => formatMeasure(v, measure, lang, true),
      label: flt(lang, 'fl.mapAlt', { area: data.area.name, n: cities.length, measure: measureName }), offMap: flt(lang, 'fl.offMap'), lang,
    }) : null,
    unknown.length > 0 ? h('div', { class: 'fl-unknown' }, h('h3', {}, flt(lang, 'fl.unknownPlace')), h('p', { class: 'hint' }, flt(lang, 'fl.unknownHint')),
      h('ul', {}, unknown.map((c) => h('li', { 'data-code': c.code }, `${c.name}${paren(lang, `${c.province}${lang === 'zh' ? '，' : ', '}${c.code}`)}${colon(lang)}${fmt(measureOf(c, measure))}`)))) : null);

  const cityTable = h('div', { class: 'table-scroll', tabindex: 0 }, table(
    [flt(lang, 'fl.city'), flt(lang, 'fl.province'), flt(lang, 'fl.amount'), flt(lang, 'fl.weight'), flt(lang, 'fl.orders'), flt(lang, 'fl.share')],
    cities.map((c) => [
      h('span', { 'data-code': c.code }, c.name, c.lat === null || c.lon === null ? h('span', { class: 'tag' }, flt(lang, 'fl.unknownPlace')) : null),
      c.province, formatYuan(c.amountFen), formatWeight(c.weightG, lang), formatCount(c.orders, lang),
      `${((measureOf(c, measure) / Math.max(1, measureOf(data.totals, measure))) * 100).toFixed(1)}%`]),
    { caption: flt(lang, 'fl.citiesTable', { measure: measureName }), numeric: [2, 3, 4, 5], className: 'data fl-cities' }));
  const originName = new Map(data.origins.map((o) => [o.code, o.name]));
  const cityName = new Map(data.cities.map((c) => [c.code, c.name]));
  const arcRows = [...data.arcs].sort((a, b) => measureOf(b, measure) - measureOf(a, measure));
  const arcTable = h('details', { class: 'fl-arcs' }, h('summary', {}, flt(lang, 'fl.showArcs', { n: arcRows.length })),
    h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [flt(lang, 'fl.origin'), flt(lang, 'fl.city'), flt(lang, 'fl.amount'), flt(lang, 'fl.weight'), flt(lang, 'fl.orders')],
      arcRows.map((a) => [originName.get(a.origin) ?? a.origin, cityName.get(a.city) ?? a.city, formatYuan(a.amountFen), formatWeight(a.weightG, lang), formatCount(a.orders, lang)]),
      { caption: flt(lang, 'fl.arcsTable'), numeric: [2, 3, 4], className: 'data fl-arc-table' })));

  // The Sankey's links carry money and weight; by orders it is drawn by money.
  const sankeyMeasure: Measure = measure === 'weight' ? 'weight' : 'amount';
  const nodeName = new Map(data.sankey.nodes.map((n) => [n.id, n.kind === 'category' ? categoryLabel(n.id, n.name, lang) : n.name]));
  const sankeySection = h('section', { class: 'fl-sankey', 'aria-labelledby': 'fl-sankey-title' },
    h('h2', { id: 'fl-sankey-title' }, flt(lang, 'fl.sankeyTitle')),
    h('div', { class: 'fl-sankey-scroll' }, createSankey({
      nodes: data.sankey.nodes.map((n) => ({ ...n, name: nodeName.get(n.id) ?? n.name })),
      links: data.sankey.links.map((l) => ({ source: l.source, target: l.target, value: sankeyMeasure === 'amount' ? l.amountFen : l.weightG })),
    }, { width: Math.max(340, width), label: flt(lang, 'fl.sankeyAlt', { measure: flt(lang, `fl.measure.${sankeyMeasure}`) }), format: (v) => formatMeasure(v, sankeyMeasure, lang, true), lang })),
    h('details', {}, h('summary', {}, flt(lang, 'fl.sankeyTable')), h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [flt(lang, 'fl.from.node'), flt(lang, 'fl.to.node'), flt(lang, 'fl.amount'), flt(lang, 'fl.weight')],
      data.sankey.links.map((l) => [nodeName.get(l.source) ?? l.source, nodeName.get(l.target) ?? l.target, formatYuan(l.amountFen), formatWeight(l.weightG, lang)]),
      { numeric: [2, 3], className: 'data fl-sankey-table' }))));

  const breakdown = h('div', { class: 'fl-pair' },
    h('div', { class: 'table-scroll', tabindex: 0 }, table([t(lang, 'category'), flt(lang, 'fl.amount'), flt(lang, 'fl.weight'), flt(lang, 'fl.orders')],
      data.categories.map((c) => [categoryName(c.category, lang), formatYuan(c.amountFen), formatWeight(c.weightG, lang), formatCount(c.orders, lang)]),
      { caption: flt(lang, 'fl.categories'), numeric: [1, 2, 3] })),
    h('div', { class: 'table-scroll', tabindex: 0 }, table([flt(lang, 'fl.channel'), flt(lang, 'fl.amount'), flt(lang, 'fl.weight'), flt(lang, 'fl.orders')],
      data.channels.map((c) => [c.channel === 'offline' || !c.platform ? flt(lang, 'fl.wholesale') : platformName(lang, c.platform), formatYuan(c.amountFen), formatWeight(c.weightG, lang), formatCount(c.orders, lang)]),
      { caption: flt(lang, 'fl.channels'), numeric: [1, 2, 3] })));

  setViewState(section, 'ready', ...present(head, controls, kpis, h('div', { class: 'fl-map-pair' }, mapSection, h('div', {}, cityTable, arcTable)), sankeySection, breakdown));
}
