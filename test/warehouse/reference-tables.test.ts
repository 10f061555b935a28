// Loading the reference tables into a migrated embedded warehouse: exact counts, a second load
// changes nothing, and national figures keep their source and survive as an official replaced them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixtureWarehouse, ROOT, type FixtureWarehouse } from '../fixtures/warehouse.ts';
import {
  loadNationalReference, loadReferenceTables, nationalRow, readNationalReference, readProducts, type ReferenceFiles,
} from '../../warehouse/reference-tables.ts';

const files: ReferenceFiles = {
  products: join(ROOT, 'reference/products.json'),
  categories: join(ROOT, 'reference/categories.json'),
  training: join(ROOT, 'reference/training-sessions.json'),
  national: join(ROOT, 'reference/national-online-retail.csv'),
};

let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await openFixtureWarehouse({ withAreas: false });
});
afterAll(async () => {
  await warehouse?.close();
});

async function counts() {
  const n = async (table: string) => Number((await warehouse.query<{ n: number }>(`SELECT count() AS n FROM ${table} FINAL`))[0]!.n);
  return {
    products: await n('products'), categories: await n('categories'),
    training: await n('training_sessions'), national: await n('national_reference'),
  };
}

describe('loadReferenceTables', () => {
  it('loads 155 products, 75 categories, 377 training records and 17 national figures', async () => {
    expect(await loadReferenceTables(warehouse, files)).toEqual({ products: 155, categories: 75, training: 377, national: 17 });
    expect(await counts()).toEqual({ products: 155, categories: 75, training: 377, national: 17 });
  });

  it('writes nothing on a second load, and the counts stay', async () => {
    expect(await loadReferenceTables(warehouse, files)).toEqual({ products: 0, categories: 0, training: 0, national: 0 });
    expect(await counts()).toEqual({ products: 155, categories: 75, training: 377, national: 17 });
  });

  it('reads back the 2025 national rural online retail figure with its source', async () => {
    const rows = await warehouse.query(
      `SELECT value_100m_yuan, yoy_pct, source, confidence FROM national_reference FINAL
       WHERE indicator = {indicator:String} AND year = {year:UInt16}`,
      { indicator: 'rural_online_retail', year: 2025 },
    );
    expect(rows).toEqual([{ value_100m_yuan: 30000, yoy_pct: 6.7, source: 'MOFCOM 2026-02-05 (3万亿元)', confidence: 'repost' }]);
  });

  it('keeps an empty CSV cell as NULL', async () => {
    const [row] = await warehouse.query(
      `SELECT value_100m_yuan, yoy_pct FROM national_reference FINAL
       WHERE indicator = 'national_online_retail' AND year = 2023`,
    );
    expect(row).toEqual({ value_100m_yuan: 154000, yoy_pct: null });
  });

  it('stores a product\'s season, flags and origin', async () => {
    const [row] = await warehouse.query(
      `SELECT category, price_fen, season_months, peak_months, agricultural, origin_area_code, assumed, sourced
       FROM products FINAL WHERE sku = 'matsutake-nanhua-500g'`,
    );
    expect(row).toEqual({
      category: 'produce.wild_mushroom', price_fen: 20000, season_months: [5, 6, 7, 8, 9, 10, 11], peak_months: [7, 8, 9],
      agricultural: 1, origin_area_code: '532324103', assumed: 1, sourced: ['identity', 'origin', 'season'],
    });
  });

  it('sums Lufeng\'s 2021 training to the designed totals', async () => {
    const [row] = await warehouse.query(
      `SELECT sum(trainees) AS trainees, sum(satisfied) AS satisfied, sum(converted) AS converted
       FROM training_sessions FINAL WHERE county_code = '532302' AND toYear(day) = 2021`,
    );
    expect(row).toEqual({ trainees: 3240, satisfied: 2696, converted: 110 });
  });

  it('lets an official\'s replacement win, and a reload of the committed file does not undo it', async () => {
    const [official] = readNationalReference(files.national).filter((f) => f.indicator === 'rural_online_retail' && f.year === 2022);
    // loaded_at has one-second resolution: wait so the replacement is strictly newer.
    await new Promise((r) => setTimeout(r, 1100));
    await warehouse.insert('national_reference', [nationalRow({ ...official!, yoyPct: 3.6, source: 'MOFCOM release 2023-02-23', confidence: 'official' })]);
    expect(await loadNationalReference(warehouse, readNationalReference(files.national))).toBe(0);
    const rows = await warehouse.query(
      `SELECT source, confidence FROM national_reference FINAL WHERE indicator = 'rural_online_retail' AND year = 2022`,
    );
    expect(rows).toEqual([{ source: 'MOFCOM release 2023-02-23', confidence: 'official' }]);
  });
});

describe('reading bad reference data', () => {
  it('names the file, the index and the field', () => {
    const file = join(warehouse.dir, 'bad-products.json');
    writeFileSync(file, JSON.stringify({ products: [
      { sku: 'ok', name: '水', category: 'beverages.water', priceFen: 200, unit: '瓶', weight: 1, agricultural: false, povertyRelief: false, assumed: true },
      { sku: 'bad', name: '水', category: 'beverages.water', priceFen: 0, unit: '瓶', weight: 1, agricultural: false, povertyRelief: false, assumed: true },
    ] }));
    expect(() => readProducts(file)).toThrow(/^bad-products\.json: products\[1\]\.priceFen: /);
  });

  it('rejects an origin code that is neither county nor township', () => {
    const file = join(warehouse.dir, 'bad-origin.json');
    writeFileSync(file, JSON.stringify({ products: [
      { sku: 'x', name: '核桃', category: 'produce.nuts', priceFen: 2500, unit: '500g', weight: 1, agricultural: true,
        povertyRelief: false, originAreaCode: '5323', assumed: true },
    ] }));
    expect(() => readProducts(file)).toThrow('bad-origin.json: products[0].originAreaCode: must be a 6-digit county or 9-digit township NBS code');
  });

  it('names the CSV row whose year is not a number', () => {
    const file = join(warehouse.dir, 'bad.csv');
    writeFileSync(file, 'year,indicator,value_100m_yuan,yoy_pct,source,confidence\n2025,rural_online_retail,30000,6.7,"MOFCOM",repost\n20x5,agri_online_retail,1,,"s",repost\n');
    expect(() => readNationalReference(file)).toThrow(/^bad\.csv: rows\[1\]\.year: /);
  });
});
