// The merchants' workspace, every page but the demand heatmap (which brings D3, and is a chunk of
// its own: workspace-demand.ts). Which page: the path; which stores: ?stores=, by default a
// merchant's first. An official or analyst names the stores first.
import '../shell-modules.ts';
import type { View, ViewContext } from '../view.ts';
import { askForStores, storesOf } from '../workspace/frame.ts';
import { drawGaps } from '../workspace/gaps.ts';
import { drawMyStore } from '../workspace/my-store.ts';
import { drawPeers } from '../workspace/peers.ts';
import { drawPrices } from '../workspace/prices.ts';
import { drawRestock } from '../workspace/restock.ts';
import { drawSourcing } from '../workspace/sourcing.ts';

const PAGES: Record<string, (ctx: ViewContext, stores: string) => Promise<void>> = {
  '/workspace': drawMyStore,
  '/workspace/gaps': drawGaps,
  '/workspace/prices': drawPrices,
  '/workspace/peers': drawPeers,
  '/workspace/restock': drawRestock,
  '/workspace/sourcing': drawSourcing,
};

export const view: View = async (ctx) => {
  const path = location.pathname.replace(/\/+$/, '') || '/workspace';
  const draw = PAGES[path] ?? drawMyStore;
  const stores = storesOf(ctx);
  if (!stores) return askForStores(ctx, path);
  await draw(ctx, stores);
};
