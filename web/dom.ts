// A small element builder: `h('a', { href: '/x', class: 'nav' }, 'text', child)`. Text is always
// set as text (never as HTML), so nothing from the API can become markup.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return el;
}

/** A table from rows: `head` labels, and each row's cells (text or nodes). Numbers align right.
 *  `cardsOnPhone`: on a phone each row becomes a card of "label value" lines (app.css, table.cards-on-phone),
 *  for tables whose rows carry buttons that a scrolling table would hide off screen. The roles are
 *  set explicitly because some screen readers drop a table's semantics once CSS changes its display. */
export function table(head: string[], rows: (Child | Child[])[][], options: { caption?: string; numeric?: number[]; className?: string; cardsOnPhone?: boolean } = {}): HTMLTableElement {
  const numeric = new Set(options.numeric ?? []);
  const cards = options.cardsOnPhone === true;
  const role = (name: string) => (cards ? name : null);
  const className = [options.className ?? 'data', cards ? 'cards-on-phone' : ''].filter(Boolean).join(' ');
  return h('table', { class: className, role: role('table') },
    options.caption ? h('caption', {}, options.caption) : null,
    h('thead', { role: role('rowgroup') }, h('tr', { role: role('row') }, head.map((label, i) => h('th', { scope: 'col', class: numeric.has(i) ? 'num' : null, role: role('columnheader') }, label)))),
    h('tbody', { role: role('rowgroup') }, rows.map((cells) => h('tr', { role: role('row') }, cells.map((c, i) => h('td', {
      class: numeric.has(i) ? 'num' : null,
      role: role('cell'),
      'data-label': cards ? head[i] : null,
    }, c))))),
  );
}

/** The width `el` lays its children out in: clientWidth less its padding (main's 16 px a side on a
 *  phone, which a chart drawn at main.clientWidth ran into and was cut by); 0 before layout. */
export function contentWidth(el: HTMLElement): number {
  if (el.clientWidth === 0) return 0;
  const style = getComputedStyle(el);
  return el.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
}
