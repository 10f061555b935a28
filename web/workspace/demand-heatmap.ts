// The merchants' demand heatmap: any rows by any columns (areas, categories or weekdays by weeks or
// hours), coloured by the measure chosen; growth on a diverging scale around 0. Three kinds of
// empty look different and say why: no activity (grey lines), withheld (dots; the tooltip and
// label say how many outlets stand behind it and that k others are needed) and, for growth, no
// base a year before (grey lines, saying so). Festivals and seasons are bands over their weeks.
// A keyboard grid like the officials' heatmap: one tab stop, arrows move, the tooltip follows.
// Coloured on one scale for the whole chart, or (o.colourBy 'row') each cell against its row's
// average cell: every township's season or every weekday's busy hours, whatever the row's size.
import { create, extent, interpolateRdBu, interpolateYlOrRd, pointer, scaleDiverging, scaleSequential, select, type ScaleDiverging, type ScaleSequential } from 'd3';
import type { DemandResponse } from '../../contracts/workspace.ts';
import { addDays, isoWeek } from '../../contracts/time.ts';
import { colourScale } from '../heatmap-chart.ts';
import { clauseSep, colon, signedPct, type Lang } from '../i18n.ts';
import { addNoDataPattern, addSuppressedPattern } from '../no-data-pattern.ts';
import { labelLayer, pin } from '../sticky-labels.ts';
import { departuresByRow, departureScale, type Departures } from '../row-departures.ts';
import { wst, type WorkspaceKey } from './strings.ts';

export interface DemandChartOptions {
  lang: Lang;
  width: number; // of the container, CSS pixels
  format: (value: number) => string; // a cell's measure in words: ¥1,234.00, 56 件, +12.5%
  short: (value: number) => string; // the same for the legend's ticks
  unit: string; // of the legend's figures: '（元）' for money, '' otherwise
  /** `row`: each cell against its row's average shown cell (not for growth, already a comparison). */
  colourBy?: 'all' | 'row';
}

const PHONE = 600;
const LABEL_CHAR = 13.5;
const LANE = 18; // one festival or season per lane above the columns
const COL_LABELS = 34;
const RIGHT = 8;

type Cell = DemandResponse['cells'][number];
type Scale = ScaleSequential<string> | ScaleDiverging<string>;

/** Each shown cell against its row's average shown cell: withheld cells and cells without a base
 *  have no figure to take part, and cells without activity are not drawn as figures either. */
export function demandDepartures(d: Pick<DemandResponse, 'cells'>): Departures<Cell> {
  return departuresByRow(d.cells.filter((c) => !c.withheld && c.value !== null), (c) => c.row, (c) => c.value!);
}

/** The colour of a measure: growth diverges around 0 (capped at ±100%); value and units rise from 0
 *  (an area's size shows, as it should); per outlet spans the lowest to the highest, since the
 *  point of normalising is to tell areas of alike size apart. */
export function demandColour(d: Pick<DemandResponse, 'measure' | 'cells'>): Scale {
  const values = d.cells.filter((c) => !c.withheld && c.value !== null).map((c) => c.value!);
  if (d.measure === 'yoy') {
    const m = Math.min(100, Math.max(1, ...values.map(Math.abs)));
    // interpolateRdBu runs red to blue: a fall is red, a rise blue, no change near white.
    return scaleDiverging(interpolateRdBu).domain([-m, 0, m]).clamp(true);
  }
  const [lo = 0, hi = 0] = extent(values);
  if (d.measure === 'per_store' && hi > lo) return scaleSequential((t: number) => interpolateYlOrRd(0.1 + 0.9 * t)).domain([lo, hi]);
  return colourScale(hi);
}

/** The columns (weeks, as Mondays) a festival or season overlaps: first and last index, or null. */
export function markerSpan(cols: readonly { key: string }[], from: string, to: string): [number, number] | null {
  const hit = cols.map((c, i) => (c.key <= to && addDays(c.key, 6) >= from ? i : -1)).filter((i) => i >= 0);
  return hit.length > 0 ? [hit[0]!, hit.at(-1)!] : null;
}

