import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { Owners } from '../src/boundary/owners.js';
import { BoundarySchema } from '../src/boundary/schema.js';
import { buildMapModel, type MapLevel, type MapModel } from '../src/report/map-model.js';
import { renderMapSvg } from '../src/report/svg.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import { analyzeFixture } from './support/fixtures.js';
import { kafkaBoundary, kafkaVpc } from './support/network.js';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Each box's rectangle by its SVG id, and each edge's points. */
function parse(svg: string) {
  const boxes = new Map<string, Rect>();
  for (const m of svg.matchAll(
    /<g class="box [a-z]+" id="(box-\d+)"><title>[^<]*<\/title><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g,
  ))
    boxes.set(m[1]!, { x: +m[2]!, y: +m[3]!, w: +m[4]!, h: +m[5]! });
  const edges = [...svg.matchAll(/<g class="edge [^"]+" id="(edge-\d+)">.*?points="([^"]+)"/g)].map(
    (m) => ({ id: m[1]!, points: m[2]!.split(' ').map((p) => p.split(',').map(Number)) }),
  );
  return { boxes, edges };
}

const inside = (a: Rect, b: Rect, slack = 0.5) =>
  a.x >= b.x - slack &&
  a.y >= b.y - slack &&
  a.x + a.w <= b.x + b.w + slack &&
  a.y + a.h <= b.y + b.h + slack;
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const near = (p: number[], r: Rect, slack = 2) =>
  p[0]! >= r.x - slack &&
  p[0]! <= r.x + r.w + slack &&
  p[1]! >= r.y - slack &&
  p[1]! <= r.y + r.h + slack;

function modelOf(name: string, level: MapLevel): MapModel {
  const { analysis: a, boundary } = analyzeFixture(name);
  return buildMapModel(
    {
      inventory: a.inventory,
      boundary,
      owners: new Owners(boundary, a.inventory),
      records: a.records(),
    },
    level,
  );
}

const CASES: [string, MapLevel][] = [
  ['automq-byoc', 'resource'],
  ['kafka-tiered-nat', 'resource'],
  ['kafka-tiered-nat', 'subnet'],
  ['msk-replicator', 'resource'],
  ['msk-replicator', 'account'],
  ['multi-account-tgw', 'vpc'],
];

describe.each(CASES)('SVG of %s at %s', (name, level) => {
  const model = modelOf(name, level);
  const ids = new Map(model.boxes.map((b, i) => [b.id, `box-${i}`]));
  let svg = '';
  it('is well-formed XML with no script, and byte-identical on a second run', async () => {
    svg = await renderMapSvg(model, { title: name, date: '2026-11-20' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script|javascript:|on[a-z]+=/i);
    expect(await renderMapSvg(model, { title: name, date: '2026-11-20' })).toBe(svg);
  });
  it('draws every box inside its parent, siblings apart', () => {
    const { boxes } = parse(svg);
    expect(boxes.size).toBe(model.boxes.length);
    for (const b of model.boxes) {
      const r = boxes.get(ids.get(b.id)!)!;
      if (b.parent) expect(inside(r, boxes.get(ids.get(b.parent)!)!), b.id).toBe(true);
    }
    const byParent = new Map<string | undefined, string[]>();
    for (const b of model.boxes) byParent.set(b.parent, [...(byParent.get(b.parent) ?? []), b.id]);
    for (const sibs of byParent.values())
      for (let i = 0; i < sibs.length; i++)
        for (let j = i + 1; j < sibs.length; j++)
          expect(
            overlap(boxes.get(ids.get(sibs[i]!)!)!, boxes.get(ids.get(sibs[j]!)!)!),
            `${sibs[i]} / ${sibs[j]}`,
          ).toBe(false);
  });
  it('joins every edge to the boxes it connects, coloured as the legend says', () => {
    const { boxes, edges } = parse(svg);
    expect(edges).toHaveLength(model.edges.length);
    edges.forEach((e, i) => {
      const m = model.edges[i]!;
      const from = boxes.get(ids.get(m.from)!)!;
      const to = boxes.get(ids.get(m.to)!)!;
      expect(near(e.points[0]!, from), `${m.id} starts at ${m.from}`).toBe(true);
      expect(near(e.points[e.points.length - 1]!, to), `${m.id} ends at ${m.to}`).toBe(true);
    });
    const crossings = new Set(model.edges.map((e) => e.crossing));
    expect(svg.includes('crosses an AZ')).toBe(crossings.has('az'));
    expect(svg.includes('leaves the boundary')).toBe(crossings.has('boundary'));
  });
});

describe('hostile names', () => {
  it('tags, quotes, CDATA ends, control characters and 2 KB names render safely', async () => {
    const hostile = `<script>alert(1)</script> "q" 'a' ]]> & \u0001\u0008 ${'x'.repeat(2048)}`;
    const boundary = BoundarySchema.parse({
      ...kafkaBoundary([{ name: hostile, role: 'producer', cluster: 'orders', azId: 'euw1-az1' }]),
      version: 1,
      name: hostile,
      inside: { accounts: [{ id: '111111111111', name: hostile }] },
    });
    const a = analyze(readSnapshot(kafkaVpc().source('hostile')), boundary, [], 'none');
    const model = buildMapModel(
      {
        inventory: a.inventory,
        boundary,
        owners: new Owners(boundary, a.inventory),
        records: a.records(),
      },
      'resource',
    );
    const svg = await renderMapSvg(model, { title: hostile, date: undefined });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain(']]>');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
    expect(svg).not.toMatch(/[\u0001\u0008]/);
    expect(svg).toContain('&lt;script&gt;');
  });
});
