import { expect, test } from 'vitest';
import { areaLabel } from '../../web/area-label.ts';
import { formatYuan, formatYuanShort, parseLang, t } from '../../web/i18n.ts';

test('fen are shown as exact yuan, without float rounding', () => {
  expect(formatYuan(5290)).toBe('¥52.90');
  expect(formatYuan(7)).toBe('¥0.07');
  expect(formatYuan(123_456_789_01)).toBe('¥123,456,789.01');
  expect(formatYuan(0)).toBe('¥0.00');
});

test('short amounts use 万 in Chinese and k/M in English', () => {
  expect(formatYuanShort(36_118_200, 'zh')).toBe('36.12万');
  expect(formatYuanShort(5_000, 'zh')).toBe('50');
  expect(formatYuanShort(223_989, 'zh')).toBe('2,240'); // a legend's tick, not 2239.89
  expect(formatYuanShort(999_950, 'zh')).toBe('1万'); // rounded to 10,000 yuan: 万 from there
  expect(formatYuanShort(36_118_200, 'en')).toBe('361.18k');
  expect(formatYuanShort(250_000_000, 'en')).toBe('2.5M');
});

test('Chinese unless ?lang=en', () => {
  expect(parseLang(null)).toBe('zh');
  expect(parseLang('fr')).toBe('zh');
  expect(parseLang('en')).toBe('en');
  expect(t('zh', 'rowsCaption', { level: '乡镇' })).toBe('行：乡镇；列：周（周一至周日）');
});

test('village committees get their short names; the parent\'s own row says so', () => {
  expect(areaLabel({ code: '532301101001', name: '东兴社区居民委员会' }, '532301101', 'zh')).toBe('东兴社区');
  expect(areaLabel({ code: '532301101020', name: '山嘴子村民委员会' }, '532301101', 'zh')).toBe('山嘴子村');
  expect(areaLabel({ code: '532301101', name: '鹿城镇' }, '532301101', 'zh')).toBe('鹿城镇（本级）');
  expect(areaLabel({ code: '532302', name: '禄丰市' }, '5323', 'zh')).toBe('禄丰市');
});
