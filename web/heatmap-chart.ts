// The demand heatmap: one row per child area, one column per ISO week, colour = sales amount.
// Cells without any sales are hatched grey and withheld cells dotted, not coloured as 0, so "no
// shop reported" never reads as "shops sold nothing" (and neither depends on seeing colour).
// The colour ramp rises in lightness step by step (test/web/heatmap-colours.test.ts), so its order
// survives every kind of colour-vision deficiency. The chart is a keyboard grid: Tab enters it,
// the arrow keys move between cells (Home/End along a row), the tooltip follows the focus, and
// Enter on a row's area drills down. Below it, a sentence and a table say the same in words.
// A last week still under way (partialThrough) is framed with a dashed line and labelled with the
// day it runs to, and left out of the colour scale's top: its pale cells are days, not a fall.
// Coloured on one scale for the whole chart, or each week against its row's average week (options.colourBy).
import { create, interpolateYlOrRd, max, pointer, scaleSequentialSqrt, select, type ScaleSequential } from 'd3';
import type { HeatmapCell, HeatmapResponse } from '../contracts/demand.ts';
import { areaLabel } from './area-label.ts';
import { createHeatmapLegend } from './heatmap-legend.ts';
import { departuresByRow, departureScale, type Departures } from './row-departures.ts';
import { clauseSep, formatQty, formatYuan, formatYuanShort, t, type Lang } from './i18n.ts';
import { addNoDataPattern, addSuppressedPattern } from './no-data-pattern.ts';
import { labelLayer, pin } from './sticky-labels.ts';
import { weekdayName } from './week-to-date.ts';

export interface HeatmapChartOptions {
  lang: Lang;
  width: number; // of the container, in CSS pixels
  /** Called with a row whose label was clicked; rows are not clickable when absent or when it answers false. */
  onRowClick?: (row: { code: string; name: string }) => void;
  canDrill?: (row: { code: string; name: string }) => boolean;
  /** `all` (the default): one scale from 0 for every cell. `row`: each week against its row's
   *  average week, so every area's weeks show their pattern whatever its size, on one scale. */
  colourBy?: 'all' | 'row';
}

const LABEL_CHAR = 13.5; // width of one CJK character in the 13px label font, with a little slack
const MIN_LABEL_WIDTH = 72;
const MAX_LABEL_WIDTH = 220;
const TOP = 40; // two lines of week labels
const RIGHT = 12;
const MIN_CELL_WIDTH = 30;
const MAX_CELL_WIDTH = 72;
const PHONE = 600; // below this width rows are touch targets of 44 px
export const PARTIAL_GREY = '#e0e0e0';

// The ramp starts a tenth in: its very first yellow is lighter than the page, and a small amount
// must not vanish into the background.
const ramp = (t: number) => interpolateYlOrRd(0.1 + 0.9 * t);

/** The colour of an amount on a scale up to `maxFen`: the chart's and the legend's, and the tests'. */
export function colourScale(maxFen: number): ScaleSequential<string> {
  return scaleSequentialSqrt(ramp).domain([0, Math.max(1, maxFen)]);
}

/** Each week against its row's average week: the mean over the row's whole weeks with sales. */
export function rowDepartures(cells: readonly HeatmapCell[], partialWeek: string | undefined): Departures<HeatmapCell> {
  return departuresByRow(cells, (c) => c.areaCode, (c) => c.amountFen, (c) => c.week !== partialWeek);
}

/** The cells' colours when each week is set against its row's average week. A week under way is a
 *  few days' sales: against a whole average week it would read as a steep fall, so it is neutral
 *  grey (its dashed frame and tooltip say why). */
export function rowColouring(cells: readonly HeatmapCell[], partialWeek: string | undefined) {
  const departures = rowDepartures(cells, partialWeek);
  const scale = departureScale(departures.reach);
  return { ...departures, scale, fill: (cell: HeatmapCell) => (cell.week === partialWeek ? PARTIAL_GREY : scale(departures.of(cell))) };
}

let chartCount = 0; // keeps pattern ids unique if the page ever shows two charts

