// The analysts' SQL workbench: the schema, saved queries and history on the side; the editor with
// its parameters, the result grid and its chart below. A saved query opens by its address
// (`/workbench?q=<id>&v=<version>`), and the address names it once it is saved, to be passed on.
// The pieces live in web/workbench/; this module holds what is open and wires them together.
import '../shell-modules.ts';
import type { SchemaResponse } from '../../contracts/sql.ts';
import { addDays, shanghaiDay } from '../../contracts/time.ts';
import { ApiRequestError } from '../api-client.ts';
import { h } from '../dom.ts';
import { paren, t } from '../i18n.ts';
import { errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { createSqlEditor } from '../workbench/editor.ts';
import { createHistoryList } from '../workbench/history.ts';
import { createParamsForm } from '../workbench/params-form.ts';
import { baseType } from '../workbench/params.ts';
import { describeQueryError } from '../workbench/query-error.ts';
import { createResultPanel } from '../workbench/result-panel.ts';
import { createSavedList } from '../workbench/saved-list.ts';
import { createSavedQueries } from '../workbench/saved-queries.ts';
import { createSchemaPanel } from '../workbench/schema-panel.ts';
import { cancelSql, fetchSample, fetchSchema, formatSql, newQueryId, runSql } from '../workbench/sql-api.ts';
import { createTabs } from '../workbench/tabs.ts';
import { wt, type WorkbenchKey } from '../workbench/strings.ts';

const example = (comment: string) => `-- ${comment}\nSELECT a.name AS county, sum(p.amount_fen) / 100 AS amount_yuan, count() AS lines\nFROM pos_lines AS p\nLEFT JOIN areas AS a FINAL ON a.code = p.county_code\nWHERE p.sold_at >= {from:Date}\nGROUP BY county\nORDER BY amount_yuan DESC\n`;

export const view: View = async (ctx) => {
  const { lang, main, signal } = ctx;
  document.title = `${t(lang, 'nav.workbench')} · ${t(lang, 'appName')}`;
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'workbench' });
  main.replaceChildren(h('h1', {}, t(lang, 'nav.workbench')), section);
  main.classList.add('wide');
  signal.addEventListener('abort', () => main.classList.remove('wide'));
  setViewState(section, 'loading', loadingNode(lang));
  let schema: SchemaResponse;
  try {
    schema = await fetchSchema(signal);
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof ApiRequestError && e.status === 403) return ctx.forbidden(e.message);
    return setViewState(section, 'error', errorNode(e, lang, () => void view(ctx)));
  }
  if (signal.aborted) return;

  let running: string | null = null; // the query id of the statement running
  // The unsaved text survives a reload; kept per login, since a shared computer has other analysts.
  const draftKey = `cx.workbench.draft.${ctx.me?.login ?? ''}`;
  const draft = () => localStorage.getItem(draftKey);
  const message = h('p', { class: 'wb-message', role: 'status' });
  const say = (text: string, error = false) => { message.textContent = text; message.classList.toggle('error-text', error); };

  const showExample = !ctx.search.get('q') && draft() === null;
  const editor = createSqlEditor({
    doc: ctx.search.get('q') ? '' : draft() ?? example(wt(lang, 'wb.example')),
    label: wt(lang, 'wb.editorLabel'), placeholder: wt(lang, 'wb.placeholder'),
    onRun: (text) => void run(text),
    onChange: (text) => { params.update(text); if (!queries.isOpen()) localStorage.setItem(draftKey, text); },
  });
  editor.setSchema(schema);
  const params = createParamsForm(lang, () => void run(editor.runText()));
  // The example runs on its first click: its {from} starts 90 days back.
  if (showExample) params.set({ from: addDays(shanghaiDay(Date.now()), -90) });
  params.update(editor.text());
  const output = createResultPanel(lang, schema.limits);
  const queries = createSavedQueries({ lang, signal, editor, params, chart: output.chart, say, changed: () => { if (sideTabs.current() === 'saved') void savedList.refresh(); } });

  // The side: schema, saved queries, history; a panel that folds away on a phone.
  const schemaPanel = createSchemaPanel(schema, lang, { insert: (text) => editor.insert(text), sample: (table) => { foldSide(); void sample(table); } });
  const savedList = createSavedList(lang, signal, { open: (id) => { foldSide(); void queries.open(id, undefined, true); }, remove: (q) => void queries.remove(q) });
  const historyList = createHistoryList(lang, signal, (sql) => { foldSide(); editor.setText(sql); editor.focus(); });
  const sideTabs = createTabs('wb-side', wt(lang, 'wb.side'), [
    { id: 'schema', label: wt(lang, 'wb.tabSchema'), panel: schemaPanel },
    { id: 'saved', label: wt(lang, 'wb.tabSaved'), panel: savedList.element },
    { id: 'history', label: wt(lang, 'wb.tabHistory'), panel: historyList.element },
  ], (id) => { if (id === 'saved') void savedList.refresh(); if (id === 'history') void historyList.refresh(); });
  const sideBody = h('div', { class: 'wb-side-body', id: 'wb-side-body' }, sideTabs.list, ...sideTabs.panels);
  const fold = h('button', { type: 'button', class: 'secondary wb-fold', 'aria-expanded': 'false', 'aria-controls': 'wb-side-body' }, wt(lang, 'wb.side'));
  const side = h('aside', { class: 'wb-side folded', 'aria-label': wt(lang, 'wb.side') }, fold, sideBody);
  fold.addEventListener('click', () => fold.setAttribute('aria-expanded', String(!side.classList.toggle('folded'))));
  /** On a phone the side panel folds away once it has done its job, so the editor is in sight. */
  const foldSide = () => { side.classList.add('folded'); fold.setAttribute('aria-expanded', 'false'); };

  // The toolbar.
  const button = (key: WorkbenchKey, cls: string, onClick: () => void, extra: Record<string, string> = {}) => {
    const b = h('button', { type: 'button', class: cls, ...extra }, wt(lang, key));
    b.addEventListener('click', onClick);
    return b;
  };
  const runButton = button('wb.run', 'wb-run', () => void run(editor.runText()), { 'aria-keyshortcuts': 'Control+Enter Meta+Enter' });
  const cancelButton = button('wb.cancel', 'secondary wb-cancel', () => void cancel());
  cancelButton.disabled = true;
  const toolbar = h('div', { class: 'wb-toolbar' }, runButton, cancelButton,
    button('wb.format', 'secondary wb-format', () => void format()),
    button('wb.save', 'secondary wb-save', () => queries.save()),
    button('wb.newQuery', 'secondary wb-new', () => queries.openNew(draft() ?? '')),
    h('span', { class: 'hint wb-keys' }, wt(lang, 'wb.keys')));
  setViewState(section, 'ready', h('div', { class: 'wb' }, side,
    h('div', { class: 'wb-main' }, queries.doc, toolbar, editor.host, params.element, message, output.element)));

  async function run(text: string) {
    if (running) return;
    if (!text.trim()) {
      // Nothing ran: what is below the editor must not be the answer (or the error) of an earlier text.
      output.clear();
      return say(wt(lang, 'wb.emptySql'), true);
    }
    say('');
    const queryId = newQueryId();
    // Leaving the page stops the query in the engine too, not just the wait for its answer.
    const onLeave = () => void cancelSql(queryId).catch(() => undefined);
    signal.addEventListener('abort', onLeave, { once: true });
    running = queryId;
    runButton.disabled = true;
    cancelButton.disabled = false;
    output.running();
    const values = params.values();
    // A parameter left empty is sent as '' (a Nullable one as NULL): likely forgotten, and a filter on
    // it then matches nothing after a whole scan. Said beside the run, which goes ahead as written.
    // (Other types left empty are refused by the engine, which says so.)
    const blank = params.params().filter((p) => values[p.name] === '' && /^(Fixed)?String\b/.test(baseType(p.type))).map((p) => p.name);
    if (blank.length > 0) say(wt(lang, 'wb.blankParams', { names: blank.join(', ') }));
    try {
      const result = await runSql({ sql: text, params: Object.keys(values).length > 0 ? values : undefined, queryId }, schema.limits.timeoutSeconds, signal);
      if (!signal.aborted) output.show({ ...result, source: { sql: text, params: values } });
    } catch (e) {
      if (!signal.aborted) output.failed(e, () => void run(text));
    } finally {
      signal.removeEventListener('abort', onLeave);
      running = null;
      runButton.disabled = false;
      cancelButton.disabled = true;
      // The audit trail the history is read from is written once a second: ask after that.
      if (!signal.aborted && sideTabs.current() === 'history') setTimeout(() => { if (!signal.aborted) void historyList.refresh(); }, 1_500);
    }
  }

  async function cancel() {
    if (!running) return;
    cancelButton.disabled = true;
    const { cancelled } = await cancelSql(running).catch(() => ({ cancelled: false }));
    if (!cancelled) say(wt(lang, 'wb.cancelNotFound'));
  }

  async function format() {
    try {
      const text = editor.text();
      const { sql } = await formatSql(text, signal);
      // The engine's formatter drops comments; the ones heading the text are kept.
      const heading = /^(?:\s*--[^\n]*\n)+/.exec(text)?.[0].trimStart() ?? '';
      editor.setText(heading + sql);
      say('');
    } catch (e) {
      // In the page's words, as a run's refusal is, with the engine's message (where the text
      // fails) after them.
      if (signal.aborted) return;
      const why = describeQueryError(e, lang);
      say(why.detail ? `${why.explanation}${paren(lang, why.detail.text)}` : why.explanation, true);
    }
  }

  async function sample(table: string) {
    output.running();
    try {
      const s = await fetchSample(table, signal);
      output.show({ ...s, title: wt(lang, 'wb.sampleOf', { table }) });
    } catch (e) {
      if (!signal.aborted) output.failed(e, () => void sample(table));
    }
  }

  const id = ctx.search.get('q');
  if (id) await queries.open(id, Number(ctx.search.get('v')) || undefined);
};
