// How the web app and the API's answers travel: hashed files cached for a year and sent
// precompressed, the page revalidated, each path's page preloading its view's code; data answers
// compressed, with an ETag keyed to the data's version, so an unchanged view costs a 304.
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { posRows } from '../../ingest/rows.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { insertPosFixture, POS_FIXTURE, ROOT, stores } from '../fixtures/warehouse.ts';

const DIST = join(ROOT, 'web/dist');
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { main: string; css: string; views: Record<string, { entry: string; js: string[] }> };

/** A GET over a real socket, the body as the bytes on the wire (supertest would decompress them). */
async function raw(app: TestApp['app'], path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    return await new Promise((resolve, reject) => {
      const req = httpGet({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
    });
  } finally {
    server.close();
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ extra: { webDir: DIST }, accounts: ['analyst'] });
  await insertPosFixture(t.wh);
});
afterAll(() => t.close());

describe('the web app\'s files', () => {
  test('the page: revalidated every load, naming the hashed shell, with the session asked in parallel', async () => {
    const res = await request(t.app).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain(`<script type="module" src="/${manifest.main}"></script>`);
    expect(res.text).toContain(`<link rel="stylesheet" href="/${manifest.css}">`);
    expect(res.text).toContain('<link rel="preload" href="/api/session" as="fetch" crossorigin>');
    const again = await request(t.app).get('/').set('If-None-Match', res.headers.etag!);
    expect(again.status).toBe(304);
  });

  test('a path of a split view preloads that view\'s code; other paths do not', async () => {
    const demand = await request(t.app).get('/demand?area=532302');
    for (const f of manifest.views.demand!.js.filter((x) => x !== manifest.main)) expect(demand.text).toContain(`<link rel="modulepreload" href="/${f}">`);
    const stores = await request(t.app).get('/stores/ST-532302101');
    expect(stores.text).not.toContain(manifest.views.demand!.entry);
  });

  test('hashed files: a year, immutable, sent as brotli or gzip as the browser takes them', async () => {
    const file = manifest.views.demand!.entry;
    const original = readFileSync(join(DIST, file));
    const br = await raw(t.app, `/${file}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'text/javascript; charset=utf-8', vary: 'Accept-Encoding' });
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    expect(br.body.length).toBeLessThan(original.length / 2);
    const gz = await raw(t.app, `/${file}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await raw(t.app, `/${file}`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  test('no way out of the assets folder, and the build record is not served', async () => {
    for (const path of ['/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/meta.json', '/manifest.json']) {
      const res = await request(t.app).get(path);
      expect(res.status, path).not.toBe(200);
    }
  });

  test('the service worker is revalidated every load', async () => {
    const res = await request(t.app).get('/sw.js').set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain(manifest.views.demand!.entry);
  });
});

describe('a build made while the server runs', () => {
  test('the page names the new build\'s scripts at once (a page kept from before named files the build had removed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-web-'));
    cpSync(DIST, dir, { recursive: true });
    const other = await openTestApp({ wh: t.wh, extra: { webDir: dir }, accounts: [] });
    try {
      expect((await request(other.app).get('/')).text).toContain(`src="/${manifest.main}"`);
      // What scripts/build-web.ts does: every file written anew, with new hashes.
      const next = JSON.parse(JSON.stringify(manifest).replaceAll(manifest.main, 'assets/main-REBUILT.js')) as typeof manifest;
      writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace(`/${manifest.main}`, `/${next.main}`));
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(next));
      const later = new Date(Date.now() + 5_000);
      utimesSync(join(dir, 'manifest.json'), later, later);
      const page = await request(other.app).get('/');
      expect(page.text).toContain('src="/assets/main-REBUILT.js"');
      expect(page.text).not.toContain(manifest.main);
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('data answers', () => {
  test('answers over 1 KB are compressed', async () => {
    const agent = await t.agent('analyst');
    const cookie = (agent as unknown as { jar: { getCookies(o: object): { toValueString(): string }[] } }).jar
      .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).map((c) => c.toValueString()).join('; ');
    const res = await raw(t.app, '/api/stores', { 'Accept-Encoding': 'br', Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    const json = JSON.parse(brotliDecompressSync(res.body).toString('utf8')) as { stores: unknown[] };
    expect(json.stores.length).toBe(stores.length);
    expect(res.body.length).toBeLessThan(JSON.stringify(json).length / 4);
  });

  test('an ETag keyed to the data: unchanged data is a 304, new data a new answer', async () => {
    const agent = await t.agent('analyst');
    const url = '/api/demand/heatmap?from=2026-03-02&to=2026-03-16';
    const first = await agent.get(url);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
    await new Promise((r) => setTimeout(r, 1_100)); // past the data version's one-second memory
    const unchanged = await agent.get(url).set('If-None-Match', etag);
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    // Another caller asking the same URL gets its own tag: answers depend on scope.
    await t.locals.services.accounts.create({ login: 'analyst-2', name: 'x', role: 'analyst', password: 'correct horse battery' });
    const other = request.agent(t.app);
    await other.post('/api/session').send({ login: 'analyst-2', password: 'correct horse battery' });
    expect((await other.get(url).set('If-None-Match', etag)).status).toBe(200);
    // A new receipt in the range: a new tag and the new figures.
    await t.wh.insert('pos_lines', posRows({ ...POS_FIXTURE[0]!, receiptId: 'R-NEW' }));
    await new Promise((r) => setTimeout(r, 1_100));
    const changed = await agent.get(url).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.cells.find((c: { areaCode: string }) => c.areaCode === '532302').amountFen).toBe(5290 + 4590);
  });
});
