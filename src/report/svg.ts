/**
 * The ownership map as SVG: the map model laid out with elkjs (layered, nested boxes, edges
 * routed across the hierarchy), then written by hand. Every name is escaped, ids are
 * sanitised, there is no script, and the same model gives the same bytes.
 */
import elkModule from 'elkjs/lib/elk.bundled.js';
import type { Crossing, MapBox, MapModel } from './map-model.js';

export interface SvgMeta {
  title: string;
  /** The snapshot's date, when the manifest has one. */
  date: string | undefined;
}

/** elkjs is CommonJS: Node hands its module.exports (the constructor) over as the default. */
type ElkConstructor = new () => { layout(graph: unknown): Promise<unknown> };
const ELK: ElkConstructor =
  (elkModule as unknown as { default?: ElkConstructor }).default ??
  (elkModule as unknown as ElkConstructor);

interface ElkNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  labels?: { text: string; width: number; height: number }[];
  children?: ElkNode[];
  layoutOptions?: Record<string, string>;
}
interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  sections?: { startPoint: Pt; endPoint: Pt; bendPoints?: Pt[] }[];
  /** The node the edge's coordinates are relative to. */
  container?: string;
}
interface Pt {
  x: number;
  y: number;
}

const CHAR = 6.6;
const LINE = 14;
const PAD = 12;

/** Colours by crossing, as the legend says. */
export const EDGE_COLOURS: Record<Crossing, string> = {
  none: '#6b7280',
  az: '#d97706',
  region: '#dc2626',
  account: '#dc2626',
  boundary: '#7f1d1d',
};
const BOX_FILL: Record<MapBox['kind'], string> = {
  owner: '#f8fafc',
  account: '#ffffff',
  region: '#f1f5f9',
  vpc: '#eef2ff',
  az: '#f0fdf4',
  subnet: '#ffffff',
  leaf: '#ffffff',
};

export function escapeXml(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids them
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '?')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** A long name drawn cut, whole in the tooltip. */
const clip = (s: string, max = 48) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** `box-<n>`: ids in the SVG say nothing of the names (those go in text and titles). */
function idMap(model: MapModel): Map<string, string> {
  return new Map(model.boxes.map((b, i) => [b.id, `box-${i}`]));
}

export async function layoutMap(model: MapModel): Promise<{ root: ElkNode; edges: ElkEdge[] }> {
  const ids = idMap(model);
  const nodes = new Map<string, ElkNode>();
  for (const b of model.boxes) {
    const text = clip(b.label);
    const leaf = b.kind === 'leaf';
    nodes.set(b.id, {
      id: ids.get(b.id)!,
      labels: [{ text, width: text.length * CHAR, height: LINE }],
      ...(leaf ? { width: Math.max(120, text.length * CHAR + 2 * PAD), height: 36 } : {}),
      layoutOptions: {
        'elk.padding': `[top=${LINE + PAD + 4},left=${PAD},bottom=${PAD},right=${PAD}]`,
        'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT',
        'elk.nodeSize.constraints': 'NODE_LABELS MINIMUM_SIZE',
        'elk.nodeSize.minimum': '(140,48)',
      },
    });
  }
  const roots: ElkNode[] = [];
  for (const b of model.boxes) {
    const n = nodes.get(b.id)!;
    const parent = b.parent ? nodes.get(b.parent) : undefined;
    if (!parent) roots.push(n);
    else if (parent.children) parent.children.push(n);
    else parent.children = [n];
  }
  const edges: ElkEdge[] = model.edges.map((e, i) => ({
    id: `edge-${i}`,
    sources: [ids.get(e.from)!],
    targets: [ids.get(e.to)!],
  }));
  const elk = new ELK();
  const root = (await elk.layout({
    id: 'root',
    children: roots,
    edges,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.randomSeed': '1',
    },
  } as never)) as unknown as ElkNode & { edges: ElkEdge[] };
  return { root, edges: root.edges ?? [] };
}