/** Labels for a row: villages lose their committee suffix, own rows are marked. */
export function demandRowLabel(row: DemandResponse['rows'][number], lang: Lang): string {
  const name = row.label.replace(/居民委员会$/, '').replace(/村民委员会$/, '村').replace(/村村$/, '村');
  return row.own ? `★ ${name}` : name;
}

/** About how wide a label draws in the 13 px font: a Chinese character a full em, others about half. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? LABEL_CHAR : LABEL_CHAR * 0.55), 0);
const fit = (s: string, room: number) => {
  if (textWidth(s) <= room) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`) > room) chars.pop();
  return `${chars.join('')}…`;
};

let count = 0;

export function createDemandHeatmap(d: DemandResponse, o: DemandChartOptions): HTMLElement {
  const { lang } = o;
  const id = `ws-heat-${++count}`;
  const weekly = d.view !== 'hour';
  const rowH = o.width < PHONE ? 44 : 26;
  const cells = new Map(d.cells.map((c) => [`${c.row}|${c.col}`, c]));
  const departures = o.colourBy === 'row' && d.measure !== 'yoy' ? demandDepartures(d) : undefined;
  const colour = departures ? departureScale(departures.reach) : demandColour(d);
  const fill = (c: Cell) => colour(departures ? departures.of(c) : c.value!);
  const labels = d.rows.map((r) => demandRowLabel(r, lang));
  // Whole pixels, rounded up: 14 + 55.35 - 14 came back as 55.3499… and cut the longest label that fitted.
  const labelW = Math.max(56, Math.min(o.width < PHONE ? 130 : 200, Math.ceil(14 + Math.max(0, ...labels.map(textWidth)))));
  // A label longer than its column is cut with an ellipsis (its whole name in the tooltip, the
  // cells' words and the table): drawn whole, it ran off the chart's left edge.
  const fitted = labels.map((l) => fit(l, labelW - 14));
  const minCell = weekly ? 30 : 24;
  const cellW = Math.max(minCell, Math.min(64, Math.floor((o.width - labelW - RIGHT) / Math.max(1, d.cols.length))));
  const markers = weekly ? d.markers.map((m) => ({ m, span: markerSpan(d.cols, m.from, m.to) })).filter((x) => x.span !== null) : [];
  const top = markers.length * LANE + COL_LABELS + (markers.length > 0 ? 4 : 0);
  const width = labelW + cellW * d.cols.length + RIGHT;
  const height = top + rowH * d.rows.length + 4;

  const root = create('div').attr('class', 'heatmap ws-heatmap');
  const scroller = root.append('div').attr('class', 'heatmap-scroll').attr('tabindex', 0);
  const svg = scroller.append('svg').attr('class', 'heatmap-chart').attr('width', width).attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'group').attr('aria-label', wst(lang, 'ws.chartKeys'))
    .attr('aria-describedby', `${id}-summary`);
  const noData = addNoDataPattern(svg, `${id}-hatch`);
  const dots = addSuppressedPattern(svg, `${id}-dots`);
  const labelsOver = labelLayer(svg.node()!, labelW, height);
  const tooltip = root.append('div').attr('class', 'heatmap-tooltip').attr('role', 'tooltip').attr('hidden', '');

  // Festivals and seasons: a labelled band per lane over its weeks, and its edges down the grid.
  markers.forEach(({ m, span }, lane) => {
    const [a, b] = span!;
    const x = labelW + a * cellW;
    const w = (b - a + 1) * cellW;
    const name = wst(lang, `ws.marker.${m.kind}` as WorkspaceKey);
    const g = svg.append('g').attr('class', `ws-marker ${m.kind}`).attr('data-kind', m.kind);
    g.append('rect').attr('x', x + 1).attr('y', lane * LANE + 1).attr('width', w - 2).attr('height', LANE - 3).attr('rx', 3);
    g.append('text').attr('x', x + 4).attr('y', lane * LANE + LANE - 6).text(name);
    g.append('title').text(`${name} ${m.from} – ${m.to}`);
    for (const edge of [x, x + w]) {
      g.append('line').attr('class', 'edge').attr('x1', edge).attr('x2', edge).attr('y1', lane * LANE + LANE - 2).attr('y2', height - 2);
    }
  });

  const colTop = markers.length * LANE + (markers.length > 0 ? 4 : 0);
  const colText = svg.append('g').attr('class', 'week-labels').attr('aria-hidden', 'true');
  d.cols.forEach((c, i) => {
    const x = labelW + cellW * (i + 0.5);
    const text = colText.append('text').attr('text-anchor', 'middle').attr('data-col', c.key);
    if (weekly) {
      text.append('tspan').attr('x', x).attr('y', colTop + 14).text(`W${isoWeek(c.key).slice(-2)}`);
      text.append('tspan').attr('x', x).attr('y', colTop + 29).attr('class', 'week-start').text(c.key.slice(5));
    } else {
      text.append('tspan').attr('x', x).attr('y', colTop + 22).text(c.label);
    }
  });

  const grid: SVGRectElement[][] = [];
  const words: string[][] = [];
  const showTip = (lines: string[], x: number, y: number) => {
    tooltip.attr('hidden', null).selectAll('div').data(lines).join('div').attr('class', (_l, i) => (i === 0 ? 'tip-title' : null)).text((l) => l);
    const room = (root.node()?.clientWidth ?? width) - 200;
    tooltip.style('left', `${Math.max(0, Math.min(x + 12, room))}px`).style('top', `${y + 16}px`);
  };
  d.rows.forEach((row, r) => {
    const y = top + rowH * r;
    const g = svg.append('g').attr('class', `heatmap-row${row.own ? ' own' : ''}`).attr('data-row', row.key);
    const label = select(labelsOver).append('g').attr('class', row.own ? 'own' : null).attr('data-row', row.key).append('text').attr('class', 'row-label').attr('x', labelW - 8).attr('y', y + rowH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text(fitted[r]!);
    if (fitted[r] !== labels[r]) label.append('title').text(labels[r]!);
    grid.push([]);
    words.push([]);
    d.cols.forEach((col, i) => {
      const cell = cells.get(`${row.key}|${col.key}`);
      const lines = cellWords(d, row.label, col, cell, o, departures);
      const x = labelW + cellW * i + 1;
      const kind = !cell ? 'no-data' : cell.withheld ? 'suppressed' : cell.value === null ? 'no-base' : 'has-value';
      const rect = g.append('rect')
        .attr('class', `cell ${kind}`)
        .attr('x', x).attr('y', y + 1).attr('width', cellW - 2).attr('height', rowH - 2).attr('rx', 2)
        .attr('fill', kind === 'has-value' ? fill(cell!) : kind === 'suppressed' ? dots : noData)
        .attr('data-row', row.key).attr('data-col', col.key)
        .attr('data-value', kind === 'has-value' ? cell!.value! : null)
        .attr('data-outlets', cell ? cell.outlets : null)
        .attr('role', 'img').attr('tabindex', r === 0 && i === 0 ? 0 : -1)
        .attr('aria-label', lines.join(clauseSep(lang)))
        .on('pointerenter pointermove', (event: PointerEvent) => {
          const [px, py] = pointer(event, root.node());
          showTip(lines, px, py);
        })
        .on('pointerleave blur', () => tooltip.attr('hidden', ''))
        .on('focus', () => showTip(lines, x + cellW - (scroller.node()?.scrollLeft ?? 0), y + rowH - 10));
      if (kind === 'suppressed') rect.append('title').text(lines.slice(1).join(' '));
      grid[r]!.push(rect.node()!);
      words[r]!.push(kind === 'has-value' ? `${o.format(cell!.value!)}${departures ? (lang === 'zh' ? `（${signedPct(departures.of(cell!))}）` : ` (${signedPct(departures.of(cell!))})`) : ''}`
        : kind === 'suppressed' ? wst(lang, 'ws.withheldShort') : '—');
    });
  });

  svg.on('keydown', (event: KeyboardEvent) => {
    const target = event.target as SVGRectElement;
    const r = grid.findIndex((row) => row.includes(target));
    if (r < 0) return;
    const c = grid[r]!.indexOf(target);
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, c + 1], ArrowLeft: [r, c - 1], ArrowDown: [r + 1, c], ArrowUp: [r - 1, c], Home: [r, 0], End: [r, grid[r]!.length - 1],
    };
    const to = moves[event.key];
    if (!to) return;
    event.preventDefault();
    const next = grid[Math.max(0, Math.min(grid.length - 1, to[0]))]![Math.max(0, Math.min(d.cols.length - 1, to[1]))]!;
    target.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  });

  // Weeks open on the newest; hours of the day on the first hour with sales (the night's are empty).
  const firstHour = Math.max(0, d.cols.findIndex((col) => d.rows.some((row) => cells.has(`${row.key}|${col.key}`))));
  pin(scroller.node()!, labelsOver, weekly ? 'end' : firstHour * cellW);

  root.append(() => legend(d, colour, o, id, departures !== undefined));
  root.append(() => textAlternative(d, labels, words, `${id}-summary`, o));
  return root.node()!;
}

function colWords(d: DemandResponse, col: { key: string; label: string }, lang: Lang): string {
  if (d.view === 'hour') return wst(lang, 'ws.hourCol', { h: col.label });
  return wst(lang, 'ws.weekOf', { week: isoWeek(col.key), start: col.key });
}

function cellWords(d: DemandResponse, rowLabel: string, col: { key: string; label: string }, cell: Cell | undefined, o: DemandChartOptions, departures?: Departures<Cell>): string[] {
  const where = `${rowLabel} · ${colWords(d, col, o.lang)}`;
  if (!cell) return [where, wst(o.lang, 'ws.noActivity')];
  if (cell.withheld) return [where, wst(o.lang, cell.withheldWhy === 'subtraction' ? 'ws.withheldComplement' : 'ws.withheld', { k: d.k })];
  if (cell.value === null) return [where, wst(o.lang, 'ws.noBase'), wst(o.lang, 'ws.outlets', { n: cell.outlets ?? 0 })];
  const figure = [where, `${wst(o.lang, `ws.measure.${d.measure}` as WorkspaceKey)}${o.lang === 'zh' ? '：' : ': '}${o.format(cell.value)}`, wst(o.lang, 'ws.outlets', { n: cell.outlets ?? 0 })];
  if (!departures) return figure;
  const n = Math.round(departures.of(cell) * 100);
  return [...figure, n === 0 ? wst(o.lang, 'ws.vsRowSame') : wst(o.lang, n > 0 ? 'ws.vsRowUp' : 'ws.vsRowDown', { pct: `${Math.abs(n)}%` })];
}

const RAMP = 200;

/** The ramp with its end values, and the swatches of no data and of withheld cells. Against the
 *  row's average (`byRow`), the ramp spans the scale's reach either side of 0 in percent, its low end
 *  at -100% at most (nothing falls further below its average than nothing sold). */
