// Small display helpers shared by the views.
import type { StoreSummary } from '../contracts/stores.ts';
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
