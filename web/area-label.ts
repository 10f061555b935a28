// An area's name as a row of a chart or ranking says it.
import { t, type Lang } from './i18n.ts';

/**
 * Village committees are named in full (东兴社区居民委员会); the short form that people use (东兴社区,
 * 山嘴子村) fits a label column. The row with the parent's own code holds stores registered at the
 * parent itself, so it says so.
 */
export function areaLabel(row: { code: string; name: string }, parentCode: string, lang: Lang): string {
  if (row.code === parentCode) return t(lang, 'seatRow', { name: row.name });
  return row.name.replace(/居民委员会$/, '').replace(/村民委员会$/, '村').replace(/村村$/, '村');
}
