// The chunk loader's own decisions, with the page, the worker and the reload as fakes: a failed
// chunk reloads the page only when the server's page is of another build, at most once a minute.
import { expect, test } from 'vitest';
import { createChunkLoader, NEW_BUILD, type ChunkLoaderDeps } from '../../web/chunk-load.ts';

const OURS = '/assets/main-AAAA1111.js';
const pageOf = (main: string) => `<!doctype html><script type="module" src="${main}"></script>`;
const gone = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/chart-render-OLD.js'));

function setUp(page: string | null, now = 1_000_000) {
  const calls: string[] = [];
  const store = new Map<string, string>();
  const deps: ChunkLoaderDeps = {
    fetchPage: async () => page,
    mainScript: OURS,
    updateWorker: async () => { calls.push('update'); },
    reload: () => { calls.push('reload'); },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => { store.set(k, v); } },
    now: () => now,
  };
  return { calls, deps, store };
}

test('a chunk that arrives is returned, and nothing else happens', async () => {
  const { calls, deps } = setUp(pageOf('/assets/main-BBBB2222.js'));
  expect(await createChunkLoader(deps)(async () => 42)).toBe(42);
  expect(calls).toEqual([]);
});

test('a chunk gone with a new build: the worker takes the new build, then the page loads again', async () => {
  const { calls, deps } = setUp(pageOf('/assets/main-BBBB2222.js'));
  const pending = createChunkLoader(deps)(gone);
  await new Promise((r) => setTimeout(r, 10));
  expect(calls).toEqual(['update', 'reload']);
  // The caller is left waiting (the page goes away), not told of an error it would draw.
  expect(await Promise.race([pending.then(() => 'settled', () => 'settled'), new Promise((r) => setTimeout(() => r('waiting'), 20))])).toBe('waiting');
});

test('the same build, or no page to compare (offline): the error is the caller\'s, no reload', async () => {
  for (const page of [pageOf(OURS), null]) {
    const { calls, deps } = setUp(page);
    await expect(createChunkLoader(deps)(gone)).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(calls).toEqual([]);
  }
});

test('not a failed fetch (a chunk that throws as it runs): the error as it was, the page not asked', async () => {
  const { calls, deps } = setUp(pageOf('/assets/main-BBBB2222.js'));
  let asked = false;
  deps.fetchPage = async () => { asked = true; return null; };
  await expect(createChunkLoader(deps)(() => Promise.reject(new SyntaxError('Unexpected token')))).rejects.toThrow(SyntaxError);
  expect([asked, calls]).toEqual([false, []]);
});

test('at most one reload a minute: a second failure within it is the caller\'s error', async () => {
  const { calls, deps, store } = setUp(pageOf('/assets/main-BBBB2222.js'), 5_000_000);
  store.set('cx.chunk-reload', String(5_000_000 - 59_000));
  await expect(createChunkLoader(deps)(gone)).rejects.toThrow(TypeError);
  expect(calls).toEqual([]);
  store.set('cx.chunk-reload', String(5_000_000 - 61_000));
  void createChunkLoader(deps)(gone);
  await new Promise((r) => setTimeout(r, 10));
  expect(calls).toEqual(['update', 'reload']);
  expect(store.get('cx.chunk-reload')).toBe('5000000');
});

test('a page holding work asks not to be reloaded: told the build changed instead, and the page stays', async () => {
  const { calls, deps } = setUp(pageOf('/assets/main-BBBB2222.js'));
  await expect(createChunkLoader(deps)(gone, { reload: false })).rejects.toMatchObject({ code: NEW_BUILD });
  expect(calls).toEqual([]);
});
