// The monthly report as an XLSX workbook: one sheet per part, numbers as numbers (万元 with two
// decimals), every figure with its unit in the header, and the national rows it was compared with.
import ExcelJS from 'exceljs';
import type { ReportData } from './report-data.ts';
import { monthSpan } from '../../contracts/officials-words.ts';
import { amount, gap, name, pct, producedAtWords, STATUS_ZH, TYPE_ZH, unitZh } from './report-format.ts';

const toNumber = (v: number | null, unit: 'fen' | 'count') => (v === null ? null : unit === 'fen' ? Math.round(v / 100) / 10_000 : v);

export async function reportXlsx(r: ReportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = r.producedBy;
  book.created = new Date(r.producedAt);
  const bold = { font: { bold: true } };

  const head = book.addWorksheet('概况');
  head.addRow([`${r.area.name} ${r.month.slice(0, 4)}年${Number(r.month.slice(5))}月 电子商务进农村月通报`]).font = { bold: true, size: 14 };
  head.addRow([`生成：${producedAtWords(r.producedAt)} · ${r.producerLabel}`]);
  head.addRow([]);
  head.addRow(['指标', '单位', '本月', `${monthSpan(r.month, 'zh')}累计`, '上月', '上年同月', '上年同期累计', '环比%', '同比%', '累计同比%', '与全国平均差距', '与全国农村平均差距']).eachCell((c) => Object.assign(c, bold));
  for (const f of r.overview.indicators) {
    head.addRow([name(f), unitZh(f), toNumber(f.month, f.unit), toNumber(f.ytd, f.unit), toNumber(f.previousMonth, f.unit), toNumber(f.sameMonthLastYear, f.unit),
      toNumber(f.ytdLastYear, f.unit), f.momPct, f.yoyPct, f.ytdYoyPct, gap(f.vsNational), gap(f.vsNationalRural)]);
  }
  head.columns.forEach((c, i) => { c.width = i === 0 ? 18 : i >= 10 ? 60 : 12; });

  if (r.overview.children.length > 0) {
    const rank = book.addWorksheet(r.overview.childLevel === 'county' ? '县市排名' : '乡镇排名');
    rank.addRow(['排名', '地区', '代码', '网络零售额（万元）', '累计（万元）', '累计同比%', '农产品网络零售额（万元）', '网商（家）', '代买代购（万元）', '揽收（件）', '投递（件）']).eachCell((c) => Object.assign(c, bold));
    const sorted = [...r.overview.children].sort((a, b) => b.values.online_retail!.month - a.values.online_retail!.month);
    sorted.forEach((c, i) => rank.addRow([i + 1, c.name, c.code, toNumber(c.values.online_retail!.month, 'fen'), toNumber(c.values.online_retail!.ytd, 'fen'),
      c.values.online_retail!.ytdYoyPct, toNumber(c.values.agri_online_retail!.month, 'fen'), c.values.online_merchants!.month,
      toNumber(c.values.proxy_purchases!.month, 'fen'), c.values.parcels_out!.month, c.values.parcels_in!.month]));
    rank.columns.forEach((c, i) => { c.width = i === 1 ? 16 : 14; });
  }

  const st = book.addWorksheet('站点报送');
  st.addRow(['县（市）', '应报站点', '已报站点', '完整率%']).eachCell((c) => Object.assign(c, bold));
  for (const c of r.stations.completeness) st.addRow([c.name, c.expected, c.reported, c.pct]);
  st.addRow([]);
  st.addRow(['本月未报送的站点']).font = { bold: true };
  st.addRow(['编号', '名称', '类型', '所在地', '最近报送']).eachCell((c) => Object.assign(c, bold));
  const byId = new Map(r.stations.stations.map((s) => [s.id, s]));
  for (const id of r.stations.notReporting) {
    const s = byId.get(id)!;
    st.addRow([s.id, s.name, TYPE_ZH[s.type] ?? s.type, s.areaName, s.lastReport ?? '从未']);
  }
  st.addRow([]);
  st.addRow(['覆盖', '已覆盖', '总数', '覆盖率%']).eachCell((c) => Object.assign(c, bold));
  st.addRow(['乡镇电商服务站', r.stations.coverage.townshipsCovered, r.stations.coverage.townships, r.stations.coverage.townshipPct]);
  st.addRow(['村级物流服务点', r.stations.coverage.villagesCovered, r.stations.coverage.villages, r.stations.coverage.villagePct]);
  st.columns.forEach((c, i) => { c.width = i === 1 ? 28 : 16; });

  const sc = book.addWorksheet('目标考核');
  sc.addRow(['目标', '地区', '目标值', '实际', '单位', '状态', '计算方法', '依据']).eachCell((c) => Object.assign(c, bold));
  for (const t of r.scorecard.targets) sc.addRow([t.labelZh, t.areaCode, t.target, t.actual, t.unit, STATUS_ZH[t.status], t.how.zh, t.source]);
  sc.columns.forEach((c, i) => { c.width = i === 0 ? 30 : i >= 6 ? 60 : 10; });

  const note = book.addWorksheet('数据说明');
  for (const line of completenessNote(r)) note.addRow([line]);
  note.getColumn(1).width = 120;

  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What the report's figures rest on, and how complete the month's data is. */
export function completenessNote(r: ReportData): string[] {
  const c = r.overview.completeness;
  const lines = [
    `数据完整性：${r.month} 应报送站点 ${c.expected} 个，已报送 ${c.reported} 个（${c.pct === null ? '—' : `${c.pct}%`}）。${c.reported < c.expected ? '未报送站点见“站点报送”，其数据缺失会使本月数字偏低。' : ''}`,
    `数据截至：${r.overview.latestMonth ?? '—'}。网络零售额按卖方所在地统计（平台订单，上行），农产品部分依商品目录的农产品标识。`,
  ];
  if (r.overview.unknownSellers.length > 0) {
    lines.push(`卖方不在名录中的网络零售：${r.overview.unknownSellers.length} 个卖方，合计 ${amount(r.overview.unknownSellers.reduce((s, u) => s + u.amountFen, 0), 'fen')} 万元，计入全州“未知卖方”，未计入任何县。`);
  }
  lines.push('全国对比只与同类序列、同一期间的全国数据比较；无可比数据时注明原因，不作估算。各指标的口径见平台随附的《指标说明》。');
  return lines;
}

export const reportAmount = amount;
export { pct };
