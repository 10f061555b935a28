// Where the flow map puts cities: the frame fits the prefecture and the nearby markets; a far city
// sits on the frame's edge on the line from the prefecture's centre towards it; names along an
// edge are spread so they do not overlap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { countyMapAsset } from '../../scripts/map-asset.ts';
import { clearestBox, mapLayout, projectLonLat, quadraticInk, spreadAlong } from '../../web/flows/map-layout.ts';
import { ROOT } from '../fixtures/warehouse.ts';

const rings = countyMapAsset(join(ROOT, 'reference/chuxiong-counties.geojson')).features.flatMap((f) => f.rings);
const cities = (JSON.parse(readFileSync(join(ROOT, 'reference/destination-cities.json'), 'utf8')) as { cities: { code: string; lon: number; lat: number }[] }).cities;
const at = (code: string) => cities.find((c) => c.code === code)!;

describe('the flow map\'s frame', () => {
  const layout = mapLayout(rings, [...cities, { lon: null, lat: null }], 360);

  test('Kunming, Dali and Panzhihua are inside it, at their positions', () => {
    for (const code of ['530100', '532900', '510400']) {
      const c = at(code);
      const placed = layout.city(c.lon, c.lat);
      expect(placed, code).toEqual({ ...layout.screen(projectLonLat(c.lon, c.lat)), offMap: false, side: null });
    }
  });

  test('Beijing, Shanghai, Guangzhou and Chengdu sit on its edge, in their direction from the prefecture', () => {
    const sides = Object.fromEntries(['110100', '310100', '440100', '510100'].map((code) => {
      const c = at(code);
      const placed = layout.city(c.lon, c.lat);
      const far = layout.screen(projectLonLat(c.lon, c.lat));
      // On the line from the centre to the true position: the cross product is 0.
      const cross = (placed.x - layout.centre.x) * (far.y - layout.centre.y) - (placed.y - layout.centre.y) * (far.x - layout.centre.x);
      expect(Math.abs(cross) / Math.hypot(far.x - layout.centre.x, far.y - layout.centre.y), code).toBeLessThan(1e-6);
      expect(placed.offMap).toBe(true);
      expect(placed.x).toBeGreaterThanOrEqual(0);
      expect(placed.x).toBeLessThanOrEqual(360);
      expect(placed.y).toBeGreaterThanOrEqual(0);
      expect(placed.y).toBeLessThanOrEqual(layout.height);
      return [code, placed.side];
    }));
    // The frame is taller than wide: the east (Beijing too) leaves by the right side, Chengdu (north-north-east) by the top.
    expect(sides).toEqual({ '110100': 'right', '310100': 'right', '440100': 'right', '510100': 'top' });
  });
});

describe('spreading names along an edge', () => {
  test('neighbours end at least the gap apart, in their order, within the side', () => {
    expect(spreadAlong([50, 52, 51, 200], 16, 0, 300)).toEqual([50, 82, 66, 200]);
    expect(spreadAlong([290, 295, 299], 16, 0, 300)).toEqual([268, 284, 300]);
    // The first held at the side's start: 10 would sit in the corner kept for the top side's names.
    expect(spreadAlong([10, 20, 100], 16, 44, 300)).toEqual([44, 60, 100]);
  });
});

test('a name near the frame is held inside it: 昆明市 is 36 px wide at 12 px', async () => {
  const { holdInside, textWidth } = await import('../../web/charts/county-labels.ts');
  const w = textWidth('昆明市', 12);
  expect(w).toBe(36);
  expect(holdInside(10, 'middle', w, 360, 3)).toEqual({ x: 3, anchor: 'start' }); // would start at -8
  expect(holdInside(350, 'middle', w, 360, 3)).toEqual({ x: 357, anchor: 'end' }); // would end at 368
  expect(holdInside(330, 'start', w, 360, 3)).toEqual({ x: 357, anchor: 'end' }); // would end at 366
  expect(holdInside(180, 'middle', w, 360, 3)).toEqual({ x: 180, anchor: 'middle' });
  expect(holdInside(20, 'end', w, 360, 3)).toEqual({ x: 3, anchor: 'start' }); // would start at -16
});

describe('where a city on the map is named', () => {
  // Hand-made: a name 30 x 14 px to the left of a dot at (100, 100), to its right, or under it; a
  // horizontal arc 4 px wide at y = 104 runs under the left and right places but not the one below.
  const left = { x0: 61, y0: 93, x1: 91, y1: 107 };
  const right = { x0: 109, y0: 93, x1: 139, y1: 107 };
  const below = { x0: 85, y0: 110, x1: 115, y1: 124 };
  const arc = quadraticInk({ x: 0, y: 104 }, { x: 150, y: 104 }, { x: 300, y: 104 }, 2);

  test('the arc is sampled every 3 px or so, end to end', () => {
    expect(arc).toHaveLength(101); // 300 px in 100 steps
    expect(arc[0]).toEqual({ x: 0, y: 104, r: 2 });
    expect(arc[100]).toEqual({ x: 300, y: 104, r: 2 });
    expect(arc[50]).toEqual({ x: 150, y: 104, r: 2 });
  });

  test('the place clear of the arc wins over the preferred ones on it', () => {
    expect(clearestBox([left, right, below], arc, [])).toBe(2);
  });

  test('on a tie the first place wins', () => {
    expect(clearestBox([left, right], arc, [])).toBe(0);
    expect(clearestBox([right, left], [], [])).toBe(0);
  });

  test('sitting on an arc is better than sitting on another name; halos may touch', () => {
    const otherName = { x0: 80, y0: 108, x1: 120, y1: 126 }; // covers the place below
    expect(clearestBox([below, left], arc, [otherName])).toBe(1);
    // ...but boxes overlapping by 1 px are halo on halo (1.5 px a side), the glyphs apart: no clash,
    // and the place clear of the arc wins.
    const touching = { x0: 114, y0: 110, x1: 140, y1: 124 };
    expect(clearestBox([left, below], arc, [touching])).toBe(1);
  });
});
