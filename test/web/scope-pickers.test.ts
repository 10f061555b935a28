import { expect, test } from 'vitest';
import { typedIds } from '../../web/scope-pickers.ts';

test('store ids typed between commas (either width), 、, semicolons or spaces, each once', () => {
  expect(typedIds('ST-1, ST-2，ST-3、ST-4；ST-5;ST-6  ST-7\tST-1')).toEqual(['ST-1', 'ST-2', 'ST-3', 'ST-4', 'ST-5', 'ST-6', 'ST-7']);
  expect(typedIds(' , 、 ')).toEqual([]);
});
