// The analyst's own recent statements, newest first, with how each ended; a click puts one's SQL
// back in the editor.
import { h } from '../dom.ts';
import { colon, type Lang } from '../i18n.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { ExportFormat } from '../../contracts/sql.ts';
import { EXPORT_LABELS } from './export.ts';
import { fetchHistory } from './sql-api.ts';
import { rowsWords, wt } from './strings.ts';

const OUTCOMES = ['ok', 'truncated', 'refused', 'limit', 'failed', 'cancelled', 'started'] as const;
type Outcome = typeof OUTCOMES[number];

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
        // The API's outcome is a code, then for some its detail: 'ok', 'truncated', 'ok: csv, 2500
        // rows, 81234 bytes' (an export), 'refused: <reason>: <why>', 'limit: ...', 'failed: ...'.
        const head = e.outcome.split(':')[0]!;
        const ok = head === 'ok' || head === 'truncated';
        const known = (OUTCOMES as readonly string[]).includes(head);
        const format = e.route.endsWith('/export') && head === 'ok' ? EXPORT_LABELS[/^ok: (\w+)/.exec(e.outcome)?.[1] as ExportFormat] : undefined;
        // A refusal's or failure's words stay (with its reason's code dropped): they say what to change.
        const rest = e.outcome.slice(head.length + 1).trim();
        const why = ok ? '' : head === 'refused' || head === 'limit' ? rest.replace(/^[a-z_]+: /, '') : rest;
        const label = known
          ? [wt(lang, `wb.outcome.${head as Outcome}`), format].filter(Boolean).join(' · ') + (why ? `${colon(lang)}${why}` : '')
          : e.outcome;
        const button = h('button', { type: 'button', class: 'wb-history-item', title: e.sql },
          h('span', { class: 'wb-list-meta' }, [
            e.at, // Shanghai time, as the API writes it
            e.route.endsWith('/export') ? wt(lang, 'wb.export') : '',
            ok ? rowsWords(lang, e.rows) : '',
            wt(lang, 'wb.elapsed', { ms: e.durationMs.toLocaleString(locale) }),
          ].filter(Boolean).join(' · ')),
          h('span', { class: `wb-outcome ${ok ? 'ok' : 'bad'}`, title: e.outcome }, label),
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
