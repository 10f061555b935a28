// Where the flow map puts things. The county outlines come projected (scripts/map-asset.ts:
// x = longitude x cos 25.1°, y = latitude); a city's lon/lat is projected the same way, so one
// linear fit places both. The frame fits the prefecture and the nearby markets (Kunming, Dali,
// Panzhihua...); a city beyond it is not dropped but put on the frame's edge, where the line from
// the prefecture's centre towards it leaves the frame, and marked as off the map. Pure: no DOM.
const K = Math.cos((25.1 * Math.PI) / 180); // as scripts/map-asset.ts projects
const NEAR = 3.5; // projected degrees from the centre within which a city widens the frame

export interface Point { x: number; y: number }
export interface PlacedCity { x: number; y: number; offMap: boolean; side: 'left' | 'right' | 'top' | 'bottom' | null }

export interface MapLayout {
  width: number;
  height: number;
  /** A projected map point (x = lon·k, y = lat) on screen. */
  screen(p: [number, number]): Point;
  /** A city's place: its position when inside the frame, else on the frame's edge towards it. */
  city(lon: number, lat: number): PlacedCity;
  centre: Point;
}

export const projectLonLat = (lon: number, lat: number): [number, number] => [lon * K, lat];

export function mapLayout(rings: number[][][], cities: { lon: number | null; lat: number | null }[], width: number, o: { pad?: number; edge?: number } = {}): MapLayout {
  const pad = o.pad ?? 10; // outline to frame
  const edge = o.edge ?? 22; // the band along the frame where off-map cities sit
  const xs = rings.flat().map((p) => p[0]!);
  const ys = rings.flat().map((p) => p[1]!);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  for (const c of cities) {
    if (c.lon === null || c.lat === null) continue;
    const [x, y] = projectLonLat(c.lon, c.lat);
    if (Math.hypot(x - cx, y - cy) > NEAR) continue;
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  }
  // Room around the outlines and the near cities, so that none sits on the band of the far ones.
  const [mx, my] = [(x1 - x0) * 0.08, (y1 - y0) * 0.04];
  [x0, x1, y0, y1] = [x0 - mx, x1 + mx, y0 - my, y1 + my];
  const inner = edge + pad;
  const k = (width - 2 * inner) / (x1 - x0);
  const height = Math.round((y1 - y0) * k + 2 * inner);
  const screen = ([x, y]: [number, number]): Point => ({ x: inner + (x - x0) * k, y: inner + (y1 - y) * k });
  const centre = screen([cx, cy]);
  // Off-map cities sit on this rectangle, inside the frame by half the edge band.
  const box = { left: edge / 2, right: width - edge / 2, top: edge / 2, bottom: height - edge / 2 };
  return {
    width, height, screen, centre,
    city(lon, lat) {
      const p = screen(projectLonLat(lon, lat));
      if (p.x >= edge && p.x <= width - edge && p.y >= edge && p.y <= height - edge) return { ...p, offMap: false, side: null };
      const dx = p.x - centre.x;
      const dy = p.y - centre.y;
      // The first side of the box the ray from the centre meets.
      const tx = dx > 0 ? (box.right - centre.x) / dx : dx < 0 ? (box.left - centre.x) / dx : Infinity;
      const ty = dy > 0 ? (box.bottom - centre.y) / dy : dy < 0 ? (box.top - centre.y) / dy : Infinity;
      const t = Math.min(tx, ty);
      const side = tx <= ty ? (dx > 0 ? 'right' : 'left') : (dy > 0 ? 'bottom' : 'top');
      return { x: centre.x + dx * t, y: centre.y + dy * t, offMap: true, side };
    },
  };
}

/** Moves points along their side so that neighbours are at least `gap` apart (labels must not
 *  overlap); the order along the side is kept, and points stay within [lo, hi] where they can. */
export function spreadAlong(values: number[], gap: number, lo: number, hi: number): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = order.map(([v]) => v);
  if (out.length > 0) out[0] = Math.max(out[0]!, lo);
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i]!, out[i - 1]! + gap);
  const over = out.length > 0 ? out[out.length - 1]! - hi : 0;
  if (over > 0) {
    out[out.length - 1] = hi;
    for (let i = out.length - 2; i >= 0; i--) out[i] = Math.min(out[i]!, out[i + 1]! - gap);
    for (let i = 0; i < out.length && out[i]! < lo; i++) out[i] = i === 0 ? lo : Math.max(lo, out[i - 1]! + gap);
  }
  const result = new Array<number>(values.length);
  order.forEach(([, index], j) => { result[index] = out[j]!; });
  return result;
}

export interface Box { x0: number; y0: number; x1: number; y1: number }
/** A point of a drawn line, `r` its half width. */
export interface Ink { x: number; y: number; r: number }

/** Points every `step` px or so along a quadratic curve from `a` through control `c` to `b`. */
export function quadraticInk(a: Point, c: Point, b: Point, r: number, step = 3): Ink[] {
  const n = Math.max(2, Math.ceil((Math.hypot(c.x - a.x, c.y - a.y) + Math.hypot(b.x - c.x, b.y - c.y)) / step));
  const out: Ink[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const [u, v, w] = [(1 - t) * (1 - t), 2 * (1 - t) * t, t * t];
    out.push({ x: u * a.x + v * c.x + w * b.x, y: u * a.y + v * c.y + w * b.y, r });
  }
  return out;
}

const overlap = (p: Box, q: Box) => Math.max(0, Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0)) * Math.max(0, Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0));

/** Which candidate box a label should take: of those that overlap the boxes already taken (other
 *  names, dots) the least, the one that covers the fewest points of ink (the arcs it would sit
 *  on); the first on a tie, so candidates come in order of preference. Boxes include a name's halo
 *  (1.5 px a side), so two may overlap by 3 px before their glyphs touch. A name on the arcs to
 *  other cities was hard to read at 360 px (昆明市 on the arcs to 广州市 and 深圳市), but a name on
 *  another name is unreadable, so arcs only decide between places clear of other names. */
export function clearestBox(candidates: readonly Box[], ink: readonly Ink[], taken: readonly Box[]): number {
  const HALOS = 3;
  let best = 0;
  let bestScore: [number, number] = [Infinity, Infinity];
  candidates.forEach((b, i) => {
    const glyphs = { x0: b.x0 + HALOS, y0: b.y0 + HALOS, x1: b.x1 - HALOS, y1: b.y1 - HALOS };
    const clash = taken.reduce((sum, t) => sum + overlap(glyphs, t), 0);
    const covered = ink.filter((p) => p.x >= b.x0 - p.r && p.x <= b.x1 + p.r && p.y >= b.y0 - p.r && p.y <= b.y1 + p.r).length;
    if (clash < bestScore[0] || (clash === bestScore[0] && covered < bestScore[1])) [best, bestScore] = [i, [clash, covered]];
  });
  return best;
}
