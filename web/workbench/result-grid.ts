// The result as a grid that scrolls 100,000 rows smoothly: rows have one height, a spacer as tall
// as all of them gives the scrollbar, and only the rows in sight (and a few around) exist in the
// DOM, reused as the grid scrolls. Keyboard: the grid is one tab stop; arrows, Page Up/Down,
// Home/End move the active cell (the header row included, where Enter sorts); Ctrl+C copies it.
import type { SqlColumn } from '../../contracts/sql.ts';
import { h } from '../dom.ts';
import type { Lang } from '../i18n.ts';
import { cellText, columnWidths, isNumericType, nextSort, sortedOrder, tsvOf, type SortKey } from './grid-model.ts';
import { wt } from './strings.ts';

export const ROW_HEIGHT = 30; // px; app.css gives .wb-row the same
const OVERSCAN = 8;

export interface GridData { columns: SqlColumn[]; rows: unknown[][] }

export interface ResultGrid {
  element: HTMLElement;
  show(data: GridData): void;
  /** The active cell's text (a header's name there), or null before one is chosen. */
  activeText(): string | null;
  /** The whole result as TSV, in the order shown. */
  tsv(): string;
}

export function createResultGrid(lang: Lang, onCopy: (text: string) => void): ResultGrid {
  let data: GridData = { columns: [], rows: [] };
  let order: Uint32Array = new Uint32Array(0);
  let sort: SortKey | null = null;
  let numeric: boolean[] = [];
  let active: { row: number; col: number } | null = null; // row -1: the header
  const pool: HTMLElement[] = [];

  const head = h('div', { class: 'wb-row wb-head', role: 'row', 'aria-rowindex': 1 });
  const body = h('div', { class: 'wb-body', role: 'rowgroup' });
  const element = h('div', { class: 'wb-grid', role: 'grid', tabindex: 0, 'aria-label': wt(lang, 'wb.resultGrid') },
    h('div', { role: 'rowgroup', class: 'wb-headgroup' }, head), body);
  let frame = 0;
  element.addEventListener('scroll', () => { if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); }); });
  element.addEventListener('keydown', onKey);
  element.addEventListener('click', (e) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-col]');
    if (!cell) return;
    const col = Number(cell.dataset.col);
    const row = cell.parentElement === head ? -1 : Number(cell.parentElement!.dataset.row);
    setActive(row, col);
    if (row === -1) sortBy(col);
  });

  function show(next: GridData) {
    data = next;
    sort = null;
    active = null;
    numeric = data.columns.map((c) => isNumericType(c.type));
    order = sortedOrder(data.rows, data.columns, null);
    const widths = columnWidths(data.columns, data.rows);
    const template = widths.map((w) => `${w}px`).join(' ');
    element.setAttribute('aria-rowcount', String(data.rows.length + 1));
    element.setAttribute('aria-colcount', String(data.columns.length));
    element.removeAttribute('aria-activedescendant');
    head.style.gridTemplateColumns = template;
    head.replaceChildren(...data.columns.map((c, i) => h('div', {
      class: `wb-cell wb-th${numeric[i] ? ' num' : ''}`, role: 'columnheader', 'data-col': i, 'aria-colindex': i + 1, 'aria-sort': 'none', id: `wb-h-${i}`,
    }, h('span', { class: 'wb-name' }, c.name), h('span', { class: 'wb-type' }, c.type))));
    for (const row of pool) row.remove();
    pool.length = 0;
    body.style.height = `${data.rows.length * ROW_HEIGHT}px`;
    body.style.width = head.style.width = `${widths.reduce((a, b) => a + b, 0)}px`;
    body.dataset.template = template;
    element.scrollTop = 0;
    element.scrollLeft = 0;
    draw();
  }

  function draw() {
    const first = Math.max(0, Math.floor(element.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil((element.clientHeight || 480) / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(order.length, first + visible);
    while (pool.length < last - first) {
      const row = h('div', { class: 'wb-row', role: 'row' });
      row.style.gridTemplateColumns = body.dataset.template ?? '';
      for (let c = 0; c < data.columns.length; c++) row.append(h('div', { class: `wb-cell${numeric[c] ? ' num' : ''}`, role: 'gridcell', 'data-col': c, 'aria-colindex': c + 1 }));
      pool.push(row);
      body.append(row);
    }
    pool.forEach((row, k) => {
      const i = first + k;
      row.hidden = i >= last;
      if (i >= last) return;
      row.dataset.row = String(i);
      row.setAttribute('aria-rowindex', String(i + 2));
      row.style.top = `${i * ROW_HEIGHT}px`;
      const values = data.rows[order[i]!]!;
      for (let c = 0; c < values.length; c++) {
        const cell = row.children[c] as HTMLElement;
        const v = values[c];
        cell.textContent = cellText(v);
        cell.classList.toggle('null', v === null || v === undefined);
        const on = active?.row === i && active.col === c;
        cell.classList.toggle('active', on);
        cell.id = on ? 'wb-active-cell' : '';
      }
    });
    for (const th of head.children) th.classList.toggle('active', active?.row === -1 && active.col === Number((th as HTMLElement).dataset.col));
    if (active) element.setAttribute('aria-activedescendant', active.row === -1 ? `wb-h-${active.col}` : 'wb-active-cell');
  }

  function sortBy(col: number) {
    sort = nextSort(sort, col);
    order = sortedOrder(data.rows, data.columns, sort);
    [...head.children].forEach((th, i) => th.setAttribute('aria-sort', sort?.column === i ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'));
    draw();
  }

  function setActive(row: number, col: number) {
    if (data.columns.length === 0) return;
    active = { row: Math.max(-1, Math.min(order.length - 1, row)), col: Math.max(0, Math.min(data.columns.length - 1, col)) };
    scrollIntoView(active.row, active.col);
    draw();
  }

  function scrollIntoView(row: number, col: number) {
    const headH = head.offsetHeight;
    if (row >= 0) {
      const top = row * ROW_HEIGHT;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight - headH) element.scrollTop = top + ROW_HEIGHT - element.clientHeight + headH;
    }
    const th = head.children[col] as HTMLElement | undefined;
    if (th) {
      if (th.offsetLeft < element.scrollLeft) element.scrollLeft = th.offsetLeft;
      else if (th.offsetLeft + th.offsetWidth > element.scrollLeft + element.clientWidth) element.scrollLeft = th.offsetLeft + th.offsetWidth - element.clientWidth;
    }
  }

  function onKey(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor(element.clientHeight / ROW_HEIGHT) - 1);
    const { row, col } = active ?? { row: -1, col: 0 };
    const moves: Record<string, [number, number]> = {
      ArrowDown: [row + 1, col], ArrowUp: [row - 1, col], ArrowRight: [row, col + 1], ArrowLeft: [row, col - 1],
      PageDown: [row + page, col], PageUp: [row - page, col],
      Home: e.ctrlKey ? [0, 0] : [row, 0], End: e.ctrlKey ? [order.length - 1, col] : [row, data.columns.length - 1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setActive(active ? move[0] : -1, active ? move[1] : 0);
    } else if ((e.key === 'Enter' || e.key === ' ') && active?.row === -1) {
      e.preventDefault();
      sortBy(active.col);
    } else if (e.key === 'c' && (e.ctrlKey || e.metaKey) && active) {
      e.preventDefault();
      onCopy(activeText()!);
    }
  }

  function activeText(): string | null {
    if (!active) return null;
    if (active.row === -1) return data.columns[active.col]!.name;
    const v = data.rows[order[active.row]!]![active.col];
    return v === null || v === undefined ? '' : cellText(v);
  }

  return { element, show, activeText, tsv: () => tsvOf(data.columns, data.rows, order) };
}
