// The schema browser: the tables and views an analyst may query, with kind, rows and comment;
// each opens to its columns with type and comment. A name clicked goes into the editor at the
// cursor; "sample" shows a table's first rows in the grid. A filter narrows tables and columns.
import type { SchemaResponse, SchemaTable } from '../../contracts/sql.ts';
import { h } from '../dom.ts';
import { t, type Lang } from '../i18n.ts';
import { wt } from './strings.ts';

export interface SchemaActions {
  insert(text: string): void;
  sample(table: string): void;
}

export function createSchemaPanel(schema: SchemaResponse, lang: Lang, actions: SchemaActions): HTMLElement {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const filter = h('input', { type: 'search', id: 'wb-schema-filter', placeholder: wt(lang, 'wb.filterTables'), autocomplete: 'off' });
  const list = h('ul', { class: 'wb-tables' }, schema.tables.map((table) => tableItem(table)));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const li of list.children as HTMLCollectionOf<HTMLElement>) {
      const table = schema.tables.find((tb) => tb.name === li.dataset.table)!;
      li.hidden = q !== '' && !table.name.includes(q) && !table.comment.toLowerCase().includes(q) && !(table.commentZh ?? '').includes(q)
        && !table.columns.some((c) => c.name.toLowerCase().includes(q));
    }
  });

  /** The table's description: in Chinese on Chinese pages where there is one, the warehouse's own
   *  English comment in its tooltip; the comment itself otherwise. */
  function note(table: SchemaTable): HTMLElement | null {
    const zh = lang === 'zh' ? table.commentZh : null;
    if (zh) return h('span', { class: 'wb-comment', title: table.comment || null }, zh);
    return table.comment ? h('span', { class: 'wb-comment', lang: 'en' }, table.comment) : null;
  }

  function tableItem(table: SchemaTable): HTMLElement {
    const id = `wb-cols-${table.name}`;
    const columns = h('ul', { class: 'wb-columns', id, hidden: true }, table.columns.map((c) => h('li', {},
      h('button', { type: 'button', class: 'link-button wb-insert', 'data-insert': c.name }, c.name), ' ',
      h('code', { class: 'wb-type' }, c.type), c.comment ? h('span', { class: 'wb-comment' }, c.comment) : null)));
    const toggle = h('button', { type: 'button', class: 'wb-toggle', 'aria-expanded': 'false', 'aria-controls': id, 'aria-label': wt(lang, 'wb.showColumns', { table: table.name }) }, '▸');
    toggle.addEventListener('click', () => {
      columns.hidden = !columns.hidden;
      toggle.setAttribute('aria-expanded', String(!columns.hidden));
      toggle.textContent = columns.hidden ? '▸' : '▾';
    });
    const sample = h('button', { type: 'button', class: 'secondary small wb-sample', 'data-table': table.name }, wt(lang, 'wb.sample'));
    sample.addEventListener('click', () => actions.sample(table.name));
    return h('li', { 'data-table': table.name },
      h('div', { class: 'wb-table-head' }, toggle,
        h('button', { type: 'button', class: 'link-button wb-insert wb-table-name', 'data-insert': table.name }, table.name),
        sample),
      h('p', { class: 'wb-table-meta' },
        h('span', { class: `wb-kind wb-kind-${table.kind}` }, wt(lang, table.kind === 'view' ? 'wb.kindView' : 'wb.kindTable')),
        table.rows === null ? '' : wt(lang, 'wb.rowCount', { n: table.rows.toLocaleString(locale) }),
        note(table)),
      columns);
  }

  const element = h('div', { class: 'wb-schema' },
    h('label', { for: 'wb-schema-filter', class: 'visually-hidden' }, wt(lang, 'wb.filterTables')), filter,
    h('p', { class: 'hint' }, wt(lang, 'wb.schemaHint', { database: schema.database })), list);
  element.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-insert]');
    if (target) actions.insert(target.dataset.insert!);
  });
  return element;
}
