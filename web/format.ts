// Small display helpers shared by the views.
import type { StoreSummary } from '../contracts/stores.ts';
import { addDays, MONTHS_EN } from '../contracts/time.ts';
import { t, type Lang } from './i18n.ts';

const known = (key: string, lang: Lang, fallback: string) => (t.has(key) ? t(lang, key) : fallback);

export const storeType = (type: string, lang: Lang) => known(`type.${type}`, lang, type);
export const storeStatus = (status: string, lang: Lang) => known(`status.${status}`, lang, status);

/** `金山镇 · 乡镇电商服务站` */
export const storeLine = (s: StoreSummary, lang: Lang) => `${s.areaName} · ${storeType(s.type, lang)}`;

/** A change already in percent, to one decimal with its sign (`+12.3%`); an em dash for none. */
export function pctText(x: number | null): string {
  return x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(1)}%`;
}

/** Change against a previous figure as a signed percentage; an em dash when there is nothing to compare. */
export function change(current: number, previous: number): string {
  if (previous === 0) return '—';
  const pct = ((current - previous) / previous) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

/** A week from its Monday (YYYY-MM-DD), as a shop owner reads it: 3月2日–8日, 3月30日–4月5日;
 *  2–8 Mar, 30 Mar–5 Apr. An ISO week number (2026-W10) says nothing to most. */
export function weekSpan(monday: string, lang: Lang): string {
  const [m1, d1] = [Number(monday.slice(5, 7)), Number(monday.slice(8, 10))];
  const sunday = addDays(monday, 6);
  const [m2, d2] = [Number(sunday.slice(5, 7)), Number(sunday.slice(8, 10))];
  if (lang === 'zh') return m1 === m2 ? `${m1}月${d1}日–${d2}日` : `${m1}月${d1}日–${m2}月${d2}日`;
  return m1 === m2 ? `${d1}–${d2} ${MONTHS_EN[m1 - 1]}` : `${d1} ${MONTHS_EN[m1 - 1]}–${d2} ${MONTHS_EN[m2 - 1]}`;
}
