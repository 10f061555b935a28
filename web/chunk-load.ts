// A page left open across a deploy asks for its own build's chunks when it first shows a split
// view or a chart; the new build replaced them, so the import fails ("Failed to fetch dynamically
// imported module") and the page would say so until someone reloaded it. Here the failure is
// checked against the server's page: when that page names another main script, the build has
// changed, and the page loads again (after the service worker has taken the new build, which it
// would otherwise serve the old page from). At most once a minute: a chunk that fails under the
// same build is an outage, and the caller's error stands. A page holding work a reload would lose
// (the workbench's chart) asks not to be reloaded, and is told the build changed instead.

/** The build changed under the page: `loadChunk(..., { reload: false })` throws this. */
export const NEW_BUILD = 'new_build';

export interface ChunkLoaderDeps {
  /** The server's page now, or null when it cannot be had (offline). */
  fetchPage(): Promise<string | null>;
  /** The path of the main script this page runs (`/assets/main-XXXX.js`); null when it has none. */
  mainScript: string | null;
  /** Has the service worker fetch the new build, and resolves once it is in place (or not needed). */
  updateWorker(): Promise<void>;
  reload(): void;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now(): number;
}

const KEY = 'cx.chunk-reload';
const ONCE_MS = 60_000;

export function createChunkLoader(deps: ChunkLoaderDeps) {
  return async function loadChunk<T>(load: () => Promise<T>, options: { reload?: boolean } = {}): Promise<T> {
    try {
      return await load();
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      const page = await deps.fetchPage().catch(() => null);
      if (page === null || deps.mainScript === null || page.includes(deps.mainScript)) throw error; // offline, or the same build
      if (options.reload === false) throw Object.assign(new Error('the platform was updated: reload the page'), { code: NEW_BUILD });
      if (deps.now() - Number(deps.storage.getItem(KEY) ?? 0) < ONCE_MS) throw error;
      deps.storage.setItem(KEY, String(deps.now()));
      await deps.updateWorker().catch(() => undefined);
      deps.reload();
      return new Promise<T>(() => undefined); // the page is going away
    }
  };
}

/** The browser's: the page from the network (the worker answers only navigations, assets and data). */
const browserDeps = (): ChunkLoaderDeps => ({
  fetchPage: async () => {
    const res = await fetch('/', { cache: 'no-store', credentials: 'same-origin' });
    return res.ok ? await res.text() : null;
  },
  mainScript: document.querySelector('script[type="module"][src*="/assets/main-"]')?.getAttribute('src') ?? null,
  updateWorker: async () => {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (!registration) return;
    const changed = new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
      setTimeout(resolve, 5_000); // a worker that does not come in time: the reload goes to the network page below it
    });
    await registration.update();
    if (!registration.installing && !registration.waiting) return; // already the newest worker: nothing to wait for
    await changed;
  },
  reload: () => location.reload(),
  storage: sessionStorage,
  now: () => Date.now(),
});

let browser: ReturnType<typeof createChunkLoader> | undefined;
/** `load()`, the page loaded again if its chunk is gone with a new build (made on first use: it reads the page). */
export const loadChunk = <T>(load: () => Promise<T>, options: { reload?: boolean } = {}): Promise<T> =>
  (browser ??= createChunkLoader(browserDeps()))(load, options);
