// Top of the product category tree, with display names. Deeper levels (beverages.tea, ...) are
// dotted extensions of these codes; a filter on a code matches everything beneath it.
export interface CategoryInfo {
  code: string;
  zh: string;
  en: string;
}

export const TOP_CATEGORIES: readonly CategoryInfo[] = [
  { code: 'grain_oil', zh: '粮油', en: 'Grain & oil' },
  { code: 'beverages', zh: '饮料酒水', en: 'Beverages' },
  { code: 'snacks', zh: '休闲零食', en: 'Snacks' },
  { code: 'condiments', zh: '调味品', en: 'Condiments' },
  { code: 'dairy', zh: '乳品', en: 'Dairy' },
  { code: 'daily_chem', zh: '日化用品', en: 'Household & personal care' },
  { code: 'household', zh: '日用百货', en: 'Household goods' },
  { code: 'tobacco', zh: '烟草', en: 'Tobacco' },
  { code: 'agri_inputs', zh: '农资', en: 'Farm inputs' },
  { code: 'produce', zh: '本地农特产品', en: 'Local produce' },
  { code: 'crafts', zh: '民族手工艺品', en: 'Ethnic crafts' },
];

export function categoryName(code: string, lang: 'zh' | 'en'): string {
  const top = TOP_CATEGORIES.find((c) => c.code === code.split('.')[0]);
  return top ? top[lang] : code;
}
