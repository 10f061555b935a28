// The list of the engine's other names for its integer types (contracts/sql-params.ts) against
// the engine's own: an alias it lacks would let a value wrap again (300 as a TINYINT is 44).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { INTEGER_ALIASES, integerRange } from '../../../contracts/sql-params.ts';
import { openFixtureWarehouse, type FixtureWarehouse } from '../../fixtures/warehouse.ts';

let wh: FixtureWarehouse;
beforeAll(async () => {
  wh = await openFixtureWarehouse({ withAreas: false });
});
afterAll(() => wh.close());

test('every alias of an integer type the engine knows, to the same type', async () => {
  const rows = await wh.query<{ name: string; alias_to: string }>(
    `SELECT name, alias_to FROM system.data_type_families WHERE match(alias_to, '^U?Int(8|16|32|64|128|256)$') ORDER BY name`);
  expect(Object.fromEntries(rows.map((r) => [r.name.toUpperCase(), r.alias_to]))).toEqual(INTEGER_ALIASES);
});

test('ranges through wrappers and aliases; other types have none', () => {
  expect(integerRange('LowCardinality(Nullable(UInt16))')).toEqual({ min: 0n, max: 65535n });
  expect(integerRange('tinyint unsigned')).toEqual({ min: 0n, max: 255n });
  expect(integerRange('Int128')).toEqual({ min: -(2n ** 127n), max: 2n ** 127n - 1n });
  // A display width, which the engine takes and ignores (300 as a UInt8(3) is 44, as an INT(11) UNSIGNED 300).
  expect([integerRange('UInt8(3)'), integerRange('Nullable(INT(11) UNSIGNED)'), integerRange('LowCardinality(TINYINT( 4 ))')])
    .toEqual([{ min: 0n, max: 255n }, { min: 0n, max: 4294967295n }, { min: -128n, max: 127n }]);
  expect(integerRange('Decimal(9, 2)')).toBeNull();
  expect([integerRange('String'), integerRange('Float64'), integerRange('Decimal(9, 2)'), integerRange('int8'), integerRange('nullable(UInt8)')]).toEqual([null, null, null, null, null]);
});