/** Lay out and write the map. */
export async function renderMapSvg(model: MapModel, meta: SvgMeta): Promise<string> {
  const { root, edges } = await layoutMap(model);
  const byElkId = new Map(model.boxes.map((b, i) => [`box-${i}`, b]));
  const HEADER = 48;
  const width = Math.ceil((root.width ?? 400) + 2 * PAD);
  const legendY = HEADER + Math.ceil(root.height ?? 200) + PAD;
  const height = legendY + 96;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
  );
  out.push(`<title>${escapeXml(`Ownership map: ${meta.title}`)}</title>`);
  out.push(
    '<defs>',
    ...Object.entries(EDGE_COLOURS).map(
      ([k, c]) =>
        `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`,
    ),
    '</defs>',
  );
  out.push(
    `<text x="${PAD}" y="22" font-size="16" font-weight="bold">${escapeXml(`Ownership map: ${meta.title}`)}</text>`,
    `<text x="${PAD}" y="38" fill="#475569">${escapeXml(`level ${model.level} · ${model.boxes.length} boxes · ${model.edges.length} edges${meta.date ? ` · snapshot ${meta.date}` : ''}`)}</text>`,
  );
  // Absolute positions: elk gives each node relative to its parent, each edge relative to
  // its container.
  const abs = new Map<string, Pt>([['root', { x: 0, y: 0 }]]);
  const place = (n: ElkNode, ox: number, oy: number) => {
    const x = ox + (n.x ?? 0);
    const y = oy + (n.y ?? 0);
    abs.set(n.id, { x, y });
    for (const c of n.children ?? []) place(c, x, y);
  };
  for (const c of root.children ?? []) place(c, 0, 0);
  // Boxes, parents before children.
  const draw = (n: ElkNode, ox: number, oy: number) => {
    const b = byElkId.get(n.id);
    const x = ox + (n.x ?? 0);
    const y = oy + (n.y ?? 0);
    if (b) {
      // Held outside: red; holder unknown: grey, dashed; inside: dark.
      const unknown = b.owner === 'unknown';
      const outside = b.owner !== 'inside' && !unknown;
      const owned = b.kind === 'owner' || b.kind === 'leaf';
      const stroke = !owned
        ? '#94a3b8'
        : outside
          ? '#b91c1c'
          : unknown
            ? '#6b7280'
            : b.kind === 'owner'
              ? '#0f172a'
              : '#334155';
      const dash = b.kind === 'az' || (owned && unknown) ? ' stroke-dasharray="4 3"' : '';
      out.push(
        `<g class="box ${b.kind}" id="${n.id}"><title>${escapeXml(b.detail)}</title><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(n.width ?? 0).toFixed(1)}" height="${(n.height ?? 0).toFixed(1)}" rx="${b.kind === 'leaf' ? 6 : 3}" fill="${BOX_FILL[b.kind]}" stroke="${stroke}" stroke-width="${b.kind === 'owner' || b.kind === 'leaf' ? 1.5 : 1}"${dash}/><text x="${(x + PAD / 2).toFixed(1)}" y="${(y + LINE + 2).toFixed(1)}"${b.kind === 'owner' || b.kind === 'account' ? ' font-weight="bold"' : ''}>${escapeXml(clip(b.label))}</text></g>`,
      );
    }
    if (b?.badges) out.push(badge(b, x + (n.width ?? 0), y));
    for (const c of n.children ?? []) draw(c, x, y);
  };
  for (const c of root.children ?? []) draw(c, PAD, HEADER);
  // Edges, with the crossing's colour; replication dashed.
  edges.forEach((e, i) => {
    const m = model.edges[i]!;
    const s = e.sections?.[0];
    if (!s) return;
    const o = abs.get(e.container ?? 'root') ?? { x: 0, y: 0 };
    const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]
      .map((p) => `${(p.x + o.x + PAD).toFixed(1)},${(p.y + o.y + HEADER).toFixed(1)}`)
      .join(' ');
    const w = Math.min(6, 1 + 2 * m.bytesPerProducedByte);
    out.push(
      `<g class="edge ${m.kind} ${m.crossing}" id="${e.id}"><title>${escapeXml(`${m.kind}: ${byLabel(model, m.from)} → ${byLabel(model, m.to)}; ${m.bytesPerProducedByte} bytes per produced byte over ${m.hops} hop${m.hops === 1 ? '' : 's'}; crossing: ${m.crossing}`)}</title><polyline points="${pts}" fill="none" stroke="${EDGE_COLOURS[m.crossing]}" stroke-width="${w.toFixed(2)}"${m.kind === 'replication' ? ' stroke-dasharray="8 4"' : ''} marker-end="url(#arrow-${m.crossing})"/></g>`,
    );
  });
  // Legend: what is drawn.
  const used = new Set(model.edges.map((e) => e.crossing));
  const items: [string, string, boolean][] = [
    ['record path, same AZ', EDGE_COLOURS.none, used.has('none')],
    ['crosses an AZ', EDGE_COLOURS.az, used.has('az')],
    ['crosses a region or account', EDGE_COLOURS.region, used.has('region') || used.has('account')],
    ['leaves the boundary', EDGE_COLOURS.boundary, used.has('boundary')],
  ];
  out.push(
    `<g class="legend"><text x="${PAD}" y="${legendY + 14}" font-weight="bold">Legend</text>`,
  );
  let lx = PAD;
  for (const [label, colour, shown] of items) {
    if (!shown) continue;
    out.push(
      `<line x1="${lx}" y1="${legendY + 32}" x2="${lx + 28}" y2="${legendY + 32}" stroke="${colour}" stroke-width="3"/><text x="${lx + 34}" y="${legendY + 36}">${escapeXml(label)}</text>`,
    );
    lx += 44 + label.length * CHAR;
  }
  if (model.edges.some((e) => e.kind === 'replication')) {
    out.push(
      `<line x1="${lx}" y1="${legendY + 32}" x2="${lx + 28}" y2="${legendY + 32}" stroke="#334155" stroke-width="3" stroke-dasharray="8 4"/><text x="${lx + 34}" y="${legendY + 36}">replication or linking</text>`,
    );
  }
  out.push(
    `<rect x="${PAD}" y="${legendY + 50}" width="24" height="14" fill="#ffffff" stroke="#b91c1c" stroke-width="1.5"/><text x="${PAD + 30}" y="${legendY + 61}">held outside the boundary</text>`,
    `<rect x="${PAD + 200}" y="${legendY + 50}" width="24" height="14" fill="#f0fdf4" stroke="#94a3b8" stroke-dasharray="4 3"/><text x="${PAD + 230}" y="${legendY + 61}">availability zone (by AZ id)</text>`,
  );
  if (model.boxes.some((b) => b.badges))
    out.push(
      `<rect x="${PAD + 600}" y="${legendY + 50}" width="22" height="14" rx="7" fill="${BADGE_COLOURS.high}"/><text x="${PAD + 630}" y="${legendY + 61}">findings on a box: colour of the worst severity, count</text>`,
    );
  if (model.boxes.some((b) => b.owner === 'unknown'))
    out.push(
      `<rect x="${PAD + 420}" y="${legendY + 50}" width="24" height="14" fill="#ffffff" stroke="#6b7280" stroke-width="1.5" stroke-dasharray="4 3"/><text x="${PAD + 450}" y="${legendY + 61}">holder unknown</text>`,
    );
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info', 'unknown'] as const;
export const BADGE_COLOURS: Record<(typeof SEVERITY_ORDER)[number], string> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#d97706',
  low: '#2563eb',
  info: '#6b7280',
  unknown: '#6b7280',
};

/** A finding badge at a box's top-right corner: its worst severity's colour, the count. */
function badge(b: MapBox, right: number, top: number): string {
  const counts = SEVERITY_ORDER.flatMap((k) => (b.badges?.[k] ? [[k, b.badges[k]!] as const] : []));
  if (!counts.length) return '';
  const total = counts.reduce((a, [, n]) => a + n, 0);
  const worst = counts[0]![0];
  const text = String(total);
  const w = Math.max(18, 8 + text.length * 7);
  const x = right - w - 4;
  const y = top + 3;
  return `<g class="badge ${worst}"><title>${escapeXml(`${b.label}: ${counts.map(([k, n]) => `${n} ${k}`).join(', ')}`)}</title><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w}" height="15" rx="7.5" fill="${BADGE_COLOURS[worst]}"/><text x="${(x + w / 2).toFixed(1)}" y="${(y + 11).toFixed(1)}" fill="#ffffff" font-size="10" font-weight="bold" text-anchor="middle">${worst === 'unknown' ? '?' : ''}${text}</text></g>`;
}

function byLabel(model: MapModel, id: string): string {
  return model.boxes.find((b) => b.id === id)?.label ?? id;
}
