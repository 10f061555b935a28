// The demand heatmap's request and response. The API parses `req.query` with `heatmapQuery`; the
// web client builds its request from the same type; tests check responses with `heatmapResponse`.
import { z } from 'zod';
import { categoryFilter, requestDay } from './request-params.ts';

export { PREFECTURE_CODE } from './codes.ts';

const day = requestDay;

export const heatmapQuery = z
  .object({
    area: z.string().regex(/^5323(\d{2}|\d{5})?$/, 'must be 5323 (the prefecture), a 6-digit county or a 9-digit township code in Chuxiong')
      .optional().describe('The area whose children are the rows; the caller\'s home area by default.'),
    category: categoryFilter.optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'must be after from', path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86400_000, {
    message: 'range must be at most three years', path: ['to'],
  });

export type HeatmapQuery = z.input<typeof heatmapQuery>;

export const heatmapCell = z.object({
  areaCode: z.string(),
  week: z.string().regex(/^\d{4}-W\d{2}$/).describe('ISO week, e.g. 2026-W07.'),
  qty: z.number().int().min(0).describe('Units sold.'),
  amountFen: z.number().int().min(0).describe('Sales, integer fen.'),
});

export const heatmapResponse = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.enum(['prefecture', 'county', 'township']) }),
  path: z.array(z.object({ code: z.string(), name: z.string() })).describe('Areas above `area`, prefecture first.'),
  childLevel: z.enum(['county', 'township', 'village']),
  category: z.string().nullable(),
  from: z.string().describe('First day included: a Monday, since columns are whole ISO weeks.'),
  to: z.string().describe('First day not included: a Monday.'),
  rows: z.array(z.object({ code: z.string(), name: z.string() })).describe('Child areas, in code order.'),
  weeks: z.array(z.object({ week: z.string(), start: z.string() })).describe('ISO weeks in the range, in order.'),
  partialThrough: z.string().nullable().describe('The last week is under way: its last day so far (today, Shanghai). null: every week is whole. No week starts after today.'),
  cells: z.array(heatmapCell).describe('Only non-empty cells.'),
  suppressed: z.array(z.object({ areaCode: z.string(), week: z.string(), why: z.enum(['outlets', 'subtraction']) }).strict())
    .describe('Cells with sales whose figures are withheld: fewer stores than the threshold stand behind them, or they would give such a cell away (merchants only). How many stores is not said: "1" would tell that a village\'s one shop sold that week.'),
  suppressionThreshold: z.number().int().nullable().describe('Stores besides the caller\'s own that a cell needs to be shown; null: nothing withheld.'),
});

export type HeatmapCell = z.infer<typeof heatmapCell>;
export type HeatmapResponse = z.infer<typeof heatmapResponse>;

/** Error body of every 4xx and 5xx answer. */
export const apiError = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof apiError>;
