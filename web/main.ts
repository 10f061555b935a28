// The web app: who is signed in, which view the address names, and the frame around it. Every
// view has a path of its own (bookmarkable, with its parameters in the query string) and the back
// button works. A session that ends while a page is open sends the person to sign in again, and
// back to the same page afterwards.
import type { Me } from '../contracts/auth.ts';
import { matchRoute, type ViewName } from '../contracts/web-routes.ts';
import { apiRequest, setUnauthorizedHandler } from './api-client.ts';
import { parseLang, t, type Lang } from './i18n.ts';
import { reasonCode } from './messages.ts';
import { buildShell, signOutOnServer, type Shell } from './shell.ts';
import type { View, ViewContext } from './view.ts';
import { errorNode } from './status-view.ts';
import { loadChunk } from './chunk-load.ts';
import { clearSavedData, registerWorker, startOffline } from './offline.ts';
import { view as account } from './views/account.ts';
import { view as home } from './views/home.ts';
import { forbiddenNode, notFoundNode } from './views/refusals.ts';
import { view as signin } from './views/signin.ts';
import { view as store } from './views/store.ts';
import { view as stores } from './views/stores.ts';

// Views with heavy libraries are chunks of their own, fetched when first shown (the server preloads
// the one a page opens on), so D3 and the like load only with the views that use them; so are the
// administrators' and the officials' pages, which no shop owner's phone should fetch with
// every page (test/web/budget.test.ts holds every first load under 150 KB). The small views ride in
// the shell. Which are which: SPLIT_VIEWS in contracts/web-routes.ts.
const ready = (view: View) => async () => ({ view });
const VIEWS: Record<ViewName, () => Promise<{ view: View }>> = {
  signin: ready(signin),
  home: ready(home),
  demand: () => import('./views/demand.ts'),
  stores: ready(stores),
  store: ready(store),
  account: ready(account),
  accounts: () => import('./views/accounts.ts'), // the administrators' pages: no shop owner's phone fetches them
  ops: () => import('./views/ops.ts'),
  cockpit: () => import('./views/cockpit.ts'),
  cockpitStations: () => import('./views/cockpit-stations.ts'), // the officials' pages: chunks of their own, as the admins'
  scorecard: () => import('./views/scorecard.ts'), // its editor and the plan's words: officials' alone
  reports: () => import('./views/reports.ts'),
  national: () => import('./views/national.ts'),
  workbench: () => import('./views/workbench.ts'),
  workspace: () => import('./views/workspace.ts'),
  workspaceDemand: () => import('./views/workspace-demand.ts'),
  flows: () => import('./views/flows.ts'),
  flowsPages: () => import('./views/flows-pages.ts'),
};

const LANG_KEY = 'cx.lang';
const root = document.getElementById('app') ?? document.body;
let me: Me | null = null;
let shell: Shell | undefined;
let shellKey = '';
let current: AbortController | undefined;
let first = true;
// A view drawn from saved data is drawn once more when the network brings newer data, and no more:
// with a live stream the data is always a little newer, and redrawing on every answer would never end.
let refreshed = false;

/** `?lang=en` wins (and is remembered); else the last choice; else Chinese. */
function currentLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked) {
    const lang = parseLang(asked);
    localStorage.setItem(LANG_KEY, lang);
    return lang;
  }
  return parseLang(localStorage.getItem(LANG_KEY));
}

/** A page's own control that changed the address (a select a keyboard user steps through with the
 *  arrow keys, each step a new address): it keeps the focus once the page is drawn again, instead of
 *  the focus going to main after every step. */
let refocus: string | null = null;

function navigate(url: string, options: { replace?: boolean } = {}): void {
  const active = document.activeElement;
  refocus = (active instanceof HTMLSelectElement || active instanceof HTMLInputElement) && active.id && shell?.main.contains(active) ? active.id : null;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

/** Draws the view the address names; `quiet` (a refresh of the same view) keeps the focus where it is. */
function render(options: { quiet?: boolean } = {}): void {
  current?.abort();
  refreshed = options.quiet === true;
  const controller = new AbortController();
  current = controller;
  const lang = currentLang();
  const match = matchRoute(location.pathname);

  if (match && !match.route.public && !me) {
    const next = `${location.pathname}${location.search}`;
    return navigate(`/signin${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`, { replace: true });
  }
  const framed = match?.route.public ? null : me;
  const key = `${framed?.login ?? ''}|${framed?.role ?? ''}|${lang}`;
  if (!shell || key !== shellKey) {
    shell = buildShell(root, framed, lang, {
      navigate,
      setLang(next) {
        localStorage.setItem(LANG_KEY, next);
        const url = new URL(location.href);
        if (url.searchParams.has('lang')) url.searchParams.set('lang', next);
        navigate(`${url.pathname}${url.search}`, { replace: true });
      },
      signOut(everywhere) {
        void signOutOnServer(everywhere).then(() => {
          me = null;
          void clearSavedData();
          navigate('/signin', { replace: true });
        });
      },
    });
    shellKey = key;
  }
  shell.setActive(location.pathname);
  const main = shell.main;
  const keep = refocus;
  refocus = null;
  const previous = main.querySelector<HTMLElement>('#view');
  main.replaceChildren();
  if (!first && !options.quiet && !keep) main.focus({ preventScroll: true });
  first = false;

  if (!match) {
    main.append(notFoundNode(lang));
    return;
  }
  const ctx: ViewContext = {
    main, me, lang, params: match.params, search: new URLSearchParams(location.search), signal: controller.signal, previous,
    navigate,
    forbidden(message) {
      if (!controller.signal.aborted) main.replaceChildren(forbiddenNode(lang, me, message));
    },
    setMe(next) {
      me = next;
      void clearSavedData();
    },
  };
  if (match.route.roles && me && !match.route.roles.includes(me.role)) {
    main.replaceChildren(forbiddenNode(lang, me, undefined, t(lang, 'pageNotForRole', { role: t(lang, `role.${me.role}`) })));
    return;
  }
  void loadChunk(VIEWS[match.route.view]).then((m) => (controller.signal.aborted ? undefined : m.view(ctx))).then(() => {
    if (!keep || controller.signal.aborted) return;
    const again = document.getElementById(keep);
    if (again && main.contains(again)) again.focus({ preventScroll: true });
    else main.focus({ preventScroll: true });
  }).catch((e: unknown) => {
    if (controller.signal.aborted) return;
    // The view's code did not arrive (offline before it was ever saved): say so, with a retry.
    main.replaceChildren(errorNode(e, lang, () => render()));
  });
}

// Any 401 means the session is over: sign in again, and come back here afterwards.
setUnauthorizedHandler((error) => {
  if (location.pathname === '/signin') return;
  me = null;
  void clearSavedData();
  const next = `${location.pathname}${location.search}`;
  navigate(`/signin?next=${encodeURIComponent(next)}&reason=${reasonCode(error.message)}`, { replace: true });
});

window.addEventListener('popstate', () => render());
startOffline({
  onChanged: () => {
    if (!refreshed) render({ quiet: true });
  },
  onOffline: (savedAt) => shell?.setOffline(savedAt),
  onOnline: () => {
    shell?.setOffline(false);
    render({ quiet: true });
  },
});
document.addEventListener('cx:view-ready', registerWorker, { once: true });

async function boot(): Promise<void> {
  me = await apiRequest<Me>('GET', '/api/session', { quiet401: true, retries: 0 }).catch(() => null);
  render();
}

void boot();
