import { readFileSync, writeFileSync } from 'node:fs';
const root = process.argv[2];
const areas = JSON.parse(readFileSync(`${root}/chuxiong-areas.json`, 'utf8')).areas;
const townships = (county) => areas.filter((a) => a[2] === 'township' && a[3] === county).map((a) => a[0]);

function mulberry32(a) { return () => { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; }; }
const rnd = mulberry32(20200531);
const between = (a, b) => a + (b - a) * rnd();
const pick = (weighted) => { let r = rnd() * weighted.reduce((s, [, w]) => s + w, 0); for (const [v, w] of weighted) { if ((r -= w) < 0) return v; } return weighted.at(-1)[0]; };

/** Splits total into parts proportional to weights, exactly (largest remainder). */
function split(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0]).slice(0, left).forEach(([, i]) => parts[i]++);
  return parts;
}
/** Distributes `total` over records in proportion to their trainees, never above cap[i]. */
function spread(total, caps, rate) {
  const parts = caps.map((c) => Math.min(c, Math.round(c * rate * between(0.9, 1.1))));
  let diff = total - parts.reduce((a, b) => a + b, 0);
  let guard = 0;
  while (diff !== 0 && guard++ < 100000) {
    const i = Math.floor(rnd() * parts.length);
    if (diff > 0 && parts[i] < caps[i]) { parts[i]++; diff--; }
    else if (diff < 0 && parts[i] > 0) { parts[i]--; diff++; }
  }
  if (diff !== 0) throw new Error('cannot spread');
  return parts;
}

// Lufeng's yearly totals, designed against the plan's targets (3,000+ 人次, satisfaction 80%+,
// conversion 3%+): met in 2021, 2023 and 2025; missed in 2020 (start-up), 2022 (trainees and
// conversion), 2024 (satisfaction); 2026 is the year to date (to November).
const LUFENG = {
  2020: [1850, 1443, 39], 2021: [3240, 2696, 110], 2022: [2610, 2208, 76], 2023: [3460, 2827, 125],
  2024: [3120, 2471, 128], 2025: [3380, 2900, 108], 2026: [2780, 2335, 86],
};
const OTHER = ['532301', '532322', '532323', '532324', '532325', '532326', '532327', '532328', '532329'];
const AUDIENCE = { 2020: [['merchant', 3], ['farmer', 3], ['poverty_household', 3], ['youth', 1.5], ['official', 1]] };
const audienceMix = (y) => AUDIENCE[y] ?? [['merchant', 3], ['farmer', 3], ['youth', 2], ['poverty_household', 1.5], ['official', 1]];

const sessions = [];
function year(county, y, trainees, satisfied, converted, records) {
  const weights = Array.from({ length: records }, () => between(0.5, 1.5));
  const t = split(trainees, weights);
  const s = spread(satisfied, t, satisfied / trainees);
  const c = spread(converted, t, converted / trainees);
  const lastMonth = y === 2026 ? 11 : 12;
  const towns = townships(county);
  const rows = t.map((tr, i) => {
    const month = 1 + Math.floor(rnd() * lastMonth);
    const day = 1 + Math.floor(rnd() * (y === 2026 && month === 11 ? 20 : 28));
    const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const atCounty = rnd() < 0.4;
    return {
      date, areaCode: atCounty ? county : towns[Math.floor(rnd() * towns.length)], audience: pick(audienceMix(y)),
      sessions: Math.max(1, Math.round(tr / between(35, 70))), trainees: tr, satisfied: s[i], converted: c[i],
    };
  });
  rows.sort((a, b) => a.date.localeCompare(b.date));
  rows.forEach((r, i) => sessions.push({ id: `TR-${county}-${y}-${String(i + 1).padStart(2, '0')}`, ...r }));
}
for (const [y, [t, s, c]] of Object.entries(LUFENG)) year('532302', +y, t, s, c, 14);
for (const county of OTHER) {
  for (let y = 2020; y <= 2026; y++) {
    const trainees = Math.round(between(350, 1400) * (y === 2026 ? 0.85 : 1));
    year(county, y, trainees, Math.round(trainees * between(0.72, 0.9)), Math.round(trainees * between(0.015, 0.045)), 3 + Math.floor(rnd() * 4));
  }
}
const doc = {
  simulated: true,
  note: 'SIMULATED records, not real data: plausible e-commerce training (电商培训) batches for the ten counties 2020-2026 (2026 to 20 November), generated with a fixed seed so the scorecard has something to show. Lufeng (532302) yearly totals are designed against the plan targets (3,000+ trainee-times 人次, satisfaction 80%+, conversion 3%+): all three met in 2021, 2023 and 2025; missed in 2020 (all three), 2022 (trainees, conversion) and 2024 (satisfaction); 2026 is year to date. trainees counts attendances; satisfied and converted are subsets. areaCode is the county (training at the county centre) or a township. Replace with the commerce bureau\'s records.',
  sessions,
};
const lines = sessions.map((s) => '    ' + JSON.stringify(s));
writeFileSync(`${root}/training-sessions.json`, `{\n  "simulated": true,\n  "note": ${JSON.stringify(doc.note)},\n  "sessions": [\n${lines.join(',\n')}\n  ]\n}\n`);
console.log(sessions.length, 'sessions');
