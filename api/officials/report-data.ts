// What a monthly report (月通报) holds, gathered once and written as XLSX and PDF alike: the
// headline figures with growth and national gaps, the table and ranking of the areas below, the
// stations that did not report and completeness, the scorecard, and a note on data completeness.
import type { NationalRow, OverviewResponse, ScorecardResponse, StationsResponse, TrendResponse } from '../../contracts/officials.ts';
import { producerName } from '../../contracts/officials-words.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { buildOverview, buildTrend, type CockpitDeps } from './cockpit.ts';
import { buildScorecard } from './scorecard.ts';
import { readStations } from './stations.ts';

export interface ReportData {
  area: { code: string; name: string; level: string };
  month: string;
  producedAt: string; // ISO
  producedBy: string;
  /** Who produced it, as the document names them: the account's name (a bureau), not its login. */
  producerLabel: string;
  overview: OverviewResponse;
  stations: Omit<StationsResponse, 'area' | 'path'>;
  scorecard: ScorecardResponse;
  trend: TrendResponse;
}

export async function gatherReport(db: Pick<Warehouse, 'query'>, deps: CockpitDeps,
  areaCode: string, month: string, national: readonly NationalRow[], producedBy: string, producerLabel = producerName(producedBy, 'zh')): Promise<ReportData> {
  const a = await deps.directory.area(areaCode);
  if (!a) throw new Error(`unknown area ${areaCode}`);
  const area = { code: a.code, name: a.name, level: a.level };
  // A report is for the bureau of its area: it reads everything under the area.
  const scope = [areaCode];
  const [overview, stations, scorecard, trend] = await Promise.all([
    buildOverview(db, deps, area, month, scope, national),
    readStations(db, deps, areaCode, month, 14, scope),
    buildScorecard(db, deps, area, scope, national, month),
    buildTrend(db, deps, area, 'online_retail', 13, month, scope, national),
  ]);
  return {
    area, month, producedAt: new Date(deps.clock()).toISOString(), producedBy, producerLabel, overview, scorecard, trend,
    stations: { ...stations, stations: stations.stations.map(({ expected: _e, ...s }) => s) },
  };
}
