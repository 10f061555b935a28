// The restock table's festival cell: the days the uplift is for, worked out by hand from the
// festival tables (Spring Festival 2027-02-06: the 14 days before, 01-23 to 02-05; Torch Festival
// 2026-08-07: three days before to two after, 08-04 to 08-09), and a fall written as one.
import { expect, test } from 'vitest';
import { festivalWords } from '../../web/workspace/restock.ts';

test('the uplift names its days, not the festival\'s day alone', () => {
  expect(festivalWords('zh', 'spring_festival:2027-02-06', 35.2).text).toBe('春节前 1月23日–2月5日 +35%');
  expect(festivalWords('en', 'spring_festival:2027-02-06', 35.2).text).toBe('Spring Festival run-up Jan 23–Feb 5 +35%');
  expect(festivalWords('zh', 'torch_festival:2026-08-07', 12).text).toBe('火把节 8月4日–8月9日 +12%');
  expect(festivalWords('en', 'torch_festival:2026-08-07', -4.6).text).toBe('Torch Festival Aug 4–Aug 9 −5%');
  expect(festivalWords('zh', 'spring_festival:2027-02-06', 35.2).why).toBe('上一次春节的同一时段，本县这一大类商品日均销售额比此前 28 天高 35%（这一次春节在 2月6日）；预计卖完的日期已按此推算。');
  expect(festivalWords('en', 'torch_festival:2026-08-07', -4.6).why).toBe('In the same days of the last Torch Festival, the county\'s daily sales of this category were 5% below the 28 days before (this one falls on Aug 7); the run-out day allows for it.');
});
