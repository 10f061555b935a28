// Tabs as WAI-ARIA describes them: one tab stop for the list, arrows and Home/End move between
// tabs, each tab shows its panel. `onShow` hears which tab opened (the chart loads Vega then).
import { h } from '../dom.ts';

export interface Tab { id: string; label: string; panel: HTMLElement }
export interface Tabs { list: HTMLElement; panels: HTMLElement[]; show(id: string): void; current(): string }

export function createTabs(name: string, label: string, tabs: Tab[], onShow: (id: string) => void = () => undefined): Tabs {
  let current = tabs[0]!.id;
  const buttons = tabs.map((tab) => {
    const b = h('button', { type: 'button', role: 'tab', id: `${name}-tab-${tab.id}`, 'aria-controls': `${name}-panel-${tab.id}`, 'data-tab': tab.id, class: 'wb-tab' }, tab.label);
    b.addEventListener('click', () => show(tab.id, true));
    return b;
  });
  const panels = tabs.map((tab) => {
    tab.panel.id = `${name}-panel-${tab.id}`;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', `${name}-tab-${tab.id}`);
    return tab.panel;
  });
  const list = h('div', { role: 'tablist', class: 'wb-tabs', 'aria-label': label }, buttons);
  list.addEventListener('keydown', (e) => {
    const i = tabs.findIndex((tab) => tab.id === current);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    show(tabs[(next + tabs.length) % tabs.length]!.id, true);
  });

  function show(id: string, focus = false) {
    current = id;
    tabs.forEach((tab, i) => {
      const on = tab.id === id;
      buttons[i]!.setAttribute('aria-selected', String(on));
      buttons[i]!.tabIndex = on ? 0 : -1;
      panels[i]!.hidden = !on;
      if (on && focus) buttons[i]!.focus();
    });
    onShow(id);
  }
  show(current);
  return { list, panels, show: (id) => show(id), current: () => current };
}
