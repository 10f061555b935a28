// The analysts' SQL workbench in Chromium over a month of the simulated county: the demo analyst
// types a query with the editor's completion, runs it with Ctrl+Enter and finds in the grid the
// figures computed here from the generated events; sorts, charts (an SVG bar per county, drawn
// by Vega under the page's CSP), saves and shares it; another analyst opens it by its link; a
// stale save is refused with a clear message; the CSV export is the grid's rows.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatShanghaiTime, parseShanghaiTime } from '../../contracts/time.ts';
import { ACCOUNTS, PASSWORD } from '../fixtures/app.ts';
import { E2E_TIMEOUT as TIMEOUT, newPage, signIn, waitUntil } from '../fixtures/browser.ts';
import { openCountySite, viewReady, type CountySite } from '../fixtures/site.ts';

let site: CountySite;

beforeAll(async () => {
  site = await openCountySite({ from: '2026-03-01', to: '2026-03-31', accounts: ['analyst'] });
}, 180_000);

afterAll(() => site?.close());

const FROM = '2026-03-15';

/** POS lines and their amount per county from `FROM` on, counted from the generated events. */
function expectedByCounty(): [string, string, string][] {
  const by = new Map<string, { lines: number; fen: number }>();
  for (const e of site.events) {
    if (e.kind !== 'pos' || formatShanghaiTime(parseShanghaiTime(e.event.soldAt)).slice(0, 10) < FROM) continue;
    const county = e.event.areaCode.slice(0, 6);
    const c = by.get(county) ?? { lines: 0, fen: 0 };
    c.lines += e.event.lines.length;
    c.fen += e.event.lines.reduce((s, l) => s + l.amountFen, 0);
    by.set(county, c);
  }
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([county, c]) => [county, String(c.lines), String(c.fen)]);
}

async function analystPage(path = '/workbench', width = 1280): Promise<Page> {
  const page = await site.as('demo-analyst', path, width);
  await viewReady(page, 'workbench');
  return page;
}

/** Replaces the editor's text, typed as a person would (Escape closes the completion list). */
async function setSql(page: Page, sql: string): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(sql);
  await page.keyboard.press('Escape');
}

/** The rows the grid shows, top to bottom. */
const gridRows = (page: Page) => page.locator('.wb-body .wb-row:not([hidden])').evaluateAll((rows) => rows
  .sort((a, b) => Number((a as HTMLElement).dataset.row) - Number((b as HTMLElement).dataset.row))
  .map((r) => [...r.children].map((c) => c.textContent)));

/** What the result panel's error says: title, explanation, the label and text beneath, and how many retry buttons. */
const errorPanel = (page: Page) => page.locator('.wb-result .wb-query-error').evaluate((el) => ({
  title: el.querySelector('.status-title')?.textContent,
  explanation: el.querySelector('.status-message')?.textContent,
  label: el.querySelector('.wb-error-detail-label')?.textContent,
  detail: el.querySelector('.wb-error-detail-text')?.textContent,
  retry: el.querySelectorAll('button').length,
}));

