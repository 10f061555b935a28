// The filter form: category (applies at once) and the date range (applies on 查询). The end date
// is shown inclusive, as people say "to the 31st"; the API takes the first day not included.
import { TOP_CATEGORIES } from '../contracts/categories.ts';
import { addDays, isCalendarDay } from '../contracts/time.ts';
import { categoryName, t, type Lang } from './i18n.ts';
import type { PageState } from './page-state.ts';

export interface FilterChange {
  category?: string;
  from?: string;
  to?: string;
  colour?: PageState['colour'];
}

export interface Controls {
  element: HTMLFormElement;
  /** Shows the range actually drawn, which fills in what the API chose by default. */
  showRange(from: string, to: string): void;
}

export function createControls(state: PageState, lang: Lang, onChange: (change: FilterChange) => void): Controls {
  const form = document.createElement('form');
  form.className = 'controls';
  form.noValidate = true; // the API checks the range and says what is wrong; see the error state

  // Ids on every field: the shell gives the focus back, after the page is drawn again for a new
  // choice, to the field with the id that had it (web/main.ts); without one, a keyboard user's
  // arrow key on the category sent the focus to the top of the page at each step.
  const category = document.createElement('select');
  category.name = 'category';
  category.id = 'demand-category';
  category.append(new Option(t(lang, 'allCategories'), ''));
  for (const c of TOP_CATEGORIES) category.append(new Option(categoryName(c.code, lang), c.code));
  category.value = state.category;
  category.addEventListener('change', () => onChange({ category: category.value }));

  // How the cells are coloured: one scale for the whole chart (which area sells most), or each week
  // against its row's average week (each area's season and festivals, which one scale drowns when
  // the areas differ in size). Applies at once, as the category does.
  const colour = document.createElement('select');
  colour.name = 'colour';
  colour.id = 'demand-colour';
  colour.append(new Option(t(lang, 'colourAll'), ''), new Option(t(lang, 'colourRow'), 'row'));
  colour.value = state.colour;
  colour.addEventListener('change', () => onChange({ colour: colour.value === 'row' ? 'row' : '' }));

  const from = dateInput('from', state.from);
  // A link with a date that is no day (`to=2026-13-45`) keeps the form: the API's 400 says what is
  // wrong below it, and the form is how to put it right.
  const to = dateInput('to', isCalendarDay(state.to) ? addDays(state.to, -1) : '');

  const apply = Object.assign(document.createElement('button'), { type: 'submit', textContent: t(lang, 'apply') });
  const reset = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: t(lang, 'reset') });
  reset.addEventListener('click', () => onChange({ from: '', to: '' }));

  form.append(labelled(t(lang, 'category'), category), labelled(t(lang, 'colourBy'), colour), labelled(t(lang, 'from'), from), labelled(t(lang, 'to'), to), apply, reset);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange({ from: from.value, to: toExclusive(to.value) });
  });

  return {
    element: form,
    showRange(first, end) {
      from.value = first;
      to.value = addDays(end, -1);
    },
  };

  function labelled(text: string, input: HTMLElement): HTMLLabelElement {
    const label = document.createElement('label');
    label.append(Object.assign(document.createElement('span'), { textContent: text }), input);
    return label;
  }
}

function dateInput(name: string, value: string): HTMLInputElement {
  const input = Object.assign(document.createElement('input'), { type: 'date', name, value, id: `demand-${name}` });
  return input;
}

/** The inclusive end date as the API's exclusive `to`; a blank or half-typed date is passed on as typed. */
function toExclusive(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? addDays(day, 1) : day;
}
