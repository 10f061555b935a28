// The monthly report as a PDF: A4, the Chinese font embedded (only the glyphs used), the headline
// figures, the trend chart (the same Vega-Lite chart as the cockpit's, drawn as vectors), the
// ranking, stations and completeness, the scorecard, and the note on data completeness.
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import SVGtoPDF from 'svg-to-pdfkit';
import { renderVegaLite } from '../charts/vega.ts';
import { trendSpec } from './charts.ts';
import type { ReportData } from './report-data.ts';
import { monthSpan, targetAmount } from '../../contracts/officials-words.ts';
import { amount, gap, name, pct, producedAtWords, STATUS_ZH, TYPE_ZH, unitZh } from './report-format.ts';
import { completenessNote } from './report-xlsx.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

const MARGIN = 40;

export async function reportPdf(r: ReportData): Promise<Buffer> {
  // Vega writes a solid line as dash "1,0", which PDFKit refuses (dash lengths must be over 0).
  const chart = (await renderVegaLite(trendSpec(r.trend, 'zh', 440)))
    .replace(/ stroke-dasharray="([^"]*)"/g, (whole, dashes: string) => (dashes.split(/[ ,]+/).some((d) => Number(d) === 0) ? '' : whole));
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, bufferPages: true,
    info: { Title: `${r.area.name} ${r.month} 月通报`, Author: r.producedBy, Subject: '电子商务进农村综合示范 月通报', CreationDate: new Date(r.producedAt) },
  });
  doc.registerFont('cjk', FONT);
  doc.registerFont('cjk-bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  const heading = (text: string, size = 13) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc.moveDown(0.6).font('cjk-bold').fontSize(size).fillColor('#263238').text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3).font('cjk').fontSize(9);
  };

  /** A table with wrapped cells; the header repeats on a new page. */
  const table = (head: string[], rows: string[][], widths: number[]) => {
    const scale = width / widths.reduce((a, b) => a + b, 0);
    const w = widths.map((x) => x * scale);
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(8.5);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: w[i]! - 6 }))) + 6;
      if (doc.y + h > doc.page.height - MARGIN) {
        doc.addPage();
        if (!bold) drawRow(head, true);
        doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(8.5); // the header left its own font behind
      }
      const y = doc.y;
      let x = MARGIN;
      if (bold) doc.rect(MARGIN, y, width, h).fill('#eceff1').fillColor('#263238');
      cells.forEach((c, i) => {
        doc.fillColor('#263238').text(c, x + 3, y + 3, { width: w[i]! - 6 });
        x += w[i]!;
      });
      doc.moveTo(MARGIN, y + h).lineTo(MARGIN + width, y + h).lineWidth(0.5).strokeColor('#cfd8dc').stroke();
      doc.y = y + h;
    };
    drawRow(head, true);
    for (const row of rows) drawRow(row, false);
    doc.x = MARGIN;
  };

  doc.font('cjk-bold').fontSize(18).text(`${r.area.name} ${r.month.slice(0, 4)}年${Number(r.month.slice(5))}月`, { width });
  doc.font('cjk').fontSize(13).text('电子商务进农村综合示范 月通报', { width });
  // Beijing time, as the report list shows it; the report covers its month (the newest data may be later).
  doc.fontSize(9).fillColor('#546e7a').text(`生成：${producedAtWords(r.producedAt)} · ${r.producerLabel} · 统计期 ${r.month.slice(0, 4)}年${Number(r.month.slice(5))}月`, { width });
  doc.fillColor('#263238');

  heading('一、主要指标');
  const span = monthSpan(r.month, 'zh');
  table(['指标', '本月', `${span}累计`, '同比', '累计同比', '环比'],
    r.overview.indicators.map((f) => [`${name(f)}（${unitZh(f)}）`, amount(f.month, f.unit), amount(f.ytd, f.unit), pct(f.yoyPct), pct(f.ytdYoyPct), pct(f.momPct)]),
    [26, 14, 14, 10, 12, 10]);

  heading(`二、与全国平均水平比较（${span}累计同比，百分点）`);
  table(['指标', '与全国平均', '与全国农村平均'],
    r.overview.indicators.filter((f) => f.vsNational !== null).map((f) => [name(f), gap(f.vsNational), gap(f.vsNationalRural)]), [18, 41, 41]);

  heading('三、网络零售额走势');
  if (doc.y > doc.page.height - 330) doc.addPage();
  SVGtoPDF(doc, chart, MARGIN, doc.y, { width, height: 300, fontCallback: (_family: string, bold: boolean) => (bold ? 'cjk-bold' : 'cjk'), preserveAspectRatio: 'xMinYMin meet' });
  doc.y += 305;
  doc.x = MARGIN;

  if (r.overview.children.length > 0) {
    heading(r.overview.childLevel === 'county' ? '四、各县（市）排名（按本月网络零售额）' : '四、各乡镇排名（按本月网络零售额）');
    const sorted = [...r.overview.children].sort((a, b) => b.values.online_retail!.month - a.values.online_retail!.month);
    table(['排名', '地区', '网络零售额（万元）', '累计同比', '农产品（万元）', '网商（家）', '揽收（件）', '投递（件）'],
      sorted.map((c, i) => [String(i + 1), c.name, amount(c.values.online_retail!.month, 'fen'), pct(c.values.online_retail!.ytdYoyPct),
        amount(c.values.agri_online_retail!.month, 'fen'), String(c.values.online_merchants!.month), String(c.values.parcels_out!.month), String(c.values.parcels_in!.month)]),
      [6, 16, 14, 10, 13, 10, 10, 10]);
  }

  heading('五、站点报送与覆盖');
  table(['县（市）', '应报站点', '已报站点', '完整率'], r.stations.completeness.map((c) => [c.name, String(c.expected), String(c.reported), c.pct === null ? '—' : `${c.pct}%`]), [40, 20, 20, 20]);
  doc.moveDown(0.3).font('cjk').fontSize(9).text(`乡镇电商服务站覆盖：${r.stations.coverage.townshipsCovered}/${r.stations.coverage.townships}（${r.stations.coverage.townshipPct ?? '—'}%）；村级物流服务点覆盖：${r.stations.coverage.villagesCovered}/${r.stations.coverage.villages}（${r.stations.coverage.villagePct ?? '—'}%）。`, MARGIN, doc.y, { width });
  const byId = new Map(r.stations.stations.map((s) => [s.id, s]));
  if (r.stations.notReporting.length > 0) {
    doc.moveDown(0.3).text(`本月未报送的站点（${r.stations.notReporting.length} 个）：`, { width });
    table(['编号', '名称', '类型', '最近报送'], r.stations.notReporting.map((id) => {
      const s = byId.get(id)!;
      return [s.id, s.name, TYPE_ZH[s.type] ?? s.type, s.lastReport ?? '从未'];
    }), [22, 36, 24, 18]);
  } else {
    doc.moveDown(0.3).text('本月所有应报站点均已报送。', { width });
  }

  heading('六、示范目标考核');
  table(['目标', '目标值', '实际', '状态', '计算方法'], r.scorecard.targets.map((t) => [t.labelZh, targetAmount(t.target, t.unit, 'zh'), t.actual === null ? '—' : targetAmount(t.actual, t.unit, 'zh'), STATUS_ZH[t.status]!, t.how.zh]),
    [26, 12, 12, 10, 40]);

  heading('七、数据说明');
  for (const line of completenessNote(r)) doc.font('cjk').fontSize(9).text(line, MARGIN, doc.y, { width }).moveDown(0.2);

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: text there makes pdfkit start a new page unless the
    // margin is lifted first (each footer had made a blank page of its own, 6 pages for 3).
    doc.page.margins.bottom = 0;
    doc.font('cjk').fontSize(8).fillColor('#78909c').text(`${r.area.name} ${r.month} 月通报 · 第 ${i + 1} 页，共 ${pages.count} 页`, MARGIN, doc.page.height - MARGIN + 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
