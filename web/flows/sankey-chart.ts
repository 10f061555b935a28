// The Sankey of the upstream flows (d3-sankey): origin counties on the left, top-level categories
// in the middle, destination cities on the right; a link's width is its value (money or weight).
// Each node is named beside it; the figures are also in the table that follows the chart.
import { create } from 'd3';
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import { colon, type Lang } from '../i18n.ts';

export interface SankeyInput {
  nodes: { id: string; kind: 'county' | 'category' | 'city'; name: string }[];
  links: { source: string; target: string; value: number }[];
}

type Node = SankeyNode<SankeyInput['nodes'][number], object>;
type Link = SankeyLink<SankeyInput['nodes'][number], object>;

const COLOURS: Record<string, string> = { county: '#00695c', category: '#e65100', city: '#1565c0' };
const LABEL_GAP = 6;

export function createSankey(input: SankeyInput, o: { width: number; label: string; format: (v: number) => string; lang: Lang }): SVGSVGElement {
  const links = input.links.filter((l) => l.value > 0);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = input.nodes.filter((n) => used.has(n.id));
  const perColumn = Math.max(...(['county', 'category', 'city'] as const).map((k) => nodes.filter((n) => n.kind === k).length), 1);
  const height = Math.max(240, perColumn * 26 + 20);
  const layout = sankey<SankeyInput['nodes'][number], object>()
    .nodeId((d) => d.id).nodeWidth(10).nodePadding(14).nodeSort(null)
    .extent([[1, 10], [o.width - 1, height - 10]]);
  const graph = layout({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });

  const svg = create('svg').attr('class', 'sankey').attr('width', o.width).attr('height', height)
    .attr('viewBox', `0 0 ${o.width} ${height}`).attr('role', 'img').attr('aria-label', o.label);
  const name = (n: Node | string | number) => (typeof n === 'object' ? n.name : String(n));
  svg.append('g').attr('class', 'sankey-links').selectAll('path').data(graph.links as Link[]).join('path')
    .attr('d', sankeyLinkHorizontal()).attr('stroke', (l) => COLOURS[(l.source as Node).kind] ?? '#607d8b')
    .attr('stroke-width', (l) => Math.max(1, l.width ?? 1))
    .append('title').text((l) => `${name(l.source as Node)} → ${name(l.target as Node)}${colon(o.lang)}${o.format(l.value)}`);
  const node = svg.append('g').attr('class', 'sankey-nodes').selectAll('g').data(graph.nodes as Node[]).join('g')
    .attr('class', (n) => `sankey-node ${n.kind}`).attr('data-id', (n) => n.id);
  node.append('rect').attr('x', (n) => n.x0!).attr('y', (n) => n.y0!).attr('width', (n) => n.x1! - n.x0!)
    .attr('height', (n) => Math.max(1, n.y1! - n.y0!)).attr('fill', (n) => COLOURS[n.kind] ?? '#607d8b');
  // Names beside their node: the cities (right column) to the left of it, the others to the right.
  node.append('text').attr('class', 'sankey-name')
    .attr('x', (n) => (n.kind === 'city' ? n.x0! - LABEL_GAP : n.x1! + LABEL_GAP))
    .attr('y', (n) => (n.y0! + n.y1!) / 2).attr('dy', '0.35em')
    .attr('text-anchor', (n) => (n.kind === 'city' ? 'end' : 'start')).text((n) => n.name);
  node.append('title').text((n) => `${n.name}${colon(o.lang)}${o.format(n.value ?? 0)}`);
  return svg.node()!;
}
