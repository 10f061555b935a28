// The counties of the prefecture as a choropleth (D3). The outlines come prebuilt and projected
// (scripts/map-asset.ts), so drawing is a linear fit: no projection code on the phone. Sequential
// values use the heatmap's ramp (lightness only rises); growth rates a diverging ramp around 0.
// A county with no value is hatched, not coloured. Each county is a link: Tab to it, Enter to
// open its townships; its name and value are its accessible name.
import { create, interpolatePuOr, scaleDiverging } from 'd3';
import { colourScale } from '../heatmap-chart.ts';
import { colon, type Lang } from '../i18n.ts';
import { addNoDataPattern } from '../no-data-pattern.ts';
import { DARK_INK, LINE_GAP, labelInk, NAME_SIZE, placeLabel, VALUE_SIZE } from './county-labels.ts';

export interface MapFeature { code: string; name: string; cp: [number, number]; rings: number[][][] }

export interface CountyMapOptions {
  width: number;
  values: Map<string, number | null>; // county code → value; null or absent: no data
  diverging: boolean; // growth rates: centred on 0
  format: (v: number) => string;
  label: (name: string, value: string) => string; // accessible name of a county
  onOpen?: (code: string) => void;
  noData: string; // the legend's words for a hatched county
  lang: Lang;
}

const LEGEND_HEIGHT = 40; // px below the counties: the ramp, its end values and the no-data swatch
const STOPS = 16;

let mapCount = 0;

export function createCountyMap(features: readonly MapFeature[], o: CountyMapOptions): SVGSVGElement {
  const id = `map-${++mapCount}`;
  const xs = features.flatMap((f) => f.rings.flat().map((p) => p[0]!));
  const ys = features.flatMap((f) => f.rings.flat().map((p) => p[1]!));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 8;
  const k = (o.width - 2 * pad) / (x1 - x0);
  const height = Math.round((y1 - y0) * k + 2 * pad);
  const px = (x: number) => pad + (x - x0) * k;
  const py = (y: number) => pad + (y1 - y) * k;
  const path = (rings: number[][][]) => rings.map((r) => `M${r.map((p) => `${px(p[0]!).toFixed(1)},${py(p[1]!).toFixed(1)}`).join('L')}Z`).join('');

  const known = [...o.values.values()].filter((v): v is number => v !== null);
  const maxAbs = Math.max(1, ...known.map((v) => Math.abs(v)));
  const colour = o.diverging
    ? scaleDiverging(interpolatePuOr).domain([maxAbs, 0, -maxAbs])
    : colourScale(Math.max(1, ...known));

  const svg = create('svg').attr('class', 'county-map').attr('width', o.width).attr('height', height + LEGEND_HEIGHT)
    .attr('viewBox', `0 0 ${o.width} ${height + LEGEND_HEIGHT}`).attr('role', 'group');
  const hatch = addNoDataPattern(svg, `${id}-hatch`);

  // The key: the ramp sampled from the scale itself (so it cannot drift from the fills), its ends
  // and, for growth, its middle (0) in the map's own format; then the hatching of no data.
  const [lo, hi] = o.diverging ? [-maxAbs, maxAbs] : [0, Math.max(1, ...known)];
  const rampWidth = Math.min(200, o.width - 110);
  const gradient = svg.select('defs').append('linearGradient').attr('id', `${id}-ramp`);
  for (let i = 0; i <= STOPS; i++) gradient.append('stop').attr('offset', `${(100 * i) / STOPS}%`).attr('stop-color', colour(lo + ((hi - lo) * i) / STOPS));
  const key = svg.append('g').attr('class', 'map-legend').attr('transform', `translate(${pad},${height + 6})`).attr('aria-hidden', 'true');
  if (known.length > 0) {
    key.append('rect').attr('width', rampWidth).attr('height', 10).attr('fill', `url(#${id}-ramp)`);
    const ends: [number, number, string][] = [[0, lo, 'start'], [rampWidth, hi, 'end'], ...(o.diverging ? [[rampWidth / 2, 0, 'middle'] as [number, number, string]] : [])];
    for (const [x, v, anchor] of ends) key.append('text').attr('x', x).attr('y', 24).attr('text-anchor', anchor).attr('font-size', 10).text(o.format(v));
  }
  const swatchX = known.length > 0 ? rampWidth + 12 : 0;
  key.append('rect').attr('x', swatchX).attr('width', 14).attr('height', 10).attr('fill', hatch).attr('stroke', '#90a4ae').attr('stroke-width', 0.5);
  key.append('text').attr('x', swatchX + 18).attr('y', 9).attr('font-size', 10).text(o.noData);
  // Labels above every shape: a label held against the edge can reach over a neighbour, drawn later.
  const shapes = svg.append('g');
  const labels = svg.append('g').attr('class', 'county-labels');
  for (const f of features) {
    const v = o.values.get(f.code) ?? null;
    const text = v === null ? '—' : o.format(v);
    const g = shapes.append('g').attr('class', 'county').attr('data-code', f.code);
    const fill = v === null ? hatch : colour(v);
    const shape = g.append('path').attr('d', path(f.rings)).attr('fill', fill)
      .attr('stroke', '#fff').attr('stroke-width', 1.2).attr('fill-rule', 'evenodd');
    const at = placeLabel(px(f.cp[0]), py(f.cp[1]), f.name, text, o.width, height);
    // A label held against the map's edge lies partly over the page, where white ink vanishes
    // (武定县's value at 360 px): dark ink with its white halo reads on both.
    const ink = at.anchor === 'middle' ? labelInk(fill) : DARK_INK;
    for (const [cls, size, dy, words] of [['county-label', NAME_SIZE, 0, f.name], ['county-value', VALUE_SIZE, LINE_GAP, text]] as const) {
      labels.append('text').attr('x', at.x).attr('y', at.y + dy).attr('text-anchor', at.anchor).attr('class', cls)
        .attr('font-size', size).attr('fill', ink.text).attr('stroke', ink.halo)
        .attr('aria-hidden', 'true').text(words);
    }
    g.append('title').text(`${f.name}${colon(o.lang)}${text}`);
    if (o.onOpen) {
      g.attr('role', 'link').attr('tabindex', 0).attr('aria-label', o.label(f.name, text))
        .on('click', () => o.onOpen!(f.code))
        .on('keydown', (event: KeyboardEvent) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            o.onOpen!(f.code);
          }
        });
      shape.attr('class', 'county-shape');
    }
  }
  return svg.node()!;
}
