import { describe, expect, test } from 'vitest';
import { EVENT_KINDS, store } from '../../contracts/events.ts';
import { INDICATORS } from '../../contracts/officials.ts';
import type { RejectReason } from '../../ingest/decode.ts';
import { areaLabel } from '../../web/area-label.ts';
import { storeStatus, storeType } from '../../web/format.ts';
import { formatYuan, formatYuanShort, parseLang, t, type Lang } from '../../web/i18n.ts';
import { at } from '../../web/views/admin-strings.ts';
import { ct } from '../../web/views/cockpit-strings.ts';

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

// Codes from the data are looked up in the strings by a key built at run time, which the type
// checker cannot follow: each set of codes the contracts allow must read as words, in both
// languages, on the pages that show them (a status once read "silent" on the stores pages when its
// strings moved to the officials' pages).
describe('codes from the data read as words', () => {
  const both = (fn: (lang: Lang) => string) => [fn('zh'), fn('en')];
  test.each(store.shape.status.options.map((s) => [s]))('store status %s, on every page (web/format.ts)', (code) => {
    for (const text of both((lang) => storeStatus(code, lang))) expect(text).not.toBe(code);
  });
  test.each(store.shape.type.options.map((s) => [s]))('store type %s, on every page', (code) => {
    for (const text of both((lang) => storeType(code, lang))) expect(text).not.toBe(code);
  });
  test.each(INDICATORS.map((s) => [s]))('indicator %s, on the officials\' pages', (code) => {
    expect(ct.has(`ind.${code}`)).toBe(true);
  });
  test('every stream and refusal reason, on the operations page', () => {
    const reasons = Object.keys({ too_large: 1, not_json: 1, schema: 1, out_of_range: 1, insert_rejected: 1 } satisfies Record<RejectReason, 1>);
    for (const code of [...EVENT_KINDS.map((k) => `stream_${k}`), ...reasons.map((r) => `reason_${r}`)]) expect(at.has(code), code).toBe(true);
  });
});
