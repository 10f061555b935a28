// Local time in Asia/Shanghai. China has had no daylight saving since 1991, so the zone is a fixed
// UTC+08:00 and conversion needs no tz database: this module stays browser-safe and tiny.

const OFFSET_MS = 8 * 3600_000;

/** Accepts `YYYY-MM-DD HH:mm:ss` or `YYYY-MM-DDTHH:mm:ss`, with an optional fraction and an
 *  optional `Z`/`±HH:mm` offset. Without an offset the time is read as Asia/Shanghai. */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;

/** The instant a time string names, as epoch milliseconds, or NaN if it is not a valid time. */
export function parseShanghaiTime(text: string): number {
  const m = LOCAL_TIME.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, frac ? Math.floor(+frac * 1000) : 0);
  // Date.UTC rolls 2026-02-30 over to March: reject instead of silently moving the sale.
  const check = new Date(utc);
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h! > 23 || +mi! > 59 || +s! > 59) {
    return NaN;
  }
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined) return OFFSET_MS;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 3600_000 + +digits.slice(2) * 60_000);
}

/** Epoch milliseconds to `YYYY-MM-DD HH:mm:ss` on the Shanghai wall clock (the warehouse's form). */
export function formatShanghaiTime(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Epoch milliseconds to the Shanghai calendar day, `YYYY-MM-DD`. */
export function shanghaiDay(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 10);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const t = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return t.getUTCFullYear() === +m[1]! && t.getUTCMonth() === +m[2]! - 1 && t.getUTCDate() === +m[3]!;
}

/** English month abbreviations, January first, for dates and spans in words. */
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Adds whole days to a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

/** The Monday that starts the ISO week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return addDays(day, -weekday);
}

/** ISO 8601 week label of a day, `2026-W07`: the week belongs to the year of its Thursday. */
export function isoWeek(day: string): string {
  const thursday = addDays(mondayOf(day), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / (7 * 86400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The first Monday of the weeks a default range shows: the Monday after the data's last week, but
 *  never after the Monday of `today`'s week. A week still under way is a few days' sales, and set
 *  beside whole weeks it reads as a collapse. */
export function lastWholeWeekEnd(lastDataDay: string | null, today: string): string {
  return wholeWeeksTo(lastDataDay === null ? mondayOf(today) : addDays(mondayOf(lastDataDay), 7), today);
}

/** A range's end (exclusive) held at the Monday of `today`'s week: the weeks after it have not ended. */
export function wholeWeeksTo(to: string, today: string): string {
  const thisMonday = mondayOf(today);
  return to < thisMonday ? to : thisMonday;
}

/** The last day so far of the ISO week starting `monday` when `today` falls in it (the week is under
 *  way), or null when the week is over or has not begun. */
export function weekThrough(monday: string, today: string): string | null {
  return today < monday || addDays(monday, 7) <= today ? null : today;
}

/** The month it is at `ms` in Shanghai, `YYYY-MM`: the current month of every view and report. */
export const shanghaiMonth = (ms: number): string => shanghaiDay(ms).slice(0, 7);

/** `2026-10` + (-1) -> `2026-09`; `2026-01` + (-1) -> `2025-12`. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
