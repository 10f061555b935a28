import { writeFileSync } from 'node:fs';
import { categories } from './categories.mjs';
import { products } from './products.mjs';
const out = process.argv[2];
writeFileSync(`${out}/categories.json`, JSON.stringify(categories, null, 2) + '\n');
const doc = {
  note: 'Fast-moving goods sold in Chuxiong village shops and local produce of Chuxiong. priceFen is a typical 2025-2026 rural Yunnan shelf price in integer fen and is an assumption for every product (no price is sourced), so assumed is true throughout; `sourced` lists the facts (identity, origin, season) that the source named in `note` backs. povertyRelief flags are assumptions, not checked against a 扶贫产品 register. seasonMonths absent = on sale all year; peakMonths = main harvest or sales peak. originAreaCode is an NBS county (6-digit) or township (9-digit) code from chuxiong-areas.json. SKUs of ingest/sources/catalog.ts are kept with their category and price.',
  products,
};
// One product per line: the file stays reviewable in diffs.
const lines = products.map((p) => '    ' + JSON.stringify(p));
writeFileSync(`${out}/products.json`, `{\n  "note": ${JSON.stringify(doc.note)},\n  "products": [\n${lines.join(',\n')}\n  ]\n}\n`);
console.log(products.length, 'products', categories.categories.reduce((n, c) => n + 1 + c.children.length, 0), 'categories');
