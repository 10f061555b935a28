// The words of the officials' figures in Chinese and English: national series, publishers,
// confidence, spans of months, why a gap is missing, a target's unit, who produced a report. Shared
// by the cockpit's pages and the monthly report so that both say the same thing; browser-safe.
import type { ComparisonMissing, LatestComparison } from './officials.ts';
import { MONTHS_EN } from './time.ts';

type Lang = 'zh' | 'en';
type Words = Record<Lang, string>;

// NBS and MOFCOM's own names for their series (网上零售额 is NBS's word, 网络零售额 MOFCOM's).
const SERIES: Record<string, Words> = {
  national_online_retail: { zh: '全国网上零售额', en: 'national online retail' },
  national_physical_goods_online_retail: { zh: '全国实物商品网上零售额', en: 'national online retail of physical goods' },
  rural_online_retail: { zh: '全国农村网络零售额', en: 'national rural online retail' },
  agri_online_retail: { zh: '全国农产品网络零售额', en: 'national agricultural online retail' },
};
const BODIES: Record<string, Words> = { NBS: { zh: '国家统计局', en: 'NBS' }, MOFCOM: { zh: '商务部', en: 'MOFCOM' } };
const CONFIDENCE: Record<string, Words> = {
  official: { zh: '官方发布', en: 'official release' },
  repost: { zh: '转载', en: 'reposted' },
  weak: { zh: '来源较弱，待核实', en: 'weak source, to be checked' },
};

/** A series' human name, lower-case in English; an unknown code (a CSV may add one) as it is. */
export const seriesName = (series: string, lang: Lang): string => SERIES[series]?.[lang] ?? series;
/** The same as a heading or a legend entry: a known name capitalised in English, a code as it is. */
export function seriesTitle(series: string, lang: Lang): string {
  const n = SERIES[series]?.[lang];
  return n === undefined ? series : n.charAt(0).toUpperCase() + n.slice(1);
}
export const bodyName = (body: string, lang: Lang): string => BODIES[body]?.[lang] ?? body;
export const confidenceName = (confidence: string, lang: Lang): string => CONFIDENCE[confidence]?.[lang] ?? confidence;


/** January to `month` (YYYY-MM) of its year: 1-11月 / Jan–Nov; January alone is 1月 / Jan. */
export function monthSpan(month: string, lang: Lang): string {
  const n = Number(month.slice(5, 7));
  if (lang === 'zh') return n === 1 ? '1月' : `1-${n}月`;
  return n === 1 ? 'Jan' : `Jan–${MONTHS_EN[n - 1]}`;
}

/** One month in words: 2026年11月 / Nov 2026. */
export const monthName = (month: string, lang: Lang): string =>
  (lang === 'zh' ? `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月` : `${MONTHS_EN[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`);

/** The same span with its year: 2026年1-11月 / Jan–Nov 2026. */
export const yearSpan = (month: string, lang: Lang): string =>
  (lang === 'zh' ? `${month.slice(0, 4)}年${monthSpan(month, lang)}` : `${monthSpan(month, lang)} ${month.slice(0, 4)}`);

/** Why a gap to the national growth is missing, in the reader's words. */
export function missingText(m: ComparisonMissing, lang: Lang): string {
  const series = m.series ? seriesName(m.series, lang) : '';
  const span = m.periodEnd ? yearSpan(m.periodEnd, lang) : '';
  const zh = lang === 'zh';
  switch (m.missing) {
    case 'no_national_series': return zh ? '全国未发布此类序列' : 'no national series of this kind is published';
    case 'no_national_figure': return zh ? `暂无${span}${series}数据` : `no ${series} figure for ${span} yet`;
    case 'nbs_january_with_february': return zh ? `国家统计局1、2月数据合并发布，无${span}${series}数据` : `NBS publishes January and February together: no ${series} figure for ${span}`;
    case 'no_county_growth': return zh ? '上年同期数据缺失，无累计同比可比' : 'no year-on-year growth to compare: last year\'s figures are missing';
    case 'month_in_progress': return zh ? '本月尚未结束，月末后比较' : 'the month is not over: compared once it is';
  }
}