function legend(d: DemandResponse, colour: Scale, o: DemandChartOptions, id: string, byRow: boolean): SVGSVGElement {
  const ramp = d.cells.some((c) => !c.withheld && c.value !== null);
  const { lang } = o;
  const domain = colour.domain();
  const [lo, hi] = byRow ? [Math.max(-domain[0]!, -1), domain[0]!] : [domain[0]!, domain.at(-1)!];
  const short = byRow ? signedPct : o.short;
  const top = ramp ? 48 : 0; // no ramp when nothing is shown: only the swatches
  const title = byRow ? wst(lang, 'ws.legendRow') : d.measure === 'yoy' ? wst(lang, 'ws.legendDiverging') : `${wst(lang, `ws.measure.${d.measure}` as WorkspaceKey)}${o.unit}`;
  const svg = create('svg').attr('class', 'heatmap-legend ws-legend').attr('width', 330).attr('height', top + 36).attr('viewBox', `0 0 330 ${top + 36}`)
    .attr('role', 'img').attr('aria-label', ramp ? `${title}${colon(lang)}${short(lo)} – ${short(hi)}` : wst(lang, 'ws.legendWithheld', { k: d.k }));
  const hatch = addNoDataPattern(svg, `${id}-legend-hatch`);
  const dots = addSuppressedPattern(svg, `${id}-legend-dots`);
  if (ramp) {
    const gradient = svg.select('defs').append('linearGradient').attr('id', `${id}-ramp`);
    for (let i = 0; i <= 10; i++) gradient.append('stop').attr('offset', `${i * 10}%`).attr('stop-color', colour(lo + ((hi - lo) * i) / 10));
    svg.append('text').attr('class', 'legend-title').attr('x', 8).attr('y', 11).text(title);
    svg.append('rect').attr('x', 8).attr('y', 16).attr('width', RAMP).attr('height', 12).attr('fill', `url(#${id}-ramp)`);
    svg.append('text').attr('x', 8).attr('y', 42).text(short(lo));
    svg.append('text').attr('x', 8 + RAMP).attr('y', 42).attr('text-anchor', 'end').text(short(hi));
  }
  const swatch = (y: number, fill: string, text: string, cls: string) => {
    const g = svg.append('g').attr('class', cls).attr('transform', `translate(8,${y})`);
    g.append('rect').attr('width', 18).attr('height', 12).attr('fill', fill).attr('stroke', '#90a4ae');
    g.append('text').attr('x', 24).attr('y', 11).text(text);
  };
  swatch(top + 4, hatch, wst(lang, 'ws.noActivity'), 'legend-no-data');
  swatch(top + 22, dots, wst(lang, 'ws.legendWithheld', { k: d.k }), 'legend-suppressed');
  return svg.node()!;
}

