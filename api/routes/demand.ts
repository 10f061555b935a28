// GET /api/demand/heatmap: POS demand by child area x ISO week under a prefecture, county or
// township. Defaults: the whole prefecture, all categories, the last 12 weeks that have data.
import { Router } from 'express';
import { heatmapQuery, type HeatmapResponse } from '../../contracts/demand.ts';
import { addDays, isoWeek, mondayOf, shanghaiDay } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { badRequest, fromZodError } from '../errors.ts';

const DEFAULT_WEEKS = 12;
const CHILD_LEVEL = { prefecture: 'county', county: 'township', township: 'village' } as const;

interface Deps {
  warehouse: Warehouse;
  queries: Queries;
  clock: () => number;
}

type AreaRow = { code: string; name: string; level: string };

export function demandRoutes({ warehouse, queries, clock }: Deps): Router {
  const router = Router();

  router.get('/api/demand/heatmap', async (req, res) => {
    const parsed = heatmapQuery.safeParse(req.query);
    if (!parsed.success) throw fromZodError(parsed.error);
    const q = parsed.data;

    const [area] = await warehouse.query<AreaRow>(queries['area-by-code'], { code: q.area });
    if (!area || !(area.level in CHILD_LEVEL)) throw badRequest('area', `unknown area code ${q.area}`);
    // Whole ISO weeks: a column never silently covers part of a week.
    const range = await resolveRange(q.from, q.to, q.area);
    const from = mondayOf(range.from);
    const to = mondayOf(addDays(range.to, 6));

    const [children, cells, path] = await Promise.all([
      warehouse.query<AreaRow>(queries['area-children'], { code: q.area }),
      warehouse.query<{ area_code: string; week_start: string; qty: number; amount_fen: number }>(
        queries['demand-heatmap'], { area: q.area, from, to, category: q.category ?? '' }),
      ancestors(q.area),
    ]);

    // Rows are the reference children, plus any code seen in the data but missing from the
    // reference (a township seat, a newly created village): never drop sales from the picture.
    const rows = children.map((c) => ({ code: c.code, name: c.name }));
    const known = new Set(rows.map((r) => r.code));
    const seatName = new Map([[area.code, area.name]]);
    for (const code of new Set(cells.map((c) => c.area_code))) {
      if (!known.has(code)) rows.push({ code, name: seatName.get(code) ?? code });
    }
    rows.sort((a, b) => a.code.localeCompare(b.code));

    const weeks = [];
    for (let start = mondayOf(from); start < to; start = addDays(start, 7)) weeks.push({ week: isoWeek(start), start });

    const body: HeatmapResponse = {
      area: { code: area.code, name: area.name, level: area.level as HeatmapResponse['area']['level'] },
      path,
      childLevel: CHILD_LEVEL[area.level as keyof typeof CHILD_LEVEL],
      category: q.category ?? null,
      from,
      to,
      rows,
      weeks,
      cells: cells.map((c) => ({ areaCode: c.area_code, week: isoWeek(c.week_start), qty: Number(c.qty), amountFen: Number(c.amount_fen) })),
    };
    res.json(body);
  });

  /** The areas above `code`, from the prefecture down, for a breadcrumb. */
  async function ancestors(code: string) {
    const codes = [code.slice(0, 4), code.slice(0, 6)].filter((c) => c.length < code.length && c.length > 0);
    const found = await Promise.all(codes.map((c) => warehouse.query<AreaRow>(queries['area-by-code'], { code: c })));
    return found.flatMap((rows) => rows.map((r) => ({ code: r.code, name: r.name })));
  }

  /** Fills in what the caller left out: 12 weeks from `from`, up to `to`, or up to the data's last week. */
  async function resolveRange(from: string | undefined, to: string | undefined, area: string) {
    if (from && to) return { from, to };
    if (from) return { from, to: addDays(from, DEFAULT_WEEKS * 7) };
    if (to) return { from: addDays(to, -DEFAULT_WEEKS * 7), to };
    const [extent] = await warehouse.query<{ n: number; last_day: string }>(queries['data-extent'], { area });
    const last = Number(extent?.n) > 0 ? extent!.last_day : shanghaiDay(clock());
    const end = addDays(mondayOf(last), 7);
    return { from: addDays(end, -DEFAULT_WEEKS * 7), to: end };
  }

  return router;
}
