// Units sold per unit-price band in the area, as bars, with the merchant's own price drawn as a
// line across them. Plain SVG (a phone should not download a chart library for a dozen bars); the
// same figures are in the table below it.
import type { PricesResponse } from '../../contracts/workspace.ts';
import { clauseSep, colon, formatYuan, formatYuanShort, type Lang } from '../i18n.ts';
import { svg } from './frame.ts';
import { wst } from './strings.ts';

const HEIGHT = 190;
const TOP = 22; // room for the "my price" label
const BOTTOM = 34; // price labels
const LEFT = 8;
const RIGHT = 8;

/** Where `priceFen` sits on the band axis: band index plus the fraction of the band below it. */
export function bandPosition(bands: PricesResponse['bands'], priceFen: number): number {
  if (bands.length === 0) return 0;
  if (priceFen < bands[0]!.lowFen) return 0;
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    if (priceFen <= b.highFen) return i + (priceFen - b.lowFen) / Math.max(1, b.highFen - b.lowFen + 1);
  }
  return bands.length;
}

export function createPriceBandsChart(d: PricesResponse, lang: Lang, width: number): SVGSVGElement {
  const w = Math.max(280, Math.min(720, width));
  const plotW = w - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const n = Math.max(1, d.bands.length);
  const step = plotW / n;
  const top = Math.max(1, ...d.bands.map((b) => b.qty));
  const label = [wst(lang, 'ws.bandsChart'), d.mine ? wst(lang, 'ws.myPriceLine', { price: formatYuan(d.mine.priceFen), qty: d.mine.qty }) : ''].filter(Boolean).join(clauseSep(lang));
  const chart = svg('svg', { class: 'ws-bands', width: w, height: HEIGHT, viewBox: `0 0 ${w} ${HEIGHT}`, role: 'img', 'aria-label': label });
  // Label every band when there is room, else every second or third, so labels never overlap.
  const every = Math.ceil(44 / step);
  d.bands.forEach((b, i) => {
    const hgt = (b.qty / top) * plotH;
    const x = LEFT + i * step;
    chart.append(svg('rect', { class: 'band', x: x + 1, y: TOP + plotH - hgt, width: Math.max(1, step - 2), height: hgt, 'data-low-fen': b.lowFen, 'data-qty': b.qty },
      svg('title', {}, `${formatYuan(b.lowFen)}–${formatYuan(b.highFen)}${colon(lang)}${b.qty}`)));
    // The units on each bar, where a bar is wide enough to hold them (there is no y axis to read).
    if (b.qty > 0 && step >= 26) {
      const inside = hgt >= 16;
      chart.append(svg('text', { class: inside ? 'band-qty inside' : 'band-qty', x: x + step / 2, y: inside ? TOP + plotH - hgt + 12 : TOP + plotH - hgt - 3, 'text-anchor': 'middle' }, b.qty.toLocaleString()));
    }
    if (i % every === 0) chart.append(svg('text', { class: 'band-label', x, y: HEIGHT - BOTTOM + 14, 'text-anchor': i === 0 ? 'start' : 'middle' }, `¥${formatYuanShort(b.lowFen, lang)}`));
  });
  chart.append(svg('line', { class: 'axis', x1: LEFT, x2: w - RIGHT, y1: TOP + plotH + 0.5, y2: TOP + plotH + 0.5 }));
  if (d.bands.length > 0) {
    chart.append(svg('text', { class: 'band-label', x: w - RIGHT, y: HEIGHT - BOTTOM + 14, 'text-anchor': 'end' }, `¥${formatYuanShort(d.bands.at(-1)!.highFen, lang)}`));
  }
  if (d.mine && d.bands.length > 0) {
    const x = LEFT + bandPosition(d.bands, d.mine.priceFen) * step;
    const anchor = x < w * 0.2 ? 'start' : x > w * 0.8 ? 'end' : 'middle';
    chart.append(svg('g', { class: 'mine' },
      svg('line', { x1: x, x2: x, y1: TOP - 4, y2: TOP + plotH + 6 }),
      svg('text', { x, y: 12, 'text-anchor': anchor }, `${wst(lang, 'ws.myPrice')} ${formatYuan(d.mine.priceFen)}`)));
  }
  return chart;
}
