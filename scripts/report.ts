// The monthly report (月通报) of an area and month as a file, from the warehouse `npm start` uses
// (DATA_DIR or CLICKHOUSE_URL). The format follows the file name: .pdf or .xlsx.
//   npm run report -- --month 2026-10 --area 532302 --out report.pdf
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDirectory } from '../api/directory.ts';
import { renderReport } from '../api/officials/reports.ts';
import { parseConfig, warehouseConfig } from '../config.ts';
import { migrationStatus, readMigrations } from '../warehouse/migrate.ts';
import { readNationalSeries } from '../warehouse/officials-reference.ts';
import { openWarehouse } from '../warehouse/open.ts';
import { loadQueries } from '../warehouse/queries.ts';

const USAGE = 'usage: npm run report -- --month YYYY-MM --area 5323|<county code> --out FILE.pdf|FILE.xlsx';

function fail(message: string): never {
  process.stderr.write(`report: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({ options: { month: { type: 'string' }, area: { type: 'string' }, out: { type: 'string' } } });
if (!values.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) fail(`--month: must be a month YYYY-MM\n${USAGE}`);
if (!values.area || !/^5323(\d{2})?$/.test(values.area)) fail(`--area: must be 5323 or a 6-digit county code\n${USAGE}`);
if (!values.out || !/\.(pdf|xlsx)$/i.test(values.out)) fail(`--out: must name a .pdf or .xlsx file\n${USAGE}`);
const format = values.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx';

const root = join(import.meta.dirname, '..');
const config = parseConfig(process.env);
const queries = loadQueries(join(root, 'sql/queries'));
let warehouse;
try {
  warehouse = openWarehouse(warehouseConfig(config));
  const { missing } = await migrationStatus(warehouse, readMigrations(join(root, 'sql/migrations')));
  if (missing.length) fail(`the warehouse lacks migrations ${missing.join(', ')}: start the platform once first`);
} catch (e) {
  fail(`cannot open the warehouse: ${(e as Error).message}${config.CLICKHOUSE_URL ? '' : ' (stop `npm start` first: the embedded warehouse takes one process at a time; or download the report from the cockpit)'}`);
}
const directory = createDirectory({ warehouse, queries });
if (!(await directory.area(values.area))) fail(`--area: unknown area code ${values.area}`);
const files = await renderReport(warehouse, { queries, directory, clock: Date.now }, values.area, values.month, await readNationalSeries(warehouse, queries), 'npm run report');
writeFileSync(values.out, files[format]);
process.stdout.write(`${values.out}: ${format.toUpperCase()}, ${files[format].length.toLocaleString('en-US')} bytes, ${values.area} ${values.month}\n`);
await warehouse.close();
