// The SQL editor: CodeMirror 6 with only what the workbench uses (line numbers, history, bracket
// matching and closing, ClickHouse highlighting, completion of tables, columns and functions from
// the live schema), Ctrl/Cmd+Enter to run the selection or the whole text. It lives in a shadow
// root: CodeMirror styles itself through a constructed stylesheet there, which the page's CSP
// (no inline <style>) allows, where in the document it would insert a <style> element.
import { autocompletion, closeBrackets, closeCompletion, closeBracketsKeymap, completionKeymap, type Completion, type CompletionContext, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { schemaCompletionSource, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';
import type { SchemaResponse } from '../../contracts/sql.ts';
import { ClickHouse, keywordCompletion } from './dialect.ts';

export interface SqlEditor {
  host: HTMLElement;
  view: EditorView;
  text(): string;
  /** The selection if there is one, else the whole text: what Ctrl+Enter runs. */
  runText(): string;
  setText(text: string): void;
  /** Puts `text` at the cursor (in place of the selection) and gives the editor the focus. */
  insert(text: string): void;
  setSchema(schema: SchemaResponse): void;
  focus(): void;
}

export interface EditorOptions {
  doc: string;
  label: string; // the editor's accessible name
  placeholder: string;
  onRun(text: string): void;
  onChange(text: string): void;
}

export function createSqlEditor(options: EditorOptions): SqlEditor {
  const host = document.createElement('div');
  host.className = 'wb-editor';
  const shadow = host.attachShadow({ mode: 'open' });
  const completion = new Compartment();
  // Taken to run: a completion list still open would lie over the results.
  const runText = (view: EditorView) => {
    closeCompletion(view);
    const { from, to } = view.state.selection.main;
    return from === to ? view.state.doc.toString() : view.state.sliceDoc(from, to);
  };
  const view = new EditorView({
    root: shadow,
    parent: shadow,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: (v) => (options.onRun(runText(v)), true) }])),
        lineNumbers(),
        highlightActiveLine(),
        history(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ icons: false }),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        sql({ dialect: ClickHouse, upperCaseKeywords: true, keywordCompletion }),
        completion.of([]),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        placeholder(options.placeholder),
        EditorView.lineWrapping,
        // tabindex: the editable area is a tab stop already; said so, axe finds the scroller's content focusable.
        EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
        EditorView.updateListener.of((u) => { if (u.docChanged) options.onChange(u.state.doc.toString()); }),
        THEME,
      ],
    }),
  });

  return {
    host,
    view,
    text: () => view.state.doc.toString(),
    runText: () => runText(view),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
    },
    insert(text) {
      view.dispatch(view.state.replaceSelection(text));
      view.focus();
    },
    setSchema(schema) {
      view.dispatch({ effects: completion.reconfigure(schemaCompletions(schema)) });
    },
    focus: () => view.focus(),
  };
}

/** Tables (and `table.` or `alias.` columns) through lang-sql's schema completion; besides, at the
 *  top level, the columns of the tables the text names (or of all tables) and the engine's functions. */
function schemaCompletions(schema: SchemaResponse) {
  const namespace: SQLNamespace = Object.fromEntries(schema.tables.map((t) => [t.name, {
    self: { label: t.name, type: 'class', detail: t.kind === 'view' ? 'view' : 'table', info: t.comment || undefined },
    children: t.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type, info: c.comment || undefined })),
  }]));
  const functions: Completion[] = schema.functions.map((f) => ({ label: f, type: 'function', boost: -1 }));
  const columnsOf = new Map(schema.tables.map((t) => [t.name, t.columns.map((c): Completion => ({
    label: c.name, type: 'property', detail: `${c.type} · ${t.name}`, info: c.comment || undefined,
  }))]));
  const everyColumn = dedupe([...columnsOf.values()].flat());
  const topLevel: CompletionSource = (context: CompletionContext) => {
    const word = context.matchBefore(/[A-Za-z_][\w]*/);
    if (!word && !context.explicit) return null;
    const from = word?.from ?? context.pos;
    if (context.state.sliceDoc(from - 1, from) === '.') return null; // lang-sql completes after a dot
    const named = [...context.state.doc.toString().matchAll(/\b(?:from|join)\s+[`"]?(\w+)/gi)].map((m) => m[1]!).filter((n) => columnsOf.has(n));
    const columns = named.length > 0 ? dedupe(named.flatMap((n) => columnsOf.get(n)!)) : everyColumn;
    return { from, options: [...columns, ...functions], validFor: /^\w*$/ };
  };
  // Made once: the completer keeps a source's results only while that same source is in effect.
  const sources = [{ autocomplete: schemaCompletionSource({ dialect: ClickHouse, schema: namespace }) }, { autocomplete: topLevel }];
  return EditorState.languageData.of(() => sources);
}

function dedupe(options: Completion[]): Completion[] {
  const seen = new Set<string>();
  return options.filter((o) => !seen.has(o.label) && seen.add(o.label));
}

// Colours from the app's tokens (custom properties reach into the shadow root).
const THEME = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'white', color: 'var(--ink)', fontSize: '14px' },
  '&.cm-focused': { outline: '3px solid #ffab00', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace', lineHeight: '1.5' },
  '.cm-content': { padding: '6px 0', minHeight: '100%' },
  '.cm-gutters': { backgroundColor: '#f5f7f8', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine': { backgroundColor: '#f1f8f7' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
  '.cm-placeholder': { color: '#6b7c85' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'inherit', maxHeight: '14em' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '4px 8px', lineHeight: '1.4' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'white' },
  '.cm-completionDetail': { marginLeft: '0.8em', fontStyle: 'normal', opacity: '0.8' },
  '.cm-matchingBracket': { backgroundColor: '#c8e6c9', outline: '1px solid #81c784' },
});
