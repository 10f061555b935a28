// The heatmap's cells as a merchant may see them: the area's picture for the category asked for,
// decided with every category and every area above it (api/merchant-cubes.ts).
import { isoWeek } from '../contracts/time.ts';
import type { Queries } from '../warehouse/queries.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { decideCubes, type CubeParams } from './merchant-cubes.ts';

export interface HeatmapCell {
  areaCode: string;
  week: string; // ISO week, as the heatmap names its columns
  outlets: number;
  own: number; // of those, the caller's stores
  qty: number;
  amountFen: number;
}

export async function merchantHeatmap(db: Pick<Warehouse, 'query'>, queries: Queries, p: CubeParams & { area: string; category: string }): Promise<{ cells: HeatmapCell[]; withheld: Set<HeatmapCell> }> {
  const decisions = await decideCubes(db, queries, [p.area], p);
  const picture = decisions.picture(p.area).filter(({ cell }) => cell.category === p.category)
    .map(({ cell, withheld }) => ({ withheld, cell: { areaCode: cell.areaCode, week: isoWeek(cell.week), outlets: cell.outlets, own: cell.own, qty: cell.qty, amountFen: cell.amountFen } }));
  return { cells: picture.map((x) => x.cell), withheld: new Set(picture.filter((x) => x.withheld).map((x) => x.cell)) };
}
