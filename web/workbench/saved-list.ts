// The saved queries the analyst may open: their own, and those shared with analysts. Each opens
// with a click; their own may be deleted here.
import type { SavedQuerySummary } from '../../contracts/sql.ts';
import { h } from '../dom.ts';
import type { Lang } from '../i18n.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from '../status-view.ts';
import { listSaved } from './sql-api.ts';
import { wt } from './strings.ts';

export interface SavedList { element: HTMLElement; refresh(): Promise<void> }

export function createSavedList(lang: Lang, signal: AbortSignal, actions: { open(id: string): void; remove(query: SavedQuerySummary): void }): SavedList {
  const element = h('div', { class: 'wb-saved view', 'data-view': 'wb-saved' });
  // To the minute, as the history beside it (02/12/2026 read as 12 February). The API writes the
  // Shanghai wall clock already: parsed, it would be read in the browser's own zone.
  const when = (shanghai: string) => shanghai.slice(0, 16);

  async function refresh() {
    setViewState(element, 'loading', loadingNode(lang));
    try {
      const { queries } = await listSaved(signal);
      if (signal.aborted) return;
      if (queries.length === 0) return setViewState(element, 'empty', emptyNode(lang, wt(lang, 'wb.noSaved')));
      setViewState(element, 'ready', h('ul', { class: 'wb-list' }, queries.map((q) => {
        const open = h('button', { type: 'button', class: 'link-button wb-open', 'data-id': q.id }, q.name);
        open.addEventListener('click', () => actions.open(q.id));
        const del = q.mine ? h('button', { type: 'button', class: 'secondary small wb-delete', 'data-id': q.id, 'aria-label': wt(lang, 'wb.deleteNamed', { name: q.name }) }, wt(lang, 'wb.delete')) : null;
        del?.addEventListener('click', () => actions.remove(q));
        return h('li', { 'data-id': q.id },
          h('div', { class: 'wb-list-head' }, open, del),
          q.description ? h('p', { class: 'wb-comment' }, q.description) : null,
          h('p', { class: 'wb-list-meta' }, [
            q.mine ? wt(lang, 'wb.mine') : q.owner, `v${q.version}`, when(q.savedAt),
            q.sharedWith.length > 0 ? wt(lang, 'wb.shared') : wt(lang, 'wb.private'),
          ].join(' · ')));
      })));
    } catch (e) {
      if (!signal.aborted) setViewState(element, 'error', errorNode(e, lang, () => void refresh()));
    }
  }
  return { element, refresh };
}
