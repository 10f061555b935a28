// Sign-in: login and password, and on the embedded demo one button per demo account. After
// signing in the person lands where they were going (`?next=`), or on their home.
import type { Me, Role } from '../../contracts/auth.ts';
import { ApiRequestError, apiGet, apiRequest } from '../api-client.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { apiMessage, reasonText } from '../messages.ts';
import { fieldRefusal } from '../request-fields.ts';
import { safeNext } from '../../contracts/web-routes.ts';
import { markViewReady } from '../status-view.ts';
import type { View } from '../view.ts';

export const view: View = async (ctx) => {
  const { lang, main, search } = ctx;
  document.title = `${t(lang, 'signInTitle')} · ${t(lang, 'appName')}`;
  const next = safeNext(search.get('next'));
  const notice = reasonText(search.get('reason'), lang);
  const message = h('p', { class: 'form-message', role: 'alert', 'aria-live': 'assertive' }, notice ?? '');
  const login = h('input', { name: 'login', id: 'login', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, t(lang, 'signIn'));
  const form = h('form', { class: 'signin-form', novalidate: true },
    h('label', { for: 'login' }, t(lang, 'login')), login,
    h('label', { for: 'password' }, t(lang, 'password')), password,
    submit, message);

  const done = (me: Me) => {
    ctx.setMe(me);
    ctx.navigate(next, { replace: true });
  };
  async function attempt(request: () => Promise<Me>) {
    submit.disabled = true;
    message.textContent = t(lang, 'signingIn');
    try {
      done(await request());
    } catch (e) {
      message.textContent = e instanceof ApiRequestError ? fieldRefusal(e.field, e.message, lang) ?? apiMessage(e.message, lang) : String(e);
      submit.disabled = false;
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt(() => apiRequest<Me>('POST', '/api/session', { body: { login: login.value.trim(), password: password.value }, quiet401: true }));
  });

  const demo = h('section', { class: 'demo-accounts', hidden: true, 'aria-labelledby': 'demo-title' });
  main.replaceChildren(h('div', { class: 'signin' }, h('h1', {}, t(lang, 'signInTitle')), form, demo));
  login.focus();
  markViewReady(); // the form is what this view is for; the demo list follows

  const accounts = await apiGet<{ accounts: { login: string; role: Role; name: string }[] }>('/api/session/demo', { signal: ctx.signal }).catch(() => ({ accounts: [] }));
  if (accounts.accounts.length === 0 || ctx.signal.aborted) return;
  demo.hidden = false;
  demo.append(
    h('h2', { id: 'demo-title' }, t(lang, 'demoTitle')),
    h('p', { class: 'hint' }, t(lang, 'demoHint')),
    h('ul', {}, accounts.accounts.map((a) => {
      const b = h('button', { type: 'button', class: 'demo-login secondary', 'data-login': a.login },
        h('span', { class: 'demo-name' }, a.name), h('span', { class: 'demo-role' }, `${t(lang, `role.${a.role}`)} · ${a.login}`));
      b.addEventListener('click', () => void attempt(() => apiRequest<Me>('POST', '/api/session/demo', { body: { login: a.login }, quiet401: true })));
      return h('li', {}, b);
    })),
  );
};
