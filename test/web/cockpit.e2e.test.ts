// The officials' cockpit in Chromium over fifteen months of the simulated county: a prefecture
// official sees the county map and drills into a county's townships; the stations page lists a
// station that did not report; the scorecard; a report produced and downloaded; a Lufeng official
// at 390 px sees Lufeng and gets the 403 page for another county.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { E2E_TIMEOUT as TIMEOUT } from '../fixtures/browser.ts';
import { openCountySite, viewReady, type CountySite } from '../fixtures/site.ts';
import { areas, stores } from '../fixtures/warehouse.ts';
import { parseShanghaiTime, shanghaiDay } from '../../contracts/time.ts';

let site: CountySite;

beforeAll(async () => {
  site = await openCountySite({ from: '2025-01-01', to: '2026-03-31' });
}, 120_000);

afterAll(() => site?.close());

const as = (login: string, path: string, width?: number) => site.as(login, path, width);

/** Lufeng's village points in service at the end of March 2026: open, not closed, with a POS sale or
 *  parcel record in the 14 days before the 31st (docs/indicators.md), from the site's events. */
function pointsInService(): number {
  const last = new Map<string, string>();
  const saw = (id: string, day: string) => { if (day <= '2026-03-31' && day > (last.get(id) ?? '')) last.set(id, day); };
  for (const e of site.events) {
    if (e.kind === 'pos') saw(e.event.storeId, shanghaiDay(parseShanghaiTime(e.event.soldAt)));
    if (e.kind === 'parcel') saw(e.event.stationId, e.event.day);
  }
  const n = stores.filter((s) => s.type === 'village_point' && s.areaCode.startsWith('532302') && s.status !== 'closed' && s.openedOn <= '2026-03-31'
    && last.has(s.id) && Date.parse('2026-03-31') - Date.parse(last.get(s.id)!) <= 14 * 86_400_000).length;
  expect(n).toBeGreaterThan(30);
  return n;
}
const ready = viewReady;

