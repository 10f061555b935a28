import { describe, expect, test } from 'vitest';
import {
  buildSpec, checkFields, choiceOf, dataValues, defaultChoice, fieldType, fitsColumns, isSpecRefusal, parseSpecText, specFields, withData, type SpecRefusal,
} from '../../../web/workbench/chart-spec.ts';
import { checkMark } from '../../../web/workbench/spec-marks.ts';

const columns = [
  { name: 'month', type: 'Date' },
  { name: 'county', type: 'LowCardinality(String)' },
  { name: 'amount', type: 'Decimal(18, 2)' },
  { name: 'lines', type: 'UInt64' },
];

test('field types from ClickHouse types', () => {
  expect(['UInt64', 'Nullable(Float64)', 'Date', "DateTime('Asia/Shanghai')", 'DateTime64(3)', 'String', "Enum8('a' = 1)"].map(fieldType))
    .toEqual(['quantitative', 'quantitative', 'temporal', 'temporal', 'temporal', 'nominal', 'nominal']);
});

test('the first chart: the first non-number across (a line when it is a date), the first number up', () => {
  expect(defaultChoice(columns)).toEqual({ mark: 'line', x: 'month', y: 'amount', color: '', facet: '' });
  expect(defaultChoice(columns.slice(1))).toEqual({ mark: 'bar', x: 'county', y: 'amount', color: '', facet: '' });
});

test('a second text column with 2 to 12 values in the rows colours the series: months by county, one line per county', () => {
  const month = (m: number) => `2025-${String(m).padStart(2, '0')}-01`;
  const byCounty = (counties: number) => Array.from({ length: 3 }, (_, m) => Array.from({ length: counties }, (_, c) => [month(m + 1), `53230${c}`, '1.00', 1])).flat();
  expect(defaultChoice(columns, byCounty(10))).toEqual({ mark: 'line', x: 'month', y: 'amount', color: 'county', facet: '' });
  expect(defaultChoice(columns, byCounty(12)).color).toBe('county');
  // Thirteen would repeat a colour; one is no series at all.
  expect(defaultChoice(columns, byCounty(13)).color).toBe('');
  expect(defaultChoice(columns, byCounty(1)).color).toBe('');
  // A null is no series; a second date is no series either (it would colour by a gradient).
  expect(defaultChoice(columns, [...byCounty(1), [month(1), null, '1.00', 1]]).color).toBe('');
  const twoDates = [{ name: 'day', type: 'Date' }, { name: 'shipped', type: 'Date' }, { name: 'amount', type: 'UInt64' }];
  expect(defaultChoice(twoDates, [['2025-01-01', '2025-01-02', 1], ['2025-01-01', '2025-01-03', 2]]).color).toBe('');
  // The text column across is not also the colour.
  expect(defaultChoice(columns.slice(1), byCounty(10).map((r) => r.slice(1))).color).toBe('');
});

describe('buildSpec', () => {
  test('a Vega-Lite spec without data, one encoding per picked column; bars of categories tallest first', () => {
    expect(buildSpec({ mark: 'bar', x: 'county', y: 'amount', color: 'month', facet: 'lines' }, columns)).toEqual({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: 'county', type: 'nominal', sort: '-y' },
        y: { field: 'amount', type: 'quantitative' },
        color: { field: 'month', type: 'temporal' },
        facet: { field: 'lines', type: 'ordinal', columns: 3 },
      },
    });
  });

  test('a heatmap\'s numeric axes are ordinal; columns not in the result are left out', () => {
    const spec = buildSpec({ mark: 'rect', x: 'lines', y: 'county', color: 'amount', facet: 'gone' }, columns);
    expect(spec.encoding).toEqual({ x: { field: 'lines', type: 'ordinal' }, y: { field: 'county', type: 'nominal' }, color: { field: 'amount', type: 'quantitative' } });
  });

  test('a name with a dot or bracket is escaped, and read back', () => {
    const cols = [{ name: 'p.amount', type: 'UInt64' }, { name: 'x[1]', type: 'String' }];
    const spec = buildSpec({ mark: 'point', x: 'x[1]', y: 'p.amount', color: '', facet: '' }, cols);
    expect(spec.encoding).toEqual({ x: { field: 'x\\[1\\]', type: 'nominal' }, y: { field: 'p\\.amount', type: 'quantitative' } });
    expect(choiceOf(spec, cols)).toEqual({ mark: 'point', x: 'x[1]', y: 'p.amount', color: '', facet: '' });
    expect(specFields(spec)).toEqual(['x[1]', 'p.amount']);
  });
});

test('a spec edited by hand has no picker choice', () => {
  const spec = buildSpec({ mark: 'line', x: 'month', y: 'amount', color: '', facet: '' }, columns);
  expect(choiceOf(spec, columns)).toEqual({ mark: 'line', x: 'month', y: 'amount', color: '', facet: '' });
  expect(choiceOf({ ...spec, title: 'mine' }, columns)).toBeNull();
});

