// The cockpit's standard charts as Vega-Lite specs: an indicator's months as bars, and its
// year-to-date growth as a line beside the national rates of the same kind (the baseline).
import type { TopLevelSpec } from 'vega-lite';
import { monthsBetween } from './growth.ts';
import type { IndicatorKey, TrendResponse } from '../../contracts/officials.ts';
import { seriesTitle } from '../../contracts/officials-words.ts';

const NAMES: Record<IndicatorKey, { zh: string; en: string }> = {
  online_retail: { zh: '网络零售额', en: 'Online retail' },
  agri_online_retail: { zh: '农产品网络零售额', en: 'Agricultural online retail' },
  online_merchants: { zh: '网商数', en: 'Online merchants' },
  proxy_purchases: { zh: '代买代购金额', en: 'Online orders placed for villagers' },
  parcels_out: { zh: '快递揽收量', en: 'Parcels collected' },
  parcels_in: { zh: '快递投递量', en: 'Parcels delivered' },
};
export const indicatorName = (k: IndicatorKey, lang: 'zh' | 'en') => NAMES[k][lang];

export function trendSpec(t: TrendResponse, lang: 'zh' | 'en', width = 560): TopLevelSpec {
  const money = t.months.length > 0 && (t.indicator === 'online_retail' || t.indicator === 'agri_online_retail' || t.indicator === 'proxy_purchases');
  const unit = money ? (lang === 'zh' ? '万元' : '10k yuan') : (lang === 'zh' ? (t.indicator === 'online_merchants' ? '家' : '件') : 'count');
  const bars = t.months.map((m) => ({ month: m.month, value: money ? m.value / 1_000_000 : m.value }));
  // Each point is January to its own month, so the line is named for that, not for one span.
  const county = lang === 'zh' ? `${t.area.name} 年初至当月累计同比` : `${t.area.name}, year to date`;
  const growth = [
    ...t.months.filter((m) => m.ytdYoyPct !== null).map((m) => ({ month: m.month, pct: m.ytdYoyPct!, who: county })),
    ...t.national.map((n) => ({ month: n.periodEnd, pct: n.yoyPct, who: `${seriesTitle(n.series, lang)}（${n.body}）` })),
  ];
  const zh = lang === 'zh';
  const order = [...new Set([county, ...growth.map((g) => g.who)])];
  const domain = monthsBetween(t.from, t.to);
  const narrow = width < 400;
  // A phone's chart has no room for 24 month labels: every other one (or fewer) is dropped there.
  const axis = { labelAngle: -45, labelOverlap: narrow ? 'parity' : false };
  // The series' names are how the lines are told apart: one to a line, never cut short (Vega's
  // default cuts at 160 px: "National rural on…"). Below the chart, as wide as the chart.
  // On a phone a name is wrapped (the publisher on a line of its own): Vega sizes text on the
  // server by an estimate (0.8 em a glyph) and one long line would widen the chart past the screen.
  const labelLimit = width + 40;
  const wrapped = Object.fromEntries([...new Set(growth.map((g) => g.who))].map((who) => [who, wrapLabel(who, Math.floor((labelLimit - 20) / 8.8))]));
  const legend = {
    orient: 'bottom', direction: 'vertical', columns: 1, labelLimit,
    ...(narrow ? { labelExpr: `${JSON.stringify(wrapped)}[datum.label] || datum.label` } : {}),
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${t.area.name} · ${indicatorName(t.indicator, lang)}`,
    vconcat: [
      {
        width, height: 140, data: { values: bars }, mark: { type: 'bar', color: '#00897b' },
        encoding: {
          x: { field: 'month', type: 'ordinal', title: null, axis, scale: { domain } },
          // All zero (a village without online sellers): a scale of [0, 0] labelled its one tick "0.000000".
          y: { field: 'value', type: 'quantitative', title: `${indicatorName(t.indicator, lang)}（${unit}）`,
            ...(bars.every((b) => b.value === 0) ? { scale: { domain: [0, 1] } } : {}) },
        },
      },
      {
        width, height: 120, data: { values: growth },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'month', type: 'ordinal', title: null, axis, scale: { domain } },
          y: { field: 'pct', type: 'quantitative', title: zh ? '同比增长（%）' : 'Growth (%)' },
          // In a fixed order, the area first: sorted by name, the colours swapped between languages.
          color: { field: 'who', type: 'nominal', title: null, legend, scale: { domain: order } },
          strokeDash: { field: 'who', type: 'nominal', title: null, legend, scale: { domain: order } },
        },
      },
    ],
  } as TopLevelSpec;
}

/** A legend label as lines of at most `max` characters, broken between words and before the
 *  publisher's bracket; a word longer than a line keeps its own line. */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const part of text.replace('（', '\n（').split('\n')) {
    let line = '';
    for (const word of part.split(' ')) {
      if (line && line.length + 1 + word.length > max) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}
