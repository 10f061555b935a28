// The saved query open in the workbench: opening one (by its link, from the list, or an older
// version), saving (a first save, a new version, a copy), deleting, and the line above the editor
// that names it. The address follows: `/workbench?q=<id>` (and `&v=<n>` for an older version).
import type { SavedGetResponse, SavedQueryInput, SavedQuerySummary } from '../../contracts/sql.ts';
import { ApiRequestError } from '../api-client.ts';
import { h } from '../dom.ts';
import { t, type Lang } from '../i18n.ts';
import type { ChartPanel } from './chart-panel.ts';
import type { SqlEditor } from './editor.ts';
import type { ParamsForm } from './params-form.ts';
import { openSaveDialog, type SaveFields, type SaveMode } from './save-dialog.ts';
import { createSaved, deleteSaved, getSaved, updateSaved } from './sql-api.ts';
import { wt } from './strings.ts';

export interface SavedQueries {
  /** The line naming the query open (or saying it is not saved). */
  doc: HTMLElement;
  isOpen(): boolean;
  /** Opens a saved query (at `version`, else its newest); `push` makes it a step of the browser's history. */
  open(id: string, version?: number, push?: boolean): Promise<void>;
  /** Leaves the saved query for a new one, with `text` in the editor. */
  openNew(text: string): void;
  save(): void;
  remove(q: SavedQuerySummary): Promise<void>;
}

export interface SavedDeps {
  lang: Lang;
  signal: AbortSignal;
  editor: SqlEditor;
  params: ParamsForm;
  chart: ChartPanel;
  say(text: string, error?: boolean): void;
  changed(): void; // the list of saved queries may have changed
}

export function createSavedQueries(deps: SavedDeps): SavedQueries {
  const { lang, signal, editor, params, chart, say } = deps;
  let current: SavedGetResponse | null = null; // at the version shown
  const doc = h('div', { class: 'wb-doc' });

  function show() {
    if (!current) return doc.replaceChildren(h('span', { class: 'wb-doc-name muted' }, wt(lang, 'wb.unsaved')));
    const q = current;
    // Times come as Shanghai wall-clock text (2026-04-15 12:00:00); shown to the minute as they are.
    const versions = h('select', { id: 'wb-version', name: 'version' }, q.versions.map((v) => h('option', { value: v.version, selected: v.version === q.version },
      `v${v.version} · ${v.savedAt.slice(0, 16)} · ${v.savedBy}`)));
    versions.addEventListener('change', () => void open(q.id, Number(versions.value), true));
    doc.replaceChildren(
      h('span', { class: 'wb-doc-name' }, q.name),
      h('label', { for: 'wb-version', class: 'wb-version' }, h('span', { class: 'visually-hidden' }, wt(lang, 'wb.version')), versions),
      h('span', { class: 'wb-badge' }, q.sharedWith.length > 0 ? wt(lang, 'wb.shared') : wt(lang, 'wb.private')),
      q.mine ? '' : h('span', { class: 'muted' }, wt(lang, 'wb.ownedBy', { owner: q.owner })));
  }

  async function open(id: string, version?: number, push = false) {
    say(t(lang, 'loading'));
    try {
      const q = await getSaved(id, version, signal);
      if (signal.aborted) return;
      current = q;
      params.set(Object.fromEntries(q.params.map((p) => [p.name, p.value])));
      editor.setText(q.sql);
      params.update(q.sql);
      chart.setSpec(q.chart);
      show();
      say('');
      if (push) history.pushState(null, '', addressOf(q));
      else history.replaceState(null, '', addressOf(q));
    } catch (e) {
      if (!signal.aborted) say(e instanceof ApiRequestError && e.status === 404 ? wt(lang, 'wb.notFound') : messageOf(e), true);
    }
  }

  async function store(fields: SaveFields, mode: SaveMode) {
    const values = params.values();
    const input: SavedQueryInput = {
      name: fields.name, description: fields.description, sql: editor.text(),
      params: params.params().map((p) => ({ name: p.name, type: p.type, value: values[p.name] ?? null })),
      chart: chart.spec(), sharedWith: fields.shared ? ['analyst'] : [],
    };
    // The base is the newest version this page has seen: saving an older version opened here makes
    // it the newest again, and still fails if someone saved in between.
    const q = mode === 'version' && current ? await updateSaved(current.id, input, latestVersion(current)) : await createSaved(input);
    current = q;
    show();
    history.replaceState(null, '', addressOf(q));
    say(wt(lang, 'wb.saved', { name: q.name, version: String(q.version) }));
    deps.changed();
  }

  function openNew(text: string) {
    current = null;
    editor.setText(text);
    chart.setSpec(null);
    show();
    history.pushState(null, '', '/workbench');
    editor.focus();
  }

  show();
  return {
    doc,
    isOpen: () => current !== null,
    open,
    openNew,
    save() {
      // A spec Vega refused would be saved and fail for everyone who opens the query: said here,
      // before a name is typed, where the analyst can still change it.
      const refused = chart.refusal();
      if (refused !== null) return say(wt(lang, 'wb.saveChartRefused', { why: refused }), true);
      openSaveDialog(lang, {
        name: current?.name ?? '', description: current?.description ?? '', shared: (current?.sharedWith.length ?? 0) > 0, canVersion: current?.mine === true,
      }, store);
    },
    async remove(q) {
      if (!confirm(wt(lang, 'wb.confirmDelete', { name: q.name }))) return;
      try {
        await deleteSaved(q.id);
        if (current?.id === q.id) openNew(editor.text());
        say(wt(lang, 'wb.deleted', { name: q.name }));
      } catch (e) {
        say(messageOf(e), true);
      }
      deps.changed();
    },
  };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function latestVersion(q: SavedGetResponse): number {
  return Math.max(q.version, ...q.versions.map((v) => v.version));
}

function addressOf(q: SavedGetResponse): string {
  return `/workbench?q=${encodeURIComponent(q.id)}${q.version === latestVersion(q) ? '' : `&v=${q.version}`}`;
}
