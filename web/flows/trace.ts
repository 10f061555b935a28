// Traceability: a batch code looked up (`?code=`) shows where the batch came from, who sold it, on
// which days, how much and to which cities, and its inconsistencies in plain words; below, the
// batches of the origin area (only the flagged ones on request), each opening its card.
import { BATCH_CODE_EXAMPLE } from '../../contracts/batch-code.ts';
import type { BatchesResponse, BatchResponse } from '../../contracts/flows.ts';
import { apiGet, ApiRequestError } from '../api-client.ts';
import { h, table } from '../dom.ts';
import { formatYuan, listSep, t } from '../i18n.ts';
import { errorNode, setViewState } from '../status-view.ts';
import type { ViewContext } from '../view.ts';
import { linkTo } from '../views/links.ts';
import { areaPicker, flowsPage, flowsState, flowsUrl, load, monthRange, present } from './frame.ts';
import { flKnown, flt } from './strings.ts';
import { formatCount, formatWeight } from './units.ts';

const CODE = /^[A-Z0-9][A-Z0-9-]{5,39}$/;

export async function drawTrace(ctx: ViewContext): Promise<void> {
  const { lang, search } = ctx;
  const state = flowsState(ctx);
  const code = (search.get('code') ?? '').trim().toUpperCase();
  const flagged = search.get('flagged') === 'true';
  const here = (patch: Record<string, string>) => flowsUrl('/flows/trace', { ...state, ...patch }, { code, flagged: flagged ? 'true' : '', ...patch });
  const section = flowsPage(ctx, '/flows/trace', state);
  const list = await load<BatchesResponse>(ctx, section, flowsUrl('/api/flows/batches', state, { flagged: flagged ? 'true' : '' }), () => void drawTrace(ctx));
  if (!list) return;

  // The example is a batch of the list when there is one, so looking it up shows a card.
  const example = list.batches[0]?.code ?? BATCH_CODE_EXAMPLE;
  const input = h('input', { id: 'fl-code', name: 'code', value: code, autocomplete: 'off', spellcheck: 'false', placeholder: example, 'aria-describedby': 'fl-code-hint' });
  const lookUp = h('form', { class: 'inline fl-lookup', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'fl-code' }, flt(lang, 'fl.batchCode')), input),
    h('button', { type: 'submit' }, flt(lang, 'fl.lookUp')),
    h('p', { class: 'hint', id: 'fl-code-hint' }, flt(lang, 'fl.batchHint', { example })));
  lookUp.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(here({ code: input.value.trim().toUpperCase() }));
  });

  const card = code ? await batchCard(ctx, code) : null;
  if (ctx.signal.aborted) return;

  const only = h('input', { type: 'checkbox', id: 'fl-flagged', name: 'flagged', checked: flagged });
  only.addEventListener('change', () => ctx.navigate(here({ flagged: only.checked ? 'true' : '' })));
  const listControls = h('div', { class: 'controls fl-controls' },
    areaPicker(ctx, state, (area) => ctx.navigate(here({ area }))),
    monthRange(lang, list.from, list.to, (from, to) => ctx.navigate(here({ from, to }))),
    h('label', { for: 'fl-flagged', class: 'fl-check' }, only, h('span', {}, flt(lang, 'fl.flaggedOnly'))));
  const listSection = h('section', { class: 'fl-batches', 'aria-labelledby': 'fl-batches-title' },
    h('h2', { id: 'fl-batches-title' }, flt(lang, 'fl.batchList', { area: list.area.name, from: list.from, to: list.to })),
    listControls,
    h('p', { class: 'caption' }, flt(lang, 'fl.batchCount', { total: list.total, flagged: list.flagged }),
      list.batches.length < (flagged ? list.flagged : list.total) ? `${lang === 'zh' ? '' : ' '}${flt(lang, 'fl.batchCap', { n: list.batches.length })}` : ''),
    list.batches.length === 0 ? h('p', { class: 'hint' }, flt(lang, 'fl.noBatches')) : pagedRows(lang, h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [flt(lang, 'fl.batchCode'), flt(lang, 'fl.batchProduct'), flt(lang, 'fl.firstDay'), flt(lang, 'fl.weight'), flt(lang, 'fl.amount'), flt(lang, 'fl.flags')],
      list.batches.map((b) => [
        linkTo(ctx, here({ code: b.code }), h('code', { class: 'nowrap' }, b.code)), b.products.map((p) => p.name).join(listSep(lang)), b.firstDay, formatWeight(b.weightG, lang), formatYuan(b.amountFen),
        b.flags.length === 0 ? '' : h('span', {}, b.flags.map((f) => h('span', { class: 'tag flag', 'data-flag': f }, flKnown(lang, `fl.flag.${f}`, f))))]),
      { numeric: [3, 4], className: 'data fl-batch-table' }))));

  document.title = `${code ? flt(lang, 'fl.batchTitle', { code }) : flt(lang, 'fl.traceTitle')} · ${t(lang, 'nav.flows')}`;
  setViewState(section, 'ready', ...present(h('h1', {}, flt(lang, 'fl.traceTitle')), lookUp, card, listSection));
  if (card && code) card.focus({ preventScroll: false });
}