describe('a prefecture official', () => {
  test('on a 360 px phone the county map fits the page, every label inside it, with its key', async () => {
    const page = await as('demo-official', '/cockpit', 360);
    await ready(page, 'cockpit');
    const box = await page.evaluate(() => {
      const svg = document.querySelector('.county-map')! as SVGSVGElement;
      const main = document.querySelector('main')!;
      const pad = parseFloat(getComputedStyle(main).paddingRight);
      const edge = main.getBoundingClientRect().right - pad;
      const right = Math.max(...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().right));
      return { svgRight: svg.getBoundingClientRect().right, labelsRight: right, edge };
    });
    // Drawn at main's width, the map ran 32 px past the page's padding and cut 武定县's value.
    expect(box.svgRight).toBeLessThanOrEqual(box.edge + 0.5);
    expect(box.labelsRight).toBeLessThanOrEqual(box.svgRight + 0.5);
    expect(await page.locator('.county-map .map-legend text').allTextContents()).toEqual(expect.arrayContaining(['0.00 万元', '无数据']));
    await page.close();
  }, TIMEOUT);

  test('the county map, and a click on Lufeng opens its townships ranked', async () => {
    const page = await as('demo-official', '/cockpit');
    await ready(page, 'cockpit');
    expect(await page.locator('main h1').textContent()).toBe('楚雄彝族自治州 · 2026年3月');
    expect(await page.locator('.county').count()).toBe(10);
    const api = await page.context().request.get(`${site.base}/api/official/overview?month=2026-03`);
    const lufeng = (await api.json()).children.find((c: { code: string }) => c.code === '532302');
    expect(await page.getAttribute('.county[data-code="532302"]', 'aria-label')).toBe(`禄丰市 ${(lufeng.values.online_retail.month / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元（网络零售额）`);
    expect(await page.locator('.kpi-card[data-indicator="online_retail"] .gap').first().textContent()).toContain('无可比全国数据');
    // Why, in Chinese with the series by name: no national figure for January-March 2026 in the
    // committed table; the last ones published (shared/reference: 2025's), in plain view; the
    // county's 2025 growth unknown, its data beginning in January 2025.
    expect(await page.locator('.kpi-card[data-indicator="online_retail"] .gap.latest .gap-detail').allTextContents()).toEqual([
      '最近可比 2025年1-12月：本地同期增速无数据，全国 +8.6%（国家统计局）。暂无2026年1-3月全国网上零售额数据 ⓘ',
      '最近可比 2025年1-12月：本地同期增速无数据，全国 +6.7%（商务部）。暂无2026年1-3月全国农村网络零售额数据 ⓘ']);
    expect(await page.locator('.kpi-card[data-indicator="online_retail"] dt').first().textContent()).toBe('1-3月累计');
    await page.click('.county[data-code="532302"]');
    await ready(page, 'cockpit');
    expect(new URL(page.url()).searchParams.get('area')).toBe('532302');
    expect(await page.locator('main h1').textContent()).toBe('禄丰市 · 2026年3月');
    expect(await page.locator('.rank-bars li').count()).toBe(14);
    // Every row's track is as wide as the others: the bars are on one scale.
    expect(new Set(await page.locator('.rank-bars .rank-track').evaluateAll((ts) => ts.map((x) => Math.round(x.getBoundingClientRect().width)))).size).toBe(1);
    await page.close();
  }, TIMEOUT);

  test('the bars beside a county\'s ranking mark the townships whose stations sent nothing, as the ranking does', async () => {
    type Overview = { children: { code: string; notReporting: number }[] };
    const first = await as('demo-official', '/cockpit?area=5323&month=2026-03', 390);
    await ready(first, 'cockpit');
    const overview = async (p: typeof first, area: string) => (await (await p.context().request.get(`${site.base}/api/official/overview?area=${area}&month=2026-03`)).json()) as Overview;
    // A county with a station silent in March (the API counts them from the events: its own test).
    const county = (await overview(first, '5323')).children.find((c) => c.notReporting > 0);
    expect(county, 'a county with a silent station in the fixture').toBeDefined();
    await first.close();
    const page = await as('demo-official', `/cockpit?area=${county!.code}&month=2026-03`, 390);
    await ready(page, 'cockpit');
    // A short mark after the name, in full for a screen reader (a fall there may be a silence).
    const flags = await page.locator('.rank-bars li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-code'), li.querySelector('.rank-flag .visually-hidden')?.textContent ?? null]));
    const want = (await overview(page, county!.code)).children.map((c) => [c.code, c.notReporting > 0 ? `${c.notReporting} 个站点未报送` : null]);
    expect(Object.fromEntries(flags)).toEqual(Object.fromEntries(want));
    expect(flags.filter(([, f]) => f !== null).length).toBeGreaterThan(0);
    // Online retail (the default) comes from the platforms' transactions: a silence does not lower it.
    expect(await page.locator('.rank-legend').textContent()).toBe('⚠ 后的数字：该地本月未报送的站点数。网络零售额来自电商平台交易记录，按卖家统计，不受站点报送影响。');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    // Parcels are the stations' own reports: their figure may be low.
    await page.selectOption('#cockpit-indicator', 'parcels_in');
    await page.waitForURL((u) => u.searchParams.get('ind') === 'parcels_in');
    await expect.poll(() => page.locator('.rank-legend').textContent(), { timeout: 20_000 }).toBe('⚠ 后的数字：该地本月未报送的站点数；这些站点的销售和包裹不在数字中，数字可能偏低。');
    await page.close();
  }, TIMEOUT);

  test('on a 390 px phone a township\'s villages are ranked with the township\'s own stores in a row of their own; a village opens its page', async () => {
    const page = await as('demo-official', '/cockpit?area=532302101&month=2026-03&ind=parcels_in', 390);
    await ready(page, 'cockpit');
    expect(await page.locator('.cockpit-map h2').textContent()).toBe('各村（社区）快递投递量');
    const villages = areas.filter((a) => a.parentCode === '532302101');
    expect(await page.locator('.rank-bars li').count()).toBe(villages.length + 1);
    // The township's own row: its station's and shops' parcels, recounted from the site's events by
    // where each station is registered; a name, not a link (it is this page).
    const registeredAt = new Map(stores.map((s) => [s.id, s.areaCode]));
    const delivered = (code: string) => site.events.reduce((n, e) => n + (e.kind === 'parcel' && e.event.direction === 'in' && e.event.day.startsWith('2026-03')
      && registeredAt.get(e.event.stationId) === code ? e.event.parcels : 0), 0);
    const own = page.locator('.rank-bars li[data-code="532302101"]');
    expect(await own.locator('.rank-name > :first-child').textContent()).toBe('金山镇（本级）');
    expect(await own.locator('button').count()).toBe(0);
    expect(await own.locator('.rank-value').textContent()).toBe(`${delivered('532302101').toLocaleString('zh-CN')} 件`);
    // A village by its short name (董户村社区, not 董户村社区居民委员会), with its points' parcels.
    const point = stores.find((s) => s.type === 'village_point' && s.areaCode.startsWith('532302101') && delivered(s.areaCode) > 0)!;
    const row = page.locator(`.rank-bars li[data-code="${point.areaCode}"]`);
    const full = villages.find((v) => v.code === point.areaCode)!.name;
    expect(await row.locator('.rank-name > :first-child').textContent()).toBe(full.replace(/居民委员会$/, '').replace(/村民委员会$/, '村'));
    expect(await row.locator('.rank-value').textContent()).toBe(`${delivered(point.areaCode).toLocaleString('zh-CN')} 件`);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    // The ranking's growth is of the indicator chosen (online retail's was a dash in every village row).
    expect(await page.locator('table.ranking thead th').last().textContent()).toBe('累计同比（快递投递量）');
    const api = await (await page.context().request.get(`${site.base}/api/official/overview?area=532302101&month=2026-03`)).json() as
      { children: { code: string; values: Record<string, { ytdYoyPct: number | null }> }[] };
    const growth = api.children.find((c) => c.code === point.areaCode)!.values.parcels_in!.ytdYoyPct;
    expect(growth).not.toBeNull();
    const rankingRow = page.locator('table.ranking tbody tr', { has: page.locator(`a[href*="area=${point.areaCode}"]`) });
    expect(await rankingRow.locator('td').last().textContent()).toBe(`${growth! > 0 ? '+' : ''}${growth!.toFixed(1)}%`);
    // Every row has a cell under each header, its rank first.
    const heads = await page.locator('table.ranking thead th').count();
    const rows = await page.locator('table.ranking tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children.length, tr.children[0]!.textContent]));
    expect(rows).toEqual(rows.map((_, i) => [heads, String(i + 1)]));
    await row.locator('button').click();
    await ready(page, 'cockpit');
    expect(new URL(page.url()).searchParams.get('area')).toBe(point.areaCode);
    expect(await page.locator('main h1').textContent()).toBe(`${full} · 2026年3月`);
    expect(await page.locator('.breadcrumb a').allTextContents()).toEqual(['楚雄彝族自治州', '禄丰市', '金山镇']);
    expect(await page.locator('.kpi-card[data-indicator="parcels_in"] .kpi-value').textContent()).toBe(`${delivered(point.areaCode).toLocaleString('zh-CN')} 件`);
    expect(await page.locator('.rank-bars').count()).toBe(0);
    // The indicator came along, and still chooses the trend: no measure to rank by below a village.
    expect(await page.locator('#cockpit-indicator').inputValue()).toBe('parcels_in');
    expect(await page.locator('#cockpit-measure').count()).toBe(0);
    expect(await page.locator('figure.trend img').getAttribute('src')).toContain('indicator=parcels_in');
    await page.close();
  }, TIMEOUT);

  test('the heatmap coloured by each week against its township\'s average week: the departures in the tooltips recounted from the API\'s cells', async () => {
    const page = await as('demo-official', '/demand?area=532302&colour=row');
    await page.waitForSelector('#view[data-state="ready"][data-area="532302"]');
    expect(await page.locator('select[name="colour"]').inputValue()).toBe('row');
    expect(await page.locator('.heatmap-legend .legend-title').textContent()).toBe('与该行平均周相比（销售额）');
    const api = await (await page.context().request.get(`${site.base}/api/demand/heatmap?area=532302`)).json() as
      { cells: { areaCode: string; week: string; amountFen: number }[]; partialThrough: string | null; weeks: { week: string }[] };
    expect(api.partialThrough).toBeNull(); // the site's data ends on 2026-03-31: whole weeks only
    const mean = new Map<string, number>();
    for (const code of new Set(api.cells.map((c) => c.areaCode))) {
      const mine = api.cells.filter((c) => c.areaCode === code);
      mean.set(code, mine.reduce((n, c) => n + c.amountFen, 0) / mine.length);
    }
    const shown = await page.locator('rect.cell[data-amount-fen]').evaluateAll((rs) => rs.map((r) => ({
      area: r.getAttribute('data-area')!, week: r.getAttribute('data-week')!, label: r.getAttribute('aria-label')!, fill: r.getAttribute('fill')! })));
    expect(shown).toHaveLength(api.cells.length);
    for (const cell of shown) {
      const c = api.cells.find((x) => x.areaCode === cell.area && x.week === cell.week)!;
      const d = Math.round((c.amountFen / mean.get(c.areaCode)! - 1) * 100);
      expect(cell.label, `${cell.area} ${cell.week}`).toContain(d === 0 ? '与该行平均周持平' : `比该行平均周${d > 0 ? '高' : '低'} ${Math.abs(d)}%`);
      // Above the average purple (blue over red), below orange (red over blue).
      const [r, , b] = cell.fill.match(/\d+/g)!.map(Number);
      if (d >= 5) expect(b, `${cell.area} ${cell.week} ${d}%`).toBeGreaterThan(r!);
      if (d <= -5) expect(r, `${cell.area} ${cell.week} ${d}%`).toBeGreaterThan(b!);
    }
    // Back to one scale from the select: the plain address, amounts on the key.
    await page.selectOption('select[name="colour"]', '');
    await page.waitForSelector('#view[data-state="ready"][data-area="532302"]');
    await page.waitForFunction(() => !location.search.includes('colour'));
    expect(await page.locator('.heatmap-legend .legend-title').textContent()).toBe('销售额（元）');
    await page.close();
  }, TIMEOUT);

  test('the stations page names the stations that did not report', async () => {
    const page = await as('demo-official', '/cockpit/stations?month=2026-03');
    await ready(page, 'cockpit-stations');
    const api = await (await page.context().request.get(`${site.base}/api/official/stations?month=2026-03`)).json() as { notReporting: string[]; stations: { id: string; name: string }[] };
    expect(api.notReporting.length).toBeGreaterThan(0);
    const names = api.notReporting.map((id) => api.stations.find((s) => s.id === id)!.name);
    expect(await page.locator('table.not-reporting tbody tr td:first-child').allTextContents()).toEqual(names);
    expect(await page.locator('main h2', { hasText: '本月未报送的站点' }).textContent()).toBe(`本月未报送的站点（${names.length}）`);
    await page.close();
  }, TIMEOUT);

  test('the stations page goes down to a county by its row and back up by the breadcrumb, keeping the month', async () => {
    const page = await as('demo-official', '/cockpit/stations?month=2026-02');
    await ready(page, 'cockpit-stations');
    await page.click('#view table a:text-is("禄丰市")');
    await page.waitForURL((u) => u.searchParams.get('area') === '532302' && u.searchParams.get('month') === '2026-02');
    await ready(page, 'cockpit-stations');
    expect(await page.locator('#view h1').textContent()).toBe('禄丰市 · 站点报送 · 2026-02');
    await page.click('nav.breadcrumb a:text-is("楚雄彝族自治州")');
    await page.waitForURL((u) => u.searchParams.get('area') === '5323' && u.searchParams.get('month') === '2026-02');
    await ready(page, 'cockpit-stations');
    await page.close();
  }, TIMEOUT);

  test('an out-of-range silent-days value: refused at the field, the page kept; from a link, the refusal offers the defaults', async () => {
    const page = await as('demo-official', '/cockpit/stations?area=532302&month=2026-03');
    await ready(page, 'cockpit-stations');
    const before = page.url();
    await page.fill('#silent-days', '400');
    await page.dispatchEvent('#silent-days', 'change');
    expect(await page.locator('#silent-days').evaluate((i: HTMLInputElement) => [i.validity.rangeOverflow, i.validationMessage])).toEqual([true, '请填 1 到 365 之间的整数天数']);
    expect(page.url()).toBe(before); // nothing asked: the page and its controls stay
    expect(await page.locator('#view').getAttribute('data-state')).toBe('ready');
    // The same value in a link: the API's refusal in the page's words, and a way back to the defaults.
    await page.goto(`${site.base}/cockpit/stations?area=532302&silentDays=400`);
    await page.waitForSelector('#view[data-view="cockpit-stations"][data-state="error"]');
    expect(await page.locator('#view .status-message').textContent()).toContain('「沉默天数阈值」');
    await page.click('#view button.reset-choices');
    await ready(page, 'cockpit-stations');
    expect(new URL(page.url()).search).toBe('?area=532302');
    await page.close();
  }, TIMEOUT);

  test('a month before a station opened shows it as not yet open, with its opening day, not by its status today', async () => {
    const page = await as('demo-official', '/cockpit/stations?month=2021-06');
    await ready(page, 'cockpit-stations');
    // From the reference: the stations (every kind the page lists) opened after June 2021, by names no other has.
    const isStation = (type: string) => ['county_centre', 'county_warehouse', 'township_station', 'village_point'].includes(type);
    const unique = (name: string) => stores.filter((x) => x.name === name).length === 1;
    const later = stores.filter((s) => isStation(s.type) && s.openedOn > '2021-06-30' && unique(s.name));
    expect(later.length).toBeGreaterThan(10);
    const statusOf = async (name: string) => page.locator('table.stations tbody tr', { has: page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) }).locator('td').nth(3).textContent();
    for (const s of later.slice(0, 5)) expect(await statusOf(s.name)).toMatch(new RegExp(`^尚未开业（${s.openedOn} 开业）`));
    // One open then: not reported (the site's data begins in 2025), not "not yet open".
    const earlier = stores.find((s) => s.type === 'township_station' && s.status === 'active' && s.openedOn < '2021-01-01' && unique(s.name))!;
    expect(await statusOf(earlier.name)).toMatch(/^未报送/);
    await page.close();
  }, TIMEOUT);

  test('the scorecard, and a report produced and downloaded', async () => {
    const page = await as('demo-official', '/cockpit/scorecard?area=532302');
    await ready(page, 'scorecard');
    const statuses = await page.locator('table.scorecard .status-badge').allTextContents();
    expect(statuses).toHaveLength(13);
    expect(await page.locator('table.scorecard tr', { hasText: '行政村物流服务覆盖率' }).locator('.status-badge').textContent()).toBe('未达标'); // due 2021-12
    const cells = (label: string) => page.locator('table.scorecard tr', { hasText: label }).locator('td').allTextContents();
    expect((await cells('县域网络零售额增速高于全国平均'))[4]).toBe('无法比较：暂无2026年1-3月全国网上零售额数据；最近可比 2025年1-12月：本地同期增速无数据，全国 +8.6%（国家统计局）');
    expect((await cells('月通报按时报送'))[2]).toBe('否'); // a yes/no target, not "0 是/否"
    // The points in service at the end of March (a report in its last 14 days), from the events: not all 50 of the reference.
    expect((await cells('村级物流配送点'))[2]).toBe(`${pointsInService()} 个`);
    // A target below zero is refused, in Chinese, naming the field; the target stays.
    const edit = page.locator('form.target-edit[data-target="service_centre"]');
    const before = await edit.locator('input').inputValue();
    await edit.locator('input').fill('-5');
    await edit.locator('button').click();
    await page.waitForSelector('.form-message .error-text');
    expect(await page.locator('.form-message .error-text').textContent()).toBe('「目标值」不能小于 0，请修改后再保存。');
    expect(await page.locator('.form-message details p').textContent()).toBe('target: must be 0 or more');
    await page.reload();
    await ready(page, 'scorecard');
    expect(await page.locator('form.target-edit[data-target="service_centre"] input').inputValue()).toBe(before);
    // An emptied box is not saved (it was, as 0, and judged met); a save says what was saved.
    const again = page.locator('form.target-edit[data-target="service_centre"]');
    await again.locator('input').fill('');
    await again.locator('button').click();
    expect(await page.locator('.form-message .error-text').textContent()).toBe('请填写目标值（数字）后再保存。');
    await again.locator('input').fill(before);
    await again.locator('button').click();
    await page.waitForSelector('.form-message .ok');
    expect(await page.locator('.form-message .ok').textContent()).toBe(`已保存：县级电子商务公共服务中心 的目标为 ${before} 个。`);
    await page.click('.tabs a:text-is("月通报")');
    await page.waitForSelector('#view[data-view="reports"][data-state="empty"]');
    await page.fill('#report-month', '2026-03');
    await page.click('form.produce-report button[type="submit"]');
    await ready(page, 'reports');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('table.reports a[data-format="pdf"]')]);
    expect(download.suggestedFilename()).toBe('月通报-532302-2026-03.pdf');
    const bytes = await download.createReadStream().then(async (s) => { const chunks: Buffer[] = []; for await (const c of s) chunks.push(c as Buffer); return Buffer.concat(chunks); });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, TIMEOUT);
});

