// The flow map (D3): the county outlines, the destination cities at their reference positions (a
// city beyond the frame at its edge, named, with an arrow outwards), and an arc from each origin to
// each city whose stroke width is the chosen measure. Arcs start at a county's centre point: at the
// prefecture one per county; below it townships have no outline or position, so the arcs of the
// chosen county or township start at its county's centre. The figures are also in the page's tables.
import { create } from 'd3';
import type { MapFeature } from '../charts/county-map.ts';
import { holdInside, textWidth } from '../charts/county-labels.ts';
import { mapLayout, spreadAlong, type PlacedCity } from './map-layout.ts';

export interface FlowArc { origin: string; city: string; value: number }
export interface FlowCity { code: string; name: string; lon: number | null; lat: number | null; value: number }

export interface FlowMapOptions {
  width: number;
  highlight: string | null; // the county whose origins are shown (below the prefecture)
  format: (v: number) => string;
  label: string; // the map's accessible name
  offMap: string; // "beyond the map" in words, for a city's title
}

export function createFlowMap(features: readonly MapFeature[], arcs: readonly FlowArc[], cities: readonly FlowCity[], o: FlowMapOptions): SVGSVGElement {
  const placed = cities.filter((c) => c.lon !== null && c.lat !== null);
  const layout = mapLayout(features.flatMap((f) => f.rings), placed, o.width);
  const outline = (rings: number[][][]) => rings.map((r) => `M${r.map((p) => { const s = layout.screen(p as [number, number]); return `${s.x.toFixed(1)},${s.y.toFixed(1)}`; }).join('L')}Z`).join('');

  // Cities on the edge are spread along their side so that their names do not overlap; the corners
  // are left to the top and bottom sides' names (a line under or over the arrow), so that a side's
  // first name does not run into them (on a 360 px phone 北京市 sat on 重庆市), and those names
  // stay half a name from the corner.
  const spots = new Map<string, PlacedCity>(placed.map((c) => [c.code, layout.city(c.lon!, c.lat!)]));
  const used = (side: PlacedCity['side']) => placed.some((c) => spots.get(c.code)!.side === side);
  const [topBand, bottomBand] = [used('top') ? CORNER : 0, used('bottom') ? CORNER : 0];
  for (const side of ['left', 'right', 'top', 'bottom'] as const) {
    const onSide = placed.filter((c) => spots.get(c.code)!.side === side);
    const vertical = side === 'left' || side === 'right';
    const spread = spreadAlong(onSide.map((c) => (vertical ? spots.get(c.code)!.y : spots.get(c.code)!.x)), vertical ? 18 : 52,
      vertical ? 12 + topBand : 30, vertical ? layout.height - 12 - bottomBand : layout.width - 30);
    onSide.forEach((c, i) => {
      const s = spots.get(c.code)!;
      spots.set(c.code, vertical ? { ...s, y: spread[i]! } : { ...s, x: spread[i]! });
    });
  }

  const svg = create('svg').attr('class', 'flow-map').attr('width', o.width).attr('height', layout.height)
    .attr('viewBox', `0 0 ${o.width} ${layout.height}`).attr('role', 'img').attr('aria-label', o.label);
  svg.append('rect').attr('class', 'frame').attr('x', 0.5).attr('y', 0.5).attr('width', o.width - 1).attr('height', layout.height - 1);
  const byCode = new Map(features.map((f) => [f.code, f]));
  for (const f of features) {
    svg.append('path').attr('class', `county-outline${f.code === o.highlight ? ' chosen' : ''}`).attr('data-code', f.code).attr('d', outline(f.rings));
  }

  const top = Math.max(1, ...arcs.map((a) => a.value));
  const arcLayer = svg.append('g').attr('class', 'arcs');
  // Widest first, so the thin ones stay visible on top of them.
  for (const a of [...arcs].sort((p, q) => q.value - p.value)) {
    const from = byCode.get(a.origin);
    const to = spots.get(a.city);
    if (!from || !to || a.value <= 0) continue;
    const s = layout.screen(from.cp);
    const [dx, dy] = [to.x - s.x, to.y - s.y];
    const bend = 0.18;
    const c = { x: (s.x + to.x) / 2 - dy * bend, y: (s.y + to.y) / 2 + dx * bend };
    arcLayer.append('path').attr('class', 'arc').attr('data-origin', a.origin).attr('data-city', a.city).attr('data-value', a.value)
      .attr('d', `M${s.x.toFixed(1)},${s.y.toFixed(1)}Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${to.x.toFixed(1)},${to.y.toFixed(1)}`)
      .attr('stroke-width', (1 + (13 * a.value) / top).toFixed(2))
      .append('title').text(`${from.name} → ${cities.find((x) => x.code === a.city)?.name ?? a.city}：${o.format(a.value)}`);
  }

  // The counties' names above the arcs (which start under them), on a halo, so none is lost under its own flows.
  const names = svg.append('g').attr('class', 'county-names');
  for (const f of features) {
    const s = layout.screen(f.cp);
    const at = holdInside(s.x, 'middle', textWidth(f.name, COUNTY_SIZE), o.width, EDGE);
    names.append('text').attr('class', 'county-name').attr('x', at.x.toFixed(1)).attr('y', s.y - 4).attr('text-anchor', at.anchor).text(f.name);
  }

  const cityLayer = svg.append('g').attr('class', 'cities');
  for (const c of placed) {
    const p = spots.get(c.code)!;
    const g = cityLayer.append('g').attr('class', `city${p.offMap ? ' off-map' : ''}`).attr('data-code', c.code).attr('data-value', c.value);
    g.append('title').text(`${c.name}：${o.format(c.value)}${p.offMap ? `（${o.offMap}）` : ''}`);
    if (p.offMap) {
      // An arrow pointing out of the frame, towards the city.
      const angle = Math.atan2(p.y - layout.centre.y, p.x - layout.centre.x) * 180 / Math.PI;
      g.append('path').attr('class', 'city-arrow').attr('d', 'M6,0L-4,-5L-4,5Z').attr('transform', `translate(${p.x.toFixed(1)},${p.y.toFixed(1)}) rotate(${angle.toFixed(0)})`);
    } else {
      g.append('circle').attr('class', 'city-dot').attr('cx', p.x).attr('cy', p.y).attr('r', 4);
    }
    // A name reads towards the inside of the frame: a city in its right third is named to its left.
    const leftward = p.side === 'right' || (p.side === null && p.x > layout.width * 0.66);
    const anchor = leftward ? 'end' : p.side === 'top' || p.side === 'bottom' ? 'middle' : 'start';
    const lx = leftward ? p.x - 9 : p.side === 'left' || p.side === null ? p.x + 7 : p.x;
    const ly = p.side === 'top' ? p.y + 16 : p.side === 'bottom' ? p.y - 9 : p.y + 4;
    // On a 360 px phone a city near a corner, or a county at the side, was named half outside the frame.
    const at = holdInside(lx, anchor, textWidth(c.name, CITY_SIZE), o.width, EDGE);
    g.append('text').attr('class', 'city-name').attr('x', at.x.toFixed(1)).attr('y', ly.toFixed(1)).attr('text-anchor', at.anchor).text(c.name);
  }
  return svg.node()!;
}

const CITY_SIZE = 12; // px, as app.css sets .flow-map .city-name
const CORNER = 32; // px at each end of a side kept for the top or bottom side's names
const COUNTY_SIZE = 10; // px, .flow-map .county-name
const EDGE = 3; // px kept free at the frame
