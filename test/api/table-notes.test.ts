// Every table the workbench opens to analysts has its description in Chinese for Chinese pages: a
// table added to the list without one would show English among Chinese.
import { expect, test } from 'vitest';
import { WORKBENCH_TABLES } from '../../api/sql/policy.ts';
import { tableNoteZh } from '../../api/sql/table-notes.ts';

test('a Chinese description for each table of the workbench', () => {
  const missing = WORKBENCH_TABLES.filter((name) => !/[\u4e00-\u9fff]/.test(tableNoteZh(name) ?? ''));
  expect(missing).toEqual([]);
  expect(tableNoteZh('pos_lines')).toBe('门店零售（POS）明细：每张小票的每一行一条，来自村级小卖部和服务站。金额单位为分，时间为北京时间');
  expect(tableNoteZh('no_such_table')).toBeNull();
});
