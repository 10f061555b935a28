// The chart tab: pickers for mark, x, y, colour and facet over the result's columns build a
// Vega-Lite spec, shown as JSON that may be edited by hand ("apply" draws the text). The spec is
// what a saved query keeps; the rows are put in at drawing time. Vega loads with the first drawing.
import type { SqlColumn } from '../../contracts/sql.ts';
import { loadChunk, NEW_BUILD } from '../chunk-load.ts';
import { h } from '../dom.ts';
import type { Lang } from '../i18n.ts';
import { emptyNode, errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { DrawnChart } from './chart-render.ts';
import {
  buildSpec, CHART_ROW_LIMIT, checkFields, choiceOf, dataValues, defaultChoice, fieldType, fitsColumns, MARKS, isSpecRefusal, parseSpecText, specText, statedChoice,
  withData, type ChartChoice, type ChartSpec,
} from './chart-spec.ts';
import type { GridData } from './result-grid.ts';
import { wt, type WorkbenchKey } from './strings.ts';

export interface ChartPanel {
  element: HTMLElement;
  /** A new result: the pickers offer its columns; a spec that names none of them gets a fresh default. */
  setData(data: GridData | null): void;
  setSpec(spec: ChartSpec | null): void;
  spec(): ChartSpec | null;
  /** Why Vega refused the spec as it stands, when it was drawn and refused; null otherwise. */
  refusal(): string | null;
  /** Draws (the tab was opened, or its content changed while open). */
  draw(): void;
}

const ROLES = ['x', 'y', 'color', 'facet'] as const;

export function createChartPanel(lang: Lang): ChartPanel {
  let data: GridData | null = null;
  let spec: ChartSpec | null = null;
  let drawn: DrawnChart | undefined;
  let drawing = 0;

  const mark = h('select', { id: 'wb-chart-mark', name: 'mark' }, MARKS.map((m) => h('option', { value: m }, wt(lang, `wb.mark.${m}` as WorkbenchKey))));
  const pickers = Object.fromEntries(ROLES.map((r) => [r, h('select', { id: `wb-chart-${r}`, name: r })])) as Record<(typeof ROLES)[number], HTMLSelectElement>;
  const text = h('textarea', { id: 'wb-chart-spec', class: 'wb-spec', rows: 10, spellcheck: 'false' });
  const message = h('p', { class: 'form-message', role: 'status' });
  const apply = h('button', { type: 'button', class: 'secondary small' }, wt(lang, 'wb.applySpec'));
  const note = h('p', { class: 'hint', hidden: true });
  const canvas = h('div', { class: 'wb-chart view', 'data-view': 'wb-chart' });
  const labelled = (id: string, key: WorkbenchKey, input: HTMLElement) => h('label', { for: id }, h('span', {}, wt(lang, key)), input);
  const element = h('div', { class: 'wb-chart-panel' },
    h('div', { class: 'controls wb-chart-pickers' },
      labelled('wb-chart-mark', 'wb.mark', mark), labelled('wb-chart-x', 'wb.x', pickers.x), labelled('wb-chart-y', 'wb.y', pickers.y),
      labelled('wb-chart-color', 'wb.color', pickers.color), labelled('wb-chart-facet', 'wb.facet', pickers.facet)),
    note, canvas,
    h('details', { class: 'wb-spec-box' }, h('summary', {}, wt(lang, 'wb.specTitle')),
      h('label', { for: 'wb-chart-spec', class: 'visually-hidden' }, wt(lang, 'wb.specTitle')), text, h('div', { class: 'row-actions' }, apply), message));

  const fromPickers = () => {
    const choice: ChartChoice = { mark: mark.value as ChartChoice['mark'], x: pickers.x.value, y: pickers.y.value, color: pickers.color.value, facet: pickers.facet.value };
    spec = buildSpec(choice, data?.columns ?? []);
    text.value = specText(spec);
    message.textContent = '';
    draw();
  };
  for (const select of [mark, ...Object.values(pickers)]) select.addEventListener('change', fromPickers);
  apply.addEventListener('click', () => {
    try {
      const next = parseSpecText(text.value);
      if (data) checkFields(next, data.columns);
      spec = next;
      message.textContent = '';
      showChoice();
      draw();
    } catch (e) {
      message.textContent = specMessage(e);
    }
  });

  /** A spec's refusal in the reader's words. */
  function specMessage(e: unknown): string {
    return isSpecRefusal(e) ? wt(lang, `wb.spec.${e.code}`, { why: e.detail, mark: e.detail, marks: e.known ?? '' }) : (e as Error).message;
  }

  /** The pickers as the spec says, or blank where the spec was written by hand. */
  function showChoice() {
    // Before a result (a saved query opened, not yet run) the pickers show what the spec names;
    // the result's columns, with their types, replace them once it is run.
    const stated = !data && spec ? statedChoice(spec) : null;
    const columns: { name: string; label: string }[] = data
      ? data.columns.map((c: SqlColumn) => ({ name: c.name, label: `${c.name} (${c.type})` }))
      : [...new Set(stated ? ROLES.map((r) => stated[r]).filter(Boolean) : [])].map((name) => ({ name, label: name }));
    const choice = stated ?? (spec && data ? choiceOf(spec, data.columns) : null);
    mark.value = choice?.mark ?? (typeof spec?.mark === 'string' ? spec.mark : 'bar');
    for (const r of ROLES) {
      pickers[r].replaceChildren(h('option', { value: '' }, r === 'x' || r === 'y' ? wt(lang, 'wb.pick') : wt(lang, 'wb.none')),
        ...columns.map((c) => h('option', { value: c.name }, c.label)));
      pickers[r].value = choice?.[r] ?? '';
    }
    // Without a result the column types are unknown, and the pickers would build a spec blind.
    for (const select of [mark, ...Object.values(pickers)]) select.disabled = !data;
    element.classList.toggle('custom', spec !== null && choice === null);
  }

  let drawnFor: [GridData, ChartSpec] | null = null; // what is on screen, so reopening the tab does not redraw it
  let refused: { spec: ChartSpec; why: string } | null = null; // the spec Vega last refused, and why

  async function draw() {
    if (drawn && drawnFor?.[0] === data && drawnFor[1] === spec) return;
    const mine = ++drawing;
    drawn?.finalize();
    drawn = undefined;
    if (!data || data.rows.length === 0 || !spec) return setViewState(canvas, 'empty', emptyNode(lang, wt(lang, 'wb.chartEmpty')));
    // The pickers chart numbers: a result of text and dates only would draw an empty frame. A
    // spec written by hand may count rows itself (aggregate), so it is drawn.
    if (!data.columns.some((c) => fieldType(c.type) === 'quantitative') && choiceOf(spec, data.columns) !== null) {
      return setViewState(canvas, 'empty', h('div', { class: 'status empty' },
        h('div', { class: 'status-title' }, wt(lang, 'wb.chartNoNumbersTitle')), h('div', { class: 'status-hint' }, wt(lang, 'wb.chartNoNumbers'))));
    }
    note.hidden = data.rows.length <= CHART_ROW_LIMIT;
    note.textContent = wt(lang, 'wb.chartLimit', { n: CHART_ROW_LIMIT.toLocaleString() });
    setViewState(canvas, 'loading', loadingNode(lang));
    let drawChart: typeof import('./chart-render.ts').drawChart;
    try {
      // No reload here: it would lose the query, its result and a spec written by hand.
      ({ drawChart } = await loadChunk(() => import('./chart-render.ts'), { reload: false }));
    } catch (e) {
      if (mine !== drawing) return;
      if ((e as { code?: string }).code === NEW_BUILD) {
        setViewState(canvas, 'error', h('div', { class: 'status error', role: 'alert' }, h('div', { class: 'status-message' }, wt(lang, 'wb.newBuild'))));
        return;
      }
      // Vega did not arrive (a weak signal): trying again can help.
      setViewState(canvas, 'error', errorNode(e, lang, () => void draw()));
      return;
    }
    if (mine !== drawing) return;
    const target = h('div', { class: 'wb-chart-svg' });
    canvas.replaceChildren(target);
    try {
      const full = withData(spec, dataValues(data.columns, data.rows), (canvas.clientWidth || 600) - 16);
      const chart = await drawChart(target, full, wt(lang, 'wb.chartLabel'), lang);
      if (mine !== drawing) return chart.finalize();
      drawn = chart;
      drawnFor = [data, spec];
      refused = null;
      message.textContent = ''; // an earlier spec's refusal is not this one's
      canvas.dataset.state = 'ready';
      canvas.setAttribute('aria-busy', 'false');
    } catch (e) {
      // Vega-Lite or Vega refused the spec: the same spec fails the same way, so no retry; the
      // spec's editor says it too, where the spec is changed.
      if (mine !== drawing) return;
      const why = specMessage(e);
      refused = { spec, why };
      setViewState(canvas, 'error', h('div', { class: 'status error', role: 'alert' },
        h('div', { class: 'status-title' }, wt(lang, 'wb.spec.failedTitle')), h('div', { class: 'status-message', lang: isSpecRefusal(e) ? null : 'en' }, why)));
      message.textContent = isSpecRefusal(e) ? why : wt(lang, 'wb.spec.failed', { why });
    }
  }

  return {
    element,
    setData(next) {
      data = next;
      message.textContent = '';
      // A spec about other columns (the previous query's) gives way to a first chart of this result.
      if (data && (!spec || !fitsColumns(spec, data.columns))) spec = buildSpec(defaultChoice(data.columns, data.rows), data.columns);
      text.value = spec ? specText(spec) : '';
      showChoice();
    },
    setSpec(next) {
      spec = next;
      message.textContent = '';
      text.value = spec ? specText(spec) : '';
      showChoice();
    },
    spec: () => spec,
    refusal: () => (refused !== null && refused.spec === spec ? refused.why : null),
    draw: () => void draw(),
  };
}
