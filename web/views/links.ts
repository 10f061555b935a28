// An in-app link: a real <a href> (it can be opened in a new tab, copied, bookmarked) that moves
// within the page on a plain click.
import { h } from '../dom.ts';
import type { ViewContext } from '../view.ts';

export function linkTo(ctx: Pick<ViewContext, 'navigate'>, href: string, ...children: (Node | string)[]): HTMLAnchorElement {
  const a = h('a', { href }, ...children);
  a.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    ctx.navigate(href);
  });
  return a;
}
