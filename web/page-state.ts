// What the heatmap page shows, kept in the address bar so a view can be bookmarked, shared and
// reached with the back button. Empty strings mean "the API's default" (the caller's home area,
// all categories, the last 12 weeks with data) or, for the colour, one scale for the whole chart.
import type { HeatmapQuery } from '../contracts/demand.ts';

export interface PageState {
  area: string; // '' for the caller's home area
  category: string; // '' for all categories
  from: string; // first day, '' for the API's default range
  to: string; // first day NOT included, as the API takes it; '' for the default
  colour: '' | 'row'; // '' one scale for the whole chart; 'row' each week against its row's average week
}

export function parsePageState(search: string): PageState {
  const p = new URLSearchParams(search);
  return { area: p.get('area') ?? '', category: p.get('category') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '', colour: p.get('colour') === 'row' ? 'row' : '' };
}

/** `?area=532302&category=beverages`; defaults are left out so the plain URL stays plain. */
export function pageStateSearch(state: PageState): string {
  const p = new URLSearchParams();
  if (state.area) p.set('area', state.area);
  if (state.category) p.set('category', state.category);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.colour) p.set('colour', state.colour);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The API request for a state. Not validated here: the API owns the rules, and its 400 message is what the user sees. */
export function heatmapQueryOf(state: PageState): HeatmapQuery {
  return {
    ...(state.area ? { area: state.area } : {}),
    ...(state.category ? { category: state.category } : {}),
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
  };
}

/** Codes from the prefecture down to `area`: 532302101 → 5323, 532302, 532302101. */
export function ancestorCodes(area: string): string[] {
  return [4, 6, 9, 12].filter((n) => n <= area.length).map((n) => area.slice(0, n));
}
