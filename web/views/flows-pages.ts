// Produce flows, every page but the upstream map and Sankey (which bring D3: web/views/flows.ts):
// seasonality (its Vega chart loads after the page), downstream, batch tracing, parcels vs orders.
// Which page: the path.
import '../shell-modules.ts';
import { drawDownstream } from '../flows/downstream.ts';
import { drawParcels } from '../flows/parcels.ts';
import { drawSeasonality } from '../flows/seasonality.ts';
import { drawTrace } from '../flows/trace.ts';
import type { View, ViewContext } from '../view.ts';

const PAGES: Record<string, (ctx: ViewContext) => Promise<void>> = {
  '/flows/seasonality': drawSeasonality,
  '/flows/downstream': drawDownstream,
  '/flows/trace': drawTrace,
  '/flows/parcels': drawParcels,
};

export const view: View = (ctx) => (PAGES[location.pathname.replace(/\/+$/, '')] ?? drawSeasonality)(ctx);
