// The demand heatmap: one row per child area, one column per ISO week, colour = sales amount.
// Cells without any sales are hatched grey, not coloured as 0, so "no shop reported" never reads
// as "shops sold nothing".
import { create, interpolateYlOrRd, max, pointer, scaleSequentialSqrt, type ScaleSequential } from 'd3';
import type { HeatmapCell, HeatmapResponse } from '../contracts/demand.ts';
import { createHeatmapLegend } from './heatmap-legend.ts';
import { formatQty, formatYuan, formatYuanShort, t, type Lang } from './i18n.ts';
import { addNoDataPattern, addSuppressedPattern } from './no-data-pattern.ts';

export interface HeatmapChartOptions {
  lang: Lang;
  width: number; // of the container, in CSS pixels
  /** Called with a row whose label was clicked; rows are not clickable when absent or when it answers false. */
  onRowClick?: (row: { code: string; name: string }) => void;
  canDrill?: (row: { code: string; name: string }) => boolean;
}

const LABEL_CHAR = 13.5; // width of one CJK character in the 13px label font, with a little slack
const MIN_LABEL_WIDTH = 72;
const MAX_LABEL_WIDTH = 220;
const TOP = 40; // two lines of week labels
const RIGHT = 12;
const ROW_HEIGHT = 26;
const MIN_CELL_WIDTH = 30;
const MAX_CELL_WIDTH = 72;

let chartCount = 0; // keeps pattern ids unique if the page ever shows two charts

/** Draws `data` into a new element: the chart, its legend and a tooltip. */
export function createHeatmapChart(data: HeatmapResponse, options: HeatmapChartOptions): HTMLElement {
  const { lang, onRowClick, canDrill = () => true } = options;
  const id = `heatmap-${++chartCount}`;
  const byKey = new Map(data.cells.map((c) => [`${c.areaCode}|${c.week}`, c]));
  const withheld = new Map(data.suppressed.map((c) => [`${c.areaCode}|${c.week}`, c]));
  const color: ScaleSequential<string> = scaleSequentialSqrt(interpolateYlOrRd)
    .domain([0, Math.max(1, max(data.cells, (c) => c.amountFen) ?? 0)]);

  const labels = new Map(data.rows.map((r) => [r.code, rowLabel(r, data.area.code, lang)]));
  const labelWidth = Math.max(MIN_LABEL_WIDTH,
    Math.min(MAX_LABEL_WIDTH, 16 + LABEL_CHAR * Math.max(0, ...[...labels.values()].map((l) => l.length))));
  const cellWidth = Math.max(MIN_CELL_WIDTH,
    Math.min(MAX_CELL_WIDTH, Math.floor((options.width - labelWidth - RIGHT) / Math.max(1, data.weeks.length))));
  const width = labelWidth + cellWidth * data.weeks.length + RIGHT;
  const height = TOP + ROW_HEIGHT * data.rows.length + 4;

  const root = create('div').attr('class', 'heatmap');
  const svg = root.append('svg')
    .attr('class', 'heatmap-chart')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`);
  const noData = addNoDataPattern(svg, `${id}-hatch`);
  const suppressedFill = addSuppressedPattern(svg, `${id}-dots`);
  const tooltip = root.append('div').attr('class', 'heatmap-tooltip').attr('role', 'tooltip').attr('hidden', '');

  const weekLabels = svg.append('g').attr('class', 'week-labels');
  data.weeks.forEach((w, i) => {
    const label = weekLabels.append('text')
      .attr('x', labelWidth + cellWidth * (i + 0.5))
      .attr('text-anchor', 'middle')
      .attr('data-week', w.week);
    label.append('tspan').attr('x', labelWidth + cellWidth * (i + 0.5)).attr('y', 16).text(`W${w.week.slice(-2)}`);
    label.append('tspan').attr('x', labelWidth + cellWidth * (i + 0.5)).attr('y', 32).attr('class', 'week-start').text(w.start.slice(5));
  });

  data.rows.forEach((row, r) => {
    const y = TOP + ROW_HEIGHT * r;
    const g = svg.append('g').attr('class', 'heatmap-row').attr('data-area', row.code);
    const drillable = onRowClick !== undefined && canDrill(row);
    const label = g.append('text')
      .attr('class', drillable ? 'row-label drill' : 'row-label')
      .attr('x', labelWidth - 8)
      .attr('y', y + ROW_HEIGHT / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .text(labels.get(row.code)!);
    if (drillable) {
      label.attr('role', 'link').attr('tabindex', 0)
        .on('click', () => onRowClick(row))
        .on('keydown', (event: KeyboardEvent) => {
          if (event.key === 'Enter' || event.key === ' ') onRowClick(row);
        });
    }

    data.weeks.forEach((w, i) => {
      const cell = byKey.get(`${row.code}|${w.week}`);
      const hidden = withheld.get(`${row.code}|${w.week}`);
      const text = hidden
        ? cellText(row.name, w, undefined, lang).slice(0, 1).concat(t(lang, 'suppressed', { k: String(data.suppressionThreshold ?? 5) }))
        : cellText(row.name, w, cell, lang);
      g.append('rect')
        .attr('class', cell ? 'cell' : hidden ? 'cell suppressed' : 'cell no-data')
        .attr('x', labelWidth + cellWidth * i + 1)
        .attr('y', y + 1)
        .attr('width', cellWidth - 2)
        .attr('height', ROW_HEIGHT - 2)
        .attr('rx', 2)
        .attr('fill', cell ? color(cell.amountFen) : hidden ? suppressedFill : noData)
        .attr('data-area', row.code)
        .attr('data-week', w.week)
        .attr('data-amount-fen', cell ? cell.amountFen : null)
        .attr('role', 'img')
        .attr('aria-label', text.join('；'))
        .on('pointerenter pointermove', (event: PointerEvent) => {
          const [px, py] = pointer(event, root.node());
          tooltip.attr('hidden', null).html('')
            .style('left', `${Math.min(px + 12, width - 200)}px`)
            .style('top', `${py + 16}px`);
          text.forEach((line, k) => tooltip.append('div').attr('class', k === 0 ? 'tip-title' : 'tip-line').text(line));
        })
        .on('pointerleave', () => tooltip.attr('hidden', ''));
    });
  });

  root.append(() => createHeatmapLegend(color, lang, id, data.suppressionThreshold));
  return root.node()!;
}

/**
 * A row's label. Village committees are named in full (东兴社区居民委员会); the short form that
 * people use (东兴社区, 山嘴子村) fits the label column. The row with the parent's own code holds
 * stores registered at the parent itself, so it says so.
 */
export function rowLabel(row: { code: string; name: string }, parentCode: string, lang: Lang): string {
  if (row.code === parentCode) return t(lang, 'seatRow', { name: row.name });
  return row.name.replace(/居民委员会$/, '').replace(/村民委员会$/, '村').replace(/村村$/, '村');
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
