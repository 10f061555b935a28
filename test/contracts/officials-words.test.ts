// The officials' words, written out by hand: spans of months (January alone too), why a national
// gap is missing with the series by its name, a target's unit, and the scheduler as a producer.
import { describe, expect, test } from 'vitest';
import { confidenceName, missingText, monthName, monthSpan, producerName, SCHEDULER_PRODUCER, seriesTitle, targetAmount, targetUnit, yearSpan } from '../../contracts/officials-words.ts';

describe('months', () => {
  test('January to the month, and January alone', () => {
    expect([monthSpan('2026-11', 'zh'), monthSpan('2026-11', 'en')]).toEqual(['1-11月', 'Jan–Nov']);
    expect([monthSpan('2026-01', 'zh'), monthSpan('2026-01', 'en')]).toEqual(['1月', 'Jan']);
    expect([yearSpan('2026-03', 'zh'), yearSpan('2026-03', 'en')]).toEqual(['2026年1-3月', 'Jan–Mar 2026']);
    expect([monthName('2026-11', 'zh'), monthName('2026-11', 'en')]).toEqual(['2026年11月', 'Nov 2026']);
  });
});

describe('why a gap is missing', () => {
  test('each reason in Chinese and in English, the series by its name', () => {
    const figure = { missing: 'no_national_figure', series: 'national_online_retail', periodStart: '2026-01', periodEnd: '2026-11' } as const;
    expect(missingText(figure, 'zh')).toBe('暂无2026年1-11月全国网上零售额数据');
    expect(missingText(figure, 'en')).toBe('no national online retail figure for Jan–Nov 2026 yet');
    const january = { missing: 'nbs_january_with_february', series: 'national_online_retail', periodStart: '2026-01', periodEnd: '2026-01' } as const;
    expect(missingText(january, 'zh')).toBe('国家统计局1、2月数据合并发布，无2026年1月全国网上零售额数据');
    expect(missingText(january, 'en')).toBe('NBS publishes January and February together: no national online retail figure for Jan 2026');
    expect(missingText({ missing: 'no_national_series' }, 'zh')).toBe('全国未发布此类序列');
    expect(missingText({ missing: 'no_county_growth' }, 'zh')).toBe('上年同期数据缺失，无累计同比可比');
  });

  test('series and confidence by name; a code no table knows stays as it is', () => {
    expect([seriesTitle('national_physical_goods_online_retail', 'zh'), seriesTitle('national_physical_goods_online_retail', 'en')])
      .toEqual(['全国实物商品网上零售额', 'National online retail of physical goods']);
    expect([confidenceName('repost', 'zh'), confidenceName('weak', 'en')]).toEqual(['转载', 'weak source, to be checked']);
    expect(seriesTitle('new_series', 'zh')).toBe('new_series');
  });
});

describe('a target in its unit', () => {
  test('yes or no, counts, attendances, percent and points', () => {
    expect([targetAmount(1, '是/否', 'zh'), targetAmount(0, '是/否', 'zh'), targetAmount(1, '是/否', 'en')]).toEqual(['是', '否', 'Yes']);
    expect([targetAmount(50, '个', 'zh'), targetAmount(50, '个', 'en')]).toEqual(['50 个', '50']);
    expect([targetAmount(3722, '人次', 'zh'), targetAmount(3722, '人次', 'en')]).toEqual(['3,722 人次', '3,722 attendances']);
    expect([targetAmount(29.8, '%', 'en'), targetAmount(-1.5, '百分点', 'zh'), targetAmount(0, '百分点', 'en')]).toEqual(['29.8%', '-1.5 个百分点', '0 points']);
  });

  test('beside the box that edits it: what 1 and 0 mean, and the unit the box is in', () => {
    expect(['是/否', '个', '%', '百分点', '人次'].map((u) => targetUnit(u, 'zh'))).toEqual(['（1 为是，0 为否）', '个', '%', '百分点', '人次']);
    expect(['是/否', '个', '%', '百分点', '人次'].map((u) => targetUnit(u, 'en'))).toEqual(['(1 yes, 0 no)', '', '%', 'points', 'attendances']);
  });
});

test('the scheduler as a producer in words; an account by its login', () => {
  expect(SCHEDULER_PRODUCER).toBe('system (automatic, by the 10th)'); // stored in monthly_reports: must not change
  expect([producerName(SCHEDULER_PRODUCER, 'zh'), producerName(SCHEDULER_PRODUCER, 'en')]).toEqual(['系统（每月10日前自动生成）', 'System (automatic, by the 10th)']);
  expect(producerName('official-532302', 'zh')).toBe('official-532302');
});
