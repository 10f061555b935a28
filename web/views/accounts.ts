// Administrators manage accounts: the list, a form for a new one (role first; an official needs
// an area, a merchant stores), and per account an edit of its name and scope (the same form, its
// login and role fixed), disable/enable, a new password, ending its sessions. A password made by
// the platform is shown once.
import '../shell-modules.ts';
import type { Account } from '../../contracts/auth.ts';
import { ROLES, type Role } from '../../contracts/codes.ts';
import { apiGet, apiRequest } from '../api-client.ts';
import { h, table } from '../dom.ts';
import { listSep, paren, t } from '../i18n.ts';
import { errorNode, formRefusal, loadingNode, setViewState } from '../status-view.ts';
import { scopePickers, typedIds } from '../scope-pickers.ts';
import { SCOPE_REASONS } from '../scope-reasons.ts';
import type { View } from '../view.ts';
import { at } from './admin-strings.ts';

// Said only on this page: kept here, out of the strings every page's first load carries.
export const view: View = async (ctx) => {
  const { lang, main, signal } = ctx;
  document.title = `${at(lang, 'accountsTitle')} · ${t(lang, 'appName')}`;
  const list = h('section', { id: 'view', class: 'view', 'data-view': 'accounts' });
  const notice = h('div', { class: 'once', 'aria-live': 'polite', tabindex: -1 });

  const login = h('input', { id: 'new-login', name: 'login', autocapitalize: 'none', spellcheck: 'false' });
  const name = h('input', { id: 'new-name', name: 'name' });
  // A shop owner's account by default, the one a bureau makes most, and the least it can see: an
  // administrator is chosen, never made by pressing 创建 on an untouched form.
  const role = h('select', { id: 'new-role', name: 'role' }, ROLES.map((r) => h('option', { value: r, selected: r === 'merchant' }, t(lang, `role.${r}`))));
  // Worded as examples: a bare code in grey read as a value already filled in.
  const area = h('input', { id: 'new-area', name: 'areaCode', inputmode: 'numeric', placeholder: at(lang, 'areaCodeExample') });
  const stores = h('input', { id: 'new-stores', name: 'storeIds', placeholder: at(lang, 'storeIdsExample') });
  const picker = scopePickers(lang, area, stores);
  const areaField = h('div', { class: 'field' }, h('label', { for: 'new-area' }, at(lang, 'areaCode')), area, picker.areaNode);
  const storesField = h('div', { class: 'field-group' }, h('div', { class: 'field' }, h('label', { for: 'new-stores' }, at(lang, 'storeIds')), stores), picker.storeNode);
  const showScope = () => {
    areaField.hidden = role.value !== 'official';
    storesField.hidden = role.value !== 'merchant';
    if (!areaField.hidden || !storesField.hidden) picker.load();
  };
  role.addEventListener('change', showScope);
  showScope();
  const submit = h('button', { type: 'submit' }, at(lang, 'create'));
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, at(lang, 'cancelEdit'));
  const form = h('form', { class: 'inline create-account', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'new-login' }, t(lang, 'login')), login),
    h('div', { class: 'field' }, h('label', { for: 'new-name' }, t(lang, 'name')), name),
    h('div', { class: 'field' }, h('label', { for: 'new-role' }, t(lang, 'role')), role),
    areaField, storesField,
    submit, cancel);
  const heading = h('h2', { id: 'account-form-title' }, at(lang, 'createAccount'));

  // The account being edited, or null while the form makes a new one.
  let editing: Account | null = null;
  function edit(a: Account | null) {
    editing = a;
    form.reset();
    login.readOnly = a !== null;
    role.disabled = a !== null;
    if (a) {
      login.value = a.login;
      name.value = a.name;
      role.value = a.role;
      area.value = a.areaCode ?? '';
      stores.value = a.storeIds.join(', ');
    }
    heading.textContent = a ? at(lang, 'editAccount', { login: a.login }) : at(lang, 'createAccount');
    submit.textContent = a ? at(lang, 'saveChanges') : at(lang, 'create');
    cancel.hidden = a === null;
    picker.update();
    showScope();
    if (a) {
      heading.scrollIntoView({ block: 'start' });
      name.focus({ preventScroll: true });
    }
  }
  cancel.addEventListener('click', () => edit(null));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    notice.replaceChildren();
    const r = role.value as Role;
    // As typed, even empty: left out of a change it would keep the old area and say "saved".
    const scope = {
      ...(r === 'official' ? { areaCode: area.value.trim() } : {}),
      ...(r === 'merchant' ? { storeIds: typedIds(stores.value) } : {}),
    };
    if (editing) {
      const who = editing.login;
      apiRequest<Account>('PATCH', `/api/accounts/${encodeURIComponent(who)}`, { body: { name: name.value.trim() || who, ...scope } }).then(() => {
        say([h('p', {}, at(lang, 'savedAccount', { login: who }))]);
        edit(null);
        void load(true);
      }, fail);
      return;
    }
    const body = {
      // Logins are lower case (contracts/auth.ts): 'Zhang.Wei' typed is zhang.wei, not a refusal.
      login: login.value.trim().toLowerCase(), name: name.value.trim() || login.value.trim(), role: r, ...scope,
    };
    apiRequest<{ account: Account; password: string | null }>('POST', '/api/accounts', { body }).then((made) => {
      showOnce(at(lang, 'createdWithPassword', { login: made.account.login }), made.password ?? '');
      edit(null); // an empty form for the next one
      void load(true);
    }, fail);
  });

  main.replaceChildren(h('h1', {}, at(lang, 'accountsTitle')), h('section', { 'aria-labelledby': 'account-form-title' }, heading, form), notice, list);

  /** What the last action said, in place of what the one before said, brought into view: a
   *  password shown once must not appear 3,000 px above a phone's screen. `focus` for what is to be
   *  read and copied; a refusal leaves the keyboard where it was, at the field to change. */
  function say(nodes: Node[], focus = false) {
    notice.replaceChildren(...nodes);
    notice.scrollIntoView({ block: 'nearest' });
    if (focus) notice.focus({ preventScroll: true });
  }
  function showOnce(text: string, secret: string) {
    say([h('p', {}, text), h('code', { class: 'secret' }, secret)], true);
  }
  function fail(e: unknown) {
    say([h('div', { role: 'alert' }, ...formRefusal(e, lang, SCOPE_REASONS))]);
  }

  function actions(a: Account): HTMLElement {
    // What locks a person out or replaces their password asks first: one slip on a phone's row of
    // small buttons must not do it.
    const button = (label: string, run: () => Promise<unknown>, ask?: string) => {
      const b = h('button', { type: 'button', class: 'secondary small', 'data-action': label }, label);
      b.addEventListener('click', () => {
        if (ask && !window.confirm(ask)) return;
        notice.replaceChildren(); // the last action's words are not about this one
        void run().then(() => load(true), fail);
      });
      return b;
    };
    const path = `/api/accounts/${encodeURIComponent(a.login)}`;
    // No "disable" on one's own account: the API refuses it (it would sign them out, and leave a
    // sole administrator locked out); another administrator may.
    const own = a.login === ctx.me?.login;
    const change = h('button', { type: 'button', class: 'secondary small', 'data-action': 'edit' }, at(lang, 'edit'));
    change.addEventListener('click', () => { notice.replaceChildren(); edit(a); });
    return h('span', { class: 'row-actions' }, change,
      own && !a.disabled ? null : button(a.disabled ? at(lang, 'enable') : at(lang, 'disable'), () => apiRequest<Account>('PATCH', path, { body: { disabled: !a.disabled } }),
        a.disabled ? undefined : at(lang, 'confirmDisable', { login: a.login })),
      button(at(lang, 'resetPassword'), () => apiRequest<{ login: string; password: string }>('POST', `${path}/password`).then((p) => showOnce(at(lang, 'newPasswordOnce', { login: p.login }), p.password)),
        at(lang, 'confirmReset', { login: a.login })),
      button(at(lang, 'endSessions'), () => apiRequest('POST', `${path}/sign-out`).then(() => say([h('p', {}, `${a.login}: ${t(lang, 'done')}`)]))));
  }

  /** An official's area by name and code (as a refusal names a scope); a merchant's stores by name
   *  and place (shop names repeat from village to village) with their ids. Codes until the
   *  directory is read, or if it cannot be. */
  function fillScope(cell: HTMLElement, a: Account) {
    if (a.areaCode !== null && a.areaCode !== undefined) {
      const name = picker.areaName(a.areaCode);
      cell.replaceChildren(name ? `${name}${paren(lang, a.areaCode)}` : a.areaCode);
      return;
    }
    // An analyst reads everything; an administrator runs the platform: its accounts and operations ("—" left
    // them looking unrestricted, or scopeless).
    if (a.role === 'analyst' || a.role === 'admin') {
      cell.replaceChildren(at(lang, a.role === 'analyst' ? 'scopeAllData' : 'scopePlatform'));
      return;
    }
    // The id beside the name: the form asks for ids, and a phone has no tooltip to show one.
    cell.replaceChildren(...(a.storeIds.length === 0 ? ['—'] : a.storeIds.flatMap((id, i) => {
      const s = picker.store(id);
      return [i > 0 ? listSep(lang) : '', h('span', { 'data-id': id }, s ? `${s.name}${paren(lang, s.place)} ` : '', h('code', { class: 'scope-id' }, id))];
    })));
  }

  /** `again`: after an action, the list stays as it is until the new one comes (the page jumped to
   *  the top as the list gave way to the loading line). */
  async function load(again = false) {
    if (!again) setViewState(list, 'loading', loadingNode(lang));
    try {
      const { accounts } = await apiGet<{ accounts: Account[] }>('/api/accounts', { signal });
      if (signal.aborted) return;
      const scopes = accounts.map((a) => {
        const cell = h('span', { class: 'scope-cell' });
        fillScope(cell, a);
        return cell;
      });
      setViewState(list, 'ready', h('div', { class: 'table-scroll', tabindex: 0 }, table(
        [t(lang, 'login'), t(lang, 'name'), t(lang, 'role'), t(lang, 'scope'), t(lang, 'statusCol'), t(lang, 'actionsCol')],
        accounts.map((a, i) => [h('code', {}, a.login), a.name, t(lang, `role.${a.role}`), scopes[i]!,
          a.disabled ? at(lang, 'disabled') : at(lang, 'enabledLabel'), actions(a)]),
        { className: 'data accounts', cardsOnPhone: true })));
      // The names come with the directory the pickers read (once), without holding the list back
      // on a weak signal.
      void picker.load().then(() => { if (!signal.aborted) accounts.forEach((a, i) => fillScope(scopes[i]!, a)); });
    } catch (e) {
      if (!signal.aborted) setViewState(list, 'error', errorNode(e, lang, () => void load()));
    }
  }
  await load();
};