/** The chart in words: a sentence, and the whole grid as a table. */
function textAlternative(d: DemandResponse, labels: string[], words: string[][], summaryId: string, o: DemandChartOptions): HTMLElement {
  const { lang } = o;
  const shown = d.cells.filter((c) => !c.withheld && c.value !== null);
  const best = shown.reduce<Cell | undefined>((a, c) => (!a || c.value! > a.value! ? c : a), undefined);
  const rowOf = new Map(d.rows.map((r, i) => [r.key, labels[i]!]));
  const colOf = new Map(d.cols.map((c) => [c.key, d.view === 'hour' ? wst(lang, 'ws.hourCol', { h: c.label }) : isoWeek(c.key)]));
  const wrap = document.createElement('div');
  wrap.className = 'chart-text';
  const summary = document.createElement('p');
  summary.id = summaryId;
  summary.className = 'chart-summary';
  summary.textContent = wst(lang, 'ws.demandSummary', {
    rows: d.rows.length, cols: d.cols.length,
    top: best ? `${rowOf.get(best.row) ?? best.row} ${colOf.get(best.col) ?? best.col} ${o.format(best.value!)}` : '—',
    empty: d.rows.length * d.cols.length - d.cells.length, withheld: d.cells.filter((c) => c.withheld).length,
  });
  const details = document.createElement('details');
  const title = document.createElement('summary');
  title.textContent = wst(lang, 'ws.dataTable');
  const table = document.createElement('table');
  table.className = 'data heatmap-table ws-heat-table';
  const head = table.createTHead().insertRow();
  head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: wst(lang, 'ws.rowsHead') }),
    ...d.cols.map((c) => Object.assign(document.createElement('th'), { scope: 'col', textContent: colOf.get(c.key) ?? c.label })));
  const body = table.createTBody();
  d.rows.forEach((row, r) => {
    const tr = body.insertRow();
    tr.dataset.row = row.key;
    tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: labels[r]! }));
    for (const text of words[r]!) Object.assign(tr.insertCell(), { className: 'num', textContent: text });
  });
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.tabIndex = 0;
  scroll.append(table);
  details.append(title, scroll);
  wrap.append(summary, details);
  return wrap;
}
