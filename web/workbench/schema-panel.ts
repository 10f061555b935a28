// The schema browser: the tables and views an analyst may query, with kind, rows and comment;
// each opens to its columns with type and comment. A name clicked goes into the editor at the
// cursor; "sample" shows a table's first rows in the grid. A filter narrows tables and columns.
import type { SchemaResponse, SchemaTable } from '../../contracts/sql.ts';
import { h } from '../dom.ts';
import type { Lang } from '../i18n.ts';
import { rowsWords, wt } from './strings.ts';

export interface SchemaActions {
  insert(text: string): void;
  sample(table: string): void;
}

export function createSchemaPanel(schema: SchemaResponse, lang: Lang, actions: SchemaActions): HTMLElement {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const filter = h('input', { type: 'search', id: 'wb-schema-filter', placeholder: wt(lang, 'wb.filterTables'), autocomplete: 'off' });
  const items = schema.tables.map((table) => tableItem(table));
  const list = h('ul', { class: 'wb-tables' }, items.map((i) => i.li));
  const none = h('p', { class: 'hint wb-schema-none', role: 'status', hidden: true });
  // A table found by its name is listed as the analyst left it; one whose columns match (found by
  // them, or by its description as well: 快递 is in both) opens to those columns, the others hidden,
  // so what matched is in sight.
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const item of items) {
      const { table } = item;
      const byName = q === '' || table.name.includes(q);
      const byTable = byName || table.comment.toLowerCase().includes(q) || (table.commentZh ?? '').toLowerCase().includes(q);
      const byColumn = q === '' ? [] : table.columns.map((c) => c.name.toLowerCase().includes(q) || (c.comment ?? '').toLowerCase().includes(q) || (c.commentZh ?? '').toLowerCase().includes(q));
      const anyColumn = byColumn.some(Boolean);
      item.li.hidden = !byTable && !anyColumn;
      if (!item.li.hidden) shown++;
      const byColumnOnly = anyColumn && !byName;
      item.columnItems.forEach((li, i) => { li.hidden = byColumnOnly && !byColumn[i]; });
      item.show(byColumnOnly || item.open);
    }
    none.hidden = shown > 0;
    none.textContent = shown > 0 ? '' : wt(lang, 'wb.filterNone', { q: filter.value.trim() });
  });

  /** A table's or column's description: in Chinese on Chinese pages where there is one, the
   *  warehouse's own English comment in its tooltip; the comment itself otherwise. */
  function note(of: { comment: string; commentZh: string | null }): HTMLElement | null {
    const zh = lang === 'zh' ? of.commentZh : null;
    if (zh) return h('span', { class: 'wb-comment', title: of.comment || null }, zh);
    return of.comment ? h('span', { class: 'wb-comment', lang: 'en' }, of.comment) : null;
  }

  interface TableItem { table: SchemaTable; li: HTMLElement; columnItems: HTMLElement[]; open: boolean; show(open: boolean): void }

  function tableItem(table: SchemaTable): TableItem {
    const id = `wb-cols-${table.name}`;
    const columnItems = table.columns.map((c) => h('li', {},
      h('button', { type: 'button', class: 'link-button wb-insert', 'data-insert': c.name }, c.name), ' ',
      h('code', { class: 'wb-type' }, c.type), note(c)));
    const columns = h('ul', { class: 'wb-columns', id, hidden: true }, columnItems);
    const toggle = h('button', { type: 'button', class: 'wb-toggle', 'aria-expanded': 'false', 'aria-controls': id, 'aria-label': wt(lang, 'wb.showColumns', { table: table.name }) }, '▸');
    const sample = h('button', { type: 'button', class: 'secondary small wb-sample', 'data-table': table.name }, wt(lang, 'wb.sample'));
    sample.addEventListener('click', () => actions.sample(table.name));
    const li = h('li', { 'data-table': table.name },
      h('div', { class: 'wb-table-head' }, toggle,
        h('button', { type: 'button', class: 'link-button wb-insert wb-table-name', 'data-insert': table.name }, ...breakable(table.name)),
        sample),
      h('p', { class: 'wb-table-meta' },
        h('span', { class: `wb-kind wb-kind-${table.kind}` }, wt(lang, table.kind === 'view' ? 'wb.kindView' : 'wb.kindTable')),
        table.rows === null ? '' : rowsWords(lang, table.rows),
        note(table)),
      columns);
    const item: TableItem = {
      table, li, columnItems, open: false,
      show(open) {
        columns.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = open ? '▾' : '▸';
      },
    };
    toggle.addEventListener('click', () => {
      item.open = columns.hidden === true; // what is on screen, which a filter may have opened
      item.show(item.open);
    });
    return item;
  }

  const element = h('div', { class: 'wb-schema' },
    h('label', { for: 'wb-schema-filter', class: 'visually-hidden' }, wt(lang, 'wb.filterTables')), filter,
    h('p', { class: 'hint' }, wt(lang, 'wb.schemaHint', { database: schema.database })), none, list);
  element.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-insert]');
    if (target) actions.insert(target.dataset.insert!);
  });
  return element;
}

/** A name with a line-break opportunity after each underscore: in the narrow panel a long name
 *  (demand_weekly_area) wraps between its words, not mid-word. Its text is unchanged. */
function breakable(name: string): (string | HTMLElement)[] {
  return name.split(/(?<=_)/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
}
