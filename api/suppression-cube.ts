// What a merchant is not shown of an area's demand, decided on the whole cube of child area x
// category x week at once (sql/queries/demand-cube-merchant.sql), so that the answer for one
// category is the same whichever category was asked for, and no withheld cell can be had from the
// others by subtraction. Within one week the cells add up three ways, and each is a group for the
// second stage of api/suppression.ts:
// - a category's column: its child areas add up to the area's own cell one level up (that cell is
//   in the parent area's cube: when the parent's decision withheld it, it counts here as withheld);
// - a top-level category of one child area: its categories add up to it;
// - one child area: its top-level categories add up to its all-categories cell.
// Weeks never share a group, so a week's cells are decided the same whatever range was asked for.
// A cell that is the only one of its column that could be withheld, under a parent cell that is
// shown, is that parent's figure (less the caller's own cells): it is never the one chosen to go
// with another, since withholding it would hide nothing.
import { withheldCells, type CountedCell } from './suppression.ts';

export interface CubeCell extends CountedCell {
  areaCode: string;
  week: string; // its Monday
  category: string; // '' for all categories, a top-level code, or a category under one
  qty: number;
}

/** Whether the area's own cell (category, week) was withheld in the parent area's cube. */
export type ParentWithheld = (category: string, week: string) => boolean;

const topOf = (category: string) => category.split('.')[0]!;

/** The withheld cells of one area's cube; `parentWithheld` absent: the area's totals are shown;
 *  null: the area's totals are never shown (the prefecture's, to a merchant), so its columns are no groups. */
export function cubeWithheld(cells: readonly CubeCell[], parentWithheld: ParentWithheld | null = () => false): Set<CubeCell> {
  // A parent cell withheld is a member of its column that is withheld and cannot be chosen.
  const hiddenTotals: CubeCell[] = [];
  const groups: CubeCell[][] = [];
  const pinned = new Set<CubeCell>();
  const byWeek = groupBy(cells, (c) => c.week);
  for (const week of [...byWeek.keys()].sort()) {
    const weekCells = byWeek.get(week)!;
    for (const [category, column] of parentWithheld ? sorted(groupBy(weekCells, (c) => c.category)) : []) {
      const group = [...column];
      const parentHidden = parentWithheld!(category, week); // the loop runs only with one
      const choosable = column.filter((c) => c.assumed || c.outlets !== c.own);
      if (!parentHidden && choosable.length === 1) pinned.add(choosable[0]!);
      if (parentHidden) {
        const total: CubeCell = { areaCode: '', week, category, outlets: 0, own: 0, assumed: true, qty: 0, amountFen: Number.MAX_SAFE_INTEGER };
        hiddenTotals.push(total);
        group.push(total);
      }
      groups.push(group);
    }
    for (const [, areaCells] of sorted(groupBy(weekCells, (c) => c.areaCode))) {
      // A top-level category with the categories under it, then the area's top levels with its total.
      for (const [top, family] of sorted(groupBy(areaCells.filter((c) => c.category !== ''), (c) => topOf(c.category)))) {
        if (family.some((c) => c.category !== top)) groups.push(family);
      }
      groups.push(areaCells.filter((c) => c.category === '' || !c.category.includes('.')));
    }
  }
  const withheld = withheldCells([...cells, ...hiddenTotals], groups, (a, b) => a.areaCode.localeCompare(b.areaCode) || a.category.localeCompare(b.category), pinned);
  for (const total of hiddenTotals) withheld.delete(total);
  return withheld;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
