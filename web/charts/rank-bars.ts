// A ranked bar list in HTML: areas sorted by a value, each bar's length to scale, the figure
// written beside it. Used for townships and villages (no boundaries exist below the counties, so no map).
import { h } from '../dom.ts';

/** `flag`: a caveat shown after the name as a short mark, said in full to a screen reader and in
 *  its tooltip (the cockpit's stations that sent nothing: a fall there may be a silence). */
export interface RankItem { code: string; name: string; value: number | null; flag?: { short: string; long: string } }

/** `opens` says which items `onOpen` takes (all by default): the others are plain names. */
export function createRankBars(items: readonly RankItem[], o: { format: (v: number) => string; onOpen?: (code: string) => void; opens?: (code: string) => boolean; label: string }): HTMLElement {
  const sorted = [...items].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.code.localeCompare(b.code));
  const top = Math.max(0, ...sorted.map((i) => Math.abs(i.value ?? 0)));
  return h('ol', { class: 'rank-bars', 'aria-label': o.label }, sorted.map((item) => {
    const share = item.value === null || top === 0 ? 0 : Math.abs(item.value) / top;
    const bar = h('span', { class: `bar${(item.value ?? 0) < 0 ? ' negative' : ''}` });
    bar.style.width = `${(share * 100).toFixed(1)}%`;
    const onOpen = o.onOpen && (o.opens?.(item.code) ?? true) ? o.onOpen : undefined;
    const name = onOpen ? h('button', { type: 'button', class: 'link-button', 'data-code': item.code }, item.name) : h('span', {}, item.name);
    if (onOpen) name.addEventListener('click', () => onOpen(item.code));
    const flag = item.flag ? h('span', { class: 'tag late rank-flag', title: item.flag.long },
      h('span', { 'aria-hidden': 'true' }, item.flag.short), h('span', { class: 'visually-hidden' }, item.flag.long)) : null;
    return h('li', { 'data-code': item.code }, h('span', { class: 'rank-name' }, name, flag), h('span', { class: 'rank-track' }, bar),
      h('span', { class: 'rank-value num' }, item.value === null ? '—' : o.format(item.value)));
  }));
}