describe('in English, and the national figures', () => {
  test('the scorecard\'s units and reasons in English', async () => {
    const page = await as('demo-official', '/cockpit/scorecard?area=532302&lang=en');
    await ready(page, 'scorecard');
    const card = await (await page.context().request.get(`${site.base}/api/official/scorecard?area=532302`)).json() as { targets: { id: string; actual: number }[] };
    const trainees = card.targets.find((x) => x.id === 'training_attendances')!.actual;
    const cells = (label: string) => page.locator('table.scorecard tr', { hasText: label }).locator('td').allTextContents();
    expect((await cells('Village logistics points'))[2]).toBe(String(pointsInService()));
    expect((await cells('E-commerce training attendances'))[2]).toBe(`${trainees.toLocaleString('en-US')} attendances`);
    expect((await cells('Monthly report by the 10th'))[2]).toBe('No');
    expect((await cells('Online merchants, year-on-year'))[4]).toMatch(/^sellers with online retail in Jan–Mar 2026: \d+, a year before \d+$/);
    expect((await cells('Online retail growth above the national average'))[4]).toBe('not comparable: no national online retail figure for Jan–Mar 2026 yet; latest comparable, Jan–Dec 2025: no growth figure here for those months, national +8.6% (NBS)');
    // The plan's clause by its number, the quotation in the plan's own words (reference/plan-targets.json).
    expect((await cells('County e-commerce public service centre'))[6]).toBe('Plan §4: 建设1个县级电子商务公共服务中心');
    expect((await cells('Trainees converted'))[6]).toBe('Plan §5(4)4: 培训转化率达3%以上');
    expect(await page.locator('table.scorecard tr', { hasText: 'Village logistics points' }).locator('.plan-clause span[lang="zh-CN"]').textContent()).toBe('建设50个村级物流配送点');
    await page.close();
  }, TIMEOUT);

  test('the month chosen on the cockpit carries to the scorecard, which is judged on it and can change it', async () => {
    const page = await as('demo-official-lufeng', '/cockpit/scorecard?area=532302&month=2026-02');
    await ready(page, 'scorecard');
    expect(await page.locator('#view .caption').first().textContent()).toBe('按 2026-02 的数据考核（所选月份）');
    expect(await page.locator('#cockpit-month').inputValue()).toBe('2026-02');
    await page.fill('#cockpit-month', '2026-01');
    await page.dispatchEvent('#cockpit-month', 'change');
    await page.waitForURL((u) => u.searchParams.get('month') === '2026-01');
    await ready(page, 'scorecard');
    expect(await page.locator('#view .caption').first().textContent()).toBe('按 2026-01 的数据考核（所选月份）');
    await page.close();
  }, TIMEOUT);

  test('the scorecard on a 360-pixel phone: a card per target headed by its name, nothing to scroll sideways', async () => {
    const page = await as('demo-official-lufeng', '/cockpit/scorecard?lang=en', 360);
    await ready(page, 'scorecard');
    const box = await page.locator('table.scorecard').evaluate((t) => ({ table: t.scrollWidth, scroller: t.parentElement!.clientWidth }));
    expect(box.table).toBeLessThanOrEqual(box.scroller);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const first = page.locator('table.scorecard tbody tr').first();
    // The name heads the card (no column label before it); the other lines are labelled.
    expect(await first.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('none');
    expect(await first.locator('td').nth(6).evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Source"');
    await page.close();
  }, TIMEOUT);

  test('series and confidence by name, the codes in tooltips; nothing runs off a 360-pixel screen', async () => {
    const page = await as('demo-official', '/cockpit/national', 360);
    await ready(page, 'national');
    const series = await page.locator('table.national td [data-series]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-series'), e.textContent]));
    const names: Record<string, string> = { national_online_retail: '全国网上零售额', national_physical_goods_online_retail: '全国实物商品网上零售额', rural_online_retail: '全国农村网络零售额', agri_online_retail: '全国农产品网络零售额' };
    expect(series.length).toBeGreaterThan(20);
    for (const [key, text] of series) expect(text, key!).toBe(names[key!]);
    expect(new Set(await page.locator('table.national td [data-confidence]').allTextContents())).toEqual(new Set(['转载', '来源较弱，待核实']));
    // The reference file's rows say so in words, and each source is whole (no "same" for the row above).
    expect(new Set(await page.locator('table.national tbody td:last-child').allTextContents())).toEqual(new Set(['平台内置参考数据']));
    expect((await page.locator('table.national tbody td:nth-child(6)').allTextContents()).filter((s) => /^same\b/.test(s))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Each series name fits its cell: no text spills past the cell into the next column.
    expect(await page.locator('table.national td:nth-child(2)').evaluateAll((tds) => tds.filter((td) => td.scrollWidth > td.clientWidth).length)).toBe(0);
    // The last tab, 全国数据, is beyond a 360-pixel screen: the tabs are scrolled to show it whole, and
    // the edge with more tabs beyond it fades.
    const tabs = await page.evaluate(() => {
      const row = document.querySelector<HTMLElement>('nav.tabs')!;
      const box = row.getBoundingClientRect();
      const current = row.querySelector('a[aria-current="page"]')!.getBoundingClientRect();
      return { more: row.dataset.more, overflows: row.scrollWidth > row.clientWidth, whole: current.left >= box.left - 1 && current.right <= box.right + 1 };
    });
    expect(tabs).toEqual({ more: 'start', overflows: true, whole: true });
    await page.close();
  }, TIMEOUT);

  test('生成者 in words: the scheduler, or the account\'s name', async () => {
    const p = await as('demo-official-lufeng', '/cockpit/reports');
    // The list as the API gives it after the scheduler ran (the clock here is past the 10th).
    await p.route((url) => url.pathname === '/api/official/reports', (route) => route.fulfill({ json: { reports: [{ id: '532302-2026-03-auto-pdf', areaCode: '532302', areaName: '禄丰市', month: '2026-03', format: 'pdf',
      producedBy: 'system (automatic, by the 10th)', producerName: null, producedAt: '2026-04-02T02:00:00.000Z', size: 40_960, sha256: 'x' },
    { id: '532302-2026-02-mnzi-80b58b-pdf', areaCode: '532302', areaName: '禄丰市', month: '2026-02', format: 'pdf',
      producedBy: 'official-532302', producerName: '禄丰市商务局', producedAt: '2026-03-05T02:00:00.000Z', size: 40_960, sha256: 'y' }] } }));
    await p.reload();
    await ready(p, 'reports');
    expect(await p.locator('table.reports tbody td').nth(3).textContent()).toBe('系统（每月10日前自动生成）');
    // A person's report names the account as it is named, the login on hover.
    const byPerson = p.locator('table.reports tbody tr').nth(1).locator('td').nth(3);
    expect([await byPerson.textContent(), await byPerson.locator('span').getAttribute('title')]).toEqual(['禄丰市商务局', 'official-532302']);
    await p.close();
  }, TIMEOUT);
});

