// The heatmap's colour ramp must stay readable without telling hues apart (colour-vision
// deficiency, a dim phone in the sun): its lightness falls strictly from the smallest amount to the
// largest, in clear steps, so "more" is always "darker" whatever hues a reader sees. Cells without
// data and withheld cells are patterns, not colours on the ramp.
import { lab, rgb } from 'd3';
import { expect, test } from 'vitest';
import { colourScale, PARTIAL_GREY, rowColouring, rowDepartures } from '../../web/heatmap-chart.ts';
import { departuresByRow, departureScale } from '../../web/row-departures.ts';
import { demandDepartures } from '../../web/workspace/demand-heatmap.ts';

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

test('each week against its row\'s average week: departures and their reach, worked by hand', () => {
  const cell = (areaCode: string, week: string, amountFen: number) => ({ areaCode, week, qty: 1, amountFen });
  // A: 100, 200, 300 fen: average 200, so -50%, 0, +50%. B: 10, 10, 40 and a week under way of 1:
  // average of the whole weeks 20, so -50%, -50%, +100%; the week under way (-95%) sets no reach.
  const cells = [cell('A', 'W1', 100), cell('A', 'W2', 200), cell('A', 'W3', 300), cell('B', 'W1', 10), cell('B', 'W2', 10), cell('B', 'W3', 40), cell('B', 'W4', 1)];
  const { of, reach } = rowDepartures(cells, 'W4');
  expect(cells.map((c) => Math.round(of(c) * 100))).toEqual([-50, 0, 50, -50, -50, 100, -95]);
  expect(reach).toBe(1);
  // Above the average is purple (blue over red), below orange (red over blue), the average near white.
  const scale = departureScale(reach);
  const { r: r1, b: b1 } = rgb(scale(0.5));
  const { r: r2, b: b2 } = rgb(scale(-0.5));
  expect([b1 > r1, r2 > b2]).toEqual([true, true]);
  expect(lab(scale(0)).l).toBeGreaterThan(90);
  // The week under way is grey, not the steep fall its few days would show against a whole week.
  const colouring = rowColouring(cells, 'W4');
  expect(colouring.fill(cells[6]!)).toBe(PARTIAL_GREY);
  expect(colouring.fill(cells[5]!)).toBe(scale(1));
  // Rows that never depart still get a scale: at least 5%.
  expect(rowDepartures([cell('C', 'W1', 5), cell('C', 'W2', 5)], undefined).reach).toBe(0.05);
});

test('the merchants\' grid against each row\'s average: withheld cells and cells without a base take no part, worked by hand', () => {
  const cell = (row: string, col: string, value: number | null, withheld = false) => ({ row, col, value, withheld, outlets: withheld ? null : 6, withheldWhy: withheld ? 'outlets' as const : null });
  // Row A shows 30 and 90 (average 60: -50%, +50%) beside a withheld cell whose figure the page
  // never had; row B shows 40 alone (0%) beside a cell without a year-before base.
  const cells = [cell('A', 'W1', 30), cell('A', 'W2', 90), cell('A', 'W3', null, true), cell('B', 'W1', 40), cell('B', 'W2', null)];
  const { of, reach } = demandDepartures({ cells });
  expect([of(cells[0]!), of(cells[1]!), of(cells[3]!)]).toEqual([-0.5, 0.5, 0]);
  expect(reach).toBe(0.5);
  // The same mean, worked the generic way, for rows of any key.
  expect(departuresByRow([{ k: 'x', v: 1 }, { k: 'x', v: 3 }], (c) => c.k, (c) => c.v).of({ k: 'x', v: 3 })).toBe(0.5);
});
