import { createEmbeddedWarehouse } from './warehouse/embedded.ts';
import { migrate } from './warehouse/migrate.ts';
import { loadAreas, loadStores } from './warehouse/reference.ts';
import { migrations, areas, stores, queries } from './test/fixtures/warehouse.ts';
import { loadCounty } from './test/fixtures/county.ts';
import { createDirectory } from './api/directory.ts';
import { renderReport } from './api/officials/reports.ts';
import { readNationalSeries } from './warehouse/officials-reference.ts';
import { writeFileSync } from 'node:fs';
const dir = '/tmp/cxrep-' + Date.now();
const wh = createEmbeddedWarehouse({ path: dir });
await migrate(wh, migrations); await loadAreas(wh, areas); await loadStores(wh, stores);
await loadCounty(wh, { from: '2025-01-01', to: '2026-03-31', scale: 0.02 });
const directory = createDirectory({ warehouse: wh, queries });
try {
  const t0 = Date.now();
  const r = await renderReport(wh, { queries, directory, clock: () => Date.parse('2026-04-15T04:00:00Z') }, '532302', '2026-03', await readNationalSeries(wh, queries), 'me');
  console.log('ok', Date.now() - t0, r.xlsx.length, r.pdf.length);
  writeFileSync('/tmp/report.pdf', r.pdf); writeFileSync('/tmp/report.xlsx', r.xlsx);
} catch (e) { console.log((e as Error).stack); }
await wh.close();
