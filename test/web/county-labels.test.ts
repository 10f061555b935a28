// The county map's labels stay inside the map and are readable on their fill. Widths and contrasts
// are worked out here by hand (a CJK glyph is 1 em, a Latin glyph or digit 0.6 em, a space 0.3 em;
// WCAG's luminance written out again below), not read back from the module.
import { interpolatePuOr } from 'd3';
import { expect, test } from 'vitest';
import { DARK_INK, labelInk, LIGHT_INK, luminance, placeLabel, textWidth } from '../../web/charts/county-labels.ts';
import { colourScale } from '../../web/heatmap-chart.ts';

test('label widths: 武定县 at 12 px, "26.46 10k yuan" and "26.46 万元" at 11 px', () => {
  expect(textWidth('武定县', 12)).toBe(36);
  expect(textWidth('26.46 10k yuan', 11)).toBeCloseTo(85.8, 9); // 7.8 em
  expect(textWidth('26.46 万元', 11)).toBeCloseTo(58.3, 9); // 5.3 em
});

test('a label near the right edge is anchored at its end, 4 px inside (武定县 in English, 560 px)', () => {
  // Centred at 520 the value would reach 520 + 42.9 = 562.9, past the 560 px viewBox.
  expect(placeLabel(520, 200, '武定县', '26.46 10k yuan', 560, 400)).toEqual({ x: 556, y: 200, anchor: 'end' });
});

test('a label near the left edge is anchored at its start, 4 px inside (a phone, 328 px)', () => {
  // Centred at 30 the value would start at 30 - 29.15 = 0.85: "2" cut off.
  expect(placeLabel(30, 120, '双柏县', '26.46 万元', 328, 300)).toEqual({ x: 4, y: 120, anchor: 'start' });
});

test('a label that fits stays centred on the county', () => {
  expect(placeLabel(280, 200, '楚雄市', '45.28 万元', 560, 400)).toEqual({ x: 280, y: 200, anchor: 'middle' });
  // Exactly fitting: 47 - 42.9 = 4.1 >= 4.
  expect(placeLabel(47, 200, '武定县', '26.46 10k yuan', 560, 400).anchor).toBe('middle');
});

test('a label at the top or bottom edge is moved inside: name ascent 12 px, value 13 px lower plus 3 px descent', () => {
  expect(placeLabel(280, 3, '永仁县', '45.28 万元', 560, 400).y).toBe(16); // 4 + 12
  expect(placeLabel(280, 399, '永仁县', '45.28 万元', 560, 400).y).toBe(380); // 400 - 4 - 13 - 3
});

// WCAG 2 contrast, written out independently of the module; colours as #rrggbb or rgb(r, g, b).
function wcagLuminance(css: string): number {
  const channels = css.startsWith('#') ? [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) : css.match(/\d+/g)!.slice(0, 3).map(Number);
  const [r, g, b] = channels.map((c) => c / 255).map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [wcagLuminance(a), wcagLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

test('luminance: white 1, black 0, the ramp\'s dark maroon #800026 0.0473', () => {
  expect(luminance('#ffffff')).toBe(1);
  expect(luminance('#000000')).toBe(0);
  expect(luminance('#800026')).toBeCloseTo(wcagLuminance('#800026'), 12);
  expect(luminance('#800026')).toBeCloseTo(0.0473, 4);
});

test('light ink on dark fills, dark ink on light fills and on the no-data hatching', () => {
  expect(labelInk('rgb(128, 0, 38)')).toEqual(LIGHT_INK); // the ramp's top: 永仁县's maroon
  expect(labelInk('#2d004b')).toEqual(LIGHT_INK); // the diverging ramp's deep purple
  expect(labelInk('#7f3b08')).toEqual(LIGHT_INK); // and its deep brown
  expect(labelInk('rgb(255, 240, 169)')).toEqual(DARK_INK); // the ramp's pale yellow
  expect(labelInk('url(#map-1-hatch)')).toEqual(DARK_INK);
  // The old fixed dark ink on the maroon: 1.9:1, unreadable.
  expect(contrast('#102027', 'rgb(128, 0, 38)')).toBeLessThan(2);
});

// Where the two inks are equally good (luminance about 0.21) neither beats sqrt(1.05 / 0.064) = 4.05:1;
// the halo behind the glyphs adds to that.
test('every step of both ramps gets ink with a contrast of at least 4:1', () => {
  const sequential = colourScale(100);
  const fills = [...Array.from({ length: 21 }, (_, i) => sequential(i * 5)), ...Array.from({ length: 21 }, (_, i) => interpolatePuOr(i / 20))];
  const worst = Math.min(...fills.map((f) => contrast(labelInk(f).text, f)));
  expect(worst).toBeGreaterThanOrEqual(4);
});
