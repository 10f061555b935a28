// Below the editor: the result (status line, grid, copy and export) and its chart, as two tabs.
// The status line says rows and time, and plainly when the result was cut at the row limit.
import type { ExportFormat, SchemaResponse } from '../../contracts/sql.ts';
import { ApiRequestError } from '../api-client.ts';
import { h } from '../dom.ts';
import { t, type Lang } from '../i18n.ts';
import { emptyNode, loadingNode, setViewState } from '../status-view.ts';
import { createChartPanel, type ChartPanel } from './chart-panel.ts';
import { copyText } from './clipboard.ts';
import { EXPORT_FORMATS, EXPORT_LABELS, submitExport } from './export.ts';
import type { ParamValues } from './params.ts';
import { describeQueryError, type QueryErrorView } from './query-error.ts';
import { createResultGrid, type GridData } from './result-grid.ts';
import { newQueryId } from './sql-api.ts';
import { createTabs } from './tabs.ts';
import { rowsWords, wt } from './strings.ts';

export interface Shown extends GridData {
  elapsedMs?: number;
  truncated?: boolean;
  rowLimit?: number;
  /** What produced it, for export; absent for a table's sample. */
  source?: { sql: string; params: ParamValues };
  title?: string;
}

export interface ResultPanel {
  element: HTMLElement;
  chart: ChartPanel;
  running(): void;
  show(result: Shown): void;
  /** Why there are no rows; `retry` is offered only when trying again can help. */
  failed(error: unknown, retry: () => void): void;
  /** Back to the state before any run: no result, no error. */
  clear(): void;
}

export function createResultPanel(lang: Lang, limits?: SchemaResponse['limits']): ResultPanel {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const status = h('p', { class: 'wb-status', role: 'status', 'aria-live': 'polite' });
  const notice = h('p', { class: 'wb-truncated', role: 'note', hidden: true });
  const copied = h('span', { class: 'wb-copied', role: 'status' });
  let shown: Shown | null = null;

  const grid = createResultGrid(lang, (text) => void copy(text));
  const copyCell = h('button', { type: 'button', class: 'secondary small' }, wt(lang, 'wb.copyCell'));
  copyCell.addEventListener('click', () => { const text = grid.activeText(); if (text !== null) void copy(text); else copied.textContent = wt(lang, 'wb.pickCell'); });
  const copyAll = h('button', { type: 'button', class: 'secondary small' }, wt(lang, 'wb.copyAll'));
  copyAll.addEventListener('click', () => void copy(grid.tsv()));
  const exports = EXPORT_FORMATS.map((format: ExportFormat) => {
    const b = h('button', { type: 'button', class: 'secondary small wb-export', 'data-format': format }, EXPORT_LABELS[format]);
    b.addEventListener('click', () => {
      if (!shown?.source) return;
      copied.textContent = wt(lang, 'wb.exporting');
      submitExport(format, { ...shown.source, queryId: newQueryId() }, () => { copied.textContent = wt(lang, 'wb.exportFailed'); });
    });
    return b;
  });
  const tools = h('div', { class: 'wb-result-tools' }, copyCell, copyAll,
    h('span', { class: 'wb-export-group', role: 'group', 'aria-label': wt(lang, 'wb.export') }, h('span', { class: 'wb-export-label' }, wt(lang, 'wb.export')), exports), copied);
  const table = h('div', { class: 'wb-result view', 'data-view': 'wb-result' });
  const results = h('div', { class: 'wb-results' }, status, notice, tools, table);
  const chart = createChartPanel(lang);
  const tabs = createTabs('wb-out', wt(lang, 'wb.output'), [
    { id: 'result', label: wt(lang, 'wb.tabResult'), panel: results },
    { id: 'chart', label: wt(lang, 'wb.tabChart'), panel: chart.element },
  ], (id) => { if (id === 'chart') chart.draw(); });
  setViewState(table, 'empty', emptyNode(lang, wt(lang, 'wb.noResultYet')));
  tools.hidden = true;

  async function copy(text: string) {
    try {
      await copyText(text);
      copied.textContent = wt(lang, 'wb.copied');
    } catch (e) {
      copied.textContent = (e as Error).message;
    }
  }

  return {
    element: h('section', { class: 'wb-output', 'aria-label': wt(lang, 'wb.output') }, tabs.list, ...tabs.panels),
    chart,
    running() {
      status.textContent = wt(lang, 'wb.running');
      notice.hidden = true;
      copied.textContent = '';
      setViewState(table, 'loading', loadingNode(lang));
    },
    show(result) {
      shown = result;
      const parts = [result.title, rowsWords(lang, result.rows.length),
        result.elapsedMs === undefined ? '' : wt(lang, 'wb.elapsed', { ms: Math.round(result.elapsedMs).toLocaleString(locale) })];
      status.textContent = parts.filter(Boolean).join(' · ');
      notice.hidden = !result.truncated;
      notice.textContent = wt(lang, 'wb.truncated', { n: (result.rowLimit ?? result.rows.length).toLocaleString(locale) });
      tools.hidden = false;
      for (const b of exports) b.disabled = !result.source;
      chart.setData(result);
      if (result.columns.length === 0 || result.rows.length === 0) {
        setViewState(table, 'empty', emptyNode(lang, wt(lang, 'wb.noRows')));
      } else {
        setViewState(table, 'ready', grid.element);
        grid.show(result);
      }
      if (tabs.current() === 'chart') chart.draw();
    },
    failed(error, retry) {
      shown = null;
      tools.hidden = true;
      const cancelled = error instanceof ApiRequestError && error.status === 409 && error.code === 'cancelled';
      // The error panel has the title; the status line would only say it twice.
      status.textContent = cancelled ? wt(lang, 'wb.cancelled') : '';
      notice.hidden = true;
      chart.setData(null);
      if (cancelled) setViewState(table, 'empty', emptyNode(lang, wt(lang, 'wb.cancelledHint')));
      else setViewState(table, 'error', queryErrorNode(describeQueryError(error, lang, limits), lang, retry));
    },
    clear() {
      shown = null;
      tools.hidden = true;
      status.textContent = '';
      notice.hidden = true;
      copied.textContent = '';
      chart.setData(null);
      setViewState(table, 'empty', emptyNode(lang, wt(lang, 'wb.noResultYet')));
    },
  };
}

/** The error panel: what happened (title), why in the analyst's words, the engine's or API's own
 *  words beneath (English, marked so), and a retry only when waiting can help. */
function queryErrorNode(v: QueryErrorView, lang: Lang, retry: () => void): Node {
  const again = v.retry ? h('button', { type: 'button', class: 'wb-retry' }, t(lang, 'retry')) : null;
  again?.addEventListener('click', retry);
  return h('div', { class: 'status error wb-query-error', role: 'alert', 'data-kind': v.kind, 'data-code': v.code },
    h('div', { class: 'status-title' }, v.title),
    h('div', { class: 'status-message' }, v.explanation),
    v.detail ? h('div', { class: 'wb-error-detail' },
      h('div', { class: 'wb-error-detail-label' }, v.detail.label),
      h('pre', { class: 'wb-error-detail-text', lang: 'en', translate: 'no', 'data-engine': String(v.detail.engine) }, v.detail.text)) : null,
    again);
}
