// This week's categories as bars, largest first, each with its sales and its change on last week
// written beside it. HTML, not SVG: the labels wrap and scale with the page's text.
import { pctText } from '../format.ts';
import { h } from '../dom.ts';
import { formatYuan } from '../i18n.ts';

export interface CategoryBar { code: string; name: string; fen: number; changePct: number | null }

export function createCategoryBars(items: readonly CategoryBar[], label: string): HTMLElement {
  const top = Math.max(1, ...items.map((i) => i.fen));
  return h('ol', { class: 'rank-bars ws-category-bars', 'aria-label': label }, items.map((item) => {
    const bar = h('span', { class: 'bar' });
    bar.style.width = `${((100 * Math.max(0, item.fen)) / top).toFixed(1)}%`;
    return h('li', { 'data-category': item.code },
      h('span', { class: 'rank-name' }, item.name),
      h('span', { class: 'rank-track' }, bar),
      h('span', { class: 'rank-value num' }, formatYuan(item.fen), h('small', { class: 'ws-change' }, pctText(item.changePct))));
  }));
}
