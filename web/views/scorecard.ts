// The plan's scorecard: each target with its actual, status (in words, not only colour), how the
// actual was computed and a link to the view that shows it. An official edits a target in place.
import '../shell-modules.ts';
import type { PlanTarget, ScorecardResponse } from '../../contracts/officials.ts';
import { targetAmount, targetUnit } from '../../contracts/officials-words.ts';
import { apiGet, apiRequest, ApiRequestError, withQuery } from '../api-client.ts';
import { cockpitState, cockpitTabs, monthPicker } from '../cockpit-frame.ts';
import { h, table } from '../dom.ts';
import { colon, listSep, t } from '../i18n.ts';
import { errorNode, formRefusal, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { linkTo } from './links.ts';
import { ct, type CockpitKey } from './cockpit-strings.ts';

const NUMERAL: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/** Where a target comes from: the plan's clause, quoted as the plan says it. An English reader gets
 *  the clause's number in digits before the quotation (四：… is "Plan §4: …", 五（四）4：… "§5(4)4");
 *  the quotation stays in Chinese, marked so, since it is the plan's own wording. */
export function planClause(source: string, lang: 'zh' | 'en'): (Node | string)[] {
  const m = /^([一二三四五六七八九十])(?:（([一二三四五六七八九十])）)?(\d*)：(.+)$/.exec(source);
  if (lang === 'zh' || !m) return [source];
  const [, part, sub, item, quote] = m;
  return [`Plan §${NUMERAL[part!]}${sub ? `(${NUMERAL[sub]})` : ''}${item}: `, h('span', { lang: 'zh-CN' }, quote!)];
}

const STATUS: Record<string, CockpitKey> = { met: 'statusMet', on_track: 'statusOnTrack', behind: 'statusBehind', missed: 'statusMissed', no_data: 'statusNoData' };

/** What the last save said, shown once on the page drawn after it. */
let justSaved: string | null = null;

export const view: View = async (ctx) => {
  const { lang, main, signal, me } = ctx;
  const state = cockpitState(ctx);
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'scorecard' });
  main.replaceChildren(cockpitTabs(ctx, '/cockpit/scorecard', state), section);
  setViewState(section, 'loading', loadingNode(lang));
  let d: ScorecardResponse;
  try {
    // The month chosen on the cockpit's other tabs: the targets as they stood then.
    d = await apiGet<ScorecardResponse>(withQuery('/api/official/scorecard', { area: state.area, month: state.month }), { signal });
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof ApiRequestError && e.status === 403) return ctx.forbidden(e.message);
    return setViewState(section, 'error', errorNode(e, lang, () => void view(ctx),
      () => ctx.navigate(withQuery('/cockpit/scorecard', e instanceof ApiRequestError && e.field === 'area' ? {} : { area: state.area }))));
  }
  if (signal.aborted) return;
  document.title = `${d.area.name} · ${ct(lang, 'tab.scorecard')}`;
  const canEdit = me!.role === 'official';
  const message = h('div', { class: 'form-message', role: 'status' });

  const editor = (target: PlanTarget) => {
    const value = h('input', { type: 'number', step: 'any', name: 'target', value: target.target, 'aria-label': `${ct(lang, 'targetCol')}${colon(lang)}${lang === 'zh' ? target.labelZh : target.labelEn}` });
    const save = h('button', { type: 'submit', class: 'secondary small' }, ct(lang, 'saveTarget'));
    const unit = targetUnit(target.unit, lang);
    const form = h('form', { class: 'inline target-edit', 'data-target': target.id }, value, unit ? h('span', { class: 'target-unit' }, unit) : null, save);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // An emptied box is no value: Number('') is 0, which was saved and judged "met".
      if (value.value.trim() === '' || !Number.isFinite(Number(value.value))) {
        message.replaceChildren(h('p', { class: 'error-text' }, ct(lang, 'targetEmpty')));
        value.focus();
        return;
      }
      const label = lang === 'zh' ? target.labelZh : target.labelEn;
      apiRequest<PlanTarget>('PUT', withQuery(`/api/official/targets/${target.id}`, { area: target.areaCode }), { body: { target: Number(value.value) } })
        .then((saved) => { justSaved = ct(lang, 'targetSaved', { label, value: targetAmount(saved.target, saved.unit, lang) }); return view(ctx); },
          (e) => { message.replaceChildren(...formRefusal(e, lang)); });
    });
    return form;
  };

  if (justSaved) {
    message.replaceChildren(h('p', { class: 'ok' }, justSaved));
    justSaved = null;
  }
  // The prefecture's plan sets its targets for the demonstration county: say whose they are.
  const others = [...new Set(d.targets.filter((x) => x.areaCode !== d.area.code).map((x) => x.areaName))];
  setViewState(section, 'ready',
    h('h1', {}, `${d.area.name} · ${ct(lang, 'tab.scorecard')}`),
    h('div', { class: 'controls' }, monthPicker(ctx, d.asOf, (month) => ctx.navigate(withQuery('/cockpit/scorecard', { area: state.area, month })))),
    h('p', { class: 'caption' }, ct(lang, state.month ? 'scorecardAsOfChosen' : 'scorecardAsOf', { month: d.asOf })),
    ...(others.length > 0 ? [h('p', { class: 'notice', role: 'note' }, ct(lang, 'targetsOf', { areas: others.join(listSep(lang)) }))] : []),
    message,
    h('div', { class: 'table-scroll', tabindex: 0 }, table(
      [ct(lang, 'tab.scorecard'), ct(lang, 'targetCol'), ct(lang, 'actualCol'), t(lang, 'storeStatus'), ct(lang, 'howCol'), ct(lang, 'dueCol'), ct(lang, 'sourceCol')],
      d.targets.map((x) => [
        linkTo(ctx, x.view, lang === 'zh' ? x.labelZh : x.labelEn),
        canEdit ? editor(x) : targetAmount(x.target, x.unit, lang),
        x.actual === null ? '—' : targetAmount(x.actual, x.unit, lang),
        h('span', { class: `status-badge status-${x.status}`, 'data-status': x.status }, ct(lang, STATUS[x.status]!)),
        x.how[lang], x.due, h('span', { class: 'plan-clause' }, planClause(x.source, lang)),
      ]), { className: 'data scorecard', cardsOnPhone: true })),
  );
};
