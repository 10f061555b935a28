// Each cell of a heatmap against its row's average cell, for the colouring that shows every row's
// pattern (its season, its festivals, its busy hours) whatever the row's size. The officials' and
// the merchants' heatmaps use it, each over the cells it shows.
import { interpolatePuOr, scaleDiverging, type ScaleDiverging } from 'd3';

export interface Departures<C> {
  /** `value / mean - 1` of the cell's row; 0 in a row whose mean is 0. */
  of: (cell: C) => number;
  /** The largest departure of any counted cell, at least 5%: the colour scale's reach. */
  reach: number;
}

/** The departures of `cells` from their rows' means, the mean over each row's `counts` cells (all
 *  its cells when none counts: a row of one week under way still has a colour to compare with). */
export function departuresByRow<C>(cells: readonly C[], rowOf: (cell: C) => string, valueOf: (cell: C) => number, counts: (cell: C) => boolean = () => true): Departures<C> {
  const rows = new Map<string, C[]>();
  for (const c of cells) {
    const mine = rows.get(rowOf(c));
    if (mine) mine.push(c);
    else rows.set(rowOf(c), [c]);
  }
  const mean = new Map<string, number>();
  for (const [row, mine] of rows) {
    const counted = mine.filter(counts);
    const base = counted.length > 0 ? counted : mine;
    mean.set(row, base.reduce((s, c) => s + valueOf(c), 0) / base.length);
  }
  const of = (c: C) => { const m = mean.get(rowOf(c)) ?? 0; return m > 0 ? valueOf(c) / m - 1 : 0; };
  const reach = Math.max(0.05, ...cells.filter(counts).map((c) => Math.abs(of(c))));
  return { of, reach };
}

/** Departures on a diverging scale, as the county map draws growth: above the row's average purple,
 *  below orange, the average near white. */
export function departureScale(reach: number): ScaleDiverging<string> {
  return scaleDiverging(interpolatePuOr).domain([reach, 0, -reach]).clamp(true);
}
