// Picks the warehouse from configuration: a ClickHouse server when a URL is given, else the
// embedded engine on the data directory. Configuration comes in; only main.ts reads the env.
import type { DedupLogRepair } from './dedup-log-repair.ts';
import { createEmbeddedWarehouse } from './embedded.ts';
import { createServerWarehouse } from './server.ts';
import type { Warehouse } from './warehouse.ts';

export interface WarehouseConfig {
  clickhouseUrl?: string; // unset or '' → embedded
  clickhouseUser?: string;
  clickhousePassword?: string;
  clickhouseDatabase?: string;
  clickhouseAnalystUser?: string; // the SQL workbench's read-only user; no workbench on a server without it
  clickhouseAnalystPassword?: string;
  dataDir: string; // the embedded engine's data directory
}

export function openWarehouse(config: WarehouseConfig, events: { onRepair?: (repairs: DedupLogRepair[]) => void } = {}): Warehouse {
  if (config.clickhouseUrl) {
    return createServerWarehouse({
      url: config.clickhouseUrl,
      username: config.clickhouseUser,
      password: config.clickhousePassword,
      database: config.clickhouseDatabase,
      analyst: config.clickhouseAnalystUser ? { username: config.clickhouseAnalystUser, password: config.clickhouseAnalystPassword ?? '' } : undefined,
    });
  }
  return createEmbeddedWarehouse({ path: config.dataDir, onRepair: events.onRepair });
}
