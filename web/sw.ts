// The service worker: the app keeps working on a weak or absent signal.
// - The shell (page, script, style, every view's code but the SQL workbench's) is stored when the
//   worker installs and served from the store: a repeat visit needs no network before it can draw.
// - Data (GET /api/..., not /api/sql/...) is served from the store when a copy is there, marked
//   with the time it was saved (X-Cx-Saved-At), while the network is asked in the background; the
//   page is then told whether the data changed (it redraws) or the network is out (it says it is
//   offline). Without a copy the network is asked, and the answer kept.
// The page clears the data store when someone signs in or out, so no one sees another's data.

declare const __BUILD__: { id: string; precache: string[] };

interface ExtendableEvent extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent { request: Request; clientId: string; respondWith(r: Promise<Response> | Response): void }
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; get(id: string): Promise<{ postMessage(m: unknown): void } | undefined>; matchAll(): Promise<{ postMessage(m: unknown): void }[]> };
  location: Location;
}
const sw = self as unknown as WorkerScope;

const SHELL = `cx-shell-${__BUILD__.id}`;
const DATA = 'cx-data'; // web/offline.ts clears it by this name
const PAGE = '/__page'; // the key of the stored page

sw.addEventListener('install', (event) => {
  // File by file, and a file that does not arrive is not fatal: on a weak signal an all-or-nothing
  // install would fail again and again; what is missing is stored when it is first used.
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    await Promise.all([...__BUILD__.precache, '/'].map(async (path) => {
      try {
        const res = await fetch(path, { credentials: 'same-origin' });
        if (res.ok) await cache.put(path === '/' ? PAGE : path, res);
      } catch {
        // stored on first use instead
      }
    }));
    await sw.skipWaiting();
  })());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('cx-shell-') && key !== SHELL) await caches.delete(key);
    await sw.clients.claim();
  })());
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') return event.respondWith(page(event));
  if (url.pathname.startsWith('/assets/')) return event.respondWith(asset(request));
  // The SQL workbench asks the network alone: a saved answer (a history, a list of saved queries)
  // would be stale when shown, and the redraw when the fresh one came would wipe the analyst's work.
  if (url.pathname.startsWith('/api/sql')) return;
  if (url.pathname.startsWith('/api/') && url.pathname !== '/api/openapi.json') return event.respondWith(data(event));
});

/** The page from the store at once (refreshed behind it), or from the network the first time. */
async function page(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(SHELL);
  const stored = await cache.match(PAGE);
  const fresh = fetch(event.request).then(async (res) => {
    if (res.ok && (res.headers.get('content-type') ?? '').includes('text/html')) await cache.put(PAGE, res.clone());
    return res;
  });
  if (stored) {
    event.waitUntil(fresh.catch(() => undefined));
    return stored;
  }
  return fresh;
}

/** Content-hashed files never change: the store first. */
async function asset(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL);
  const stored = await cache.match(request);
  if (stored) return stored;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

async function data(event: FetchEvent): Promise<Response> {
  const request = event.request;
  const cache = await caches.open(DATA);
  const stored = await cache.match(request);
  const network = fetch(request).then(async (res) => {
    if (res.ok) await cache.put(request, await stamp(res.clone()));
    else if (res.status === 401 || res.status === 403) await cache.delete(request);
    return res;
  });
  if (!stored) {
    return network.catch(() => new Response(JSON.stringify({ error: 'offline', message: 'offline, and nothing saved for this view yet' }),
      { status: 503, headers: { 'content-type': 'application/json', 'x-cx-offline': '1' } }));
  }
  event.waitUntil(network.then(
    (res) => tell(event.clientId, { type: 'revalidated', url: request.url, status: res.status, changed: res.headers.get('etag') !== stored.headers.get('etag') }),
    () => tell(event.clientId, { type: 'offline', url: request.url, savedAt: stored.headers.get('x-cx-saved-at') }),
  ));
  return stored;
}

async function stamp(res: Response): Promise<Response> {
  const headers = new Headers(res.headers);
  headers.set('x-cx-saved-at', new Date().toISOString());
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers });
}

async function tell(clientId: string, message: unknown): Promise<void> {
  const client = clientId ? await sw.clients.get(clientId) : undefined;
  if (client) client.postMessage(message);
  else for (const c of await sw.clients.matchAll()) c.postMessage(message);
}
