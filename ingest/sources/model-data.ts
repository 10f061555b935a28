// The reference data the simulator runs on, read from the committed files in reference/.
import { join } from 'node:path';
import type { Area, Store } from '../../contracts/events.ts';
import { readAreas } from '../../warehouse/reference.ts';
import { readProducts } from '../../warehouse/reference-tables.ts';
import type { SimProduct } from './generator.ts';
import { deriveStores } from './stores.ts';

export interface ModelData {
  areas: Area[];
  stores: Store[];
  products: SimProduct[];
}

const ROOT = join(import.meta.dirname, '../..');

export function loadModelData(seed: number, root = ROOT): ModelData {
  const areas = readAreas(join(root, 'reference/chuxiong-areas.json'));
  return { areas, stores: deriveStores(areas, seed), products: readProducts(join(root, 'reference/products.json')) };
}
