// Reference data beyond areas and stores: the product catalogue, the category tree, e-commerce
// training records and the national figures county growth is compared against. Browser-safe:
// zod only, so the web app can type what the API returns from these tables.
import { z } from 'zod';
import { categoryCode } from './events.ts';
import { isCalendarDay } from './time.ts';

const sku = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1-64 letters, digits or . _ : -');

/** A county (6 digits) or township (9 digits) NBS code: where produce comes from. */
const originCode = z.string().regex(/^\d{6}(\d{3})?$/, 'must be a 6-digit county or 9-digit township NBS code');

const month = z.int().min(1).max(12);
const months = (what: string) =>
  z.array(month).min(1).max(12)
    .refine((ms) => new Set(ms).size === ms.length, 'must not repeat a month')
    .describe(what);

/** Which facts of a product a named source (in `note`) backs; the rest are assumptions. */
export const SOURCED_FACTS = ['identity', 'origin', 'season', 'price'] as const;

export const productInfo = z
  .object({
    sku: sku.describe('Stock-keeping unit, as in POS lines and distribution transactions.'),
    name: z.string().min(1).max(128).describe('Name as on the shelf, Chinese.'),
    category: categoryCode,
    // 1 fen to 100,000 yuan: a price outside this is a unit mistake, not a product.
    priceFen: z.int().min(1).max(10_000_000).describe('Typical shelf price of one unit, integer fen.'),
    unit: z.string().min(1).max(32).describe('Unit of sale: 瓶, 袋, 箱, 500g, ...'),
    weight: z.number().positive().max(100).describe('Relative popularity, for the simulator.'),
    agricultural: z.boolean().describe('Counted in 农产品网络零售额.'),
    povertyRelief: z.boolean().describe('Poverty-relief product (扶贫产品).'),
    originAreaCode: originCode.optional().describe('County or township the produce comes from.'),
    seasonMonths: months('Months it is on sale; absent means all year.').optional(),
    peakMonths: months('Months of the main harvest or sales peak.').optional(),
    assumed: z.boolean().describe('True when price, season or origin is not from a named source.'),
    sourced: z.array(z.enum(SOURCED_FACTS)).optional().describe('Facts a source named in note backs.'),
    note: z.string().max(1000).optional().describe('Sources, and what is assumed.'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.peakMonths && p.seasonMonths && !p.peakMonths.every((m) => p.seasonMonths!.includes(m))) {
      ctx.addIssue({ code: 'custom', path: ['peakMonths'], message: 'must be months of seasonMonths' });
    }
    if (p.sourced?.length && !p.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'must name the source of the sourced facts' });
    }
    if (!p.assumed && !p.sourced?.includes('price')) {
      ctx.addIssue({ code: 'custom', path: ['assumed'], message: 'must be true unless the price is sourced' });
    }
  });

/** A node of the category tree; `children` only on the top level (the tree has two levels). */
export const categoryNode = z
  .object({
    code: categoryCode,
    zh: z.string().min(1).max(32).describe('Display name, Chinese.'),
    en: z.string().min(1).max(64).describe('Display name, English.'),
  })
  .strict();

export const categoryTree = z.object({
  categories: z.array(categoryNode.extend({ children: z.array(categoryNode).min(1) })).min(1),
});

export const TRAINING_AUDIENCES = ['merchant', 'farmer', 'official', 'youth', 'poverty_household'] as const;

export const trainingSession = z
  .object({
    id: sku.describe('Record id.'),
    date: z.string().refine(isCalendarDay, 'must be a calendar day YYYY-MM-DD').describe('Day of the (last) session.'),
    areaCode: originCode.describe('County or township where the training was held.'),
    audience: z.enum(TRAINING_AUDIENCES),
    sessions: z.int().min(1).max(1000).describe('Sessions held (场次).'),
    trainees: z.int().min(0).max(100_000).describe('Attendances (人次).'),
    satisfied: z.int().min(0).describe('Attendances rated satisfied.'),
    converted: z.int().min(0).describe('Trainees who went on to trade online (opened a shop, made sales).'),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.satisfied > t.trainees) ctx.addIssue({ code: 'custom', path: ['satisfied'], message: 'must not exceed trainees' });
    if (t.converted > t.trainees) ctx.addIssue({ code: 'custom', path: ['converted'], message: 'must not exceed trainees' });
  });

export const nationalFigure = z
  .object({
    year: z.int().min(2000).max(2100),
    indicator: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a lower-case indicator code like rural_online_retail'),
    value100mYuan: z.number().nonnegative().nullable().describe('Level in 亿元 (100 million yuan); null when not found.'),
    yoyPct: z.number().min(-100).max(1000).nullable().describe('Growth as published, percent; null when not found.'),
    source: z.string().min(1).max(500).describe('Where the figure was published.'),
    confidence: z.enum(['official', 'repost', 'weak'])
      .describe('official: the release itself; repost: a faithful repost; weak: a doubtful repost.'),
  })
  .refine((f) => f.value100mYuan !== null || f.yoyPct !== null, { message: 'must have a value or a growth rate', path: ['value100mYuan'] });

export type ProductInfo = z.infer<typeof productInfo>;
export type CategoryNode = z.infer<typeof categoryNode>;
export type TrainingSession = z.infer<typeof trainingSession>;
export type NationalFigure = z.infer<typeof nationalFigure>;
/** A category with its place in the tree, as stored. */
export interface CategoryRow extends CategoryNode {
  parentCode: string; // '' for a top category
  level: 1 | 2;
}
