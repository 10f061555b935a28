// The analyst's own recent statements, newest first, with how each ended; a click puts one's SQL
// back in the editor.
import { h } from '../dom.ts';
import { t, type Lang } from '../i18n.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from '../status-view.ts';
import { fetchHistory } from './sql-api.ts';
import { wt } from './strings.ts';

export interface HistoryList { element: HTMLElement; refresh(): Promise<void> }

export function createHistoryList(lang: Lang, signal: AbortSignal, load: (sql: string) => void): HistoryList {
  const element = h('div', { class: 'wb-history view', 'data-view': 'wb-history' });
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';

  async function refresh() {
    if (element.dataset.state !== 'ready') setViewState(element, 'loading', loadingNode(lang));
    try {
      const { entries } = await fetchHistory(signal);
      if (signal.aborted) return;
      if (entries.length === 0) return setViewState(element, 'empty', emptyNode(lang, wt(lang, 'wb.noHistory')));
      setViewState(element, 'ready', h('ol', { class: 'wb-list' }, entries.map((e) => {
        const ok = e.outcome === 'ok' || e.outcome === 'truncated';
        const button = h('button', { type: 'button', class: 'wb-history-item', title: e.sql },
          h('span', { class: 'wb-list-meta' }, [
            e.at, // Shanghai time, as the API writes it
            e.route.endsWith('/export') ? wt(lang, 'wb.export') : '',
            ok ? wt(lang, 'wb.rows', { n: e.rows.toLocaleString(locale) }) : '',
            `${e.durationMs.toLocaleString(locale)} ms`,
          ].filter(Boolean).join(' · ')),
          h('span', { class: `wb-outcome ${ok ? 'ok' : 'bad'}` }, e.outcome),
          h('code', { class: 'wb-history-sql' }, e.sql));
        button.addEventListener('click', () => load(e.sql));
        return h('li', {}, button);
      })));
    } catch (e) {
      if (!signal.aborted) setViewState(element, 'error', errorNode(e, lang, () => void refresh()));
    }
  }
  return { element, refresh };
}
