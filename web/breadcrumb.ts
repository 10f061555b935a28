// The way back up: prefecture › county › township. Names come from the API's answer (its `path`
// names the ancestors), so until the first answer arrives a deep link shows codes.
import { PREFECTURE_CODE } from '../contracts/demand.ts';
import { t, type Lang } from './i18n.ts';
import { ancestorCodes } from './page-state.ts';

export function renderBreadcrumb(
  nav: HTMLElement,
  area: string,
  names: ReadonlyMap<string, string>,
  lang: Lang,
  onNavigate: (code: string) => void,
): void {
  nav.replaceChildren();
  nav.setAttribute('aria-label', t(lang, 'area'));
  const codes = ancestorCodes(area);
  codes.forEach((code, i) => {
    const name = names.get(code) ?? (code === PREFECTURE_CODE ? t(lang, 'prefectureName') : code);
    if (i > 0) nav.append(Object.assign(document.createElement('span'), { className: 'crumb-sep', textContent: '›' }));
    if (i === codes.length - 1) {
      const current = Object.assign(document.createElement('span'), { className: 'crumb current', textContent: name });
      current.setAttribute('aria-current', 'page');
      nav.append(current);
      return;
    }
    const link = Object.assign(document.createElement('a'), { className: 'crumb', textContent: name, href: `?area=${code}` });
    link.dataset.area = code;
    link.addEventListener('click', (event) => {
      event.preventDefault(); // navigate in-page, keeping category, range and language
      onNavigate(code);
    });
    nav.append(link);
  });
}
