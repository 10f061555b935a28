// What an analyst's statement may touch. Tables: the business tables, by name, and nothing of
// accounts, sessions, tokens, the audit trail or ingest's bookkeeping. Functions: all but those
// that reach outside the query's own data (files, URLs, other hosts, processes, dictionaries, the
// server's own facts), stall it, or read tables by another road. Table functions: only the few
// that make rows out of nothing.
import type { FunctionInfo } from '../../warehouse/sql-engine.ts';

/** Tables and views an analyst may read; anything else of the database is closed. */
export const WORKBENCH_TABLES: readonly string[] = [
  'pos_lines', 'distribution_txns', 'parcel_volumes', 'demand_daily', 'demand_weekly_area', 'demand_weekly_top', 'demand_weekly_leaf', 'store_sales_daily',
  'online_sales_monthly', 'store_monthly', 'parcels_monthly', 'store_sku_weekly', 'store_receipts_weekly', 'township_hourly', 'station_months',
  'flows_monthly', 'destination_cities',
  'areas', 'stores', 'products', 'categories', 'training_sessions', 'national_reference', 'national_series', 'plan_targets',
];

/** Table functions that make rows from their arguments alone. */
export const TABLE_FUNCTIONS: readonly string[] = ['numbers', 'numbers_mt', 'zeros', 'zeros_mt', 'generate_series', 'generateseries', 'values'];

/** Whole categories of the engine's function list (system.functions.categories) that are closed. */
export const CLOSED_CATEGORIES: Record<string, string> = {
  Dictionary: 'read dictionaries',
  Introspection: 'inspect the server process',
  Internal: 'are the engine\'s internals',
  AI: 'call outside services',
};

/** Closed functions by name (lower case: the check ignores case), with what they would do. */
export const CLOSED_FUNCTIONS: Record<string, string> = {
  // files and disks
  file: 'read files', filesystemavailable: 'read the server\'s disks', filesystemcapacity: 'read the server\'s disks',
  filesystemunreserved: 'read the server\'s disks', catboostevaluate: 'read files',
  // other hosts (the scalar spellings of table functions)
  url: 'reach other hosts', s3: 'reach other hosts', remote: 'reach other hosts', remotesecure: 'reach other hosts',
  mysql: 'reach other hosts', postgresql: 'reach other hosts', hdfs: 'reach other hosts', jdbc: 'reach other hosts', odbc: 'reach other hosts',
  // processes
  executable: 'run processes',
  // dictionaries and tables by another road
  joinget: 'read tables outside the query', joingetornull: 'read tables outside the query', hascolumnintable: 'read tables outside the query',
  dictget: 'read dictionaries', dicthas: 'read dictionaries', dictgetornull: 'read dictionaries', dictgetordefault: 'read dictionaries',
  // stalling
  sleep: 'stall the engine', sleepeachrow: 'stall the engine',
  // the server's own facts
  hostname: 'tell about the server', fullhostname: 'tell about the server', fqdn: 'tell about the server', serveruuid: 'tell about the server',
  getmacro: 'tell about the server', getserverport: 'tell about the server', tcpport: 'tell about the server', uptime: 'tell about the server',
  version: 'tell about the server', revision: 'tell about the server', buildid: 'tell about the server', getoskernelversion: 'tell about the server',
  getclienthttpheader: 'tell about the server', getserversetting: 'tell about the server', getmergetreesetting: 'tell about the server',
  showcertificate: 'tell about the server', zookeepersessionuptime: 'tell about the server', displayname: 'tell about the server',
  getmaxtablenamelengthfordatabase: 'tell about the server', logtrace: 'write to the server\'s log',
};


/** Every closed name the engine knows, aliases included, with what it would do. */
export function closedFunctions(known: readonly FunctionInfo[]): Map<string, string> {
  const closed = new Map(Object.entries(CLOSED_FUNCTIONS));
  for (const f of known) {
    const category = Object.keys(CLOSED_CATEGORIES).find((c) => f.categories.split(/,\s*/).includes(c));
    // _CAST is how the engine writes a bound {name:Type} parameter into the tree: a plain CAST.
    if (category && f.name !== '_CAST') closed.set(f.name.toLowerCase(), CLOSED_CATEGORIES[category]!);
    if (f.name.startsWith('__')) closed.set(f.name.toLowerCase(), 'are the engine\'s internals');
  }
  // An alias does what its function does.
  for (const f of known) {
    const what = f.aliasTo ? closed.get(f.aliasTo.toLowerCase()) : undefined;
    if (what) closed.set(f.name.toLowerCase(), what);
  }
  return closed;
}
