// A merchant account's stores, picked by name: a search box over the store directory (read once,
// when the field is first shown) whose choice is added to the ids field, and a line under the
// field naming each id typed, so a mistyped id shows before the form is sent. The ids field stays
// the one the form sends: pasting a list of ids still works.
import type { DirectoryStore } from '../contracts/stores.ts';
import { apiGet } from './api-client.ts';
import { h } from './dom.ts';
import { paren, t, type Lang } from './i18n.ts';

/** The ids typed in the field, as the form sends them. */
export const typedIds = (text: string): string[] => text.split(/[,，\s]+/).filter(Boolean);

export function storePicker(lang: Lang, ids: HTMLInputElement): { node: HTMLElement; load(): void; update(): void } {
  const list = h('datalist', { id: 'store-directory' });
  const find = h('input', { id: 'store-find', type: 'search', list: 'store-directory', autocomplete: 'off', 'aria-describedby': 'store-names' });
  const names = h('ul', { id: 'store-names', class: 'store-names', 'aria-live': 'polite' });
  let directory: Map<string, DirectoryStore> | null = null;
  let loading: Promise<void> | null = null;

  const update = () => {
    names.replaceChildren(...typedIds(ids.value).map((id) => {
      const s = directory?.get(id);
      if (!directory) return h('li', {}, id);
      return s ? h('li', { 'data-id': id }, `${s.name}${paren(lang, s.place)}`) : h('li', { class: 'bad', 'data-id': id }, t(lang, 'storePickUnknown', { id }));
    }));
  };
  const choose = () => {
    const id = find.value.trim();
    if (!directory?.has(id)) return; // still typing a name: the list narrows as it goes
    const now = typedIds(ids.value);
    if (!now.includes(id)) ids.value = [...now, id].join(', ');
    find.value = '';
    update();
  };
  find.addEventListener('input', choose);
  find.addEventListener('change', choose);
  ids.addEventListener('input', update);

  return {
    node: h('div', { class: 'field store-pick' }, h('label', { for: 'store-find' }, t(lang, 'storePick')), find, list, names),
    load() {
      loading ??= apiGet<{ stores: DirectoryStore[] }>('/api/admin/stores').then(({ stores }) => {
        directory = new Map(stores.map((s) => [s.id, s]));
        list.replaceChildren(...stores.map((s) => h('option', { value: s.id, label: `${s.name} · ${s.place}` })));
        update();
      }, () => { loading = null; }); // the ids field still works; the next showing tries again
    },
    update,
  };
}
