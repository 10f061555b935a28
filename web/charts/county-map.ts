// The counties of the prefecture as a choropleth (D3). The outlines come prebuilt and projected
// (scripts/map-asset.ts), so drawing is a linear fit: no projection code on the phone. Sequential
// values use the heatmap's ramp (lightness only rises); growth rates a diverging ramp around 0.
// A county with no value is hatched, not coloured. Each county is a link: Tab to it, Enter to
// open its townships; its name and value are its accessible name.
import { create, interpolatePuOr, scaleDiverging } from 'd3';
import { colourScale } from '../heatmap-chart.ts';
import { addNoDataPattern } from '../no-data-pattern.ts';
import { LINE_GAP, labelInk, NAME_SIZE, placeLabel, VALUE_SIZE } from './county-labels.ts';

export interface MapFeature { code: string; name: string; cp: [number, number]; rings: number[][][] }

export interface CountyMapOptions {
  width: number;
  values: Map<string, number | null>; // county code → value; null or absent: no data
  diverging: boolean; // growth rates: centred on 0
  format: (v: number) => string;
  label: (name: string, value: string) => string; // accessible name of a county
  onOpen?: (code: string) => void;
}

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

  const svg = create('svg').attr('class', 'county-map').attr('width', o.width).attr('height', height)
    .attr('viewBox', `0 0 ${o.width} ${height}`).attr('role', 'group');
  const hatch = addNoDataPattern(svg, `${id}-hatch`);
  for (const f of features) {
    const v = o.values.get(f.code) ?? null;
    const text = v === null ? '—' : o.format(v);
    const g = svg.append('g').attr('class', 'county').attr('data-code', f.code);
    const fill = v === null ? hatch : colour(v);
    const shape = g.append('path').attr('d', path(f.rings)).attr('fill', fill)
      .attr('stroke', '#fff').attr('stroke-width', 1.2).attr('fill-rule', 'evenodd');
    const at = placeLabel(px(f.cp[0]), py(f.cp[1]), f.name, text, o.width, height);
    const ink = labelInk(fill);
    for (const [cls, size, dy, words] of [['county-label', NAME_SIZE, 0, f.name], ['county-value', VALUE_SIZE, LINE_GAP, text]] as const) {
      g.append('text').attr('x', at.x).attr('y', at.y + dy).attr('text-anchor', at.anchor).attr('class', cls)
        .attr('font-size', size).attr('fill', ink.text).attr('stroke', ink.halo)
        .attr('aria-hidden', 'true').text(words);
    }
    g.append('title').text(`${f.name}：${text}`);
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
