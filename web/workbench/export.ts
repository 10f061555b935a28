// Export of the whole result (not the 100,000 rows on screen) as a file. A plain HTML form post
// rather than fetch: the browser streams the answer to disk as it arrives, where fetch would hold
// every row in the page's memory before it could be saved. The form posts into a hidden frame, so
// an error answer (which is a page, not a file) does not replace the workbench; the frame's `load`
// says so, since a download never loads a page there.
import type { ExportFormat } from '../../contracts/sql.ts';
import type { ParamValues } from './params.ts';

export const EXPORT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'XLSX', arrow: 'Arrow', parquet: 'Parquet' };
export const EXPORT_FORMATS = Object.keys(EXPORT_LABELS) as ExportFormat[];

const FRAME = 'wb-export-frame';

/** Starts the download; `onFailed` is called if the API answered with an error instead of a file. */
export function submitExport(format: ExportFormat, request: { sql: string; params: ParamValues; queryId: string }, onFailed: () => void): void {
  let frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${FRAME}"]`);
  if (!frame) {
    frame = Object.assign(document.createElement('iframe'), { name: FRAME, hidden: true, title: FRAME });
    document.body.append(frame);
  }
  frame.onload = onFailed;
  const form = document.createElement('form');
  form.method = 'post';
  form.action = `/api/sql/export?format=${format}`;
  form.target = FRAME;
  form.hidden = true;
  for (const [name, value] of [['sql', request.sql], ['params', JSON.stringify(request.params)], ['queryId', request.queryId]] as const) {
    form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
  }
  document.body.append(form);
  form.submit();
  form.remove();
}
