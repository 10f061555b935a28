// The platforms of online orders by name, in both languages: each code the simulator gives an order
// has one, and a code the page does not know shows as it came.
import { expect, test } from 'vitest';
import { PLATFORMS } from '../../ingest/sources/model.ts';
import { platformName } from '../../web/flows/strings.ts';

test('every platform the orders carry is named, in Chinese and in English', () => {
  const names = (lang: 'zh' | 'en') => Object.fromEntries(PLATFORMS.map((p) => [p.code, platformName(lang, p.code)]));
  expect(names('zh')).toEqual({ pinduoduo: '拼多多', taobao: '淘宝', douyin: '抖音', jd: '京东', county_mall: '县域商城', wechat_shop: '微信小店' });
  expect(names('en')).toEqual({ pinduoduo: 'Pinduoduo', taobao: 'Taobao', douyin: 'Douyin', jd: 'JD.com', county_mall: 'County mall', wechat_shop: 'WeChat shop' });
});

test('an unknown platform code is shown as it is', () => {
  expect(platformName('zh', 'kuaishou')).toBe('kuaishou');
  expect(platformName('en', 'kuaishou')).toBe('kuaishou');
});
