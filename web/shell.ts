// The frame around every view: the platform's name, the navigation of the caller's role, who is
// signed in with a way out, the language switch, and the freshness line (the newest event of each
// stream). The sign-in page gets the frame without navigation.
import type { Me } from '../contracts/auth.ts';
import type { Freshness } from '../contracts/platform.ts';
import { apiGet, apiRequest } from './api-client.ts';
import { h } from './dom.ts';
import { t, type Lang } from './i18n.ts';
import { navFor } from './nav.ts';
import { markScrollEdges, markTableEdges, revealInRow } from './scroll-edges.ts';

export interface ShellActions {
  navigate(url: string): void;
  setLang(lang: Lang): void;
  signOut(everywhere: boolean): void;
}

export interface Shell {
  main: HTMLElement;
  setActive(pathname: string): void;
  /** Says the page is offline: with the time of the saved answer shown, or (null) without claiming one; false hides the notice. */
  setOffline(savedAt: string | null | false): void;
}

let freshnessTimer: ReturnType<typeof setInterval> | undefined;

export function buildShell(root: HTMLElement, me: Me | null, lang: Lang, actions: ShellActions): Shell {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const link = (path: string, text: string, className?: string) => {
    const a = h('a', { href: path, class: className ?? null }, text);
    a.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      actions.navigate(path);
    });
    return a;
  };

  const langToggle = h('button', { type: 'button', class: 'lang-toggle secondary' }, t(lang, 'langToggle'));
  langToggle.addEventListener('click', () => actions.setLang(lang === 'zh' ? 'en' : 'zh'));

  const nav = me ? h('nav', { class: 'mainnav', 'aria-label': t(lang, 'nav.home') },
    navFor(me.role).map((item) => link(item.path, t(lang, item.label)))) : null;
  if (nav) markScrollEdges(nav);

  let user: HTMLElement | null = null;
  if (me) {
    const out = h('button', { type: 'button', class: 'secondary sign-out' }, t(lang, 'signOut'));
    out.addEventListener('click', () => actions.signOut(false));
    const role = t(lang, `role.${me.role}`);
    user = h('div', { class: 'user' },
      link('/account', `${me.name}`, 'user-name'),
      // Not said twice where the name says it already (数据分析员（演示） 数据分析员).
      me.name.includes(role) ? null : h('span', { class: 'user-role' }, role),
      out);
  }

  const main = h('main', { id: 'main', tabindex: '-1' });
  markTableEdges(main);
  const offline = h('div', { class: 'offline-notice', role: 'status', hidden: true });
  const loading = h('div', { class: 'history-notice', role: 'status', hidden: true });
  const footer = h('footer', { class: 'freshness', 'aria-live': 'polite' });
  root.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, t(lang, 'skipToContent')),
    h('header', { class: 'topbar' }, link('/', t(lang, 'appName'), 'brand'), nav, h('div', { class: 'topbar-end' }, user, langToggle)),
    offline,
    loading,
    main,
    footer,
  );

  clearInterval(freshnessTimer);
  if (me) {
    // Every minute; every ten seconds while past data loads, so the notice follows it and goes.
    const refresh = () => void apiGet<Freshness>('/api/freshness').then((f) => {
      showFreshness(footer, f, lang);
      showBackfill(loading, f, lang);
      const every = f.backfill ? 10_000 : 60_000;
      if (every !== interval) schedule(every);
    }, () => undefined);
    let interval = 0;
    const schedule = (every: number) => {
      clearInterval(freshnessTimer);
      interval = every;
      freshnessTimer = setInterval(refresh, every);
    };
    refresh();
    schedule(60_000);
  }

  return {
    main,
    setOffline(savedAt) {
      offline.hidden = savedAt === false;
      if (savedAt === false) return;
      const when = savedAt ? new Date(savedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }) : null;
      offline.textContent = when ? t(lang, 'offlineWithTime', { time: when }) : t(lang, 'offline');
    },
    setActive(pathname) {
      for (const a of nav?.querySelectorAll('a') ?? []) {
        const path = a.getAttribute('href')!;
        const active = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
        if (active) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      // On a phone the current page's item may lie beyond the edge: bring it into the row.
      const current = nav?.querySelector<HTMLElement>('a[aria-current="page"]');
      if (nav && current) revealInRow(nav, current);
    },
  };
}

/** While a first start loads past data, every page says its earlier weeks and months (a year ago)
 *  are not complete: a ¥0.00 last year read as no sales then. */
function showBackfill(notice: HTMLElement, f: Freshness, lang: Lang): void {
  notice.hidden = f.backfill === null;
  notice.textContent = f.backfill ? t(lang, 'backfillNotice', { done: String(f.backfill.daysLoaded), total: String(f.backfill.daysTotal) }) : '';
}

function showFreshness(footer: HTMLElement, f: Freshness, lang: Lang): void {
  const parts = f.streams.map((s) => `${t(lang, `stream.${s.stream}`)} ${s.latest ? s.latest.slice(0, 16) : t(lang, 'noneYet')}`);
  footer.textContent = `${t(lang, 'freshness')}${lang === 'zh' ? '：' : ': '}${parts.join(' · ')}`;
  footer.dataset.checkedAt = f.checkedAt;
}

/** Ends this session (or every session of the account) on the server. */
export async function signOutOnServer(everywhere: boolean): Promise<void> {
  await apiRequest(everywhere ? 'POST' : 'DELETE', everywhere ? '/api/session/sign-out-everywhere' : '/api/session', { quiet401: true }).catch(() => undefined);
}
