// The web app: who is signed in, which view the address names, and the frame around it. Every
// view has a path of its own (bookmarkable, with its parameters in the query string) and the back
// button works. A session that ends while a page is open sends the person to sign in again, and
// back to the same page afterwards.
import { me as meSchema, type Me } from '../contracts/auth.ts';
import { apiRequest, setUnauthorizedHandler } from './api-client.ts';
import { parseLang, t, type Lang } from './i18n.ts';
import { reasonCode } from './messages.ts';
import { matchRoute, type RouteDef } from './router.ts';
import { buildShell, signOutOnServer, type Shell } from './shell.ts';
import type { View, ViewContext } from './view.ts';
import { accountView } from './views/account.ts';
import { accountsView } from './views/admin-accounts.ts';
import { demandView } from './views/demand.ts';
import { homeView } from './views/home.ts';
import { opsView } from './views/ops.ts';
import { forbiddenNode, notFoundNode } from './views/refusals.ts';
import { signInView } from './views/signin.ts';
import { storeView } from './views/store.ts';
import { storesView } from './views/stores.ts';

const DATA_ROLES = ['merchant', 'official', 'analyst'] as const;
const ROUTES: RouteDef<View>[] = [
  { pattern: '/signin', view: signInView, public: true },
  { pattern: '/', view: homeView },
  { pattern: '/demand', view: demandView, roles: DATA_ROLES },
  { pattern: '/stores', view: storesView, roles: DATA_ROLES },
  { pattern: '/stores/:id', view: storeView, roles: DATA_ROLES },
  { pattern: '/account', view: accountView },
  { pattern: '/admin/accounts', view: accountsView, roles: ['admin'] },
  { pattern: '/admin/ops', view: opsView, roles: ['admin'] },
];

const LANG_KEY = 'cx.lang';
const root = document.getElementById('app') ?? document.body;
let me: Me | null = null;
let shell: Shell | undefined;
let shellKey = '';
let current: AbortController | undefined;
let first = true;

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

function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function render(): void {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const lang = currentLang();
  const match = matchRoute(ROUTES, location.pathname);

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
          navigate('/signin', { replace: true });
        });
      },
    });
    shellKey = key;
  }
  shell.setActive(location.pathname);
  const main = shell.main;
  main.replaceChildren();
  if (!first) main.focus({ preventScroll: true });
  first = false;

  if (!match) {
    main.append(notFoundNode(lang));
    return;
  }
  const ctx: ViewContext = {
    main, me, lang, params: match.params, search: new URLSearchParams(location.search), signal: controller.signal,
    navigate,
    forbidden(message) {
      if (!controller.signal.aborted) main.replaceChildren(forbiddenNode(lang, me, message));
    },
    setMe(next) {
      me = next;
    },
  };
  if (match.route.roles && me && !match.route.roles.includes(me.role)) {
    ctx.forbidden(`${location.pathname}: ${t(lang, `role.${me.role}`)}`);
    return;
  }
  void Promise.resolve(match.route.view(ctx)).catch((e: unknown) => {
    if (!controller.signal.aborted) console.error(e);
  });
}

// Any 401 means the session is over: sign in again, and come back here afterwards.
setUnauthorizedHandler((error) => {
  if (location.pathname === '/signin') return;
  me = null;
  const next = `${location.pathname}${location.search}`;
  navigate(`/signin?next=${encodeURIComponent(next)}&reason=${reasonCode(error.message)}`, { replace: true });
});

window.addEventListener('popstate', render);

async function boot(): Promise<void> {
  me = await apiRequest('GET', '/api/session', meSchema, { quiet401: true }).catch(() => null);
  render();
}

void boot();
