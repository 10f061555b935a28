// Names of the second level of the category tree (beverages.water 饮用水), which the workspace
// shows where a merchant decides what to stock; the shell knows only the top level. From the
// reference file itself, so the names cannot drift from the products' categories (9 KB, 2 KB sent).
import tree from '../../reference/categories.json' with { type: 'json' };
import { categoryName, type Lang } from '../i18n.ts';

const names = new Map<string, { zh: string; en: string }>();
for (const top of tree.categories) {
  names.set(top.code, top);
  for (const child of top.children ?? []) names.set(child.code, child);
}

/** `beverages.water` → 饮用水; a deeper or unknown code → its nearest known ancestor's name. */
export function subCategoryName(code: string, lang: Lang): string {
  const parts = code.split('.');
  for (let n = parts.length; n > 0; n--) {
    const known = names.get(parts.slice(0, n).join('.'));
    if (known) return known[lang];
  }
  return categoryName(code, lang);
}
