// Builds the web app into web/dist:
//   assets/main-<hash>.js       the shell (router, frame, sign-in state), loaded first
//   assets/<view>-<hash>.js     a chunk per view with heavy libraries, loaded with the view
//   assets/chunk-<hash>.js      code the shell and such views share
//   assets/app-<hash>.css       the stylesheet
//   index.html                  the page, naming the hashed files; revalidated on every load
//   sw.js                       the service worker (not hashed: browsers look for it by name)
//   manifest.json               which files each view needs, for the server's preloads and the budget test
//   meta.json                   esbuild's record of which sources went into which file
// Minified, with source maps; every text file also as .br and .gz, so the server compresses nothing
// at request time. Content-hashed names may be cached for a year.
import { build, type Metafile } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SPLIT_VIEWS, VIEW_NAMES, viewModule, type ViewName } from '../contracts/web-routes.ts';
import { countyMapAsset } from './map-asset.ts';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../web');
const ONLINE_ONLY_VIEWS: readonly ViewName[] = ['workbench'];

export interface ViewFiles {
  entry: string; // the view's own chunk
  js: string[]; // every JavaScript file a first load of the view needs, the shell's included
}

export interface WebManifest {
  buildId: string;
  main: string; // assets/main-<hash>.js
  css: string;
  shell: string[]; // the shell's JavaScript: main and its static imports
  views: Record<ViewName, ViewFiles>;
  map?: string; // assets/counties-<hash>.json
}

export async function buildWeb(): Promise<{ outDir: string; manifest: WebManifest }> {
  const outDir = join(WEB_DIR, 'dist');
  // Start clean: a stale chunk from an earlier build must not be served next to the new ones.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'assets'), { recursive: true });
  const result = await build({
    entryPoints: [
      { in: join(WEB_DIR, 'main.ts'), out: 'main' },
      { in: join(WEB_DIR, 'app.css'), out: 'app' },
      ...SPLIT_VIEWS.map((v) => ({ in: join(WEB_DIR, 'views', `${viewModule(v)}.ts`), out: v })),
    ],
    outdir: join(outDir, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome90', 'safari15'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const manifest = manifestOf(result.metafile, outDir);

  // The county map, simplified and content-hashed like the code; the page names it in a meta tag.
  const map = JSON.stringify(countyMapAsset(join(WEB_DIR, '../reference/chuxiong-counties.geojson')));
  const mapFile = `assets/counties-${createHash('sha256').update(map).digest('hex').slice(0, 10)}.json`;
  await writeFile(join(outDir, mapFile), map);
  manifest.map = mapFile;

  // The service worker: its own bundle, told the build id and the files to keep for offline use.
  // Not the SQL workbench's code: it is of no use without the network, and its editor would cost
  // every merchant's phone a download it never needs. It is stored when first used, like any file.
  const offlineViews = Object.entries(manifest.views).filter(([name]) => !ONLINE_ONLY_VIEWS.includes(name as ViewName)).map(([, v]) => v);
  const precache = [...new Set([manifest.css, mapFile, ...offlineViews.flatMap((v) => v.js)])].map((f) => `/${f}`);
  await build({
    entryPoints: [join(WEB_DIR, 'sw.ts')],
    outfile: join(outDir, 'sw.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    define: { __BUILD__: JSON.stringify({ id: manifest.buildId, precache }) },
    logLevel: 'warning',
  });

  const html = (await readFile(join(WEB_DIR, 'index.html'), 'utf8'))
    .replace('<!--meta-->', `<meta name="cx-county-map" content="/${mapFile}">`)
    .replace('<!--styles-->', `<link rel="stylesheet" href="/${manifest.css}">`)
    .replace('<!--scripts-->', [
      `<script type="module" src="/${manifest.main}"></script>`,
      ...manifest.shell.filter((f) => f !== manifest.main).map((f) => `<link rel="modulepreload" href="/${f}">`),
    ].join('\n  '));
  await writeFile(join(outDir, 'index.html'), html);
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // What went into each file (not served): the budget test reads it.
  await writeFile(join(outDir, 'meta.json'), JSON.stringify(result.metafile));
  await compressAll(outDir);
  return { outDir, manifest };
}

function manifestOf(meta: Metafile, outDir: string): WebManifest {
  const rel = (p: string) => relative(outDir, resolve(p)).split('\\').join('/');
  const outputs = Object.entries(meta.outputs).filter(([p]) => p.endsWith('.js'));
  const byEntry = new Map(outputs.filter(([, o]) => o.entryPoint).map(([p, o]) => [resolve(o.entryPoint!), p]));
  const outputOf = (file: string) => {
    const p = byEntry.get(resolve(file));
    if (!p) throw new Error(`no output for ${file}`);
    return p;
  };
  /** A file and everything it imports statically, transitively: what loads before it runs. */
  const closure = (start: string): string[] => {
    const seen = new Set<string>();
    const visit = (p: string) => {
      if (seen.has(p)) return;
      seen.add(p);
      for (const i of meta.outputs[p]!.imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(start);
    return [...seen].map(rel);
  };
  const main = outputOf(join(WEB_DIR, 'main.ts'));
  const shell = closure(main);
  const views = Object.fromEntries(VIEW_NAMES.map((v) => {
    if (!SPLIT_VIEWS.includes(v)) return [v, { entry: rel(main), js: shell }];
    const entry = outputOf(join(WEB_DIR, 'views', `${viewModule(v)}.ts`));
    return [v, { entry: rel(entry), js: [...new Set([...shell, ...closure(entry)])] }];
  })) as Record<ViewName, ViewFiles>;
  const css = Object.keys(meta.outputs).find((p) => p.endsWith('.css'))!;
  const buildId = createHash('sha256').update(Object.keys(meta.outputs).sort().join('\n')).digest('hex').slice(0, 12);
  return { buildId, main: rel(main), css: rel(css), shell, views };
}

async function compressAll(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|css|html|json|map|svg)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const data = await readFile(file);
    await writeFile(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    await writeFile(`${file}.gz`, gzipSync(data, { level: 9 }));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { outDir, manifest } = await buildWeb();
  console.log(`web app built into ${outDir} (build ${manifest.buildId})`);
}
