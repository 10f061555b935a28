// Produce flows, upstream: the flow map and the Sankey (D3 and d3-sankey ride in this chunk only).
// The other pages of the flows are web/views/flows-pages.ts.
import '../shell-modules.ts';
import { drawUpstream } from '../flows/upstream.ts';
import type { View } from '../view.ts';

export const view: View = (ctx) => drawUpstream(ctx);