describe('a Lufeng official on a phone', () => {
  test('sees Lufeng, and another county is the 403 page', async () => {
    const page = await as('demo-official-lufeng', '/cockpit', 390);
    await ready(page, 'cockpit');
    expect(await page.locator('main h1').textContent()).toBe('禄丰市 · 2026年3月');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${site.base}/cockpit?area=532301`);
    await page.waitForSelector('.refusal.forbidden');
    expect(await page.locator('.refusal .scope').textContent()).toBe('您的范围：禄丰市（532302）');
    await page.close();
  }, TIMEOUT);
});

describe('the cards on the narrowest phone', () => {
  test('at 360 px each line label of a card stays on one line (1-11月累计 did not), and 万元 is never split', async () => {
    const page = await as('demo-official-lufeng', '/cockpit', 360);
    // A late month of a county's year, in the tens of millions of yuan (the fixture's March is short
    // and small enough to fit either way): the real answer with its month and totals made so.
    await page.route((url) => url.pathname === '/api/official/overview', async (route) => {
      const body = await (await route.fetch()).json();
      body.month = '2026-11';
      // 2,214.96 万元 for money (in fen), 868,894 件 or 家 for counts: the prefecture's own November.
      for (const f of body.indicators) f.ytd = ['online_merchants', 'parcels_out', 'parcels_in'].includes(f.key) ? 868_894 : 2_214_960_000;
      await route.fulfill({ json: body });
    });
    await page.reload();
    await ready(page, 'cockpit');
    // The line boxes a stretch of text takes: one rectangle top per line.
    const measured = await page.evaluate(() => {
      const linesOf = (node: Node, from = 0, to = node.textContent!.length) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      const labels = [...document.querySelectorAll('.kpi-lines dt')].map((dt) => ({ text: dt.textContent, lines: linesOf(dt.firstChild!) }));
      const units = [...document.querySelectorAll('.kpi-lines dd')].filter((dd) => dd.textContent!.includes('万元')).map((dd) => {
        const at = dd.firstChild!.textContent!.indexOf('万元');
        return { text: dd.textContent, lines: linesOf(dd.firstChild!, at, at + 2) };
      });
      return { labels, units };
    });
    expect(measured.labels.length).toBeGreaterThan(0);
    expect(measured.units.length).toBeGreaterThan(0);
    expect(measured.labels.filter((l) => l.lines !== 1)).toEqual([]);
    expect(measured.units.filter((u) => u.lines !== 1)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  }, TIMEOUT);
});
