// The produce flows in Chromium over fifteen months of the simulated county, as the Lufeng
// official: the flow map narrowed to a township shows each destination city's value and weight
// equal to a recount of the generated events (not the API's answer); the Sankey names the county,
// the category and the cities; a batch looked up by its code shows its figures, recounted too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DistributionTxn } from '../../contracts/events.ts';
import { E2E_TIMEOUT as TIMEOUT, waitUntil } from '../fixtures/browser.ts';
import { openCountySite, viewReady, type CountySite } from '../fixtures/site.ts';
import { ROOT } from '../fixtures/warehouse.ts';
import { BATCH_CODE } from '../../contracts/batch-code.ts';
import { formatYuan } from '../../web/i18n.ts';
import { formatWeight } from '../../web/flows/units.ts';

const PRODUCTS = (JSON.parse(readFileSync(join(ROOT, 'reference/products.json'), 'utf8')) as { products: { sku: string; name: string }[] }).products;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let site: CountySite;
let upstream: DistributionTxn[];

beforeAll(async () => {
  site = await openCountySite({ from: '2025-01-01', to: '2026-03-31' });
  upstream = site.events.flatMap((e) => (e.kind === 'distribution' && e.event.direction === 'upstream' ? [e.event] : []));
}, 180_000);

afterAll(() => site?.close());

const as = (login: string, path: string, width?: number) => site.as(login, path, width);
const ready = viewReady;

/** Sums of the events by a key: orders, grams and fen. */
function recount<K>(txns: readonly DistributionTxn[], key: (e: DistributionTxn) => K): Map<K, { orders: number; weightG: number; amountFen: number }> {
  const out = new Map<K, { orders: number; weightG: number; amountFen: number }>();
  for (const e of txns) {
    const s = out.get(key(e)) ?? { orders: 0, weightG: 0, amountFen: 0 };
    out.set(key(e), { orders: s.orders + 1, weightG: s.weightG + e.weightG, amountFen: s.amountFen + e.amountFen });
  }
  return out;
}
const inMonths = (e: DistributionTxn, from: string, to: string) => e.occurredAt.slice(0, 7) >= from && e.occurredAt.slice(0, 7) <= to;

