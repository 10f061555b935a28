// The days, months and categories a request may name. Years are bounded: the warehouse keeps dates from 1970
// to 2149 and the platform takes events from 2000 on, so a year outside 2000-2099 is a 400 naming
// the field, not an engine error (`from=9999-12-31` used to answer 500). Browser-safe.
import { z } from 'zod';
import { TOP_CATEGORIES } from './categories.ts';
import { categoryCode } from './events.ts';
import { isCalendarDay } from './time.ts';

const inYears = (text: string) => text >= '2000' && text < '2100';

export const requestDay = z.string()
  .refine(isCalendarDay, 'must be a calendar day YYYY-MM-DD')
  .refine(inYears, 'must be a day from 2000-01-01 to 2099-12-31');

export const requestMonth = z.string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .refine(inYears, 'must be a month from 2000-01 to 2099-12');

/** A category to filter by: under one of the top-level categories (a category under it that has
 *  no sales yet is an empty answer; a top level no product has is a mistake, and a 400). */
export const categoryFilter = categoryCode.refine((code) => TOP_CATEGORIES.some((c) => c.code === code.split('.')[0]),
  `must be one of ${TOP_CATEGORIES.map((c) => c.code).join(', ')}, or a category under one (beverages.tea)`);

/** A whole number from a query string, decimal digits only, then held to `bounds`. z.coerce.number()
 *  read "0x10" as 16 and "1e1" as 10, an empty value as 0 ("must be at least 2" for a field left
 *  empty) and a repeated parameter as NaN ("expected number, received NaN"). A number passes as it
 *  is (a caller in the same process). */
export function queryInt(bounds: (n: z.ZodNumber) => z.ZodNumber = (n) => n) {
  return z.union([z.number(), z.string().regex(/^\d{1,9}$/).transform(Number)],
    { error: (issue) => (Array.isArray(issue.input) ? 'must be given once' : 'must be a whole number') })
    .pipe(bounds(z.number().int()));
}
