// The national series the cockpit compares with, each with its body, period and source; the
// prefecture's bureau replaces the table with a CSV (the errors name the line and column).
import '../shell-modules.ts';
import type { NationalRow } from '../../contracts/officials.ts';
import { bodyName, confidenceName, seriesTitle } from '../../contracts/officials-words.ts';
import { apiGet, apiRequest, ApiRequestError } from '../api-client.ts';
import { canEditNational, cockpitState, cockpitTabs } from '../cockpit-frame.ts';
import { h, table } from '../dom.ts';
import { t } from '../i18n.ts';
import { errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { ct } from './cockpit-strings.ts';

export const view: View = async (ctx) => {
  const { lang, main, signal, me } = ctx;
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'national' });
  const message = h('p', { class: 'form-message', role: 'status' });
  let upload: HTMLElement | null = null;
  if (canEditNational(me!)) {
    const file = h('input', { type: 'file', id: 'national-csv', name: 'csv', accept: '.csv,text/csv' });
    const button = h('button', { type: 'submit' }, ct(lang, 'replace'));
    const form = h('form', { class: 'inline replace-national' }, h('label', { for: 'national-csv' }, h('span', {}, ct(lang, 'csvFile')), file), button);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = file.files?.[0];
      if (!chosen) return;
      void chosen.text().then((csv) => apiRequest<{ written: number; removed: number }>('PUT', '/api/reference/national', { body: { csv } }))
        .then((r) => { message.textContent = ct(lang, 'replaced', { written: String(r.written), removed: String(r.removed) }); return load(); },
          (e) => { message.textContent = e instanceof ApiRequestError ? e.message : String(e); });
    });
    upload = h('section', {}, h('h2', {}, ct(lang, 'replaceCsv')), form, message);
  }
  main.replaceChildren(cockpitTabs(ctx, '/cockpit/national', cockpitState(ctx)), h('h1', {}, ct(lang, 'nationalTitle')), h('p', { class: 'hint' }, ct(lang, 'nationalHint')), section, ...(upload ? [upload] : []));
  document.title = `${ct(lang, 'nationalTitle')} · ${t(lang, 'appName')}`;

  async function load() {
    setViewState(section, 'loading', loadingNode(lang));
    try {
      const { rows } = await apiGet<{ rows: (NationalRow & { changedBy: string })[] }>('/api/reference/national', { signal });
      if (signal.aborted) return;
      setViewState(section, 'ready', h('div', { class: 'table-scroll', tabindex: 0 }, table(
        [ct(lang, 'body'), ct(lang, 'series'), t(lang, 'period'), t(lang, 'value'), t(lang, 'yoy'), ct(lang, 'sourceCol'), ct(lang, 'confidence'), ct(lang, 'changedBy')],
        // Names for reading; the codes the CSV uses stay in the tooltips, for whoever edits it.
        rows.map((r) => [h('span', { title: r.body }, bodyName(r.body, lang)), h('span', { title: r.series, 'data-series': r.series }, seriesTitle(r.series, lang)),
          `${r.periodStart}..${r.periodEnd}`, r.value100mYuan ?? '—', r.yoyPct === null ? '—' : `${r.yoyPct}%`,
          // The citation as recorded (the built-in ones in English): marked so, for a screen reader.
          h('span', { lang: /[\u4e00-\u9fff]/.test(r.source) ? null : 'en' }, r.source),
          h('span', { title: r.confidence, 'data-confidence': r.confidence }, confidenceName(r.confidence, lang)),
          // Rows loaded from the platform's own reference file, not by a person's upload.
          r.changedBy.startsWith('reference/') ? h('span', { title: r.changedBy }, ct(lang, 'builtInReference')) : r.changedBy]),
        { numeric: [3, 4], className: 'data national' })));
    } catch (e) {
      if (!signal.aborted) setViewState(section, 'error', errorNode(e, lang, () => void load()));
    }
  }
  await load();
};
