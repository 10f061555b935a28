// The committed product catalogue and category tree: every record parses, every reference
// resolves, and the local produce carries its real seasons.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOP_CATEGORIES } from '../../contracts/categories.ts';
import { POS_FIXTURE } from '../fixtures/warehouse.ts';
import { readAreas } from '../../warehouse/reference.ts';
import { readCategories, readProducts, readTrainingSessions } from '../../warehouse/reference-tables.ts';

const ROOT = join(import.meta.dirname, '../..');
const products = readProducts(join(ROOT, 'reference/products.json'));
const categories = readCategories(join(ROOT, 'reference/categories.json'));
const areaCodes = new Set(readAreas(join(ROOT, 'reference/chuxiong-areas.json')).map((a) => a.code));

describe('products.json', () => {
  it('holds 155 products that all parse, with unique SKUs', () => {
    expect(products).toHaveLength(155);
    expect(new Set(products.map((p) => p.sku)).size).toBe(155);
  });

  it('files every product under a leaf of the category tree', () => {
    const leaves = new Set(categories.filter((c) => c.level === 2).map((c) => c.code));
    expect(products.filter((p) => !leaves.has(p.category)).map((p) => p.sku)).toEqual([]);
  });

  it('gives every origin as a county or township code of Chuxiong', () => {
    const withOrigin = products.filter((p) => p.originAreaCode !== undefined);
    expect(withOrigin.length).toBe(43);
    expect(withOrigin.filter((p) => !areaCodes.has(p.originAreaCode!)).map((p) => p.sku)).toEqual([]);
  });

  it('prices every unit between 1 fen and 100,000 yuan', () => {
    for (const p of products) {
      expect(p.priceFen, p.sku).toBeGreaterThanOrEqual(1);
      expect(p.priceFen, p.sku).toBeLessThanOrEqual(100_000 * 100);
      expect(Number.isInteger(p.priceFen), p.sku).toBe(true);
    }
  });

  it('sells fresh wild mushrooms in the rainy season: July yes, February no', () => {
    const mushrooms = products.filter((p) => p.category === 'produce.wild_mushroom');
    expect(mushrooms.length).toBe(8);
    for (const m of mushrooms) {
      expect(m.seasonMonths, m.sku).toContain(7);
      expect(m.seasonMonths, m.sku).not.toContain(2);
    }
    expect(products.find((p) => p.sku === 'matsutake-nanhua-500g')).toMatchObject({
      originAreaCode: '532324103', seasonMonths: [5, 6, 7, 8, 9, 10, 11],
    });
  });

  it('sells 元谋 winter-early vegetables from November to April: December and January yes, July no', () => {
    const veg = products.filter((p) => p.category === 'produce.vegetables' && p.originAreaCode?.startsWith('532328'));
    expect(veg.length).toBe(6);
    for (const v of veg) {
      expect(v.seasonMonths, v.sku).toEqual(expect.arrayContaining([12, 1]));
      expect(v.seasonMonths, v.sku).not.toContain(7);
    }
  });

  it('keeps 大姚 walnuts on sale all year with the harvest as peak', () => {
    expect(products.find((p) => p.sku === 'walnuts-dayao-500g')).toMatchObject({
      originAreaCode: '532326', peakMonths: [9, 10], agricultural: true,
    });
    expect(products.find((p) => p.sku === 'walnuts-dayao-500g')!.seasonMonths).toBeUndefined();
  });

  it('names a source in the note of every product with sourced facts, and flags every unsourced price', () => {
    for (const p of products) {
      if (p.sourced?.length) expect(p.note, p.sku).toMatch(/[a-z0-9-]+\.[a-z]{2,}/);
      expect(p.assumed, p.sku).toBe(!p.sourced?.includes('price'));
    }
  });

  it('holds every SKU of the test fixtures with its category and price', () => {
    const bySku = new Map(products.map((p) => [p.sku, p]));
    for (const line of POS_FIXTURE.flatMap((r) => r.lines)) {
      expect(bySku.get(line.sku), line.sku).toMatchObject({ category: line.category, priceFen: line.unitPriceFen });
    }
  });
});

describe('categories.json', () => {
  it('has the eleven top categories of contracts/categories.ts, with their names, and 64 children', () => {
    const tops = categories.filter((c) => c.level === 1);
    expect(tops.map(({ code, zh, en }) => ({ code, zh, en }))).toEqual(TOP_CATEGORIES);
    expect(categories.filter((c) => c.level === 2)).toHaveLength(64);
    for (const c of categories.filter((c) => c.level === 2)) expect(c.code.startsWith(`${c.parentCode}.`)).toBe(true);
  });
});

describe('training-sessions.json', () => {
  const sessions = readTrainingSessions(join(ROOT, 'reference/training-sessions.json'));
  const lufeng = (year: number) => {
    const rows = sessions.filter((s) => s.areaCode.startsWith('532302') && s.date.startsWith(String(year)));
    const sum = (k: 'trainees' | 'satisfied' | 'converted') => rows.reduce((n, s) => n + s[k], 0);
    return { trainees: sum('trainees'), satisfaction: sum('satisfied') / sum('trainees'), conversion: sum('converted') / sum('trainees') };
  };
  const meets = (y: number) => {
    const t = lufeng(y);
    return t.trainees >= 3000 && t.satisfaction >= 0.8 && t.conversion >= 0.03;
  };

  it('holds 377 records in the ten counties, each at a real area', () => {
    expect(sessions).toHaveLength(377);
    expect(sessions.filter((s) => !areaCodes.has(s.areaCode))).toEqual([]);
    expect(new Set(sessions.map((s) => s.areaCode.slice(0, 6))).size).toBe(10);
  });

  it('lets Lufeng meet all three training targets in 2021, 2023 and 2025 only', () => {
    expect([2020, 2021, 2022, 2023, 2024, 2025, 2026].filter(meets)).toEqual([2021, 2023, 2025]);
    expect(lufeng(2021)).toEqual({ trainees: 3240, satisfaction: 2696 / 3240, conversion: 110 / 3240 });
    expect(lufeng(2024).satisfaction).toBeLessThan(0.8); // enough trainees, too few satisfied
  });
});
