// The JavaScript budget of every view: what a first load of the view fetches (the shell and the
// view's own chunks, per the build's manifest), compressed here with brotli, at most 150 KB. Sizes
// are deterministic, so this belongs in the suite; load times are measured by `npm run bench:web`.
// The global set-up builds web/dist before the tests run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { SPLIT_VIEWS, VIEW_NAMES } from '../../contracts/web-routes.ts';
import { ROOT } from '../fixtures/warehouse.ts';

const DIST = join(ROOT, 'web/dist');
const BUDGET_KB = 150;
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
  main: string; shell: string[]; views: Record<string, { entry: string; js: string[] }>;
};
const meta = JSON.parse(readFileSync(join(DIST, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
const brotliKb = (file: string) => brotliCompressSync(readFileSync(join(DIST, file))).length / 1024;
/** The packages a built file holds code of. */
const packagesIn = (file: string) => {
  const output = Object.entries(meta.outputs).find(([p]) => p.endsWith(file))?.[1];
  return new Set(Object.keys(output?.inputs ?? {}).filter((i) => i.includes('node_modules/')).map((i) => i.split('node_modules/')[1]!.split('/')[0]!));
};

describe('JavaScript per view', () => {
  test.each(VIEW_NAMES.map((v) => [v]))('%s: its first load stays within 150 KB compressed', (view) => {
    const files = manifest.views[view]!.js;
    const kb = files.reduce((sum, f) => sum + brotliKb(f), 0);
    console.log(`${view}: ${files.length} files, ${kb.toFixed(1)} KB brotli`);
    expect(kb).toBeLessThanOrEqual(BUDGET_KB);
  });

  test('the shell carries no validator and no chart library: those load only with the views that use them', () => {
    const shellPackages = new Set(manifest.shell.flatMap((f) => [...packagesIn(f)]));
    expect([...shellPackages].filter((p) => p === 'zod' || p.startsWith('d3'))).toEqual([]);
    // No view's code carries zod: the browser does not validate the API's answers.
    const all = new Set(Object.values(manifest.views).flatMap((v) => v.js).flatMap((f) => [...packagesIn(f)]));
    expect(all.has('zod')).toBe(false);
    // The heatmap's view brings D3.
    expect([...new Set(manifest.views.demand!.js.flatMap((f) => [...packagesIn(f)]))].some((p) => p.startsWith('d3'))).toBe(true);
  });

  test('the flow map brings D3 and d3-sankey; the other flow pages neither; Vega comes with none of them', () => {
    const packagesOf = (view: string) => new Set(manifest.views[view]!.js.flatMap((f) => [...packagesIn(f)]));
    expect(packagesOf('flows').has('d3-sankey')).toBe(true);
    expect([...packagesOf('flowsPages')].filter((p) => p.startsWith('d3') || p.startsWith('vega'))).toEqual([]);
    expect([...packagesOf('flows')].filter((p) => p.startsWith('vega'))).toEqual([]);
    for (const view of Object.keys(manifest.views).filter((v) => v !== 'flows')) expect(packagesOf(view).has('d3-sankey'), view).toBe(false);
  });

  test("a role's own strings load with its pages: none of them rides in the shell", () => {
    /** The project's modules a built file holds. */
    const modulesIn = (file: string) => Object.keys(Object.entries(meta.outputs).find(([p]) => p.endsWith(file))?.[1].inputs ?? {});
    const shellModules = manifest.shell.flatMap(modulesIn);
    expect(shellModules).toContain('web/i18n.ts');
    const own = ['web/views/cockpit-strings.ts', 'web/views/admin-strings.ts', 'web/workspace/strings.ts', 'web/workbench/strings.ts', 'web/flows/strings.ts'];
    expect(shellModules.filter((m) => own.includes(m))).toEqual([]);
    // And each is in the first load of the pages that say them.
    const viewModules = (view: string) => manifest.views[view]!.js.flatMap(modulesIn);
    for (const view of ['cockpit', 'cockpitStations', 'scorecard', 'reports', 'national']) expect(viewModules(view), view).toContain('web/views/cockpit-strings.ts');
    for (const view of ['accounts', 'ops']) expect(viewModules(view), view).toContain('web/views/admin-strings.ts');
    for (const view of ['workspace', 'workspaceDemand', 'demand', 'stores', 'workbench']) expect(viewModules(view), view).not.toContain('web/views/cockpit-strings.ts');
  });

  test('every view that splits has a chunk of its own; the others ride in the shell', () => {
    for (const view of VIEW_NAMES) {
      const { entry } = manifest.views[view]!;
      if (SPLIT_VIEWS.includes(view)) expect(entry, view).toMatch(new RegExp(`^assets/${view}-[A-Z0-9]+\\.js$`));
      else expect(entry, view).toBe(manifest.main);
    }
  });
});
