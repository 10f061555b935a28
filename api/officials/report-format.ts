// Words and numbers shared by the XLSX and the PDF of a monthly report, in Chinese (the report
// goes to the prefecture's bureau and on to the province).
import type { Comparison, IndicatorFigures } from '../../contracts/officials.ts';
import { bodyName, latestText, missingText, seriesName, yearSpan } from '../../contracts/officials-words.ts';
import { indicatorName } from './charts.ts';
import { formatShanghaiTime } from '../../contracts/time.ts';

export const STATUS_ZH: Record<string, string> = { met: '已完成', on_track: '进度正常', behind: '滞后', missed: '未达标', no_data: '无法计算' };
export const TYPE_ZH: Record<string, string> = { county_centre: '县级电商公共服务中心', county_warehouse: '县级物流仓储配送中心', township_station: '乡镇电商服务站', village_point: '村级物流服务点' };

/** 万元 with two decimals for fen; a plain count otherwise; — for unknown. */
export function amount(value: number | null, unit: 'fen' | 'count'): string {
  if (value === null) return '—';
  return unit === 'fen' ? (value / 1_000_000).toFixed(2) : value.toLocaleString('en-US');
}

export const unitZh = (f: IndicatorFigures) => (f.unit === 'fen' ? '万元' : f.key === 'online_merchants' ? '家' : '件');
export const pct = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(1)}%`);
export const name = (f: IndicatorFigures) => indicatorName(f.key, 'zh');

export function gap(c: Comparison | null): string {
  if (c === null) return '不适用';
  if ('missing' in c) {
    const l = c.latest;
    return `无可比数据：${missingText(c, 'zh')}${l ? `；${latestText(l, 'zh', `${seriesName(l.series, 'zh')}，${l.source}`)}` : ''}`;
  }
  return `${c.gapPp > 0 ? '+' : ''}${c.gapPp.toFixed(1)} 个百分点（全国 ${c.nationalYoyPct}%，${bodyName(c.body, 'zh')} ${seriesName(c.series, 'zh')} ${yearSpan(c.periodEnd, 'zh')}，${c.source}）`;
}

/** When a report was produced, on the Beijing wall clock as the report list shows it (it said UTC,
 *  eight hours off the list's time). */
export const producedAtWords = (iso: string): string => `${formatShanghaiTime(Date.parse(iso)).slice(0, 16)}（北京时间）`;
