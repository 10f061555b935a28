// Bundles the web app into web/dist: app.js (one minified ES module, with a source map), plus the
// static index.html and app.css. Paths are resolved from this file, so any working directory works.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../web');
const STATIC_FILES = ['index.html', 'app.css'];

export async function buildWeb(): Promise<{ outDir: string }> {
  const outDir = join(WEB_DIR, 'dist');
  // Start clean: a stale chunk from an earlier build must not be served next to the new bundle.
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(WEB_DIR, 'main.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await Promise.all(STATIC_FILES.map((f) => copyFile(join(WEB_DIR, f), join(outDir, f))));
  return { outDir };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { outDir } = await buildWeb();
  console.log(`web app built into ${outDir}`);
}