test('a spec fits a result when every field it reads is a column or made by its own transforms', () => {
  const spec = { mark: 'bar', transform: [{ calculate: 'datum.amount / 10000', as: 'wan' }], encoding: { x: { field: 'county' }, y: { field: 'wan' } } };
  expect(fitsColumns(spec, columns)).toBe(true);
  expect(fitsColumns(spec, columns.slice(2))).toBe(false);
});

test('the JSON editor: an object, and whatever data it names is dropped', () => {
  expect(parseSpecText('{"mark":"bar","data":{"values":[1]}}')).toEqual({ mark: 'bar' });
  expect(() => parseSpecText('[1]')).toThrow('the spec must be a JSON object');
  expect(() => parseSpecText('{mark')).toThrow(/^invalid JSON/);
});

test('a mark Vega-Lite has not is refused by its name before drawing (Vega-Lite itself failed on it with a TypeError)', () => {
  const refused = (spec: Record<string, unknown>) => { try { checkMark(spec); return null; } catch (e) { return { refusal: isSpecRefusal(e), message: (e as Error).message, detail: (e as SpecRefusal).detail }; } };
  expect(refused({ mark: 'nonsense' })).toEqual({ refusal: true, message: 'unknown mark "nonsense"', detail: 'nonsense' });
  expect(refused({ mark: { type: 'pie' } })).toEqual({ refusal: true, message: 'unknown mark "pie"', detail: 'pie' });
  expect(refused({ mark: { type: 'arc' }, encoding: {} })).toBeNull();
  // A layered spec's marks are Vega-Lite's to judge.
  expect(refused({ layer: [{ mark: 'nonsense' }] })).toBeNull();
});

// The whole chart, its legend included, fits the width: without it a colour legend drew past the edge.
const FIT = { type: 'fit-x', contains: 'padding' };

test('data is put in at drawing time: decimals as numbers, at most the limit, width unless faceted', () => {
  const rows = [['2026-03-01', '禄丰市', '100.50', 9], ['2026-04-01', '楚雄市', '20.00', 10], ['2026-05-01', '姚安县', null, 1]];
  const values = dataValues(columns, rows, 2);
  expect(values).toEqual([
    { month: '2026-03-01', county: '禄丰市', amount: 100.5, lines: 9 },
    { month: '2026-04-01', county: '楚雄市', amount: 20, lines: 10 },
  ]);
  const spec = buildSpec(defaultChoice(columns), columns);
  // Months on a time axis tick by month (Vega's own choice for three points was weekly ticks).
  const monthly = { format: '%Y-%m', tickCount: { interval: 'month', step: 1 } };
  const enc = spec.encoding as Record<string, object>;
  expect(withData(spec, values, 600)).toEqual({ ...spec, encoding: { ...enc, x: { ...enc.x, axis: monthly } }, data: { values }, width: 600, height: 280, autosize: FIT });
  // Days that are not all firsts of months keep Vega's ticks; so does an axis the spec sets itself.
  const days = [{ month: '2026-03-01', amount: 1 }, { month: '2026-03-02', amount: 2 }];
  expect(withData(spec, days, 600)).toEqual({ ...spec, data: { values: days }, width: 600, height: 280, autosize: FIT });
  const own = { ...spec, encoding: { ...enc, x: { ...enc.x, axis: { format: '%b' } } } };
  expect(withData(own, values, 600)).toEqual({ ...own, data: { values }, width: 600, height: 280, autosize: FIT });
  const faceted = buildSpec({ mark: 'bar', x: 'county', y: 'amount', color: '', facet: 'month' }, columns);
  expect(withData(faceted, values, 600)).toEqual({ ...faceted, data: { values } });
  expect(spec).not.toHaveProperty('data');
});

test('a spec reading a column the result has not is refused with the columns there are; a column its own transform makes is fine', () => {
  const columns = [{ name: 'day', type: 'Date' }, { name: 'lines', type: 'UInt64' }];
  const caught = (spec: Record<string, unknown>) => { try { checkFields(spec, columns); return null; } catch (e) { return e; } };
  const e = caught({ mark: 'bar', encoding: { x: { field: 'day' }, y: { field: 'amount' }, color: { field: 'county' } } });
  expect(isSpecRefusal(e)).toBe(true);
  expect(e).toMatchObject({ code: 'field', detail: 'amount, county', known: 'day, lines' });
  expect(caught({ mark: 'bar', transform: [{ calculate: 'datum.lines * 2', as: 'twice' }], encoding: { x: { field: 'day' }, y: { field: 'twice' } } })).toBeNull();
  // Fields a transform makes without naming them (fold's key and value), and paths into a value: Vega's to judge.
  expect(caught({ mark: 'bar', transform: [{ fold: ['lines'] }], encoding: { x: { field: 'key' }, y: { field: 'value' } } })).toBeNull();
  expect(caught({ mark: 'bar', encoding: { x: { field: 'day' }, y: { field: 'stats.max' } } })).toBeNull();
});
