// Small-area suppression for merchants: one rule for every area figure they see (the demand
// heatmap, the workspace's demand grid), applied before a figure leaves the API. First, a cell is
// withheld unless K outlets besides the caller's own stand behind it, or only the caller's own do.
// Second, cells that add up to a total the caller can see (a week column adds up to the parent
// area's figure one level up; a category's children add up to it): where such a group has exactly
// one withheld cell, its smallest other cell that is not the caller's alone is withheld too, so the
// first cannot be had by subtraction, until no group has exactly one (api/suppression-cube.ts).
import { K_ANONYMITY } from '../contracts/workspace.ts';

export interface CountedCell {
  outlets: number; // distinct outlets behind the cell
  own: number; // how many of them are the caller's
  assumed?: true; // own is an upper bound (a rollup that does not say whose outlets), not a count
  amountFen: number;
}

/** A cell may be shown when K outlets besides the caller's stand behind it, or only the caller's. */
export const visible = (c: Omit<CountedCell, 'amountFen'>, k = K_ANONYMITY): boolean =>
  c.outlets - c.own >= k || (!c.assumed && c.outlets === c.own);

/** The cells withheld, both stages. `groups`: the sets of cells that add up to a visible total;
 *  `tie`: the order among cells of equal amount, so the same cell is chosen on every request;
 *  `pinned`: cells whose value is shown elsewhere, so withholding them would hide nothing. */
export function withheldCells<C extends CountedCell>(cells: readonly C[], groups: readonly (readonly C[])[], tie: (a: C, b: C) => number,
  pinned: ReadonlySet<C> = new Set()): Set<C> {
  const withheld = new Set<C>(cells.filter((c) => !visible(c)));
  // A cell withheld for one group can leave another group with one withheld cell (groups that
  // cross, as a category's column and an area's categories do): go round until none is left.
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if (group.filter((c) => withheld.has(c)).length !== 1) continue;
      const smallest = group.filter((c) => !withheld.has(c) && (c.assumed || c.outlets !== c.own) && !pinned.has(c))
        .sort((a, b) => a.amountFen - b.amountFen || tie(a, b))[0];
      if (smallest) {
        withheld.add(smallest);
        changed = true;
      }
    }
  }
  return withheld;
}
