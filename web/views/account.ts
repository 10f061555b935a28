// The signed-in person's own account: who they are and what they may see, a new password, API
// tokens for their scripts (shown once), and signing out on every device.
import type { ApiToken, Me } from '../../contracts/auth.ts';
import { formatShanghaiTime, shanghaiDay } from '../../contracts/time.ts';
import { apiGet, apiRequest, ApiRequestError } from '../api-client.ts';
import { h, table } from '../dom.ts';
import { fillSlots, t } from '../i18n.ts';
import { apiMessage } from '../messages.ts';
import { fieldName, fieldRefusal } from '../request-fields.ts';
import { errorNode, formRefusal, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { scopeWords } from './refusals.ts';

export const view: View = async (ctx) => {
  const { lang, main, me, signal } = ctx;
  document.title = `${t(lang, 'accountTitle')} · ${t(lang, 'appName')}`;

  const message = h('p', { class: 'form-message', role: 'status' });
  const current = h('input', { type: 'password', id: 'current', name: 'current', autocomplete: 'current-password' });
  const next = h('input', { type: 'password', id: 'next', name: 'next', autocomplete: 'new-password', minlength: 8 });
  const passwordForm = h('form', { class: 'stacked', novalidate: true },
    h('label', { for: 'current' }, t(lang, 'currentPassword')), current,
    h('label', { for: 'next' }, t(lang, 'newPassword')), next,
    h('button', { type: 'submit' }, t(lang, 'save')), message);
  passwordForm.addEventListener('submit', (event) => {
    event.preventDefault();
    apiRequest<Me>('PUT', '/api/account/password', { body: { current: current.value, next: next.value } }).then((updated) => {
      ctx.setMe(updated);
      current.value = '';
      next.value = '';
      message.textContent = t(lang, 'passwordChanged');
    }, (e) => { message.textContent = e instanceof ApiRequestError ? fieldRefusal(e.field, e.message, lang) ?? apiMessage(e.message, lang) : String(e); });
  });

  const tokens = h('section', { id: 'view', class: 'view', 'data-view': 'tokens' });
  const tokenName = h('input', { id: 'token-name', name: 'name', required: true, maxlength: 64 });
  const tokenDays = h('input', { id: 'token-days', name: 'days', type: 'number', min: 1, max: 3650, inputmode: 'numeric' });
  const shown = h('div', { class: 'once', 'aria-live': 'polite' });
  let shownId: string | null = null; // the token whose secret `shown` holds
  const tokenForm = h('form', { class: 'inline', novalidate: true },
    h('label', { for: 'token-name' }, t(lang, 'tokenName')), tokenName,
    h('label', { for: 'token-days' }, t(lang, 'tokenDays')), tokenDays,
    h('button', { type: 'submit' }, t(lang, 'makeToken')));
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    // Empty is no expiry; anything typed goes as typed, so 0 is refused rather than taken for empty.
    // What the browser cannot read as a number ("1e", "-") it reports as empty: said so here.
    if (tokenDays.validity.badInput) {
      const field = fieldName('expiresInDays', lang);
      shown.replaceChildren(h('div', { role: 'alert' }, h('div', { class: 'error-text' }, lang === 'zh'
        ? t(lang, 'errorFormReason', { field, why: '须为整数' }) : `${field.charAt(0).toUpperCase()}${field.slice(1)}: must be a whole number`)));
      tokenDays.focus();
      return;
    }
    const typed = tokenDays.value.trim();
    const days = typed === '' ? undefined : Number(typed);
    apiRequest<ApiToken & { token: string }>('POST', '/api/account/tokens', { body: { name: tokenName.value, ...(days === undefined ? {} : { expiresInDays: days }) } }).then((made) => {
      shown.replaceChildren(h('p', {}, t(lang, 'tokenOnce')), h('code', { class: 'secret' }, made.token));
      shownId = made.id;
      tokenName.value = '';
      void loadTokens();
    }, (e) => shown.replaceChildren(h('div', { role: 'alert' }, ...formRefusal(e, lang))));
  });

  const everywhere = h('button', { type: 'button', class: 'secondary' }, t(lang, 'signOutEverywhere'));
  everywhere.addEventListener('click', () => {
    void apiRequest('POST', '/api/session/sign-out-everywhere', { quiet401: true }).finally(() => {
      ctx.setMe(null);
      ctx.navigate('/signin?reason=everywhere', { replace: true });
    });
  });

  main.replaceChildren(
    h('h1', {}, t(lang, 'accountTitle')),
    h('dl', { class: 'facts' },
      h('dt', {}, t(lang, 'login')), h('dd', {}, me!.login),
      h('dt', {}, t(lang, 'name')), h('dd', {}, me!.name),
      h('dt', {}, t(lang, 'role')), h('dd', {}, t(lang, `role.${me!.role}`)),
      h('dt', {}, t(lang, 'scope')), h('dd', {}, scopeWords(me, lang)),
      // On Chuxiong's clock, year first (en-GB's 09/12/2026 read as September to some).
      me!.sessionExpiresAt ? [h('dt', {}, t(lang, 'sessionUntil')), h('dd', {}, formatShanghaiTime(Date.parse(me!.sessionExpiresAt)).slice(0, 16))] : null),
    h('section', {}, h('h2', {}, t(lang, 'changePassword')), passwordForm),
    h('section', {}, h('h2', {}, t(lang, 'tokensTitle')), h('p', { class: 'hint' }, t(lang, 'tokensHint')), tokenForm, shown, tokens),
    h('section', {}, h('h2', {}, t(lang, 'signOutEverywhere')), everywhere),
  );

  async function loadTokens() {
    setViewState(tokens, 'loading', loadingNode(lang));
    try {
      const list = await apiGet<{ tokens: ApiToken[] }>('/api/account/tokens', { signal });
      if (signal.aborted) return;
      setViewState(tokens, 'ready', list.tokens.length === 0 ? h('p', { class: 'muted' }, t(lang, 'noneYet')) : h('div', { class: 'table-scroll', tabindex: 0 }, table(
        [t(lang, 'tokenName'), 'ID', t(lang, 'created'), t(lang, 'expires'), t(lang, 'statusCol'), t(lang, 'actionsCol')],
        list.tokens.map((tok) => {
          const revoke = h('button', { type: 'button', class: 'secondary small' }, t(lang, 'revoke'));
          // Asked first: a script using it stops at once, for good. A revoked token's secret, still on
          // screen from its making, goes (it was there to be copied).
          revoke.addEventListener('click', () => {
            if (!window.confirm(fillSlots(t(lang, 'confirmRevoke'), { name: tok.name }))) return;
            void apiRequest('DELETE', `/api/account/tokens/${tok.id}`).then(() => {
              if (shownId === tok.id) { shown.replaceChildren(); shownId = null; }
              return loadTokens();
            });
          });
          // Days on the county's calendar: a token made at 07:00 in Chuxiong is still the day before in UTC.
          return [tok.name, h('code', {}, tok.id), shanghaiDay(Date.parse(tok.createdAt)), tok.expiresAt ? shanghaiDay(Date.parse(tok.expiresAt)) : t(lang, 'never'),
            // A token's state, not a shop's: 运营中 ("in operation") said nothing about a key.
            tok.state === 'revoked' ? t(lang, 'revoked') : tok.state === 'expired' ? t(lang, 'tokenExpired') : t(lang, 'tokenValid'),
            tok.revoked ? '' : revoke];
        }), { cardsOnPhone: true })));
    } catch (e) {
      if (!signal.aborted) setViewState(tokens, 'error', errorNode(e, lang, () => void loadTokens()));
    }
  }
  await loadTokens();
};
