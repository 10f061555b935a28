// Operations for administrators: whether the warehouse, migrations and ingest are well, the
// refused records by stream and reason with the newest ones, and the latest of the audit trail.
import '../shell-modules.ts';
import type { z } from 'zod';
import type { auditResponse, deadLettersResponse, Health } from '../../contracts/platform.ts';
import { apiGet } from '../api-client.ts';
import { h, table } from '../dom.ts';
import { t, type Lang } from '../i18n.ts';
import { sourceName } from '../ingest-source.ts';
import { errorNode, loadingNode, setViewState } from '../status-view.ts';
import type { View } from '../view.ts';
import { at } from './admin-strings.ts';

/** A stream's or a refusal reason's name in the reader's language; an unknown code as it is. */
const named = (lang: Lang, prefix: 'stream' | 'reason', code: string) => {
  const key = `${prefix}_${code}`;
  return at.has(key) ? at(lang, key) : code;
};

export const view: View = async (ctx) => {
  const { lang, main, signal } = ctx;
  document.title = `${at(lang, 'opsTitle')} · ${t(lang, 'appName')}`;
  const section = h('section', { id: 'view', class: 'view', 'data-view': 'ops' });
  main.replaceChildren(h('h1', {}, at(lang, 'opsTitle')), section);
  setViewState(section, 'loading', loadingNode(lang));
  try {
    const [hc, dead, audit] = await Promise.all([
      apiGet<Required<Health>>('/api/ops/status', { signal }),
      apiGet<z.infer<typeof deadLettersResponse>>('/api/ops/dead-letters?limit=20', { signal }),
      apiGet<z.infer<typeof auditResponse>>('/api/ops/audit?limit=50', { signal }),
    ]);
    if (signal.aborted) return;
    const ok = (b: boolean) => h('span', { class: b ? 'ok' : 'bad' }, b ? '✓' : '✕');
    setViewState(section, 'ready',
      table([at(lang, 'health'), t(lang, 'statusCol'), t(lang, 'detail')], [
        [at(lang, 'warehouse'), ok(hc.warehouse.reachable), hc.warehouse.engine ?? hc.warehouse.error ?? ''],
        hc.migrations ? [at(lang, 'migrations'), ok(hc.migrations.missing.length === 0), `${hc.migrations.applied}${hc.migrations.missing.length ? ` · ${hc.migrations.missing.join(', ')}` : ''}`]
          : [at(lang, 'migrations'), '—', ''],
        hc.ingest ? [t(lang, 'ingest'), ok(hc.ingest.running || hc.ingest.done === true), `${sourceName(hc.ingest.source, lang)} · ${t(lang, 'accepted')} ${hc.ingest.accepted.toLocaleString()} · ${t(lang, 'rejected')} ${hc.ingest.rejected.toLocaleString()}`] : [t(lang, 'ingest'), '—', ''],
      ], { className: 'data health' }),
      h('p', {}, h('a', { href: '/metrics' }, at(lang, 'metricsLink'))),
      h('h2', {}, at(lang, 'deadLetters')),
      h('div', { class: 'table-scroll', tabindex: 0 }, table([t(lang, 'stream'), t(lang, 'reason'), t(lang, 'count'), at(lang, 'latest')],
        dead.byReason.map((r) => [named(lang, 'stream', r.kind), named(lang, 'reason', r.reason), r.n.toLocaleString(), r.latest]), { numeric: [2] })),
      h('div', { class: 'table-scroll', tabindex: 0 }, table([at(lang, 'when'), t(lang, 'stream'), t(lang, 'reason'), t(lang, 'detail'), at(lang, 'payloadBytes')],
        dead.recent.map((r) => [r.receivedAt, named(lang, 'stream', r.kind), named(lang, 'reason', r.reason), h('span', { class: 'detail' }, r.detail), r.payloadBytes.toLocaleString()]),
        { numeric: [4] })),
      h('h2', {}, at(lang, 'auditTitle')),
      h('div', { class: 'table-scroll', tabindex: 0 }, table([at(lang, 'when'), at(lang, 'who'), at(lang, 'route'), t(lang, 'params'), t(lang, 'statusCol'), at(lang, 'rowsCol'), at(lang, 'ms')],
        audit.rows.map((r) => [r.at, r.login || '—', `${r.method} ${r.route}`, h('code', {}, r.params), r.status, r.rows, r.durationMs]),
        { numeric: [4, 5, 6], className: 'data audit' })),
    );
  } catch (e) {
    if (!signal.aborted) setViewState(section, 'error', errorNode(e, lang, () => void view(ctx)));
  }
};