/** Draws `data` into a new element: the chart, its legend, a tooltip and the text alternative. */
export function createHeatmapChart(data: HeatmapResponse, options: HeatmapChartOptions): HTMLElement {
  const { lang, onRowClick, canDrill = () => true } = options;
  const id = `heatmap-${++chartCount}`;
  const rowHeight = options.width < PHONE ? 44 : 26;
  const byKey = new Map(data.cells.map((c) => [`${c.areaCode}|${c.week}`, c]));
  const withheld = new Map(data.suppressed.map((c) => [`${c.areaCode}|${c.week}`, c]));
  const partialWeek = data.partialThrough ? data.weeks.at(-1)?.week : undefined;
  // The scale is set by whole weeks, so a few days' sales do not read as the range; when there is
  // no whole week with sales (a range of the week under way alone), by the cells there are.
  const whole = data.cells.filter((c) => c.week !== partialWeek);
  const color = colourScale(max(whole.length > 0 ? whole : data.cells, (c) => c.amountFen) ?? 0);
  const departures = options.colourBy === 'row' ? rowColouring(data.cells, partialWeek) : undefined;
  const fill = (cell: HeatmapCell) => (departures ? departures.fill(cell) : color(cell.amountFen));
  const departureWords = (cell: HeatmapCell) => {
    if (cell.week === partialWeek) return t(lang, 'vsRowMeanPartial');
    const n = Math.round(departures!.of(cell) * 100);
    return n === 0 ? t(lang, 'vsRowMeanSame') : t(lang, n > 0 ? 'vsRowMeanUp' : 'vsRowMeanDown', { pct: `${Math.abs(n)}%` });
  };

  const labels = new Map(data.rows.map((r) => [r.code, areaLabel(r, data.area.code, lang)]));
  const labelWidth = Math.max(MIN_LABEL_WIDTH,
    Math.min(MAX_LABEL_WIDTH, 16 + LABEL_CHAR * Math.max(0, ...[...labels.values()].map((l) => l.length))));
  const cellWidth = Math.max(MIN_CELL_WIDTH,
    Math.min(MAX_CELL_WIDTH, Math.floor((options.width - labelWidth - RIGHT) / Math.max(1, data.weeks.length))));
  const width = labelWidth + cellWidth * data.weeks.length + RIGHT;
  const height = TOP + rowHeight * data.rows.length + 4;

  const root = create('div').attr('class', 'heatmap');
  const summaryId = `${id}-summary`;
  // tabindex: a phone-width chart scrolls sideways, and a keyboard must be able to scroll it too.
  const scroller = root.append('div').attr('class', 'heatmap-scroll').attr('tabindex', 0);
  const svg = scroller.append('svg')
    .attr('class', 'heatmap-chart')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'group')
    .attr('aria-label', t(lang, 'chartKeys'))
    .attr('aria-describedby', summaryId);
  const noData = addNoDataPattern(svg, `${id}-hatch`);
  const suppressedFill = addSuppressedPattern(svg, `${id}-dots`);
  const labelsOver = labelLayer(svg.node()!, labelWidth, height);
  const tooltip = root.append('div').attr('class', 'heatmap-tooltip').attr('role', 'tooltip').attr('hidden', '');

  const weekLabels = svg.append('g').attr('class', 'week-labels').attr('aria-hidden', 'true');
  data.weeks.forEach((w, i) => {
    const label = weekLabels.append('text')
      .attr('x', labelWidth + cellWidth * (i + 0.5))
      .attr('text-anchor', 'middle')
      .attr('data-week', w.week);
    label.append('tspan').attr('x', labelWidth + cellWidth * (i + 0.5)).attr('y', 16).text(`W${w.week.slice(-2)}`);
    label.append('tspan').attr('x', labelWidth + cellWidth * (i + 0.5)).attr('y', 32).attr('class', 'week-start')
      .text(w.week === partialWeek ? t(lang, 'partialWeekLabel', { day: weekdayName(data.partialThrough!, lang) }) : w.start.slice(5));
  });
  if (partialWeek) {
    const i = data.weeks.length - 1;
    svg.append('rect').attr('class', 'partial-week').attr('data-week', partialWeek).attr('aria-hidden', 'true')
      .attr('x', labelWidth + cellWidth * i).attr('y', 2).attr('width', cellWidth).attr('height', height - 4).attr('rx', 3)
      .attr('fill', 'none').attr('stroke', '#555').attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3').attr('pointer-events', 'none');
  }
  const partialTip = data.partialThrough
    ? t(lang, 'partialWeekTip', { date: data.partialThrough, day: weekdayName(data.partialThrough, lang) }) : '';

  const grid: SVGRectElement[][] = [];
  const texts: string[][] = [];
  const showTip = (lines: string[], x: number, y: number) => {
    tooltip.attr('hidden', null).html('');
    lines.forEach((line, k) => tooltip.append('div').attr('class', k === 0 ? 'tip-title' : 'tip-line').text(line));
    // Kept inside the chart's box: on a phone the right-hand cells are near the screen's edge.
    const room = (root.node()?.clientWidth ?? width) - (tooltip.node()?.offsetWidth ?? 200) - 4;
    tooltip.style('left', `${Math.max(0, Math.min(x + 12, room))}px`).style('top', `${y + 16}px`);
  };

  data.rows.forEach((row, r) => {
    const y = TOP + rowHeight * r;
    const g = svg.append('g').attr('class', 'heatmap-row').attr('data-area', row.code);
    const drillable = onRowClick !== undefined && canDrill(row);
    const labelRow = select(labelsOver).append('g').attr('data-area', row.code);
    const label = labelRow.append('text')
      .attr('class', drillable ? 'row-label drill' : 'row-label')
      .attr('x', labelWidth - 8)
      .attr('y', y + rowHeight / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .text(labels.get(row.code)!);
    if (drillable) {
      // The whole label column of the row is the target, not just the glyphs: 44 px tall on phones.
      labelRow.insert('rect', 'text').attr('class', 'row-hit').attr('x', 0).attr('y', y).attr('width', labelWidth - 2).attr('height', rowHeight)
        .on('click', () => onRowClick(row));
      label.attr('role', 'link').attr('tabindex', 0)
        .on('click', () => onRowClick(row))
        .on('keydown', (event: KeyboardEvent) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onRowClick(row);
          }
        });
    }

    grid.push([]);
    texts.push([]);
    data.weeks.forEach((w, i) => {
      const cell = byKey.get(`${row.code}|${w.week}`);
      const hidden = withheld.get(`${row.code}|${w.week}`);
      const text = (hidden
        ? cellText(row.name, w, undefined, lang).slice(0, 1).concat(hidden.why === 'subtraction' ? t(lang, 'suppressedComplement')
          : t(lang, 'suppressed', { k: String(data.suppressionThreshold ?? 5) }))
        : cellText(row.name, w, cell, lang)).concat(cell && departures ? [departureWords(cell)] : [])
        .concat(w.week === partialWeek ? [partialTip] : []);
      const x = labelWidth + cellWidth * i + 1;
      const rect = g.append('rect')
        .attr('class', (cell ? 'cell' : hidden ? 'cell suppressed' : 'cell no-data') + (w.week === partialWeek ? ' partial' : ''))
        .attr('x', x)
        .attr('y', y + 1)
        .attr('width', cellWidth - 2)
        .attr('height', rowHeight - 2)
        .attr('rx', 2)
        .attr('fill', cell ? fill(cell) : hidden ? suppressedFill : noData)
        .attr('data-area', row.code)
        .attr('data-week', w.week)
        .attr('data-amount-fen', cell ? cell.amountFen : null)
        .attr('role', 'img')
        .attr('tabindex', r === 0 && i === 0 ? 0 : -1)
        .attr('aria-label', text.join(clauseSep(lang)))
        .on('pointerenter pointermove', (event: PointerEvent) => {
          const [px, py] = pointer(event, root.node());
          showTip(text, px, py);
        })
        .on('pointerleave blur', () => tooltip.attr('hidden', ''))
        .on('focus', () => showTip(text, x + cellWidth - svgScroll(), y + rowHeight - 10));
      grid[r]!.push(rect.node()!);
      texts[r]!.push(text.join(' '));
    });
  });

  // The newest weeks first in sight on a phone, the names beside them.
  pin(scroller.node()!, labelsOver, 'end');

  function svgScroll(): number {
    return (scroller.node()?.scrollLeft ?? 0);
  }

  // Arrow keys move a single tab stop around the grid (roving tabindex).
  svg.on('keydown', (event: KeyboardEvent) => {
    const target = event.target as Element;
    const r = grid.findIndex((row) => row.includes(target as SVGRectElement));
    if (r < 0) return;
    const c = grid[r]!.indexOf(target as SVGRectElement);
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, c + 1], ArrowLeft: [r, c - 1], ArrowDown: [r + 1, c], ArrowUp: [r - 1, c],
      Home: [r, 0], End: [r, grid[r]!.length - 1],
    };
    const to = moves[event.key];
    if (event.key === 'Enter' && onRowClick && canDrill(data.rows[r]!)) {
      event.preventDefault();
      onRowClick(data.rows[r]!);
      return;
    }
    if (!to) return;
    event.preventDefault();
    const [nr, nc] = [Math.max(0, Math.min(grid.length - 1, to[0])), Math.max(0, Math.min(grid[0]!.length - 1, to[1]))];
    const next = grid[nr]![nc]!;
    target.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  });

  root.append(() => createHeatmapLegend(departures?.scale ?? color, lang, id, data.suppressionThreshold, data.cells.length > 0));
  root.append(() => textAlternative(data, labels, summaryId, lang));
  return root.node()!;
}

