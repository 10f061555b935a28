// The trend chart's legend names each line in full: Vega's default cut the names at 160 px
// ("National rural on…", "楚雄彝族自治州, year to …"), so the lines could not be told apart. On a
// phone's width the chart must still fit the screen (328 px of a 360 px phone), not be shrunk.
import { expect, test } from 'vitest';
import { renderVegaLite } from '../../../api/charts/vega.ts';
import { trendSpec, wrapLabel } from '../../../api/officials/charts.ts';
import type { TrendResponse } from '../../../contracts/officials.ts';

const trend: TrendResponse = {
  area: { code: '5323', name: '楚雄彝族自治州' }, indicator: 'online_retail', from: '2024-04', to: '2026-03',
  months: [{ month: '2026-01', value: 2_000_000, yoyPct: 12, ytdYoyPct: 12 }, { month: '2026-02', value: 2_100_000, yoyPct: 3, ytdYoyPct: 3 }],
  national: [
    { series: 'national_online_retail', body: 'NBS', periodStart: '2025-01', periodEnd: '2025-12', yoyPct: 8.6, source: 'NBS' },
    { series: 'rural_online_retail', body: 'MOFCOM', periodStart: '2025-01', periodEnd: '2025-09', yoyPct: 7.7, source: 'MOFCOM' },
    { series: 'agri_online_retail', body: 'MOFCOM', periodStart: '2025-01', periodEnd: '2025-09', yoyPct: 6.1, source: 'MOFCOM' },
  ],
};
/** Each text element's content; the lines of a multi-line one (its tspans) joined by " / ". */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/gs)]
  .map((m) => m[1]!.split('</tspan>').map((l) => l.replace(/<[^>]*>/g, '')).filter(Boolean).join(' / '));
const svgWidth = (svg: string) => Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);

test('at 560 px every series is named in full on one line, in English and in Chinese', async () => {
  const en = texts(await renderVegaLite(trendSpec(trend, 'en', 560)));
  expect(en).toEqual(expect.arrayContaining([
    'National online retail（NBS）', 'National rural online retail（MOFCOM）', 'National agricultural online retail（MOFCOM）', '楚雄彝族自治州, year to date',
  ]));
  const zh = texts(await renderVegaLite(trendSpec(trend, 'zh', 560)));
  expect(zh).toEqual(expect.arrayContaining(['全国网上零售额（NBS）', '全国农村网络零售额（MOFCOM）', '全国农产品网络零售额（MOFCOM）', '楚雄彝族自治州 年初至当月累计同比']));
  expect([...en, ...zh].filter((s) => s!.includes('…'))).toEqual([]);
});

test('on a phone (plot 248 px) names wrap (the publisher on its own line) and the chart fits in 328 px', async () => {
  const svg = await renderVegaLite(trendSpec(trend, 'en', 248));
  const all = texts(svg);
  expect(all).toEqual(expect.arrayContaining([
    'National online retail / （NBS）', 'National rural online retail / （MOFCOM）', 'National agricultural online / retail / （MOFCOM）', '楚雄彝族自治州, year to date',
  ]));
  expect(all.filter((s) => s.includes('…'))).toEqual([]);
  expect(svgWidth(svg)).toBeLessThanOrEqual(328);
  expect(svgWidth(await renderVegaLite(trendSpec(trend, 'zh', 248)))).toBeLessThanOrEqual(328);
});

test('wrapLabel breaks between words at the line length and before the publisher\'s bracket', () => {
  expect(wrapLabel('National agricultural online retail（MOFCOM）', 30)).toEqual(['National agricultural online', 'retail', '（MOFCOM）']);
  expect(wrapLabel('全国农产品网络零售额（MOFCOM）', 30)).toEqual(['全国农产品网络零售额', '（MOFCOM）']);
  expect(wrapLabel('楚雄彝族自治州, year to date', 30)).toEqual(['楚雄彝族自治州, year to date']);
  expect(wrapLabel('Supercalifragilistic word', 10)).toEqual(['Supercalifragilistic', 'word']);
});

test('months that are all zero (a village without online sellers) get an axis of whole ticks, not "0.000000"', async () => {
  const zero: TrendResponse = { ...trend, months: trend.months.map((m) => ({ ...m, value: 0, yoyPct: null, ytdYoyPct: null })) };
  const all = texts(await renderVegaLite(trendSpec(zero, 'zh', 560)));
  expect(all.filter((s) => /^0\.0{3,}$/.test(s))).toEqual([]);
  expect(all).toContain('0.0');
  expect(all).toContain('1.0');
});

test('each line keeps its colour in both languages: the area first, then the national series in order', async () => {
  // The lines are drawn in the colour scale's order; sorted by name, Chinese and English names
  // sorted differently and the area's line took another series' colour on switching language.
  const strokes = async (lang: 'zh' | 'en') => [...(await renderVegaLite(trendSpec(trend, lang, 560)))
    .matchAll(/<g class="mark-line role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)].map((m) => /stroke="([^"]+)"/.exec(m[1]!)![1]);
  const [zh, en] = [await strokes('zh'), await strokes('en')];
  expect(zh).toHaveLength(4); // the area and three national series
  expect(new Set(zh).size).toBe(4);
  expect(en).toEqual(zh);
  const spec = JSON.stringify(trendSpec(trend, 'en', 560));
  expect(spec).toContain(JSON.stringify({ domain: ['楚雄彝族自治州, year to date', 'National online retail（NBS）', 'National rural online retail（MOFCOM）', 'National agricultural online retail（MOFCOM）'] }));
});
