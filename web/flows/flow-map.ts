// The flow map (D3): the county outlines, the destination cities at their reference positions (a
// city beyond the frame at its edge, named, with an arrow outwards), and an arc from each origin to
// each city whose stroke width is the chosen measure. Arcs start at a county's centre point: at the
// prefecture one per county; below it townships have no outline or position, so the arcs of the
// chosen county or township start at its county's centre. The figures are also in the page's tables.
import { create } from 'd3';
import type { MapFeature } from '../charts/county-map.ts';
import { colon, paren, type Lang } from '../i18n.ts';
import { holdInside, textWidth, type Anchor } from '../charts/county-labels.ts';
import { clearestBox, mapLayout, quadraticInk, spreadAlong, type Box, type Ink, type PlacedCity } from './map-layout.ts';

export interface FlowArc { origin: string; city: string; value: number }
export interface FlowCity { code: string; name: string; lon: number | null; lat: number | null; value: number }

export interface FlowMapOptions {
  width: number;
  highlight: string | null; // the county whose origins are shown (below the prefecture)
  format: (v: number) => string;
  label: string; // the map's accessible name
  offMap: string; // "beyond the map" in words, for a city's title
  lang: Lang;
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
  const ink: Ink[] = [];
  const dots = placed.filter((c) => !spots.get(c.code)!.offMap).map((c) => ({ code: c.code, ...spots.get(c.code)! }));
  // Widest first, so the thin ones stay visible on top of them.
  for (const a of [...arcs].sort((p, q) => q.value - p.value)) {
    const from = byCode.get(a.origin);
    const to = spots.get(a.city);
    if (!from || !to || a.value <= 0) continue;
    const s = layout.screen(from.cp);
    const [dx, dy] = [to.x - s.x, to.y - s.y];
    const width = 1 + (13 * a.value) / top;
    // Arcs bow clockwise, unless that takes them closer past another city on the map (at 360 px the
    // arcs to 广州市 and 深圳市 ran through 昆明市's dot and name).
    const bowed = [0.18, -0.18].map((bend) => {
      const c = { x: (s.x + to.x) / 2 - dy * bend, y: (s.y + to.y) / 2 + dx * bend };
      const points = quadraticInk(s, c, to, width / 2);
      const near = points.filter((q) => dots.some((d) => d.code !== a.city && Math.hypot(q.x - d.x, q.y - d.y) < 16 + q.r)).length;
      return { c, points, near };
    });
    const { c, points } = bowed[1]!.near < bowed[0]!.near ? bowed[1]! : bowed[0]!;
    ink.push(...points);
    arcLayer.append('path').attr('class', 'arc').attr('data-origin', a.origin).attr('data-city', a.city).attr('data-value', a.value)
      .attr('d', `M${s.x.toFixed(1)},${s.y.toFixed(1)}Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${to.x.toFixed(1)},${to.y.toFixed(1)}`)
      .attr('stroke-width', width.toFixed(2))
      .append('title').text(`${from.name} → ${cities.find((x) => x.code === a.city)?.name ?? a.city}${colon(o.lang)}${o.format(a.value)}`);
  }

  // The counties' names above the arcs (which start under them), on a halo, so none is lost under its own flows.
  const names = svg.append('g').attr('class', 'county-names');
  const taken: Box[] = [];
  for (const f of features) {
    const s = layout.screen(f.cp);
    const at = holdInside(s.x, 'middle', textWidth(f.name, COUNTY_SIZE), o.width, EDGE);
    names.append('text').attr('class', 'county-name').attr('x', at.x.toFixed(1)).attr('y', s.y - 4).attr('text-anchor', at.anchor).text(f.name);
    taken.push(textBox(at.x, s.y - 4, at.anchor, textWidth(f.name, COUNTY_SIZE), COUNTY_SIZE));
  }