/** The chart in words: a sentence with its extent and largest cell, and the whole grid as a table. */
function textAlternative(data: HeatmapResponse, labels: Map<string, string>, summaryId: string, lang: Lang): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'chart-text';
  const top = data.cells.reduce<HeatmapCell | undefined>((a, c) => (!a || c.amountFen > a.amountFen ? c : a), undefined);
  const slots = data.rows.length * data.weeks.length;
  const summary = document.createElement('p');
  summary.id = summaryId;
  summary.className = 'chart-summary';
  summary.textContent = t(lang, 'chartSummary', {
    rows: String(data.rows.length), level: t(lang, `level.${data.childLevel}`), weeks: String(data.weeks.length),
    first: data.weeks[0]?.week ?? '', last: data.weeks.at(-1)?.week ?? '',
    top: top ? `${labels.get(top.areaCode) ?? top.areaCode} ${top.week} ${formatYuan(top.amountFen)}` : '—',
    empty: String(slots - data.cells.length - data.suppressed.length), withheld: String(data.suppressed.length),
  });
  const details = document.createElement('details');
  const title = document.createElement('summary');
  title.textContent = t(lang, 'dataTable');
  const table = document.createElement('table');
  table.className = 'data heatmap-table';
  const byKey = new Map(data.cells.map((c) => [`${c.areaCode}|${c.week}`, c]));
  const withheld = new Set(data.suppressed.map((c) => `${c.areaCode}|${c.week}`));
  const head = table.createTHead().insertRow();
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = t(lang, 'area');
  const partialWeek = data.partialThrough ? data.weeks.at(-1)?.week : undefined;
  head.append(corner, ...data.weeks.map((w) => Object.assign(document.createElement('th'), {
    scope: 'col', textContent: w.week === partialWeek ? `${w.week} ${t(lang, 'partialWeekLabel', { day: weekdayName(data.partialThrough!, lang) })}` : w.week,
  })));
  const body = table.createTBody();
  for (const row of data.rows) {
    const tr = body.insertRow();
    tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: labels.get(row.code) ?? row.name }));
    for (const w of data.weeks) {
      const key = `${row.code}|${w.week}`;
      const cell = byKey.get(key);
      const td = tr.insertCell();
      td.className = 'num';
      td.textContent = cell ? formatYuan(cell.amountFen) : withheld.has(key) ? t(lang, 'withheldShort') : '—';
    }
  }
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.tabIndex = 0;
  scroll.append(table);
  details.append(title, scroll);
  wrap.append(summary, details);
  return wrap;
}

/** The tooltip's lines: where and when, then the exact yuan amount and the units. */
function cellText(area: string, w: { week: string; start: string }, cell: HeatmapCell | undefined, lang: Lang): string[] {
  const when = lang === 'zh' ? `${w.week}（${w.start} ${t(lang, 'weekOf')}）` : `${w.week} (${t(lang, 'weekOf')} ${w.start})`;
  const sep = lang === 'zh' ? '：' : ': ';
  if (!cell) return [`${area} · ${when}`, t(lang, 'noData')];
  return [
    `${area} · ${when}`,
    `${t(lang, 'amount')}${sep}${formatYuan(cell.amountFen)}${inWan(cell.amountFen, lang)}`,
    `${t(lang, 'qty')}${sep}${formatQty(cell.qty, lang)}`,
  ];
}

/** Large amounts also in 万元, the unit county reports use: `（123.46万元）`. */
function inWan(fen: number, lang: Lang): string {
  return lang === 'zh' && fen >= 1_000_000 ? `（${formatYuanShort(fen, lang)}元）` : '';
}
