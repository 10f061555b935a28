// Monthly reports as files in the warehouse (monthly_reports): produced on request, by the
// scheduler between the 1st and the 10th, or by `npm run report`; listed and downloaded with who
// produced each and when. The bytes are kept base64-encoded (the insert path is JSON text).
import { createHash, randomBytes } from 'node:crypto';
import type { NationalRow, ReportFile } from '../../contracts/officials.ts';
import { formatShanghaiTime } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { CockpitDeps } from './cockpit.ts';
import { gatherReport } from './report-data.ts';
import { reportPdf } from './report-pdf.ts';
import { reportXlsx } from './report-xlsx.ts';

/** The cockpit's: a report produced on request keeps the answers the pages keep; the scheduler's has no memo. */
export type ReportDeps = CockpitDeps;

export async function renderReport(reader: Pick<Warehouse, 'query'>, deps: ReportDeps, area: string, month: string,
  national: readonly NationalRow[], producedBy: string, producerLabel?: string): Promise<{ xlsx: Buffer; pdf: Buffer }> {
  const data = await gatherReport(reader, deps, area, month, national, producedBy, producerLabel);
  const [xlsx, pdf] = await Promise.all([reportXlsx(data), reportPdf(data)]);
  return { xlsx, pdf };
}

/** Produces both files of a report and keeps them; returns their listing rows. `stem` names the
 *  files (`<stem>-xlsx`, `<stem>-pdf`): the scheduler's is the same in every API process, so two
 *  processes producing the same automatic report keep one (the listing shows the newest copy of an
 *  id); a report asked for by someone gets a stem of its own. */
export async function produceReport(writer: Warehouse, reader: Pick<Warehouse, 'query'>, deps: ReportDeps, area: string, month: string,
  national: readonly NationalRow[], producedBy: string, stem?: string, producerLabel?: string): Promise<ReportFile[]> {
  const files = await renderReport(reader, deps, area, month, national, producedBy, producerLabel);
  const at = deps.clock();
  const stamp = stem ?? `${area}-${month}-${at.toString(36)}-${randomBytes(3).toString('hex')}`;
  const areaName = (await deps.directory.area(area))?.name ?? area;
  const rows = (['xlsx', 'pdf'] as const).map((format) => {
    const bytes = files[format];
    return { id: `${stamp}-${format}`, area_code: area, month, format, produced_by: producedBy, produced_at: formatShanghaiTime(at),
      size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.toString('base64') };
  });
  await writer.insert('monthly_reports', rows);
  return rows.map((r) => ({ id: r.id, areaCode: area, areaName, month, format: r.format, producedBy, producerName: producerLabel ?? null, producedAt: r.produced_at, size: r.size, sha256: r.sha256 }));
}

/** `nameOf`: an account's name by login (null when there is none: the scheduler, a removed account). */
export async function listReports(db: Pick<Warehouse, 'query'>, deps: ReportDeps, scope: readonly string[],
  nameOf: (login: string) => Promise<string | null> = async () => null): Promise<ReportFile[]> {
  const rows = await db.query<{ id: string; area_code: string; month: string; format: 'xlsx' | 'pdf'; produced_by: string; produced_at: string; size: number; sha256: string }>(
    deps.queries['reports-list'], { scope: [...scope] });
  // Each producer looked up once, not once per file; a lookup that fails leaves the login alone.
  const producers = [...new Set(rows.map((r) => r.produced_by))];
  const names = new Map(await Promise.all(producers.map(async (login) => [login, await nameOf(login).catch(() => null)] as const)));
  return Promise.all(rows.map(async (r) => ({
    id: r.id, areaCode: r.area_code, areaName: (await deps.directory.area(r.area_code))?.name ?? r.area_code, month: r.month, format: r.format,
    producedBy: r.produced_by, producerName: names.get(r.produced_by) ?? null, producedAt: r.produced_at, size: Number(r.size), sha256: r.sha256,
  })));
}

export async function readReportFile(db: Pick<Warehouse, 'query'>, queries: Queries, id: string) {
  const [r] = await db.query<{ id: string; area_code: string; month: string; format: 'xlsx' | 'pdf'; bytes: string }>(queries['report-file'], { id });
  return r ? { areaCode: r.area_code, month: r.month, format: r.format, bytes: Buffer.from(r.bytes, 'base64') } : null;
}

export const CONTENT_TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
