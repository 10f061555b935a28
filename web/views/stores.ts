// The stores and stations of an area (a merchant: their own), filterable by type; each links to
// its page. `?area=` and `?type=` keep the view bookmarkable.
import type { StoreSummary } from '../../contracts/stores.ts';
import { apiGet, ApiRequestError, withQuery } from '../api-client.ts';
import { h, table } from '../dom.ts';
import { storeStatus, storeType } from '../format.ts';
import { t } from '../i18n.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { linkTo } from './links.ts';

const PAGE = 50;
const FEW = 8; // rows a phone shows at once: below this, the list is read, not searched

export const view: View = async (ctx) => {
  const { lang, main, search, signal, me } = ctx;
  const area = search.get('area') ?? '';
  const type = search.get('type') ?? '';
  const heading = h('h1', {}, t(lang, me!.role === 'merchant' ? 'nav.myStores' : 'nav.stores'));
  const count = h('p', { class: 'caption' });
  const select = h('select', { name: 'type', id: 'store-type' }, h('option', { value: '' }, t(lang, 'allTypes')));
  select.addEventListener('change', () => ctx.navigate(withQuery('/stores', { area, type: select.value, q: find.value.trim() })));
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'stores' });
  // Hundreds of rows on a phone: a name, an area or an id narrows them as it is typed.
  const find = h('input', { type: 'search', id: 'store-find', name: 'q', value: search.get('q') ?? '', placeholder: t(lang, 'findStoreHint'), autocomplete: 'off' });
  const form = h('form', { class: 'controls', role: 'search' },
    h('label', { for: 'store-type' }, h('span', {}, t(lang, 'filterType')), select),
    h('label', { for: 'store-find' }, h('span', {}, t(lang, 'findStore')), find));
  form.addEventListener('submit', (event) => event.preventDefault());
  main.replaceChildren(heading, form, count, section);
  document.title = `${heading.textContent} · ${t(lang, 'appName')}`;
  setViewState(section, 'loading', loadingNode(lang));
  try {
    const list = await apiGet<{ area: string; stores: StoreSummary[] }>(withQuery('/api/stores', { area }), { signal });
    if (signal.aborted) return;
    const types = [...new Set(list.stores.map((s) => s.type))].sort();
    for (const ty of types) select.append(h('option', { value: ty, selected: ty === type }, storeType(ty, lang)));
    const ofType = list.stores.filter((s) => !type || s.type === type);
    // A merchant's own few stores need no filter or search: the form only takes room above them.
    form.hidden = list.stores.length <= FEW && !type && !find.value.trim();
    if (me!.role !== 'merchant') heading.textContent = t(lang, 'storesIn', { area: me!.areaNames[list.area] ?? list.area });
    // A county's 150-odd rows would be a page of 14,000 px on a phone: PAGE at a time, more on asking.
    let limit = PAGE;
    const show = () => {
      const words = find.value.trim().toLowerCase();
      const shown = words ? ofType.filter((s) => [s.name, s.areaName, s.id].some((x) => x.toLowerCase().includes(words))) : ofType;
      count.textContent = t(lang, 'storesCount', { n: String(shown.length) });
      // Not the heatmap's "no sales in the range": say what was looked for.
      if (shown.length === 0) return setViewState(section, 'empty', emptyNode(lang, words ? t(lang, 'findStoreNone', { words: find.value.trim() }) : t(lang, 'storesNone')));
      const page = shown.slice(0, limit);
      const more = page.length < shown.length
        ? h('button', { type: 'button', class: 'secondary more-rows' }, t(lang, 'showMoreStores', { n: String(Math.min(PAGE, shown.length - page.length)), shown: String(page.length), total: String(shown.length) }))
        : null;
      more?.addEventListener('click', () => {
        const first = limit;
        limit += PAGE;
        show();
        // The button is gone with the redraw: the keyboard goes on at the first row added.
        section.querySelectorAll<HTMLElement>('tbody tr a')[first]?.focus();
      });
      setViewState(section, 'ready', h('div', { class: 'table-scroll', tabindex: 0 }, table(
        [t(lang, 'storeName'), t(lang, 'storeType'), t(lang, 'storeArea'), t(lang, 'storeOpened'), t(lang, 'storeStatus')],
        page.map((s) => [linkTo(ctx, `/stores/${encodeURIComponent(s.id)}`, s.name), storeType(s.type, lang), s.areaName,
          h('span', { class: 'nowrap' }, s.openedOn), h('span', { class: `status-${s.status}` }, storeStatus(s.status, lang))]))), ...(more ? [more] : []));
    };
    find.addEventListener('input', () => {
      limit = PAGE;
      show();
      // The words typed go in the address as they are typed, replacing it (not an entry of history per
      // key): a reload, or back from a store's page, finds the same list.
      history.replaceState(history.state, '', withQuery('/stores', { area, type, q: find.value.trim() }));
    });
    show();
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof ApiRequestError && e.status === 403) return ctx.forbidden(e.message);
    setViewState(section, 'error', errorNode(e, lang, () => void view(ctx)));
  }
};
