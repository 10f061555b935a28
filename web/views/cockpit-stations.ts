// Stations of the area for a month: coverage of townships and villages, report completeness per
// county, who has not reported (and who has been silent longer than a chosen number of days), and
// every station with what it reported.
import '../shell-modules.ts';
import type { StationsResponse } from '../../contracts/officials.ts';
import { apiGet, ApiRequestError, withQuery } from '../api-client.ts';
import { areaPath, cockpitState, cockpitTabs, cockpitUrl, inScope, monthPicker } from '../cockpit-frame.ts';
import { h, table } from '../dom.ts';
import { formatYuan, paren, t, type MessageKey } from '../i18n.ts';
import { errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { linkTo } from './links.ts';
import { ct } from './cockpit-strings.ts';

export const view: View = async (ctx) => {
  const { lang, main, signal, search } = ctx;
  const state = cockpitState(ctx);
  const silentDays = search.get('silentDays') ?? '14';
  const go = (patch: Record<string, string>) => ctx.navigate(withQuery('/cockpit/stations', { area: state.area, month: state.month, silentDays, ...patch }));
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'cockpit-stations' });
  main.replaceChildren(cockpitTabs(ctx, '/cockpit/stations', state), section);
  setViewState(section, 'loading', loadingNode(lang));
  let d: StationsResponse;
  try {
    d = await apiGet<StationsResponse>(withQuery('/api/official/stations', { area: state.area, month: state.month, silentDays }), { signal });
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof ApiRequestError && e.status === 403) return ctx.forbidden(e.message);
    return setViewState(section, 'error', errorNode(e, lang, () => void view(ctx),
      () => ctx.navigate(withQuery('/cockpit/stations', e instanceof ApiRequestError && e.field === 'area' ? {} : { area: state.area }))));
  }
  if (signal.aborted) return;
  document.title = `${d.area.name} ${d.month} · ${ct(lang, 'tab.stations')}`;
  const days = h('input', { type: 'number', id: 'silent-days', name: 'silentDays', min: 1, max: 365, value: silentDays, inputmode: 'numeric' });
  // Out of 1-365 (or not a whole number) the field says so, in the page's language, and nothing is
  // asked: the page and its controls stay.
  days.addEventListener('change', () => {
    days.setCustomValidity('');
    if (Number.isInteger(Number(days.value)) && days.checkValidity()) return go({ silentDays: days.value });
    days.setCustomValidity(ct(lang, 'silentDaysRange'));
    days.reportValidity();
  });
  const silent = new Set(d.silent);
  const notReporting = new Set(d.notReporting);
  const byId = new Map(d.stations.map((s) => [s.id, s]));
  // Where a station is: at the prefecture its county too ("大地基乡" alone did not say 楚雄市).
  const countyName = new Map(d.completeness.map((c) => [c.countyCode, c.name]));
  const placeOf = (s: StationsResponse['stations'][number]) =>
    d.area.code.length === 4 && countyName.has(s.countyCode) && !s.areaName.startsWith(countyName.get(s.countyCode)!) ? `${countyName.get(s.countyCode)} ${s.areaName}` : s.areaName;
  // What a station was in the month shown. (The reference keeps no closing day: a closed one reads as closed.)
  const monthStatus = (s: StationsResponse['stations'][number]) =>
    s.openedOn > `${d.month}-31` ? ct(lang, 'notYetOpen', { day: s.openedOn })
      : s.status === 'closed' ? t(lang, 'status.closed')
        : s.type === 'county_centre' || s.type === 'county_warehouse' ? ct(lang, 'facility')
          : s.reportedThisMonth ? ct(lang, 'reportedInMonth') : t(lang, 'status.silent');
  const typeName = (type: string) => t(lang, `type.${type}` as MessageKey);
  // A station (or facility) that sent nothing in the month has no figures for it, not zeros:
  // ¥0.00 read as a station that sold nothing.
  const figures = (s: StationsResponse['stations'][number]) => (!s.reportedThisMonth
    ? ['—', '—', '—', '—'] : [formatYuan(s.salesFen), formatYuan(s.proxyFen), s.parcelsOut, s.parcelsIn]);
  const pct = (x: number | null) => (x === null ? '—' : `${x}%`);

  setViewState(section, 'ready',
    h('h1', {}, `${d.area.name} · ${ct(lang, 'tab.stations')} · ${d.month}`),
    areaPath(ctx, d.path, d.area, (code) => cockpitUrl('/cockpit/stations', { area: code, month: state.month })),
    h('div', { class: 'controls' }, monthPicker(ctx, d.month, (m) => go({ month: m })),
      h('label', { for: 'silent-days' }, h('span', {}, ct(lang, 'silentDaysLabel')), days)),
    // A village has no townships under it: no township coverage card (it read "— 0 / 0").
    h('div', { class: 'kpi-cards' },
      d.coverage.townships === 0 ? null : h('article', { class: 'kpi-card', 'data-coverage': 'townships' }, h('h2', {}, ct(lang, 'coverageTownships')),
        h('p', { class: 'kpi-value' }, pct(d.coverage.townshipPct)), h('p', {}, `${d.coverage.townshipsCovered} / ${d.coverage.townships}`)),
      h('article', { class: 'kpi-card', 'data-coverage': 'villages' }, h('h2', {}, ct(lang, 'coverageVillages')),
        h('p', { class: 'kpi-value' }, pct(d.coverage.villagePct)), h('p', {}, `${d.coverage.villagesCovered} / ${d.coverage.villages}`))),
    h('div', { class: 'table-scroll', tabindex: 0 }, table([t(lang, 'area'), ct(lang, 'expectedCol'), ct(lang, 'reportedCol'), '%'],
      // A county's row opens its own stations page (the prefecture's list is of every county's).
      d.completeness.map((c) => [c.countyCode === d.area.code || !inScope(ctx, c.countyCode) ? c.name : linkTo(ctx, cockpitUrl('/cockpit/stations', { area: c.countyCode, month: state.month }), c.name), c.expected, c.reported, pct(c.pct)]),
      { caption: ct(lang, d.area.code.length === 4 ? 'completenessTitle' : 'completenessAreaTitle'), numeric: [1, 2, 3], className: 'data completeness' })),
    h('h2', {}, `${ct(lang, 'notReportingTitle')}${paren(lang, d.notReporting.length)}`),
    d.notReporting.length === 0 ? h('p', { class: 'ok' }, ct(lang, 'allReported'))
      : h('div', { class: 'table-scroll', tabindex: 0 }, table([t(lang, 'storeName'), t(lang, 'storeType'), t(lang, 'storeArea'), ct(lang, 'lastReport'), ct(lang, 'daysSilent')],
        d.notReporting.map((id) => byId.get(id)!).map((s) => [s.name, typeName(s.type), placeOf(s), s.lastReport ?? ct(lang, 'neverReported'), s.daysSilent ?? '—']),
        { numeric: [4], className: 'data not-reporting' })),
    h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [t(lang, 'storeName'), t(lang, 'storeType'), t(lang, 'storeArea'), t(lang, 'storeStatus'), ct(lang, 'lastReport'), ct(lang, 'salesCol'), ct(lang, 'proxyCol'), ct(lang, 'parcelsOutCol'), ct(lang, 'parcelsInCol')],
      d.stations.map((s) => [
        s.name, typeName(s.type), placeOf(s),
        h('span', { class: notReporting.has(s.id) || silent.has(s.id) ? 'bad' : '' }, [
          // The month shown, not today's status: "运营中" beside a station that opened two years
          // later, "未报送" beside one that reported that month and went quiet since.
          monthStatus(s),
          silent.has(s.id) ? ct(lang, 'silentFlag', { n: String(d.silentDays) }) : '',
        ].filter(Boolean).join(' · ')),
        s.lastReport ?? ct(lang, 'neverReported'), ...figures(s),
      ]), { caption: `${ct(lang, 'stationsTitle')}${paren(lang, d.stations.length)}`, numeric: [5, 6, 7, 8], className: 'data stations' })),
  );
};
