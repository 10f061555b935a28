// The query files of sql/queries/, loaded once at start-up into a map keyed by file name. A
// missing or empty file stops start-up instead of failing a request later.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitStatements } from './sql-text.ts';

export const QUERY_NAMES = [
  'demand-heatmap', 'demand-heatmap-area', 'demand-heatmap-top', 'demand-heatmap-leaf', 'demand-cube-merchant', 'data-extent', 'areas-all', 'stores-all',
  'account-by-login', 'accounts-list', 'session-by-hash', 'token-by-id', 'tokens-by-login', 'sign-in-failures',
  'freshness', 'store-weekly-sales', 'store-category-sales', 'store-last-sale',
  'dead-letters-recent', 'dead-letters-by-reason', 'audit-recent', 'data-version',
  'official-online-monthly', 'official-online-merchants', 'official-proxy-monthly', 'official-parcels-monthly', 'official-data-months',
  'official-station-month', 'official-station-last', 'national-series', 'national-series-keys', 'plan-targets',
  'training-totals', 'reports-list', 'report-file', 'reports-for-month', 'official-unknown-sellers',
  'saved-queries-visible', 'saved-query-versions', 'sql-history',
  'workspace-store-skus', 'workspace-store-receipts', 'workspace-last-week', 'workspace-demand-pos', 'workspace-demand-deliveries',
  'workspace-demand-parcels', 'workspace-demand-hourly', 'workspace-area-skus', 'workspace-area-prices', 'workspace-period-outlets',
  'workspace-own-prices', 'workspace-peer-sales', 'workspace-peer-receipts', 'workspace-deliveries-to', 'workspace-category-days',
  'workspace-sourcing', 'workspace-products',
  'flows-upstream', 'flows-last-month', 'destination-cities', 'flows-seasonality', 'flows-upstream-products', 'flows-downstream',
  'flows-delivery-days', 'flows-batches', 'flows-batch-detail', 'flows-parcels-out', 'flows-online-orders', 'flows-products', 'flows-month-extent',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];
export type Queries = Readonly<Record<QueryName, string>>;

export function loadQueries(dir: string, names: readonly QueryName[] = QUERY_NAMES): Queries {
  const queries = {} as Record<QueryName, string>;
  for (const name of names) {
    const file = join(dir, `${name}.sql`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`missing query file: ${file}`);
    }
    if (!text.startsWith('--')) throw new Error(`query file must start with a comment saying what it returns: ${file}`);
    const statements = splitStatements(text);
    if (statements.length !== 1) throw new Error(`query file must hold exactly one statement: ${file}`);
    queries[name] = statements[0]!;
  }
  return queries;
}
