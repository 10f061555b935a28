// The 403 and 404 pages. A 403 says, in the reader's words, that this is outside their scope and
// what their scope is; the API's own message (English, naming the scope by code) is kept for
// whoever helps them, folded away under "technical detail" so the page reads in one language.
import type { Me } from '../../contracts/auth.ts';
import { h } from '../dom.ts';
import { listSep, paren, t, type Lang } from '../i18n.ts';
import { technicalDetail } from '../status-view.ts';

export function scopeWords(me: Me | null, lang: Lang): string {
  if (!me) return '';
  if (me.role === 'merchant') return me.storeIds.join(listSep(lang));
  if (me.role === 'admin') return t(lang, 'role.admin');
  const code = me.areaCode ?? me.homeArea ?? '';
  return `${me.areaNames[code] ?? code}${paren(lang, code)}`;
}

/** `detail`: the API's message; `reason`: a sentence already in the reader's language. */
export function forbiddenNode(lang: Lang, me: Me | null, detail?: string, reason?: string): HTMLElement {
  document.title = `${t(lang, 'forbiddenTitle')} · ${t(lang, 'appName')}`;
  // In the place of the view, as the view's error: a page (or a script) waiting for #view[data-state] is not left waiting.
  return h('section', { id: 'view', class: 'refusal forbidden', 'data-status': '403', 'data-state': 'error' },
    h('h1', {}, `403 · ${t(lang, 'forbiddenTitle')}`),
    h('p', { class: 'reason' }, reason ?? t(lang, 'forbiddenHint')),
    me ? h('p', { class: 'scope' }, t(lang, 'yourScope', { scope: scopeWords(me, lang) })) : null,
    detail ? technicalDetail(lang, detail) : null,
    h('p', {}, h('a', { href: '/', 'data-link': true }, t(lang, 'backHome'))));
}

export function notFoundNode(lang: Lang): HTMLElement {
  document.title = `${t(lang, 'notFoundTitle')} · ${t(lang, 'appName')}`;
  return h('section', { class: 'refusal not-found', 'data-status': '404' },
    h('h1', {}, `404 · ${t(lang, 'notFoundTitle')}`),
    h('p', {}, t(lang, 'notFoundHint')),
    h('p', {}, h('a', { href: '/', 'data-link': true }, t(lang, 'backHome'))));
}
