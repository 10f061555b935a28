// GET /api/demand/heatmap: POS demand by child area x ISO week under a prefecture, county or
// township. Defaults: the caller's home area, all categories, the last 12 whole weeks that have
// data. A range asked for may end in the week under way: its column is then marked as partial.
// Merchants get the same picture with small areas withheld (see api/suppression.ts). The area, its
// children and its ancestors come from the directory in memory: the warehouse answers only the
// data's extent and the cells.
import { heatmapQuery, heatmapResponse, type HeatmapResponse } from '../../contracts/demand.ts';
import { addDays, isoWeek, lastWholeWeekEnd, mondayOf, shanghaiDay, weekThrough, wholeWeeksTo } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Directory } from '../directory.ts';
import { badRequest } from '../errors.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { K_ANONYMITY } from '../../contracts/workspace.ts';
import { merchantHeatmap } from '../merchant-heatmap.ts';

const DEFAULT_WEEKS = 12;
const CHILD_LEVEL = { prefecture: 'county', county: 'township', township: 'village' } as const;

/**
 * The smallest table that answers a heatmap: a prefecture's or a county's whole weeks come from the
 * weekly rollups: by township alone for all categories (migration 0025), by top-level category
 * for one of those, by category for one below the top (0023); a township's villages only from
 * demand_daily, which keeps the village. A merchant's cells come from the stores' days by category
 * with every category at once (api/merchant-heatmap.ts).
 */
export function heatmapSql(level: string, category: string): 'demand-heatmap' | 'demand-heatmap-area' | 'demand-heatmap-top' | 'demand-heatmap-leaf' {
  if (level !== 'prefecture' && level !== 'county') return 'demand-heatmap';
  if (category === '') return 'demand-heatmap-area';
  return category.includes('.') ? 'demand-heatmap-leaf' : 'demand-heatmap-top';
}

interface Deps {
  queries: Queries;
  directory: Directory;
  clock: () => number;
}

type Db = Pick<Warehouse, 'query'>;

export function demandRoutes({ queries, directory, clock }: Deps): AnyRoute[] {
  return [defineRoute({
    method: 'get',
    path: '/api/demand/heatmap',
    tag: 'demand',
    summary: 'POS demand (units and fen) by child area x ISO week',
    access: { roles: ['merchant', 'official', 'analyst'], scope: { kind: 'area', param: 'area' } },
    query: heatmapQuery,
    response: heatmapResponse,
    rows: (body) => body.cells.length + body.suppressed.length,
    cache: 'data',
    async handler({ query: q, area: code, scope, principal, db }) {
      const area = await directory.area(code);
      if (!area || !(area.level in CHILD_LEVEL)) throw badRequest('area', `unknown area code ${code}`);
      // Whole ISO weeks: a column never silently covers part of a week. None starts after today;
      // the week under way, when asked for, is marked partial (partialThrough).
      const today = shanghaiDay(clock());
      const range = await resolveRange(db, q.from, q.to, code, scope.areas, today);
      const to = wholeWeeksTo(mondayOf(addDays(range.to, 6)), addDays(today, 7)); // through the week under way at most
      const first = mondayOf(range.from);
      const from = first < to ? first : addDays(to, -7); // one week at least
      const common = { area: code, from, to, category: q.category ?? '', scope: [...scope.areas] };

      const children = (await directory.areasUnder(code)).filter((a) => a.parentCode === code);
      const path = await ancestors(code);
      let cells: { areaCode: string; week: string; outlets: number; own: number; qty: number; amountFen: number }[];
      let withheld = new Set<(typeof cells)[number]>();
      if (scope.suppressSmallAreas) {
        ({ cells, withheld } = await merchantHeatmap(db, queries, { ...common, own: [...(principal?.storeIds ?? [])] }));
      } else {
        const raw = await db.query<{ area_code: string; week_start: string; qty: number; amount_fen: number }>(queries[heatmapSql(area.level, common.category)], common);
        cells = raw.map((c) => ({ areaCode: c.area_code, week: isoWeek(c.week_start), outlets: 0, own: 0, qty: Number(c.qty), amountFen: Number(c.amount_fen) }));
      }
      const visible = cells.filter((c) => !withheld.has(c)).map((c) => ({ areaCode: c.areaCode, week: c.week, qty: c.qty, amountFen: c.amountFen }));
      // Not how many stores: "1" would tell that a village's one shop sold that week (as the workspace's
      // grid). Only why: too few others, or enough but hidden lest another be recovered by subtraction.
      const suppressed = cells.filter((c) => withheld.has(c)).map((c) => ({
        areaCode: c.areaCode, week: c.week, why: c.outlets - c.own >= K_ANONYMITY ? 'subtraction' as const : 'outlets' as const,
      }));

      // Rows are the reference children, plus any code seen in the data but missing from the
      // reference (a township seat, a newly created village): never drop sales from the picture.
      const rows = children.map((c) => ({ code: c.code, name: c.name }));
      const known = new Set(rows.map((r) => r.code));
      for (const c of cells) {
        if (!known.has(c.areaCode)) {
          known.add(c.areaCode);
          rows.push({ code: c.areaCode, name: c.areaCode === area.code ? area.name : c.areaCode });
        }
      }
      rows.sort((a, b) => a.code.localeCompare(b.code));

      const weeks = [];
      for (let start = from; start < to; start = addDays(start, 7)) weeks.push({ week: isoWeek(start), start });

      const body: HeatmapResponse = {
        area: { code: area.code, name: area.name, level: area.level as HeatmapResponse['area']['level'] },
        path,
        childLevel: CHILD_LEVEL[area.level as keyof typeof CHILD_LEVEL],
        category: q.category ?? null,
        from,
        to,
        rows,
        weeks,
        partialThrough: weekThrough(addDays(to, -7), today),
        cells: visible,
        suppressed,
        suppressionThreshold: scope.suppressSmallAreas ? K_ANONYMITY : null,
      };
      return body;
    },
  })];

  /** The areas above `code`, from the prefecture down, for a breadcrumb. */
  async function ancestors(code: string) {
    const codes = [code.slice(0, 4), code.slice(0, 6)].filter((c) => c.length < code.length && c.length > 0);
    const found = await Promise.all(codes.map((c) => directory.area(c)));
    return found.filter((a) => a !== undefined).map((a) => ({ code: a.code, name: a.name }));
  }

  /** Fills in what the caller left out: 12 weeks from `from`, up to `to`, or up to the data's last whole week. */
  async function resolveRange(db: Db, from: string | undefined, to: string | undefined, area: string, scope: readonly string[], today: string) {
    if (from && to) return { from, to };
    if (from) return { from, to: addDays(from, DEFAULT_WEEKS * 7) };
    if (to) return { from: addDays(to, -DEFAULT_WEEKS * 7), to };
    const [extent] = await db.query<{ n: number; last_week: string }>(queries['data-extent'], { area, scope: [...scope] });
    const end = lastWholeWeekEnd(Number(extent?.n) > 0 ? extent!.last_week : null, today);
    return { from: addDays(end, -DEFAULT_WEEKS * 7), to: end };
  }
}
