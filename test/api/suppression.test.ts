// Small-area suppression on its own: which cells a merchant is not shown, by the stores behind
// each (first stage) and by the other cells of its week (second stage).
import { expect, test } from 'vitest';
import { withheldCells } from '../../api/suppression.ts';

interface Cell { areaCode: string; week: string; outlets: number; own: number; amountFen: number }
const cell = (areaCode: string, week: string, outlets: number, own: number, amountFen: number): Cell => ({ areaCode, week, outlets, own, amountFen });
/** As the heatmap groups them: by week column, ties by area code. */
function suppressSmallCells(cells: Cell[]) {
  const weeks = [...new Set(cells.map((c) => c.week))].map((w) => cells.filter((c) => c.week === w));
  const withheld = withheldCells(cells, weeks, (a, b) => a.areaCode.localeCompare(b.areaCode));
  return {
    visible: cells.filter((c) => !withheld.has(c)),
    suppressed: cells.filter((c) => withheld.has(c)).map((c) => ({ areaCode: c.areaCode, week: c.week, stores: c.outlets })),
  };
}

test('a cell needs five stores besides the caller\'s own, unless it is the caller\'s own alone', () => {
  const out = suppressSmallCells([
    cell('A', 'W1', 5, 0, 500), // five others: shown
    cell('B', 'W1', 6, 2, 600), // four others besides two own: withheld
    cell('C', 'W1', 7, 2, 700), // five others besides two own: shown
    cell('D', 'W1', 2, 2, 200), // the caller's own alone: shown
    cell('E', 'W1', 4, 0, 400), // four: withheld
  ]);
  expect(out.visible.map((c) => c.areaCode)).toEqual(['A', 'C', 'D']);
  expect(out.suppressed).toEqual([{ areaCode: 'B', week: 'W1', stores: 6 }, { areaCode: 'E', week: 'W1', stores: 4 }]);
});

test('a lone withheld cell takes the smallest other cell of its week with it, never the caller\'s own', () => {
  const out = suppressSmallCells([
    cell('A', 'W1', 1, 1, 100), // own only: shown, and not a candidate
    cell('B', 'W1', 3, 0, 300), // withheld: three stores
    cell('C', 'W1', 9, 0, 900),
    cell('D', 'W1', 6, 0, 600),
  ]);
  expect(out.visible.map((c) => c.areaCode)).toEqual(['A', 'C']);
  expect(out.suppressed).toEqual([{ areaCode: 'B', week: 'W1', stores: 3 }, { areaCode: 'D', week: 'W1', stores: 6 }]);
});

test('two or more withheld cells in a week, or none, withhold nothing more', () => {
  const out = suppressSmallCells([
    cell('B', 'W1', 3, 0, 300), cell('C', 'W1', 2, 0, 200), cell('D', 'W1', 6, 0, 600),
    cell('D', 'W2', 6, 0, 600), cell('E', 'W2', 7, 0, 700),
  ]);
  expect(out.visible.map((c) => `${c.areaCode} ${c.week}`)).toEqual(['D W1', 'D W2', 'E W2']);
});

test('equal amounts: the first area code goes', () => {
  const out = suppressSmallCells([cell('B', 'W1', 3, 0, 300), cell('D', 'W1', 6, 0, 600), cell('C', 'W1', 7, 0, 600)]);
  expect(out.suppressed.map((c) => c.areaCode)).toEqual(['B', 'C']);
});

test('a lone withheld cell with nothing to pair is left as it is', () => {
  const out = suppressSmallCells([cell('A', 'W1', 1, 1, 100), cell('B', 'W1', 2, 0, 200)]);
  expect(out.visible.map((c) => c.areaCode)).toEqual(['A']);
  expect(out.suppressed.map((c) => c.areaCode)).toEqual(['B']);
});

test('a township withheld in its county\'s picture: its villages\' column loses its smallest cell, so they do not add up to it', async () => {
  const { cubeWithheld } = await import('../../api/suppression-cube.ts');
  const village = (areaCode: string, outlets: number, amountFen: number) => ({ areaCode, week: '2026-03-23', category: '', outlets, own: 0, qty: 1, amountFen });
  const cells = [village('532302102202', 6, 900), village('532302102205', 7, 700), village('532302102210', 8, 800)];
  expect([...cubeWithheld(cells)]).toEqual([]);
  const withheld = cubeWithheld(cells, (category, week) => category === '' && week === '2026-03-23');
  expect([...withheld].map((c) => c.areaCode)).toEqual(['532302102205']);
  expect([...cubeWithheld(cells, (_c, week) => week === '2026-03-30')]).toEqual([]); // another week's parent: nothing here
});

test('a cell alone in its column under a shown parent is never the one chosen: withholding it would hide nothing', async () => {
  const { cubeWithheld } = await import('../../api/suppression-cube.ts');
  const at = (areaCode: string, category: string, outlets: number, amountFen: number) => ({ areaCode, week: '2026-03-23', category, outlets, own: 0, qty: 1, amountFen });
  // Township A: x.a of 3 shops (withheld), x.b of 6 that no other township sells, x of 7; township
  // B: x.a of 6, x.c of 6 that no other township sells, x of 8. The county's own cells are shown.
  const cells = [
    at('A', 'x.a', 3, 300), at('A', 'x.b', 6, 600), at('A', 'x', 7, 900), at('A', '', 7, 900),
    at('B', 'x.a', 6, 500), at('B', 'x.c', 6, 400), at('B', 'x', 8, 900), at('B', '', 8, 900),
  ];
  const withheld = [...cubeWithheld(cells, () => false)].map((c) => `${c.areaCode} ${c.category}`).sort();
  // The smallest other cell of A's x family is x.b (600), but it is the county's x.b, shown: A's x
  // (900, shown) minus it gave x.a's 300. Each x goes instead, then each total with it; B's x.a goes
  // for the x.a column. What is left shown adds up to no withheld cell: A's x.a and B's x.a only
  // together (the county's x.a).
  expect(withheld).toEqual(['A ', 'A x', 'A x.a', 'B ', 'B x', 'B x.a']);
});