  const cityLayer = svg.append('g').attr('class', 'cities');
  // Names at the frame's edge first (their place is fixed), then the cities on the map, the largest
  // first, each where it covers the fewest arcs and no other name.
  const order = [...placed].sort((p, q) => Number(spots.get(q.code)!.offMap) - Number(spots.get(p.code)!.offMap) || q.value - p.value);
  for (const c of placed) {
    const p = spots.get(c.code)!;
    if (!p.offMap) taken.push({ x0: p.x - 5, y0: p.y - 5, x1: p.x + 5, y1: p.y + 5 }); // its dot
  }
  for (const c of order) {
    const p = spots.get(c.code)!;
    const g = cityLayer.append('g').attr('class', `city${p.offMap ? ' off-map' : ''}`).attr('data-code', c.code).attr('data-value', c.value);
    g.append('title').text(`${c.name}${colon(o.lang)}${o.format(c.value)}${p.offMap ? paren(o.lang, o.offMap) : ''}`);
    if (p.offMap) {
      // An arrow pointing out of the frame, towards the city.
      const angle = Math.atan2(p.y - layout.centre.y, p.x - layout.centre.x) * 180 / Math.PI;
      g.append('path').attr('class', 'city-arrow').attr('d', 'M6,0L-4,-5L-4,5Z').attr('transform', `translate(${p.x.toFixed(1)},${p.y.toFixed(1)}) rotate(${angle.toFixed(0)})`);
    } else {
      g.append('circle').attr('class', 'city-dot').attr('cx', p.x).attr('cy', p.y).attr('r', 4);
    }
    const w = textWidth(c.name, CITY_SIZE);
    // On a 360 px phone a city near a corner, or a county at the side, was named half outside the frame.
    const spots4 = cityNameSpots(p, layout.width).map((s) => ({ ...holdInside(s.x, s.anchor, w, o.width, EDGE), y: s.y }));
    const boxes = spots4.map((s) => textBox(s.x, s.y, s.anchor, w, CITY_SIZE));
    const chosen = p.offMap ? 0 : clearestBox(boxes, ink, taken);
    const at = spots4[chosen]!;
    taken.push(boxes[chosen]!);
    g.append('text').attr('class', 'city-name').attr('x', at.x.toFixed(1)).attr('y', at.y.toFixed(1)).attr('text-anchor', at.anchor).text(c.name);
  }
  return svg.node()!;
}

/** Where a city's name may go, in order of preference. A name reads towards the inside of the
 *  frame: a city in its right third is named to its left; a city at the frame's edge has one place
 *  (beside or under its arrow); one on the map may also go to the other side, above or below. */
function cityNameSpots(p: PlacedCity, width: number): { x: number; y: number; anchor: Anchor }[] {
  if (p.offMap) {
    const anchor: Anchor = p.side === 'right' ? 'end' : p.side === 'left' ? 'start' : 'middle';
    const x = p.side === 'right' ? p.x - 9 : p.side === 'left' ? p.x + 7 : p.x;
    const y = p.side === 'top' ? p.y + 16 : p.side === 'bottom' ? p.y - 9 : p.y + 4;
    return [{ x, y, anchor }];
  }
  const left = { x: p.x - 9, y: p.y + 4, anchor: 'end' as const };
  const right = { x: p.x + 7, y: p.y + 4, anchor: 'start' as const };
  return [...(p.x > width * 0.66 ? [left, right] : [right, left]),
    { x: p.x, y: p.y - 9, anchor: 'middle' }, { x: p.x, y: p.y + 17, anchor: 'middle' },
    { x: p.x - 5, y: p.y - 7, anchor: 'end' }, { x: p.x + 5, y: p.y - 7, anchor: 'start' },
    { x: p.x - 5, y: p.y + 15, anchor: 'end' }, { x: p.x + 5, y: p.y + 15, anchor: 'start' }];
}

/** The box a text of width `w` at `size` px takes with its baseline at y, halo included. */
function textBox(x: number, y: number, anchor: Anchor, w: number, size: number): Box {
  const x0 = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  return { x0: x0 - 1.5, y0: y - size * 0.9 - 1.5, x1: x0 + w + 1.5, y1: y + size * 0.25 + 1.5 };
}

const CITY_SIZE = 12; // px, as app.css sets .flow-map .city-name
const CORNER = 32; // px at each end of a side kept for the top or bottom side's names
const COUNTY_SIZE = 10; // px, .flow-map .county-name
const EDGE = 3; // px kept free at the frame
