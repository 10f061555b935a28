// The county map the web app draws: the outlines of reference/chuxiong-counties.geojson simplified
// for a screen (topology kept, so neighbours still share their borders) and projected once, here:
// x = longitude x cos(25.1°), y = latitude, 3 decimals. A phone then draws the prefecture from
// about 1/10 of the vertices, with no map projection code (a plain linear fit). Display only.
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

const MID_LATITUDE = 25.1; // the prefecture spans about 24.2-26.6 °N
const KEEP = 0.15; // share of the vertices kept, the most telling by triangle area

export interface MapAsset {
  attribution: string;
  features: { code: string; name: string; cp: [number, number]; rings: number[][][] }[];
}

export function countyMapAsset(geojsonFile: string): MapAsset {
  const source = JSON.parse(readFileSync(geojsonFile, 'utf8')) as FeatureCollection & { attribution?: { source?: string; licence?: string } };
  const topo = presimplify(topology({ counties: source }, 1e5) as Parameters<typeof presimplify>[0]);
  // quantile(p) is the weight that the heaviest share p of the points reach: keep those.
  const simplified = simplify(topo, quantile(topo, KEEP));
  const back = feature(simplified, simplified.objects.counties!) as unknown as FeatureCollection<Geometry, { code: string; name: string; cp: [number, number] }>;
  const k = Math.cos((MID_LATITUDE * Math.PI) / 180);
  const project = ([lon, lat]: Position) => [Math.round(lon! * k * 1000) / 1000, Math.round(lat! * 1000) / 1000];
  const ringsOf = (g: Geometry): number[][][] => (g.type === 'Polygon' ? g.coordinates.map((r) => r.map(project))
    : g.type === 'MultiPolygon' ? g.coordinates.flatMap((p) => p.map((r) => r.map(project))) : []);
  return {
    attribution: `${source.attribution?.source ?? ''}; ${source.attribution?.licence ?? ''}; simplified for display`,
    features: back.features.map((f: Feature<Geometry, { code: string; name: string; cp: [number, number] }>) => ({
      code: f.properties.code, name: f.properties.name, cp: project(f.properties.cp) as [number, number], rings: ringsOf(f.geometry),
    })),
  };
}
