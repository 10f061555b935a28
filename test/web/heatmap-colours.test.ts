// The heatmap's colour ramp must stay readable without telling hues apart (colour-vision
// deficiency, a dim phone in the sun): its lightness falls strictly from the smallest amount to the
// largest, in clear steps, so "more" is always "darker" whatever hues a reader sees. Cells without
// data and withheld cells are patterns, not colours on the ramp.
import { lab } from 'd3';
import { expect, test } from 'vitest';
import { colourScale } from '../../web/heatmap-chart.ts';

test('lightness falls strictly along the ramp, by at least 2 L* per tenth of the range', () => {
  const scale = colourScale(1_000_000);
  const lightness = Array.from({ length: 11 }, (_, i) => lab(scale((i / 10) * 1_000_000)).l);
  for (let i = 1; i < lightness.length; i++) expect(lightness[i - 1]! - lightness[i]!).toBeGreaterThan(2);
  // From near-white to dark: the ends differ by more than half the lightness scale.
  expect(lightness[0]! - lightness[10]!).toBeGreaterThan(50);
});

test('the smallest amount is still distinguishable from the page background', () => {
  const l0 = lab(colourScale(100)(0)).l;
  expect(lab('#fafafa').l - l0).toBeGreaterThan(2);
});
