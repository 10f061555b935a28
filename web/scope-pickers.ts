// An account's scope, picked by name: the area an official oversees, and a merchant's stores. Both
// fields stay the text the form sends (codes and ids typed or pasted still work); each gets
// suggestions from the directory (GET /api/admin/directory, read once, when a field is first shown)
// and a line under it naming what was typed, or saying nothing has that code, before the form is sent.
import type { AdminDirectory } from '../contracts/stores.ts';
import { apiGet } from './api-client.ts';
import { h } from './dom.ts';
import { paren, t, type Lang } from './i18n.ts';

/** The ids typed in the stores field, as the form sends them: between commas, 、, semicolons or
 *  spaces, each once. */
export const typedIds = (text: string): string[] => [...new Set(text.split(/[,，、;；\s]+/).filter(Boolean))];

export interface ScopePickers {
  /** The area field's suggestions and the line naming the area typed. */
  areaNode: HTMLElement;
  /** The store search box (its choice joins the ids field) and the line naming each id typed. */
  storeNode: HTMLElement;
  /** Reads the directory once (again after a failure); resolves either way. */
  load(): Promise<void>;
  update(): void;
  /** An area's and a store's name, once the directory is read; undefined before, or for an unknown code. */
  areaName(code: string): string | undefined;
  store(id: string): AdminDirectory['stores'][number] | undefined;
}

export function scopePickers(lang: Lang, area: HTMLInputElement, ids: HTMLInputElement): ScopePickers {
  const areaList = h('datalist', { id: 'area-directory' });
  area.setAttribute('list', 'area-directory');
  area.setAttribute('aria-describedby', 'area-name');
  ids.setAttribute('aria-describedby', 'store-names');
  const areaName = h('p', { id: 'area-name', class: 'scope-names' });

  const storeList = h('datalist', { id: 'store-directory' });
  const find = h('input', { id: 'store-find', type: 'search', list: 'store-directory', autocomplete: 'off' });
  const storeNames = h('ul', { id: 'store-names', class: 'scope-names' });
  // Said under whichever field is on screen (an official's area, or a merchant's stores).
  const failed = [0, 1].map(() => h('p', { class: 'scope-names bad', role: 'status', hidden: true }, t(lang, 'directoryFailed')));

  let areas: Map<string, string> | null = null;
  let stores: Map<string, AdminDirectory['stores'][number]> | null = null;
  let loading: Promise<void> | null = null;

  const update = () => {
    const code = area.value.trim();
    const name = areas?.get(code);
    // A code is 4 or 6 digits: the first digits of one are not yet wrong.
    areaName.replaceChildren(!areas || code.length < 4 ? '' : name ?? (code.length < 6 ? '' : h('span', { class: 'bad' }, t(lang, 'areaPickUnknown', { code }))));
    storeNames.replaceChildren(...typedIds(ids.value).map((id) => {
      const s = stores?.get(id);
      if (!stores) return h('li', {}, id);
      return s ? h('li', { 'data-id': id }, `${s.name}${paren(lang, s.place)}`) : h('li', { class: 'bad', 'data-id': id }, t(lang, 'storePickUnknown', { id }));
    }));
  };
  const choose = () => {
    const id = find.value.trim();
    if (!stores?.has(id)) return; // still typing a name: the suggestions narrow as it goes
    const now = typedIds(ids.value);
    if (!now.includes(id)) ids.value = [...now, id].join(', ');
    find.value = '';
    update();
  };
  find.addEventListener('input', choose);
  find.addEventListener('change', choose);
  // Enter in the search box picks, it does not send the form with the ids so far.
  find.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    choose();
  });
  ids.addEventListener('input', update);
  area.addEventListener('input', update);

  const load = () => {
    return loading ??= apiGet<AdminDirectory>('/api/admin/directory').then((d) => {
      for (const f of failed) f.hidden = true;
      areas = new Map(d.areas.map((a) => [a.code, a.name]));
      stores = new Map(d.stores.map((s) => [s.id, s]));
      areaList.replaceChildren(...d.areas.map((a) => h('option', { value: a.code, label: a.name })));
      storeList.replaceChildren(...d.stores.map((s) => h('option', { value: s.id, label: `${s.name} · ${s.place}` })));
      update();
    }, () => {
      // The fields still take codes and ids as typed; the next focus on either tries again.
      for (const f of failed) f.hidden = false;
      loading = null;
    });
  };
  for (const input of [find, area]) input.addEventListener('focus', () => { if (!stores) load(); });

  return {
    areaNode: h('div', {}, areaList, areaName, failed[0]!),
    storeNode: h('div', { class: 'field store-pick' }, h('label', { for: 'store-find' }, t(lang, 'storePick')), find, storeList, storeNames, failed[1]!),
    load,
    update,
    areaName: (code) => areas?.get(code),
    store: (id) => stores?.get(id),
  };
}
