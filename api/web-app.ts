// Serves the built web app (scripts/build-web.ts). Content-hashed files under /assets/ are cached
// for a year (`immutable`: no revalidation at all); the page and the service worker are revalidated
// on every load, so a deploy shows at once. Each file is sent as its prebuilt .br or .gz when the
// browser takes it. Every path of the app gets the page, with a preload of the code of the view
// that path opens, so the view's chunk comes with the shell instead of one round trip after it.
import type { Express, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { matchRoute } from '../contracts/web-routes.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

interface Manifest { main: string; css: string; views: Record<string, { entry: string; js: string[] }> }

export function mountWebApp(app: Express, webDir: string): void {
  const manifestFile = join(webDir, 'manifest.json');
  if (!existsSync(manifestFile)) return;
  // The build read when the manifest last changed: a build made while the server runs replaces
  // the hashed files, and a page kept from before named scripts that were gone (every view stayed
  // on "Loading" until a restart). One stat per page request notices it.
  let build: { mtimeMs: number; manifest: Manifest; template: string; pages: Map<string, { body: Buffer; etag: string }> } | undefined;
  const current = () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(manifestFile).mtimeMs;
    } catch {
      return build; // in the middle of a rebuild: the last build read, until the new one is in place
    }
    if (!build || build.mtimeMs !== mtimeMs) {
      try {
        build = { mtimeMs, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest, template: readFileSync(join(webDir, 'index.html'), 'utf8'), pages: new Map() };
      } catch {
        // A manifest half written: the last build read, and this one again on the next request.
      }
    }
    return build;
  };
  if (!current()) throw new Error(`the web app's manifest cannot be read: ${manifestFile}`);

  app.get('/assets/*file', (req, res, next) => {
    const file = resolveInside(webDir, req.path);
    if (!file) return next();
    send(req, res, file, 'public, max-age=31536000, immutable');
  });
  app.get('/sw.js', (req, res) => send(req, res, join(webDir, 'sw.js'), 'no-cache'));

  // Every other GET that is not the API's and names no file: the page. Unknown paths get it too
  // and the app says "not found" in its own frame.
  app.get(/^\/(?!api\/|assets\/)[^.]*$/, (req, res) => {
    const view = matchRoute(req.path)?.route.view ?? 'home';
    const { manifest, template, pages } = current()!;
    let page = pages.get(view);
    if (!page) {
      const own = manifest.views[view];
      const preloads = own ? own.js.filter((f) => !f.startsWith(manifest.main)).map((f) => `<link rel="modulepreload" href="/${f}">`) : [];
      // Who is signed in is the app's first question: asked while the scripts arrive, not after.
      preloads.push('<link rel="preload" href="/api/session" as="fetch" crossorigin>');
      const body = Buffer.from(template.replace('<!--preload-->', preloads.join('\n  ')));
      page = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      pages.set(view, page);
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', page.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === page.etag) return void res.status(304).end();
    res.type('html').send(page.body);
  });
}

/** The file under `root` that a URL path names, or null when it names none (or tries to leave root). */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root + sep) || decoded.includes('\0')) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function send(req: Request, res: Response, file: string, cacheControl: string): void {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepts) && existsSync(`${file}.br`) ? 'br' : /\bgzip\b/.test(accepts) && existsSync(`${file}.gz`) ? 'gzip' : null;
  const path = encoding === 'br' ? `${file}.br` : encoding === 'gzip' ? `${file}.gz` : file;
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.sendFile(path, { etag: true, lastModified: false, cacheControl: false, headers: {} });
}
