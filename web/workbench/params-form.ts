// One input per `{name:Type}` parameter of the text, redrawn as the text changes; typed values
// are kept by name, so a parameter that disappears and comes back keeps its value.
import { h } from '../dom.ts';
import type { Lang } from '../i18n.ts';
import { baseType, findParams, integerRange, paramValues, valueText, type ParamValues, type SqlParam } from './params.ts';
import { wt } from './strings.ts';

export interface ParamsForm {
  element: HTMLElement;
  update(sql: string): void;
  /** The values to send with the current text. */
  values(): ParamValues;
  params(): SqlParam[];
  set(values: Record<string, unknown>): void;
}

export function createParamsForm(lang: Lang, onRun: () => void): ParamsForm {
  const typed: Record<string, string> = {};
  let params: SqlParam[] = [];
  let shownKey = '';
  const fields = h('div', { class: 'wb-param-fields' });
  const element = h('fieldset', { class: 'wb-params', hidden: true }, h('legend', {}, wt(lang, 'wb.params')), fields);
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); onRun(); }
  });

  const draw = () => {
    element.hidden = params.length === 0;
    fields.replaceChildren(...params.map((p) => {
      const id = `wb-param-${p.name}`;
      const base = baseType(p.type);
      const input = h('input', {
        id, name: p.name, value: typed[p.name] ?? '', autocomplete: 'off', spellcheck: 'false',
        type: base === 'Date' || base === 'Date32' ? 'date' : 'text',
        // A number's keypad on a phone, for the engine's other names of its integers too (INT UNSIGNED).
        inputmode: integerRange(p.type) || /^(Float|Decimal)/.test(base) ? 'decimal' : null,
      });
      input.addEventListener('input', () => { typed[p.name] = input.value; });
      return h('label', { for: id, class: 'wb-param' }, h('span', {}, h('code', {}, p.name), ' ', h('span', { class: 'wb-type' }, p.type)), input);
    }));
  };

  return {
    element,
    update(sql) {
      params = findParams(sql);
      const key = params.map((p) => `${p.name}:${p.type}`).join(',');
      if (key !== shownKey) { shownKey = key; draw(); }
    },
    values: () => paramValues(params, typed),
    params: () => params,
    set(values) {
      for (const [name, v] of Object.entries(values)) typed[name] = valueText(v);
      shownKey = '';
    },
  };
}