describe('the demo analyst', () => {
  let savedUrl = '';

  test('the example runs on its first click: its start day is filled in, 90 days back', async () => {
    const page = await analystPage();
    expect(await page.locator('.cm-content').textContent()).toContain('-- 示例：各县（市）自某日起的门店销售额与行数');
    const today = await page.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    const from = await page.locator('#wb-param-from').inputValue();
    expect(from).toBe(new Date(Date.parse(today) - 90 * 86400_000).toISOString().slice(0, 10));
    await page.click('button.wb-run');
    await page.waitForSelector('.wb-result:is([data-state="ready"], [data-state="empty"])');
    expect(await page.locator('.wb-result .wb-query-error').count()).toBe(0);
    await page.close();
  }, TIMEOUT);

  test('a chart over days names its months in Chinese on a Chinese page', async () => {
    const page = await analystPage();
    await setSql(page, "SELECT toDate(sold_at) AS day, count() AS lines FROM pos_lines WHERE sold_at >= '2026-03-01' GROUP BY day ORDER BY day");
    await page.click('button.wb-run');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    await page.click('button[data-tab="chart"]');
    await page.waitForSelector('.wb-chart[data-state="ready"] svg');
    const labels = await page.locator('.wb-chart svg .role-axis-label text').allTextContents();
    expect(labels.some((l) => /^\d{1,2}月/.test(l) || /^\d{4}$/.test(l) || /周/.test(l))).toBe(true);
    expect(labels.filter((l) => /[A-Za-z]{3}/.test(l))).toEqual([]);

    // Text only: nothing for the pickers to chart, said with what to add (it drew an empty frame);
    // a spec by hand that counts the rows itself is drawn.
    await page.click('button[data-tab="result"]');
    await setSql(page, "SELECT name, level FROM areas FINAL WHERE level = 'county' ORDER BY code");
    await page.click('button.wb-run');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    await page.click('button[data-tab="chart"]');
    await page.waitForSelector('.wb-chart[data-state="empty"]');
    expect([await page.locator('.wb-chart .status-title').textContent(), await page.locator('.wb-chart .status-hint').textContent()])
      .toEqual(['结果中没有数字列', '上方的选项按一列数字绘图：例如在查询中加上 count() AS n 并按某列 GROUP BY；也可以在下方手写图表规格（如 "aggregate": "count"）。']);
    await page.click('.wb-spec-box summary');
    await page.fill('#wb-chart-spec', '{"mark":"bar","encoding":{"x":{"field":"level","type":"nominal"},"y":{"aggregate":"count","type":"quantitative"}}}');
    await page.click('.wb-spec-box button');
    await page.waitForSelector('.wb-chart[data-state="ready"] svg');
    expect(await page.locator('.wb-chart svg g.mark-rect path').count()).toBe(1);
    await page.close();
  }, TIMEOUT);

  test('days by county: one line a county in colours of their own, the legend inside the chart; a spec Vega-Lite cannot draw is said so', async () => {
    const page = await analystPage();
    await setSql(page, `SELECT toDate(sold_at) AS day, county_code, count() AS lines FROM pos_lines WHERE sold_at >= '${FROM}' GROUP BY day, county_code ORDER BY day, county_code`);
    await page.click('button.wb-run');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    await page.click('button[data-tab="chart"]');
    await page.waitForSelector('.wb-chart[data-state="ready"] svg');
    const counties = expectedByCounty().map(([c]) => c);
    expect(counties).toHaveLength(10);
    // The text column beside the days colours the series (it drew one line through every county of a day).
    expect(await page.inputValue('#wb-chart-color')).toBe('county_code');
    const strokes = await page.locator('.wb-chart svg g.mark-line path').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')));
    expect(strokes).toHaveLength(10);
    expect(new Set(strokes).size).toBe(10);
    expect(await page.locator('.wb-chart svg .role-legend-label text').allTextContents()).toEqual(counties);
    // The legend is drawn inside the chart's box, not past its right edge (it was 10 px beyond).
    const [legendRight, boxRight] = await page.evaluate(() => [
      document.querySelector('.wb-chart svg .role-legend')!.getBoundingClientRect().right,
      document.querySelector('.wb-chart')!.getBoundingClientRect().right,
    ]);
    expect(legendRight).toBeLessThanOrEqual(boxRight);

    // A mark Vega-Lite has not: named, in Chinese, in the chart's place and under the spec.
    await page.click('.wb-spec-box summary');
    await page.fill('#wb-chart-spec', '{"mark":"nonsense","encoding":{"x":{"field":"day"}}}');
    await page.click('.wb-spec-box button');
    await page.waitForSelector('.wb-chart[data-state="error"]');
    const marks = '没有“nonsense”这种图形（mark）。可用的有：arc, area, bar, boxplot, circle, errorband, errorbar, geoshape, image, line, point, rect, rule, square, text, tick, trail。';
    expect(await page.locator('.wb-spec-box .form-message').textContent()).toBe(marks);
    expect(await page.locator('.wb-chart .status-message').textContent()).toBe(marks);
    // A spec Vega refuses while drawing: said in the chart's place with no retry (the same spec fails
    // the same way), and under the spec.
    await page.fill('#wb-chart-spec', '{"mark":"bar","transform":[{"calculate":"datum.lines +","as":"n"}],"encoding":{"x":{"field":"day","type":"temporal"},"y":{"field":"n","type":"quantitative"}}}');
    await page.click('.wb-spec-box button');
    await page.waitForSelector('.wb-chart[data-state="error"]');
    expect(await page.locator('.wb-chart .status-title').textContent()).toBe('图表未能绘制');
    expect(await page.locator('.wb-chart button').count()).toBe(0);
    expect(await page.locator('.wb-spec-box .form-message').textContent()).toMatch(/^按此规格无法绘图：./);
    // Saved so, the query would fail for whoever opens it: refused before the dialog, saying why.
    await page.click('button.wb-save');
    expect(await page.locator('.wb-message').textContent()).toMatch(/^未保存：图表规格无法绘制（.+）。请在“图表”中修改规格或重新选择图形和字段，再保存。$/);
    expect(await page.locator('dialog.wb-dialog').count()).toBe(0);
    // A spec that draws lifts it: the dialog opens.
    await page.fill('#wb-chart-spec', '{"mark":"bar","encoding":{"x":{"field":"day","type":"temporal"},"y":{"field":"lines","type":"quantitative"}}}');
    await page.click('.wb-spec-box button');
    await page.waitForSelector('.wb-chart[data-state="ready"]');
    await page.click('button.wb-save');
    await page.waitForSelector('dialog.wb-dialog[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.wb-dialog', { state: 'detached' });
    // A column the result has not: named with the result's columns (it drew an axis "undefined"),
    // and the chart drawn before stays.
    await page.fill('#wb-chart-spec', '{"mark":"bar","encoding":{"x":{"field":"day","type":"temporal"},"y":{"field":"amount","type":"quantitative"}}}');
    await page.click('.wb-spec-box button');
    await waitUntil(page, () => document.querySelector('.wb-spec-box .form-message')?.textContent?.startsWith('结果中没有列'));
    expect(await page.locator('.wb-spec-box .form-message').textContent()).toBe(`结果中没有列 amount。结果的列：day, county_code, lines。`);
    await page.close();
  }, TIMEOUT);

  test('the tables filter opens a table found by a column to that column, and says when nothing matches', async () => {
    const page = await analystPage();
    const visibleColumns = (table: string) => page.locator(`.wb-tables > li[data-table="${table}"] .wb-columns:not([hidden]) > li:not([hidden]) .wb-insert`).allTextContents();
    await page.fill('#wb-schema-filter', 'unit_price');
    // pos_lines is found by its columns, opened to those alone: unit_price_fen by its name, amount_fen
    // by its comment (= quantity x unit_price_fen - discount_fen); a table without one is gone.
    expect(await visibleColumns('pos_lines')).toEqual(['unit_price_fen', 'amount_fen']);
    expect(await page.getAttribute('.wb-tables > li[data-table="pos_lines"] .wb-toggle', 'aria-expanded')).toBe('true');
    expect(await page.isHidden('.wb-tables > li[data-table="parcel_volumes"]')).toBe(true);
    expect(await page.isHidden('.wb-schema-none')).toBe(true);
    // The columns say what they hold in Chinese, the warehouse's English in the tooltip, and a
    // Chinese word finds them.
    const price = page.locator('.wb-tables > li[data-table="pos_lines"] .wb-columns > li', { has: page.locator('.wb-insert', { hasText: /^unit_price_fen$/ }) }).locator('.wb-comment');
    expect([await price.textContent(), await price.getAttribute('title')]).toEqual(['每单位的标价，单位：分（0.01 元）', 'List price of one unit, fen (0.01 yuan)']);
    await page.fill('#wb-schema-filter', '标价');
    expect(await visibleColumns('pos_lines')).toEqual(['unit_price_fen']);
    // Found by its description and by a column's: opened to that column (it stayed shut).
    await page.fill('#wb-schema-filter', '快递公司');
    expect(await visibleColumns('parcel_volumes')).toEqual(['carrier']);
    await page.fill('#wb-schema-filter', 'zzzz');
    expect(await page.locator('.wb-tables > li:not([hidden])').count()).toBe(0);
    expect(await page.locator('.wb-schema-none').textContent()).toBe('没有表名、字段名或说明包含“zzzz”。');
    // Cleared: every table again, closed as the analyst left them.
    await page.fill('#wb-schema-filter', '');
    expect(await page.isHidden('.wb-schema-none')).toBe(true);
    expect(await page.isHidden('.wb-tables > li[data-table="pos_lines"] .wb-columns')).toBe(true);
    expect(await page.isVisible('.wb-tables > li[data-table="parcel_volumes"]')).toBe(true);
    // A comment-only text is an empty query, not a syntax error pointing nowhere.
    await setSql(page, '-- 只有注释');
    await page.click('button.wb-run');
    await waitUntil(page, () => document.querySelector('.wb-result .wb-query-error')?.getAttribute('data-code') === 'refused/empty');
    expect((await errorPanel(page)).explanation).toBe('查询为空：请先输入 SQL。');
    await page.close();
  }, TIMEOUT);

  test('types a query with completion, runs it with Ctrl+Enter, sorts, charts, saves and shares it, exports CSV', async () => {
    const page = await analystPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/.test(m.text()) && !/inline style/.test(m.text())) violations.push(m.text()); });
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type('SELECT county_code, count() AS lines, sum(amount_fen) AS amount_fen FROM pos_li');
    // The schema's table is offered, with its kind, and Enter takes it.
    const option = page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]', { hasText: 'pos_lines' });
    await option.waitFor();
    expect(await option.locator('.cm-completionDetail').textContent()).toBe('table');
    // CodeMirror ignores Enter for 75 ms (interactionDelay) after the list changes, so that a key
    // meant for the text is not taken by a list that just popped up; on a loaded machine the check
    // above can come back sooner than that.
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.keyboard.type(` WHERE sold_at >= {from:Date} GROUP BY county_code ORDER BY county_code`);
    await page.keyboard.press('Escape');
    expect(await page.locator('.cm-content').textContent()).toBe(
      'SELECT county_code, count() AS lines, sum(amount_fen) AS amount_fen FROM pos_lines WHERE sold_at >= {from:Date} GROUP BY county_code ORDER BY county_code');
    // The parameter gets an input of its type.
    expect(await page.locator('.wb-param .wb-type').allTextContents()).toEqual(['Date']);
    await page.fill('#wb-param-from', FROM);
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('.wb-result[data-state="ready"]');

    const expected = expectedByCounty();
    expect(expected).toHaveLength(10);
    expect(await page.locator('.wb-th .wb-name').allTextContents()).toEqual(['county_code', 'lines', 'amount_fen']);
    expect(await gridRows(page)).toEqual(expected);
    expect(await page.locator('.wb-status').textContent()).toMatch(/^10 行 · [\d,]+ 毫秒$/);
    expect(await page.locator('.wb-truncated').isHidden()).toBe(true);

    // A click on a numeric header sorts by number, largest last, then first.
    await page.click('.wb-th[data-col="1"]');
    const byLines = [...expected].sort((a, b) => Number(a[1]) - Number(b[1]) || a[0].localeCompare(b[0]));
    expect((await gridRows(page)).map((r) => r[1])).toEqual(byLines.map((r) => r[1]));
    await page.click('.wb-th[data-col="1"]');
    expect((await gridRows(page)).map((r) => r[1])).toEqual([...byLines].reverse().map((r) => r[1]));
    expect(await page.getAttribute('.wb-th[data-col="1"]', 'aria-sort')).toBe('descending');

    // The chart: Vega loads with the tab and draws one bar per county.
    await page.click('button[data-tab="chart"]');
    await page.waitForSelector('.wb-chart[data-state="ready"] svg');
    expect(await page.locator('.wb-chart svg g.mark-rect path').count()).toBe(10);
    expect(await page.inputValue('#wb-chart-x')).toBe('county_code');
    await page.selectOption('#wb-chart-y', 'amount_fen');
    await page.waitForSelector('.wb-chart[data-state="ready"] svg');
    expect(JSON.parse(await page.inputValue('#wb-chart-spec')).encoding.y).toEqual({ field: 'amount_fen', type: 'quantitative' });

    // The whole result as CSV: the same rows as the grid.
    await page.click('button[data-tab="result"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.wb-export[data-format="csv"]')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await download.createReadStream().then(async (s) => { let text = ''; for await (const c of s) text += c; return text; });
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));
    expect(lines[0]).toEqual(['county_code', 'lines', 'amount_fen']);
    expect(lines.slice(1)).toEqual(expected);
    // The history lists the export as done, with the rows it carried (it said "bad" and no rows).
    await site.t.locals.audit.flush();
    await page.click('button.wb-tab[data-tab="history"]');
    await page.waitForSelector('.wb-history[data-state="ready"]');
    const exported = page.locator('.wb-history-item', { has: page.locator('.wb-list-meta', { hasText: '导出' }) }).first();
    expect(await exported.locator('.wb-outcome').textContent()).toBe('成功 · CSV');
    expect(await exported.locator('.wb-list-meta').textContent()).toContain(` · 导出 · ${expected.length} 行 · `);
    await page.click('button.wb-tab[data-tab="schema"]');

    // Saved, shared with analysts: the address names it.
    await page.click('button.wb-save');
    await page.fill('#wb-save-name', '各县三月下半月销售');
    await page.fill('#wb-save-description', '自 {from} 起的 POS 行数与金额');
    await page.check('input[name="sharing"][value="analyst"]');
    await page.click('button.wb-save-new');
    await page.waitForURL(/\/workbench\?q=[a-z0-9]+$/);
    savedUrl = new URL(page.url()).pathname + new URL(page.url()).search;
    expect(await page.locator('.wb-doc-name').textContent()).toBe('各县三月下半月销售');
    expect(await page.locator('.wb-badge').textContent()).toBe('已与分析员共享');
    // Listed with when it was saved on the Shanghai clock (the app's clock: 04:00 UTC is 12:00 there),
    // whatever zone the browser is in (this one's is UTC).
    await page.click('button.wb-tab[data-tab="saved"]');
    const listed = page.locator('.wb-saved li', { hasText: '各县三月下半月销售' }).locator('.wb-list-meta');
    await listed.waitFor();
    expect(await listed.textContent()).toContain('2026-04-15 12:00');
    await page.click('button.wb-tab[data-tab="schema"]');
    expect(violations).toEqual([]);
    await page.close();
  }, TIMEOUT * 2);

  test('another analyst opens the shared query by its link: text, parameter value and chart come with it', async () => {
    expect(savedUrl).not.toBe('');
    const page = await newPage(site.browser, 1280);
    await signIn(page, site.base, ACCOUNTS.analyst.login, PASSWORD, savedUrl);
    await page.waitForSelector('#view[data-view="workbench"][data-state="ready"]');
    await waitUntil(page, () => document.querySelector('.wb-doc-name')?.textContent === '各县三月下半月销售');
    expect(await page.locator('.cm-content').textContent()).toContain('FROM pos_lines WHERE sold_at >= {from:Date}');
    expect(await page.inputValue('#wb-param-from')).toBe(FROM);
    expect(await page.locator('.wb-doc .muted').textContent()).toBe('demo-analyst 的查询');
    // Not theirs: a copy only, no new version.
    await page.click('button.wb-save');
    expect(await page.locator('button.wb-save-version').count()).toBe(0);
    await page.keyboard.press('Escape');
    // Before it is run, the chart tab shows the saved choice (the pickers were blank), not yet to change.
    await page.click('button[data-tab="chart"]');
    expect(await page.evaluate(() => ['x', 'y', 'color'].map((r) => {
      const select = document.querySelector<HTMLSelectElement>(`#wb-chart-${r}`)!;
      return [select.value, select.disabled];
    }))).toEqual([['county_code', true], ['amount_fen', true], ['', true]]);
    await page.click('button[data-tab="result"]');
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    expect(await gridRows(page)).toEqual(expectedByCounty());
    await page.click('button[data-tab="chart"]');
    await page.waitForSelector('.wb-chart[data-state="ready"] svg');
    expect(JSON.parse(await page.inputValue('#wb-chart-spec')).encoding.y.field).toBe('amount_fen');
    expect(await page.isDisabled('#wb-chart-y')).toBe(false);
    await page.close();
  }, TIMEOUT);

  test('a new version saved from a page that is behind is refused, and says why; an older version opens; the query is deleted', async () => {
    const first = await analystPage(savedUrl);
    const second = await analystPage(savedUrl);
    for (const page of [first, second]) await waitUntil(page, () => document.querySelector('.wb-doc-name')?.textContent === '各县三月下半月销售');
    await first.click('button.wb-save');
    await first.click('button.wb-save-version');
    await waitUntil(first, () => /第 2 版/.test(document.querySelector('.wb-message')?.textContent ?? ''));
    expect(await first.locator('#wb-version option').count()).toBe(2);
    await second.click('button.wb-save');
    await second.click('button.wb-save-version');
    await waitUntil(second, () => /已有人保存了此查询的新版本/.test(document.querySelector('.wb-dialog .form-message')?.textContent ?? ''));
    // The older version opens by its own link.
    await first.selectOption('#wb-version', '1');
    await first.waitForURL(/&v=1$/);
    // Deleted from the list of saved queries: gone from the list, and the page no longer names it.
    first.on('dialog', (d) => void d.accept());
    await first.click('button.wb-tab[data-tab="saved"]');
    await first.waitForSelector('.wb-saved[data-state="ready"]');
    expect(await first.locator('.wb-saved li .wb-open').allTextContents()).toEqual(['各县三月下半月销售']);
    await first.click('.wb-saved li button.wb-delete');
    await first.waitForSelector('.wb-saved[data-state="empty"]');
    expect(await first.locator('.wb-doc-name').textContent()).toBe('未保存的查询');
    expect(new URL(first.url()).search).toBe('');
    await first.close();
    await second.close();
  }, TIMEOUT);

  test('a result over the row limit: cut at 100,000 rows and said so; the grid scrolls to its end and copies by keyboard', async () => {
    const page = await analystPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
    await setSql(page, 'SELECT number, toString(number) AS s FROM numbers(150000)');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    expect(await page.locator('.wb-status').textContent()).toMatch(/^100,000 行 · [\d,]+ 毫秒$/);
    expect(await page.locator('.wb-truncated').textContent()).toBe('结果已在 100,000 行处截断；导出可得全部行');
    // Only the rows in sight are in the page, however long the result.
    expect(await page.locator('.wb-body .wb-row').count()).toBeLessThan(60);
    await page.locator('.wb-grid').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await waitUntil(page, () => [...document.querySelectorAll('.wb-body .wb-row:not([hidden]) .wb-cell:first-child')].some((c) => c.textContent === '99999'));
    expect(await page.locator('.wb-body .wb-row').count()).toBeLessThan(60);
    // Keyboard: the header, then the first row, then the last; Ctrl+C copies the active cell.
    await page.focus('.wb-grid');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+End');
    const active = await page.getAttribute('.wb-grid', 'aria-activedescendant');
    expect(await page.locator(`#${active}`).textContent()).toBe('99999');
    await page.keyboard.press('Control+c');
    await waitUntil(page, () => document.querySelector('.wb-copied')?.textContent === '已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('99999');
    await page.click('button:text-is("复制全部（TSV）")');
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    expect(tsv.startsWith('number\ts\n0\t0\n1\t1\n')).toBe(true);
    expect(tsv.split('\n')).toHaveLength(100_002); // header, 100,000 rows, and the last line's end
    await page.close();
  }, TIMEOUT);

  test('a running query is cancelled with the Cancel button; a refused one shows the API\'s reason; a selection runs alone; the history brings SQL back', async () => {
    const page = await analystPage();
    await setSql(page, 'SELECT count() FROM numbers(2000000000) WHERE sipHash64(number) % 7 = 3');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('.wb-result[data-state="loading"]');
    await page.click('button.wb-cancel:not([disabled])');
    await page.waitForSelector('.wb-result[data-state="empty"]');
    expect(await page.locator('.wb-status').textContent()).toBe('已取消');
    await setSql(page, 'SELECT * FROM accounts');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('.wb-result[data-state="error"]');
    const api = await page.context().request.post(`${site.base}/api/sql`, { data: { sql: 'SELECT * FROM accounts' } });
    expect(api.status()).toBe(400);
    const refusal = (await api.json()).message as string;
    // Refused by its reason, in Chinese; the API's own words beneath.
    expect(await errorPanel(page)).toEqual({
      title: '查询被拒绝', explanation: '这张表不对工作台开放；可读的表见“数据表”。',
      label: '详细说明（英文原文）', detail: refusal, retry: 0,
    });
    // With a selection, Ctrl+Enter runs the selection alone.
    await setSql(page, 'SELECT 42 AS answer UNION ALL SELECT 43');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'SELECT 42 AS answer'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    expect(await gridRows(page)).toEqual([['42']]);
    // The history says how each ended; a click puts its SQL back in the editor. (The audit trail
    // is written once a second; the test's clock stands still, so the order is not asserted.)
    await site.t.locals.audit.flush();
    await page.click('button.wb-tab[data-tab="history"]');
    await page.waitForSelector('.wb-history[data-state="ready"]');
    const item = (sql: RegExp) => page.locator('.wb-history .wb-history-item', { has: page.locator('.wb-history-sql', { hasText: sql }) }).first();
    // How each ended in Chinese (the API's codes were shown as they are), a refusal's words kept.
    expect(await item(/^SELECT \* FROM accounts$/).locator('.wb-outcome').textContent()).toBe(`被拒绝：${refusal}`);
    expect(await item(/^SELECT count\(\) FROM numbers/).locator('.wb-outcome').textContent()).toBe('已取消');
    expect(await item(/^SELECT 42 AS answer$/).locator('.wb-outcome').textContent()).toBe('成功');
    await setSql(page, '');
    await item(/^SELECT 42 AS answer$/).click();
    expect(await page.locator('.cm-content').textContent()).toBe('SELECT 42 AS answer');
    await page.close();
  }, TIMEOUT);

  test('a text parameter left empty: run as written, and said so beside the run; a filled one clears it', async () => {
    const page = await analystPage();
    // (The schema beside it describes its tables in Chinese, the warehouse's English in the tooltip.)
    const posNote = page.locator('.wb-tables li[data-table="pos_lines"] .wb-table-meta .wb-comment');
    expect(await posNote.textContent()).toBe('门店零售（POS）明细：每张小票的每一行一条，来自村级小卖部和服务站。金额单位为分，时间为北京时间');
    expect(await posNote.getAttribute('title')).toMatch(/^POS sales \(零售\): one row per receipt line/);
    await setSql(page, 'SELECT count() AS n FROM stores FINAL WHERE id = {store:String}');
    await page.click('button.wb-run');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    expect(await page.locator('.wb-message').textContent()).toBe('参数 store 未填写：按空字符串查询。');
    expect(await gridRows(page)).toEqual([['0']]);
    await page.fill('#wb-param-store', 'ST-532302101');
    await page.click('button.wb-run');
    await waitUntil(page, () => document.querySelector('.wb-body .wb-row')?.textContent === '1');
    expect(await page.locator('.wb-message').textContent()).toBe('');
    await page.close();
  }, TIMEOUT);

  test('a refused DROP says so in Chinese, with no retry; an empty run after an error clears it', async () => {
    const page = await analystPage();
    await setSql(page, 'DROP TABLE pos_lines');
    await page.click('button.wb-run');
    await page.waitForSelector('.wb-result[data-state="error"]');
    expect(await errorPanel(page)).toEqual({
      title: '查询被拒绝',
      explanation: '工作台是只读的：只允许 SELECT、WITH … SELECT、EXPLAIN AST、EXPLAIN SYNTAX、DESCRIBE、SHOW TABLES 和 SHOW CREATE TABLE，不能写入、修改或删除数据。',
      label: '详细说明（英文原文）',
      detail: 'only SELECT, WITH ... SELECT, EXPLAIN AST, EXPLAIN SYNTAX, DESCRIBE, SHOW TABLES and SHOW CREATE TABLE are allowed; this is a DROP',
      retry: 0,
    });
    expect(await page.locator('.wb-result .wb-query-error').getAttribute('data-code')).toBe('refused/statement_kind');
    // The page's load-failure template is not used for a query.
    expect(await page.locator('.wb-output').textContent()).not.toMatch(/加载失败|重试/);
    // A syntax error is the query's error, and the engine's message stands beneath as it came.
    await setSql(page, 'SELECT 1 FROM');
    await page.click('button.wb-run');
    await waitUntil(page, () => document.querySelector('.wb-result .wb-query-error')?.getAttribute('data-code') === 'refused/syntax');
    const syntax = await errorPanel(page);
    expect({ title: syntax.title, explanation: syntax.explanation, label: syntax.label, retry: syntax.retry })
      .toEqual({ title: '查询出错', explanation: 'SQL 语法有误：请按下方引擎消息所指的位置修改。', label: 'ClickHouse 引擎消息（英文原文）', retry: 0 });
    expect(syntax.detail).toMatch(/failed at position 14 \(end of query\)/);
    // Now the editor is emptied and Run pressed: nothing of the error remains.
    await setSql(page, 'SELECT * FROM file(\'x\')');
    await page.click('button.wb-run');
    await waitUntil(page, () => document.querySelector('.wb-result .wb-query-error')?.getAttribute('data-code') === 'refused/table_function');
    await setSql(page, '');
    await page.click('button.wb-run');
    await page.waitForSelector('.wb-result[data-state="empty"]');
    expect(await page.locator('.wb-query-error, .status.error').count()).toBe(0);
    expect(await page.locator('.wb-output').textContent()).not.toMatch(/查询被拒绝|table functions/);
    expect(await page.locator('.wb-result .status-hint').textContent()).toBe('运行查询后，结果显示在这里。');
    expect(await page.locator('.wb-status').textContent()).toBe('');
    expect(await page.locator('.wb-message').textContent()).toBe('请先输入 SQL。');
    await page.close();
  }, TIMEOUT);

  test('formatting text the parser refuses says so in Chinese, with where it fails', async () => {
    const page = await analystPage();
    await setSql(page, 'SELECT (1 FROM pos_lines');
    await page.click('button.wb-format');
    await waitUntil(page, () => document.querySelector('.wb-message')?.classList.contains('error-text'));
    const said = (await page.locator('.wb-message').textContent())!;
    expect(said.startsWith('SQL 语法有误：请按下方引擎消息所指的位置修改。（')).toBe(true);
    expect(said).toMatch(/position \d+/); // the engine's words, where the text fails
    await page.close();
  }, TIMEOUT);

  test('in English the refusal is titled and explained in English', async () => {
    const page = await analystPage('/workbench?lang=en');
    await setSql(page, 'INSERT INTO pos_lines SELECT * FROM pos_lines');
    await page.click('button.wb-run');
    await page.waitForSelector('.wb-result[data-state="error"]');
    const panel = await errorPanel(page);
    expect({ title: panel.title, explanation: panel.explanation, label: panel.label, retry: panel.retry }).toEqual({
      title: 'Query refused',
      explanation: 'The workbench is read-only: only SELECT, WITH … SELECT, EXPLAIN AST, EXPLAIN SYNTAX, DESCRIBE, SHOW TABLES and SHOW CREATE TABLE are allowed; nothing can be written, changed or dropped.',
      label: 'Details', retry: 0,
    });
    expect(panel.detail).toMatch(/; this is an INSERT$/);
    await page.close();
  }, TIMEOUT);

  test('on a phone the side panel folds, and the page does not scroll sideways', async () => {
    const page = await analystPage('/workbench', 390);
    expect(await page.locator('#wb-side-body').isHidden()).toBe(true);
    await page.click('button.wb-fold');
    expect(await page.locator('#wb-side-body').isVisible()).toBe(true);
    await page.click('.wb-tables li[data-table="pos_lines"] .wb-sample');
    await page.waitForSelector('.wb-result[data-state="ready"]');
    expect(await page.locator('.wb-status').textContent()).toMatch(/^pos_lines 的样本 · \d+ 行$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  }, TIMEOUT);
});
