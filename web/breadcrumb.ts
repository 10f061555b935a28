// The way back up: prefecture › county › township. Names come from the API's answer (its `path`
// names the ancestors), so until the first answer arrives a deep link shows codes.
import { PREFECTURE_CODE } from '../contracts/codes.ts';
import { t, type Lang } from './i18n.ts';
import { ancestorCodes } from './page-state.ts';

export function renderBreadcrumb(
  nav: HTMLElement,
  area: string,
  names: ReadonlyMap<string, string>,
  lang: Lang,
  onNavigate: (code: string) => void,
  canOpen: (code: string) => boolean = () => true, // areas outside the caller's scope are named, not linked
): void {
  nav.replaceChildren();
  nav.setAttribute('aria-label', t(lang, 'area'));
  const codes = ancestorCodes(area);
  codes.forEach((code, i) => {
    const name = names.get(code) ?? (code === PREFECTURE_CODE ? t(lang, 'prefectureName') : code);
    if (i > 0) nav.append(Object.assign(document.createElement('span'), { className: 'crumb-sep', textContent: '›' }));
    if (i === codes.length - 1 || !canOpen(code)) {
      const last = i === codes.length - 1;
      const span = Object.assign(document.createElement('span'), { className: last ? 'crumb current' : 'crumb', textContent: name });
      if (last) span.setAttribute('aria-current', 'page');
      nav.append(span);
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
