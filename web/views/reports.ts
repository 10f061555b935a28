// Monthly reports (月通报): the list, with who produced each and when, downloads of the XLSX and
// the PDF, and producing one now for a month. The previous month's are produced by themselves
// between the 1st and the 10th.
import '../shell-modules.ts';
import type { ReportFile } from '../../contracts/officials.ts';
import { producerName } from '../../contracts/officials-words.ts';
import { apiGet, apiRequest, ApiRequestError, withQuery } from '../api-client.ts';
import { cockpitState, cockpitTabs } from '../cockpit-frame.ts';
import { addMonths, shanghaiMonth } from '../../contracts/time.ts';
import { h, table } from '../dom.ts';
import { t } from '../i18n.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { ct } from './cockpit-strings.ts';

export const view: View = async (ctx) => {
  const { lang, main, signal } = ctx;
  const state = cockpitState(ctx);
  const area = state.area.length > 6 ? state.area.slice(0, 6) : state.area;
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'reports' });
  const now = Date.now();
  const month = h('input', { type: 'month', id: 'report-month', name: 'month', value: state.month || addMonths(shanghaiMonth(now), -1), max: addMonths(shanghaiMonth(now), -1) }); // a report is of a month that has ended (Shanghai calendar, in any browser zone)
  const produce = h('button', { type: 'submit' }, ct(lang, 'produce'));
  const message = h('p', { class: 'form-message', role: 'status' });
  const form = h('form', { class: 'inline produce-report' }, h('label', { for: 'report-month' }, h('span', {}, t(lang, 'month')), month), produce);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    produce.disabled = true;
    message.textContent = ct(lang, 'producing');
    apiRequest<{ reports: ReportFile[] }>('POST', withQuery('/api/official/reports', { area, month: month.value }), { timeoutMs: 120_000 })
      .then(() => { message.textContent = t(lang, 'done'); return load(); }, (e) => { message.textContent = e instanceof ApiRequestError ? e.message : String(e); })
      .finally(() => { produce.disabled = false; });
  });
  main.replaceChildren(cockpitTabs(ctx, '/cockpit/reports', state), h('h1', {}, ct(lang, 'reportsTitle')), form, message, section);
  document.title = `${ct(lang, 'reportsTitle')} · ${t(lang, 'appName')}`;

  async function load() {
    setViewState(section, 'loading', loadingNode(lang));
    try {
      const { reports } = await apiGet<{ reports: ReportFile[] }>(withQuery('/api/official/reports', { area }), { signal });
      if (signal.aborted) return;
      if (reports.length === 0) return setViewState(section, 'empty', emptyNode(lang, ct(lang, 'noReports')));
      setViewState(section, 'ready', h('div', { class: 'table-scroll', tabindex: 0 }, table(
        [t(lang, 'month'), t(lang, 'area'), ct(lang, 'download'), ct(lang, 'producedBy'), ct(lang, 'producedAt'), ct(lang, 'size')],
        reports.map((r) => [r.month, r.areaName,
          h('a', { href: withQuery(`/api/official/reports/${r.id}`, { area: r.areaCode }), download: `月通报-${r.areaCode}-${r.month}.${r.format}`, 'data-format': r.format }, r.format.toUpperCase()),
          h('span', { title: r.producedBy, 'data-by': r.producedBy }, r.producerName ?? producerName(r.producedBy, lang)), r.producedAt, `${Math.round(r.size / 1024)} KB`]),
        { numeric: [5], className: 'data reports' })));
    } catch (e) {
      if (signal.aborted) return;
      // Another area than theirs: the 403 page naming their scope, as every other cockpit tab.
      if (e instanceof ApiRequestError && e.status === 403) return ctx.forbidden(e.message);
      setViewState(section, 'error', errorNode(e, lang, () => void load()));
    }
  }
  await load();
};
