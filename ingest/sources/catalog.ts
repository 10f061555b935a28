// A starter catalogue of fast-moving goods sold in Chuxiong village shops, with typical shelf
// prices in fen. Prices are assumptions from common retail prices, not sourced figures.
export interface CatalogItem {
  sku: string;
  barcode?: string;
  category: string;
  priceFen: number;
  weight: number; // relative popularity
}

export const CATALOG: readonly CatalogItem[] = [
  { sku: 'rice-5kg', category: 'grain_oil.rice', priceFen: 3990, weight: 4 },
  { sku: 'flour-2_5kg', category: 'grain_oil.flour', priceFen: 1650, weight: 2 },
  { sku: 'rapeseed-oil-5l', category: 'grain_oil.oil', priceFen: 7990, weight: 2 },
  { sku: 'noodles-1kg', category: 'grain_oil.noodles', priceFen: 850, weight: 4 },
  { sku: 'water-550ml', category: 'beverages.water', priceFen: 200, weight: 10 },
  { sku: 'cola-500ml', category: 'beverages.soft_drink', priceFen: 350, weight: 7 },
  { sku: 'green-tea-500ml', category: 'beverages.tea', priceFen: 350, weight: 6 },
  { sku: 'beer-500ml', category: 'beverages.beer', priceFen: 500, weight: 6 },
  { sku: 'baijiu-500ml', category: 'beverages.baijiu', priceFen: 3800, weight: 1 },
  { sku: 'instant-noodle-5pk', category: 'snacks.instant_noodle', priceFen: 1350, weight: 6 },
  { sku: 'biscuits-300g', category: 'snacks.biscuits', priceFen: 790, weight: 4 },
  { sku: 'sunflower-seeds-250g', category: 'snacks.nuts', priceFen: 900, weight: 3 },
  { sku: 'spicy-strips-100g', category: 'snacks.spicy', priceFen: 300, weight: 5 },
  { sku: 'salt-400g', category: 'condiments.salt', priceFen: 250, weight: 3 },
  { sku: 'soy-sauce-500ml', category: 'condiments.soy_sauce', priceFen: 990, weight: 3 },
  { sku: 'chili-oil-280g', category: 'condiments.chili', priceFen: 1100, weight: 2 },
  { sku: 'milk-250ml-12', category: 'dairy.milk', priceFen: 4800, weight: 2 },
  { sku: 'yogurt-200g', category: 'dairy.yogurt', priceFen: 450, weight: 3 },
  { sku: 'detergent-2kg', category: 'daily_chem.laundry', priceFen: 2590, weight: 2 },
  { sku: 'shampoo-400ml', category: 'daily_chem.hair', priceFen: 2990, weight: 1 },
  { sku: 'toothpaste-120g', category: 'daily_chem.oral', priceFen: 890, weight: 2 },
  { sku: 'tissue-10pk', category: 'household.paper', priceFen: 1590, weight: 3 },
  { sku: 'batteries-aa-4', category: 'household.electrical', priceFen: 1000, weight: 1 },
  { sku: 'cigarettes-yunyan', category: 'tobacco.cigarettes', priceFen: 1100, weight: 6 },
  { sku: 'fertilizer-compound-40kg', category: 'agri_inputs.fertilizer', priceFen: 16000, weight: 1 },
  { sku: 'seeds-corn-1kg', category: 'agri_inputs.seeds', priceFen: 4500, weight: 1 },
  { sku: 'walnuts-dayao-500g', category: 'produce.nuts', priceFen: 2500, weight: 1 },
  { sku: 'pear-vinegar-lufeng-500ml', category: 'produce.vinegar', priceFen: 1800, weight: 1 },
  { sku: 'ham-wuding-1kg', category: 'produce.meat', priceFen: 12800, weight: 0.5 },
  { sku: 'yi-embroidery-pouch', category: 'crafts.embroidery', priceFen: 6800, weight: 0.2 },
];
