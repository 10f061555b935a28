// Saving a query: name, description and who may see it (the owner alone, or every analyst). The
// owner of an opened query saves a new version of it; anyone may save a copy as a new query.
import { ApiRequestError } from '../api-client.ts';
import { h } from '../dom.ts';
import type { Lang } from '../i18n.ts';
import { wt } from './strings.ts';

export interface SaveFields { name: string; description: string; shared: boolean }
export type SaveMode = 'version' | 'new';

export function openSaveDialog(lang: Lang, initial: SaveFields & { canVersion: boolean }, save: (fields: SaveFields, mode: SaveMode) => Promise<void>): void {
  const name = h('input', { id: 'wb-save-name', name: 'name', required: true, maxlength: 200, value: initial.name, autocomplete: 'off' });
  const description = h('textarea', { id: 'wb-save-description', name: 'description', maxlength: 5000, rows: 3 });
  description.value = initial.description;
  const radio = (value: string, label: string, checked: boolean) => h('label', { class: 'wb-radio' },
    h('input', { type: 'radio', name: 'sharing', value, checked }), ' ', label);
  const message = h('p', { class: 'form-message', role: 'alert' });
  const asVersion = initial.canVersion ? h('button', { type: 'submit', value: 'version', class: 'wb-save-version' }, wt(lang, 'wb.saveVersion')) : null;
  const asNew = h('button', { type: 'submit', value: 'new', class: initial.canVersion ? 'secondary wb-save-new' : 'wb-save-new' }, wt(lang, 'wb.saveNew'));
  const cancel = h('button', { type: 'button', class: 'secondary' }, wt(lang, 'wb.cancel'));
  const form = h('form', { class: 'stacked wb-save-form', method: 'dialog' },
    h('h2', { id: 'wb-save-title' }, wt(lang, 'wb.saveTitle')),
    h('label', { for: 'wb-save-name' }, wt(lang, 'wb.name')), name,
    h('label', { for: 'wb-save-description' }, wt(lang, 'wb.description')), description,
    h('fieldset', { class: 'wb-sharing' }, h('legend', {}, wt(lang, 'wb.sharing')),
      radio('private', wt(lang, 'wb.private'), !initial.shared), radio('analyst', wt(lang, 'wb.sharedAnalysts'), initial.shared)),
    message,
    h('div', { class: 'row-actions' }, asVersion, asNew, cancel));
  const dialog = h('dialog', { class: 'wb-dialog', 'aria-labelledby': 'wb-save-title' }, form);
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const mode = ((event.submitter as HTMLButtonElement | null)?.value ?? (initial.canVersion ? 'version' : 'new')) as SaveMode;
    if (!name.value.trim()) { message.textContent = wt(lang, 'wb.nameRequired'); name.focus(); return; }
    const shared = (form.elements.namedItem('sharing') as RadioNodeList).value === 'analyst';
    for (const b of [asVersion, asNew]) if (b) b.disabled = true;
    message.textContent = wt(lang, 'wb.saving');
    save({ name: name.value.trim(), description: description.value, shared }, mode).then(() => dialog.close(), (e: unknown) => {
      message.textContent = e instanceof ApiRequestError && e.status === 409 ? wt(lang, 'wb.stale') : e instanceof Error ? e.message : String(e);
      for (const b of [asVersion, asNew]) if (b) b.disabled = false;
    });
  });
  document.body.append(dialog);
  dialog.showModal();
  name.focus();
}
