import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { Owners } from '../src/boundary/owners.js';
import {
  buildMapModel,
  FocusError,
  MAP_LEVELS,
  type MapInput,
  type MapLevel,
} from '../src/report/map-model.js';
import { analyzeFixture } from './support/fixtures.js';

const inputOf = (name: string): MapInput => {
  const { analysis: a, boundary } = analyzeFixture(name);
  return {
    inventory: a.inventory,
    boundary,
    owners: new Owners(boundary, a.inventory),
    records: a.records(),
  };
};

/** An estate analysed with every rule: its map input carries the findings. */
const withFindings = (name: string) => {
  const { analysis: a, boundary } = analyzeFixture(name, RULES, 'all');
  const input: MapInput = {
    inventory: a.inventory,
    boundary,
    owners: new Owners(boundary, a.inventory),
    records: a.records(),
    findings: a.report.findings,
  };
  return { a, input };
};

const ESTATES = ['automq-byoc', 'kafka-tiered-nat', 'msk-replicator', 'multi-account-tgw'];
const DEPTH = { owner: 0, account: 1, region: 2, vpc: 3, az: 4, subnet: 5, leaf: 6 } as const;

describe.each(ESTATES)('map model of %s', (name) => {
  const input = inputOf(name);
  it.each(MAP_LEVELS)('at %s: boxes nest, edges join boxes that are drawn', (level) => {
    const m = buildMapModel(input, level);
    const byId = new Map(m.boxes.map((b) => [b.id, b]));
    expect(byId.size).toBe(m.boxes.length);
    for (const b of m.boxes) {
      if (b.kind === 'owner') expect(b.parent).toBeUndefined();
      else {
        const parent = byId.get(b.parent!);
        expect(parent, `${b.id} in ${b.parent}`).toBeDefined();
        expect(DEPTH[parent!.kind]).toBeLessThan(DEPTH[b.kind]);
      }
    }
    for (const e of m.edges) {
      expect(byId.has(e.from), e.id).toBe(true);
      expect(byId.has(e.to), e.id).toBe(true);
      expect(e.from).not.toBe(e.to);
    }
    const kinds = new Set(m.boxes.map((b) => b.kind));
    if (level === 'account')
      for (const k of ['vpc', 'az', 'subnet', 'leaf'] as const) expect(kinds.has(k)).toBe(false);
    if (level === 'resource') expect(kinds.has('leaf')).toBe(true);
  });
  it('is deterministic', () => {
    expect(JSON.stringify(buildMapModel(input, 'resource'))).toBe(
      JSON.stringify(buildMapModel(inputOf(name), 'resource')),
    );
  });
  it('auto picks the deepest level within the box budget', () => {
    expect(buildMapModel(input, 'auto').level).toBe('resource');
    const tight = buildMapModel(input, 'auto', buildMapModel(input, 'vpc').boxes.length);
    expect(['account', 'vpc']).toContain(tight.level);
    expect(buildMapModel(input, 'auto', 1).level).toBe('account');
  });
});

describe('edges carry the worst crossing of what they merge', () => {
  it('msk-replicator: the replicator links the two regions, in red', () => {
    const m = buildMapModel(inputOf('msk-replicator'), 'account');
    expect(
      m.edges.filter((e) => e.kind === 'replication').map((e) => [e.from, e.to, e.crossing]),
    ).toEqual([['region:402938475610/us-east-1', 'region:402938475610/us-west-2', 'region']]);
    // The vendor's reader sits in its own owner box: its consume edge leaves the boundary.
    expect(
      m.edges.some((e) => e.to.startsWith('region:771122334455') && e.crossing === 'boundary'),
    ).toBe(true);
  });
  it('kafka-tiered-nat at subnet level: replication between the AZs is amber', () => {
    const m = buildMapModel(inputOf('kafka-tiered-nat'), 'subnet');
    const az = m.edges.filter((e) => e.kind === 'record' && e.crossing === 'az');
    expect(az.length).toBeGreaterThan(0);
    for (const e of az) expect(e.from).not.toBe(e.to);
  });
});

describe('finding badges', () => {
  const { a, input } = withFindings('kafka-tiered-nat');
  const total = (level: MapLevel) =>
    buildMapModel(input, level).boxes.reduce(
      (s, b) => s + Object.values(b.badges ?? {}).reduce((x, n) => x + (n ?? 0), 0),
      0,
    );
  it('sit on the box a finding is about: the unencrypted disk, the tiered bucket', () => {
    const m = buildMapModel(input, 'resource');
    expect(m.boxes.find((b) => b.id === 'leaf:disk:kprod@usw2-az3')?.badges).toEqual({ high: 1 });
    expect(
      m.boxes.find((b) => b.id === 'leaf:arn:aws:s3:::kprod-kafka-tiered-usw2')?.badges,
    ).toBeDefined();
  });
  it('fold with their boxes: every level shows the same total', () => {
    const all = total('resource');
    expect(all).toBeGreaterThan(0);
    for (const level of MAP_LEVELS) expect(total(level), level).toBe(all);
    // Findings about places the map does not draw (an undeclared account named in a policy)
    // are left out, never put on a wrong box.
    expect(all).toBeLessThan(a.report.findings.length);
  });
});

describe('--focus', () => {
  const { a, input } = withFindings('msk-replicator');
  it('a cluster: only its record paths and the places they reach', () => {
    const m = buildMapModel(input, 'resource', 300, 'payments-dr');
    expect(m.boxes.some((b) => b.id.includes('us-east-1'))).toBe(false);
    expect(m.boxes.some((b) => b.label.includes('payments-dr'))).toBe(true);
  });
  it('an account: every edge touches it, with the boxes at both ends', () => {
    const m = buildMapModel(input, 'resource', 300, '771122334455');
    const under = (id: string) => {
      for (let b = m.boxes.find((x) => x.id === id); b; b = m.boxes.find((x) => x.id === b!.parent))
        if (b.id === 'account:771122334455') return true;
      return false;
    };
    expect(m.edges.length).toBeGreaterThan(0);
    for (const e of m.edges) expect(under(e.from) || under(e.to), e.id).toBe(true);
    expect(m.boxes.length).toBeLessThan(buildMapModel(input, 'resource').boxes.length);
  });
  it('a finding: the box it is on, with its edges', () => {
    const f = a.report.findings.find((x) => x.ruleId === 'record-replicated-across-regions')!;
    const m = buildMapModel(input, 'resource', 300, f.id);
    expect(m.boxes.some((b) => b.badges)).toBe(true);
  });
  it('something the map does not hold: an error naming what was expected', () => {
    expect(() => buildMapModel(input, 'resource', 300, 'nothing')).toThrow(FocusError);
  });
});