describe('the Lufeng official', () => {
  test('the flow map narrowed to a township: each city\'s value and weight equal the events\' recount', async () => {
    const [from, to] = ['2025-07', '2025-09'];
    const lufeng = upstream.filter((e) => e.originAreaCode.startsWith('532302') && inMonths(e, from, to));
    // The township of Lufeng that sent the most orders in the summer.
    const byTownship = recount(lufeng, (e) => e.originAreaCode.slice(0, 9));
    const township = [...byTownship].sort((a, b) => b[1].orders - a[1].orders)[0]![0];
    const expected = recount(lufeng.filter((e) => e.originAreaCode.startsWith(township)), (e) => e.destCityCode!);
    expect(expected.size).toBeGreaterThan(1);

    const page = await as('demo-official-lufeng', `/flows?from=${from}&to=${to}`, 390);
    await ready(page, 'flows-upstream');
    expect(await page.locator('main h1').textContent()).toBe('禄丰市 农产品去向');
    // Narrow to the township with the area select, as a person would.
    await waitUntil(page, `document.querySelector('#fl-township option[value="${township}"]') !== null`);
    await page.selectOption('#fl-township', township);
    await page.waitForSelector(`#view[data-view="flows-upstream"][data-area="${township}"][data-state="ready"]`);
    expect(new URL(page.url()).searchParams.get('area')).toBe(township);
    expect(await page.inputValue('#fl-township')).toBe(township);

    for (const [city, sums] of expected) {
      const row = page.locator('table.fl-cities tbody tr', { has: page.locator(`span[data-code="${city}"]`) });
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(2, 5), city).toEqual([formatYuan(sums.amountFen), formatWeight(sums.weightG, 'zh'), sums.orders.toLocaleString('zh-CN')]);
      // On the map: every city is there (the far ones at the edge), its arc as wide as its value.
      expect(await page.getAttribute(`.flow-map .city[data-code="${city}"]`, 'data-value')).toBe(String(sums.amountFen));
      expect(await page.getAttribute(`.flow-map .arc[data-city="${city}"]`, 'data-value')).toBe(String(sums.amountFen));
    }
    expect(await page.locator('.flow-map .city').count()).toBe(expected.size);
    // Beijing is far beyond the frame: drawn on its edge, named.
    if (expected.has('110100')) {
      expect(await page.getAttribute('.flow-map .city[data-code="110100"]', 'class')).toBe('city off-map');
      expect(await page.locator('.flow-map .city[data-code="110100"] .city-name').textContent()).toBe('北京市');
    }
    // By weight the arcs carry grams.
    await page.selectOption('#fl-measure', 'weight');
    await page.waitForURL((u) => u.searchParams.get('measure') === 'weight');
    await ready(page, 'flows-upstream');
    const kunming = expected.get('530100');
    if (kunming) expect(await page.getAttribute('.flow-map .arc[data-city="530100"]', 'data-value')).toBe(String(kunming.weightG));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  }, TIMEOUT);

  test('the Sankey: Lufeng, through local produce, to its cities', async () => {
    const [from, to] = ['2025-04', '2026-03'];
    const cities = new Set(recount(upstream.filter((e) => e.originAreaCode.startsWith('532302') && inMonths(e, from, to)), (e) => e.destCityCode!).keys());
    const page = await as('demo-official-lufeng', `/flows?from=${from}&to=${to}`);
    await ready(page, 'flows-upstream');
    const counties = await page.locator('.sankey .sankey-node.county .sankey-name').allTextContents();
    expect(counties).toEqual(['禄丰市']);
    expect(await page.locator('.sankey .sankey-node.category .sankey-name').allTextContents()).toContain('本地农特产品');
    const cityIds = await page.locator('.sankey .sankey-node.city').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(new Set(cityIds)).toEqual(new Set([...cities].map((c) => `city:${c}`)));
    expect(await page.locator('.sankey .sankey-node.city[data-id="city:530100"] .sankey-name').textContent()).toBe('昆明市');
    await page.close();
  }, TIMEOUT);

  test('a batch looked up by its code shows its origin, days, weight and value', async () => {
    // A Lufeng batch with several sales.
    const byBatch = new Map<string, DistributionTxn[]>();
    for (const e of upstream) if (e.traceBatch && e.originAreaCode.startsWith('532302')) byBatch.set(e.traceBatch, [...(byBatch.get(e.traceBatch) ?? []), e]);
    const [code, sales] = [...byBatch].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
    const days = sales.map((e) => e.occurredAt.slice(0, 10)).sort();
    const sum = (k: 'weightG' | 'amountFen' | 'quantity') => sales.reduce((s, e) => s + e[k], 0);

    const page = await as('demo-official-lufeng', '/flows/trace', 390);
    await ready(page, 'flows-trace');
    await page.fill('#fl-code', code.toLowerCase()); // typed in lower case: the page asks in upper case
    await page.click('form.fl-lookup button[type="submit"]');
    await page.waitForSelector(`article.fl-card[data-code="${code}"]`);
    expect(new URL(page.url()).searchParams.get('code')).toBe(code);
    const facts = Object.fromEntries(await page.locator('.fl-facts dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])));
    expect(facts['首日']).toBe(days[0]);
    expect(facts['末日']).toBe(days.at(-1));
    expect(facts['数量']).toBe(sum('quantity').toLocaleString('zh-CN'));
    expect(facts['累计重量']).toBe(formatWeight(sum('weightG'), 'zh'));
    expect(facts['金额']).toBe(formatYuan(sum('amountFen')));
    expect(facts['订单数']).toBe(String(sales.length));
    // The product by its name only; its catalogue code on hover.
    const product = PRODUCTS.find((p) => p.sku === sales[0]!.sku)!;
    expect(facts['产品']).toBe(product.name);
    expect(await page.getAttribute('.fl-facts dd span[data-sku]', 'title')).toBe(product.sku);
    expect(await page.locator('table.fl-days tbody tr').count()).toBe(new Set(days).size);
    expect(await page.locator('table.fl-destinations tbody tr').count()).toBe(new Set(sales.map((e) => e.destCityCode)).size);
    await page.close();
  }, TIMEOUT);

  test('with their data drawn, the map, the Sankey and a batch card have no serious accessibility violation', async () => {
    const serious = async (page: Page) => {
      await page.evaluate(AXE);
      const result = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`) as
        { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    };
    const page = await as('demo-official-lufeng', '/flows?from=2025-04&to=2026-03', 390);
    await ready(page, 'flows-upstream');
    expect(await serious(page)).toEqual([]);
    await page.goto(`${site.base}/flows/trace?from=2025-07&to=2025-09`);
    await ready(page, 'flows-trace');
    await page.click('table.fl-batch-table tbody tr:first-child a');
    await page.waitForSelector('article.fl-card');
    expect(await serious(page)).toEqual([]);
    await page.close();
  }, TIMEOUT);
});

/** The boxes of the totals' figures (their text, which may run past its cell), and whether any two meet. */
async function kpiOverlaps(page: Page): Promise<string[]> {
  const boxes = await page.locator('.fl-kpis dd').evaluateAll((dds) => dds.map((dd) => {
    const range = document.createRange();
    range.selectNodeContents(dd);
    const r = range.getBoundingClientRect();
    return { text: dd.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }));
  expect(boxes).toHaveLength(3);
  const meet = (a: typeof boxes[number], b: typeof boxes[number]) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => meet(a, b)).map((b) => `${a.text} × ${b.text}`));
}

describe('a 360-pixel phone', () => {
  test('the prefecture\'s totals, upstream and downstream, stand apart; platforms by their names', async () => {
    const page = await as('demo-official', '/flows?from=2025-04&to=2026-03', 360);
    await ready(page, 'flows-upstream');
    expect(await kpiOverlaps(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The cities' names on the map, at the frame's corners too, each clear of the others.
    const names = await page.locator('.flow-map .city-name').evaluateAll((ts) => ts.map((t) => {
      const b = (t as SVGTextElement).getBBox();
      return { text: t.textContent, left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
    }));
    expect(names.length).toBeGreaterThan(8);
    const meet = (a: typeof names[number], b: typeof names[number]) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(names.flatMap((a, i) => names.slice(i + 1).filter((b) => meet(a, b)).map((b) => `${a.text} × ${b.text}`))).toEqual([]);
    // The platforms of the orders, named: in the select and in the table of channels.
    const platforms = [...new Set(upstream.filter((e) => e.platform && inMonths(e, '2025-04', '2026-03')).map((e) => e.platform!))];
    expect(platforms).toContain('pinduoduo');
    const options = await page.locator('#fl-platform option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(Object.fromEntries(options)).toMatchObject({ '': '全部平台', pinduoduo: '拼多多', taobao: '淘宝', jd: '京东', county_mall: '县域商城', wechat_shop: '微信小店' });
    expect(options).toHaveLength(platforms.length + 1);
    const channelNames = await page.locator('.fl-pair table').last().locator('tbody tr td:first-child').allTextContents();
    expect(channelNames).toContain('抖音');
    expect(channelNames.some((n) => /^[a-z_]+$/.test(n))).toBe(false);
    await page.goto(`${site.base}/flows/downstream?from=2025-04&to=2026-03`);
    await ready(page, 'flows-downstream');
    expect(await kpiOverlaps(page)).toEqual([]);
    await page.close();
  }, TIMEOUT);

  test.each([360, 1440])('at %i px, a county\'s arcs pass clear of the other cities on the map (the arcs to 广州市 and 深圳市 ran through 昆明市)', async (width) => {
    const page = await as('demo-official-lufeng', '/flows?from=2025-04&to=2026-03', width);
    await ready(page, 'flows-upstream');
    const dots = await page.locator('.flow-map .city:not(.off-map)').evaluateAll((gs) => gs.map((g) => {
      const c = g.querySelector('circle')!;
      return { code: g.getAttribute('data-code')!, x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) };
    }));
    expect(dots.map((d) => d.code)).toContain('530100'); // Kunming is on the map
    const arcs = await page.locator('.flow-map .arc').evaluateAll((ps) => ps.map((p) => {
      const path = p as SVGPathElement;
      const length = path.getTotalLength();
      const points = Array.from({ length: 101 }, (_, i) => path.getPointAtLength((length * i) / 100)).map((q) => ({ x: q.x, y: q.y }));
      return { city: p.getAttribute('data-city')!, half: Number(p.getAttribute('stroke-width')) / 2, points };
    }));
    expect(arcs.length).toBeGreaterThan(8);
    // Closest approach of each arc to each dot it does not end at: more than the dot (4 px) and half the stroke.
    const through = arcs.flatMap((a) => dots.filter((d) => d.code !== a.city)
      .filter((d) => Math.min(...a.points.map((q) => Math.hypot(q.x - d.x, q.y - d.y))) <= 4 + a.half)
      .map((d) => `${a.city} through ${d.code}`));
    expect(through).toEqual([]);
    await page.close();
  }, TIMEOUT);

  test('the trace page\'s example is a batch code of the real format, and looking it up finds the batch', async () => {
    const page = await as('demo-official-lufeng', '/flows/trace?from=2025-07&to=2025-09', 360);
    await ready(page, 'flows-trace');
    const example = (await page.getAttribute('#fl-code', 'placeholder'))!;
    expect(example).toMatch(BATCH_CODE);
    expect(example.split('-')[1]).toBe('532302'); // Lufeng's produce: the county's 6 digits
    expect(await page.locator('#fl-code-hint').textContent()).toBe(`输入批次码，例如 ${example}。`);
    expect(upstream.some((e) => e.traceBatch === example)).toBe(true);
    await page.fill('#fl-code', example);
    await page.click('form.fl-lookup button[type="submit"]');
    await page.waitForSelector(`article.fl-card[data-code="${example}"]`);
    await page.close();
  }, TIMEOUT);
});
