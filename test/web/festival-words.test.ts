// The restock table's festival cell: the days the uplift is for, worked out by hand from the
// festival tables (Spring Festival 2027-02-06: the 14 days before, 01-23 to 02-05; Torch Festival
// 2026-08-07: three days before to two after, 08-04 to 08-09), and a fall written as one.
import { expect, test } from 'vitest';
import { festivalWords } from '../../web/workspace/restock.ts';

test('the uplift names its days, not the festival\'s day alone', () => {
  expect(festivalWords('zh', 'spring_festival:2027-02-06', 35.2, true).text).toBe('春节前 1月23日–2月5日 +35%');
  expect(festivalWords('en', 'spring_festival:2027-02-06', 35.2, true).text).toBe('Spring Festival run-up Jan 23–Feb 5 +35%');
  expect(festivalWords('zh', 'torch_festival:2026-08-07', 12, true).text).toBe('火把节 8月4日–8月9日 +12%');
  expect(festivalWords('en', 'torch_festival:2026-08-07', -4.6, true).text).toBe('Torch Festival Aug 4–Aug 9 −5%');
  expect(festivalWords('zh', 'spring_festival:2027-02-06', 35.2, true).why).toBe('上一次春节的同一时段，门店所在县这一大类商品的日均销售额比此前 28 天高 35%（这一次春节在 2月6日）。预计卖完的日期已按此推算。');
  expect(festivalWords('en', 'torch_festival:2026-08-07', -4.6, true).why).toBe('In the same days of the last Torch Festival, daily sales of this category in your stores\' county were 5% below the 28 days before (this one falls on Aug 7). The run-out day allows for it.');
  // A row with no run-out day ("no estimate") names the festival without claiming a day allows for it.
  expect(festivalWords('zh', 'spring_festival:2027-02-06', 35.2, false).why).toBe('上一次春节的同一时段，门店所在县这一大类商品的日均销售额比此前 28 天高 35%（这一次春节在 2月6日）。');
  // A rise that rounds to nothing is no rise.
  expect(festivalWords('zh', 'spring_festival:2027-02-06', 0.3, true).text).toBe('春节前 1月23日–2月5日 0%');
});
