// The flows' figures in words: money from integer fen (exact yuan), weight from integer grams
// (公斤 below a tonne, 吨 from one), counts grouped; and the measure a chart is weighted by.
import { formatYuan, formatYuanShort, type Lang } from '../i18n.ts';
import type { FlowTotals } from '../../contracts/flows.ts';

export const MEASURES = ['amount', 'weight', 'orders'] as const;
export type Measure = (typeof MEASURES)[number];

export const parseMeasure = (value: string | null): Measure => ((MEASURES as readonly string[]).includes(value ?? '') ? value as Measure : 'amount');

export function measureOf(row: FlowTotals, measure: Measure): number {
  return measure === 'amount' ? row.amountFen : measure === 'weight' ? row.weightG : row.orders;
}

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(locale(lang));
}

/** Grams as 公斤 (one decimal) below a tonne, as 吨 (two decimals) from one. */
export function formatWeight(grams: number, lang: Lang): string {
  if (Math.abs(grams) >= 1_000_000) {
    return `${(grams / 1_000_000).toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${lang === 'zh' ? '吨' : 't'}`;
  }
  return `${(grams / 1000).toLocaleString(locale(lang), { maximumFractionDigits: 1 })} ${lang === 'zh' ? '公斤' : 'kg'}`;
}

/** A figure of the measure: exact money in tables, short money on charts. */
export function formatMeasure(value: number, measure: Measure, lang: Lang, short = false): string {
  if (measure === 'amount') return short ? `¥${formatYuanShort(value, lang)}` : formatYuan(value);
  if (measure === 'weight') return formatWeight(value, lang);
  return formatCount(value, lang);
}
