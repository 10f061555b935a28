// The web app's paths, one per view, shared by the app (which view to draw) and the server (which
// view's code to preload with the page, and which paths are the app's). Every view has a path of
// its own, bookmarkable with its parameters in the query string. Browser-safe, without zod.
import type { Role } from './codes.ts';

export const VIEW_NAMES = ['signin', 'home', 'demand', 'stores', 'store', 'account', 'accounts', 'ops', 'cockpit', 'cockpitStations', 'scorecard', 'reports', 'national', 'workbench', 'workspace', 'workspaceDemand', 'flows', 'flowsPages'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** Views with heavy libraries (D3, CodeMirror; Vega loads later, with a chart), each a chunk of its own loaded
 *  with the view. The others are small enough to ride in the shell: on a 300 ms round trip, one
 *  more file costs more than a few kilobytes. web/main.ts imports exactly these lazily. The
 *  merchants' workspace is split too although only its demand page draws with D3: its seven pages
 *  are only merchants' business, and every other role's phone would carry them in the shell. The
 *  produce flows likewise: the flow map and Sankey (D3, d3-sankey) are `flows`; the other four pages,
 *  officials' and analysts' business only, are `flowsPages` (their Vega charts load later still). */
export const SPLIT_VIEWS: readonly ViewName[] = ['demand', 'cockpit', 'cockpitStations', 'scorecard', 'reports', 'national', 'accounts', 'ops', 'workbench', 'workspace', 'workspaceDemand', 'flows', 'flowsPages'];

/** The file of a view under web/views/: `workspaceDemand` is workspace-demand.ts. */
export const viewModule = (view: ViewName): string => view.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export interface WebRoute {
  pattern: string; // '/stores/:id'
  view: ViewName; // the module web/views/<viewModule(view)>.ts
  roles?: readonly Role[]; // signed in with one of these; absent: any signed-in role
  public?: boolean; // no sign-in needed
}

const DATA_ROLES = ['merchant', 'official', 'analyst'] as const;
const COCKPIT_ROLES = ['official', 'analyst'] as const;

export const WEB_ROUTES: readonly WebRoute[] = [
  { pattern: '/signin', view: 'signin', public: true },
  { pattern: '/', view: 'home' },
  { pattern: '/demand', view: 'demand', roles: DATA_ROLES },
  { pattern: '/stores', view: 'stores', roles: DATA_ROLES },
  { pattern: '/stores/:id', view: 'store', roles: DATA_ROLES },
  { pattern: '/account', view: 'account' },
  { pattern: '/admin/accounts', view: 'accounts', roles: ['admin'] },
  { pattern: '/admin/ops', view: 'ops', roles: ['admin'] },
  { pattern: '/cockpit', view: 'cockpit', roles: COCKPIT_ROLES },
  { pattern: '/cockpit/stations', view: 'cockpitStations', roles: COCKPIT_ROLES },
  { pattern: '/cockpit/scorecard', view: 'scorecard', roles: COCKPIT_ROLES },
  { pattern: '/cockpit/reports', view: 'reports', roles: COCKPIT_ROLES },
  { pattern: '/cockpit/national', view: 'national', roles: COCKPIT_ROLES },
  { pattern: '/workbench', view: 'workbench', roles: ['analyst'] },
  // Produce flows: upstream to the cities (map and Sankey), seasonality, downstream, batches, parcels.
  { pattern: '/flows', view: 'flows', roles: COCKPIT_ROLES },
  { pattern: '/flows/seasonality', view: 'flowsPages', roles: COCKPIT_ROLES },
  { pattern: '/flows/downstream', view: 'flowsPages', roles: COCKPIT_ROLES },
  { pattern: '/flows/trace', view: 'flowsPages', roles: COCKPIT_ROLES },
  { pattern: '/flows/parcels', view: 'flowsPages', roles: COCKPIT_ROLES },
  // The merchants' workspace; officials and analysts may open a store's with ?stores=.
  { pattern: '/workspace', view: 'workspace', roles: DATA_ROLES },
  { pattern: '/workspace/demand', view: 'workspaceDemand', roles: DATA_ROLES },
  { pattern: '/workspace/gaps', view: 'workspace', roles: DATA_ROLES },
  { pattern: '/workspace/prices', view: 'workspace', roles: DATA_ROLES },
  { pattern: '/workspace/peers', view: 'workspace', roles: DATA_ROLES },
  { pattern: '/workspace/restock', view: 'workspace', roles: DATA_ROLES },
  { pattern: '/workspace/sourcing', view: 'workspace', roles: DATA_ROLES },
];

export interface RouteMatch {
  route: WebRoute;
  params: Record<string, string>;
}

export function matchRoute(pathname: string, routes: readonly WebRoute[] = WEB_ROUTES): RouteMatch | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const route of routes) {
    const keys: string[] = [];
    const source = route.pattern.replace(/:(\w+)/g, (_m, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    const m = new RegExp(`^${source}$`).exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    keys.forEach((k, i) => {
      try {
        params[k] = decodeURIComponent(m[i + 1]!);
      } catch {
        params[k] = m[i + 1]!;
      }
    });
    return { route, params };
  }
  return null;
}

/** Where to go after signing in: a path of this app from `?next=`, never another site. */
export function safeNext(next: string | null): string {
  return next && /^\/(?!\/)[^\s\\]*$/.test(next) && !next.startsWith('/signin') ? next : '/';
}