const signedPct = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)}%`;

/** A gap in percentage points as a phrase: 高 3.5 个百分点 / 3.5 points above. */
export function gapWords(gapPp: number, lang: Lang): string {
  const x = Math.abs(gapPp).toFixed(1);
  if (lang === 'zh') return gapPp > 0 ? `高 ${x} 个百分点` : gapPp < 0 ? `低 ${x} 个百分点` : '持平';
  return gapPp > 0 ? `${x} points above` : gapPp < 0 ? `${x} points below` : 'level';
}

/** The area's and the nation's growth of a latest comparison: 本地 +12.1%，全国 +8.6%（国家统计局）;
 *  `detail` goes inside the brackets after the publisher (the report names the series and source). */
export function latestFigures(l: LatestComparison, lang: Lang, detail = ''): string {
  const body = `${bodyName(l.body, lang)}${detail ? `${lang === 'zh' ? ' ' : ', '}${detail}` : ''}`;
  if (lang === 'zh') return `${l.areaYoyPct === null ? '本地同期增速无数据' : `本地 ${signedPct(l.areaYoyPct)}`}，全国 ${signedPct(l.nationalYoyPct)}（${body}）`;
  return `${l.areaYoyPct === null ? 'no growth figure here for those months' : `here ${signedPct(l.areaYoyPct)}`}, national ${signedPct(l.nationalYoyPct)} (${body})`;
}

/** The whole of a latest comparison in a sentence, for the report and the scorecard. */
export function latestText(l: LatestComparison, lang: Lang, detail = ''): string {
  const span = yearSpan(l.periodEnd, lang);
  const gap = l.gapPp === null ? '' : `${lang === 'zh' ? '，' : ', '}${gapWords(l.gapPp, lang)}`;
  return lang === 'zh' ? `最近可比 ${span}：${latestFigures(l, lang, detail)}${gap}` : `latest comparable, ${span}: ${latestFigures(l, lang, detail)}${gap}`;
}

// A target's units as plan_targets writes them (sql/migrations/0015): 个, %, 百分点, 人次, 是/否.
const UNITS_EN: Record<string, string> = { '个': '', '%': '%', '百分点': ' points', '人次': ' attendances' };

/** A target or an actual in its unit: 是/否 as yes or no; a count without 个 in English (the label names it). */
export function targetAmount(value: number, unit: string, lang: Lang): string {
  if (unit === '是/否') return value >= 1 ? (lang === 'zh' ? '是' : 'Yes') : (lang === 'zh' ? '否' : 'No');
  const n = value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 });
  if (unit === '%') return `${n}%`;
  if (lang === 'en') return `${n}${UNITS_EN[unit] ?? ` ${unit}`}`;
  return unit === '百分点' ? `${n} 个百分点` : `${n} ${unit}`;
}

/** A target's unit beside the box that edits it (a bare 50 beside 29.8% said nothing): 是/否 as
 *  what 1 and 0 mean; 个 in Chinese only, as the label names the thing counted in English. */
export function targetUnit(unit: string, lang: Lang): string {
  if (unit === '是/否') return lang === 'zh' ? '（1 为是，0 为否）' : '(1 yes, 0 no)';
  if (lang === 'en') return (UNITS_EN[unit] ?? unit).trim();
  return unit;
}

/** Who the report scheduler writes as a report's producer: stored as is, shown in words. */
export const SCHEDULER_PRODUCER = 'system (automatic, by the 10th)';
const PRODUCERS: Record<string, Words> = { [SCHEDULER_PRODUCER]: { zh: '系统（每月10日前自动生成）', en: 'System (automatic, by the 10th)' } };

/** A report's producer for display: the scheduler in words, an account by its login. */
export const producerName = (producedBy: string, lang: Lang): string => PRODUCERS[producedBy]?.[lang] ?? producedBy;
