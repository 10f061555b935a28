import { expect, test } from 'vitest';
import { parseCsv } from '../../contracts/csv.ts';

test('quoted fields with commas, doubled quotes, CRLF and blank lines', () => {
  expect(parseCsv('a,b\r\n1,"x, ""y"""\r\n\r\n2,\n')).toEqual([['a', 'b'], ['1', 'x, "y"'], ['2', '']]);
});

test('a newline inside quotes stays in the field; a BOM is dropped', () => {
  expect(parseCsv('\ufeffname,note\n"a","line 1\nline 2"\n')).toEqual([['name', 'note'], ['a', 'line 1\nline 2']]);
});