const PAGE_ROWS = 50;

/** A long table shown PAGE_ROWS rows at a time, with a button for the next ones (a phone would scroll for minutes). */
function pagedRows(lang: ViewContext['lang'], scroll: HTMLElement): HTMLElement {
  const rows = [...scroll.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  let shown = PAGE_ROWS;
  const more = h('button', { type: 'button', class: 'secondary fl-more' });
  const update = () => {
    rows.forEach((r, i) => { r.hidden = i >= shown; });
    more.hidden = shown >= rows.length;
    more.textContent = flt(lang, 'fl.more', { n: Math.min(PAGE_ROWS, rows.length - shown), left: Math.max(0, rows.length - shown) });
  };
  more.addEventListener('click', () => { shown += PAGE_ROWS; update(); });
  update();
  return h('div', {}, scroll, more);
}

/** The card of one batch, or what went wrong in its place (the list below still shows). */
async function batchCard(ctx: ViewContext, code: string): Promise<HTMLElement> {
  const { lang } = ctx;
  if (!CODE.test(code)) return h('p', { class: 'status-message error-text', role: 'alert', tabindex: -1 }, flt(lang, 'fl.batchNotFound', { code }));
  let b: BatchResponse;
  try {
    b = await apiGet<BatchResponse>(`/api/flows/batches/${encodeURIComponent(code)}`, { signal: ctx.signal });
  } catch (e) {
    if (e instanceof ApiRequestError && e.status === 404) return h('p', { class: 'fl-card missing', role: 'alert', tabindex: -1 }, flt(lang, 'fl.batchNotFound', { code }));
    const box = h('div', { class: 'fl-card', tabindex: -1 });
    box.append(errorNode(e, lang, () => ctx.navigate(location.pathname + location.search, { replace: true })));
    return box;
  }
  const names = (list: { name: string }[], codes: string[]) => (list.length > 0 ? list.map((x) => x.name) : codes).join(listSep(lang));
  const facts: [string, Node | string][] = [
    // The product's name; its catalogue code only on hover, for whoever reconciles with a feed. A
    // mixed batch (flagged) lists each product with its units: their sum would add unlike things.
    [flt(lang, 'fl.batchProduct'), h('span', {}, b.products.flatMap((p, i) => [i > 0 ? listSep(lang) : '',
      h('span', { title: p.sku, 'data-sku': p.sku }, b.products.length > 1 ? flt(lang, 'fl.productUnits', { name: p.name, n: formatCount(p.qty, lang) }) : p.name)]))],
    [flt(lang, 'fl.originVillage'), names(b.originNames, b.origins)],
    [flt(lang, 'fl.sellers'), names(b.sellerNames, b.sellers)],
    [flt(lang, 'fl.firstDay'), b.firstDay],
    [flt(lang, 'fl.lastDay'), b.lastDay],
    ...(b.products.length > 1 ? [] : [[flt(lang, 'fl.qty'), formatCount(b.qty, lang)] as [string, string]]),
    [flt(lang, 'fl.firstDayWeight'), formatWeight(b.firstDayWeightG, lang)],
    [flt(lang, 'fl.totalWeight'), formatWeight(b.weightG, lang)],
    [flt(lang, 'fl.amount'), formatYuan(b.amountFen)],
    [flt(lang, 'fl.orders'), formatCount(b.orders, lang)],
  ];
  const flags = b.flags.length === 0
    ? h('p', { class: 'ok fl-no-flags' }, flt(lang, 'fl.noFlags'))
    : h('ul', { class: 'fl-flags' }, b.flags.map((f) => h('li', { 'data-flag': f }, h('strong', {}, flKnown(lang, `fl.flag.${f}`, f)), h('span', {}, flKnown(lang, `fl.flag.${f}.why`, '')))));
  return h('article', { class: 'fl-card', tabindex: -1, 'data-code': b.code, 'aria-labelledby': 'fl-card-title' },
    h('h2', { id: 'fl-card-title' }, flt(lang, 'fl.batchTitle', { code: b.code })),
    h('dl', { class: 'facts fl-facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h3', {}, flt(lang, 'fl.flags')), flags,
    h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [flt(lang, 'fl.city'), flt(lang, 'fl.province'), flt(lang, 'fl.weight'), flt(lang, 'fl.amount'), flt(lang, 'fl.orders')],
      b.destinations.map((d) => [d.name, d.province, formatWeight(d.weightG, lang), formatYuan(d.amountFen), formatCount(d.orders, lang)]),
      { caption: flt(lang, 'fl.destinations'), numeric: [2, 3, 4], className: 'data fl-destinations' })),
    h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [flt(lang, 'fl.day'), flt(lang, 'fl.qty'), flt(lang, 'fl.weight'), flt(lang, 'fl.amount'), flt(lang, 'fl.orders')],
      b.days.map((d) => [d.day, formatCount(d.qty, lang), formatWeight(d.weightG, lang), formatYuan(d.amountFen), formatCount(d.orders, lang)]),
      { caption: flt(lang, 'fl.daysTable'), numeric: [1, 2, 3, 4], className: 'data fl-days' })));
}
