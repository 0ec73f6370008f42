import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { analyze } from '../src/analyze.js';
import { Owners } from '../src/boundary/owners.js';
import { BoundarySchema } from '../src/boundary/schema.js';
import {
  OWNERSHIP_AREAS,
  type OwnershipRow,
  ownershipTable,
  renderOwnershipMarkdown,
} from '../src/report/ownership.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import { estateArgs, ownmap } from './support/cli.js';
import { analyzeFixture } from './support/fixtures.js';
import { kafkaBoundary, kafkaVpc } from './support/network.js';

const tableOf = (name: string): OwnershipRow[] => {
  const { analysis: a, boundary } = analyzeFixture(name, RULES, 'all');
  return ownershipTable({
    inventory: a.inventory,
    boundary,
    owners: new Owners(boundary, a.inventory),
    records: a.records(),
    findings: a.report.findings,
  });
};

/** area → [status of each row, in table order] for each fixture, as its story says. */
const EXPECTED: Record<string, Partial<Record<OwnershipRow['area'], string[]>>> = {
  'automq-byoc': {
    'client-paths': ['inside', 'inside'],
    'compute-placement': ['inside'],
    'durable-storage': ['inside', 'inside'],
    // The vendor's control-plane role, and the vendor holding rollback.
    'control-plane': ['outside'],
    'support-access': ['outside'],
    'failover-authority': ['inside'],
    'rollback-authority': ['outside'],
  },
  'msk-replicator': {
    // The vendor's settlement reader; the payments API.
    'client-paths': ['outside', 'inside'],
    'compute-placement': ['inside', 'inside'],
    replication: ['inside'],
    // The recorded gap (payments-dr's cluster policy) and two grants on payments.
    'control-plane': ['unknown', 'outside', 'outside'],
    'support-access': ['outside'],
  },
  'multi-account-tgw': {
    // analytics inside, DataPartner a party, HQ's producer names no account.
    'client-paths': ['inside', 'outside', 'unknown'],
    'control-plane': ['inside'],
  },
  'kafka-tiered-nat': {
    // Disks of az1 and az2 under one key, az3's in clear, the tiered bucket.
    'durable-storage': ['inside', 'inside', 'inside'],
    // The boundary declares no failover or rollback authority.
    'failover-authority': ['unknown'],
    'rollback-authority': ['unknown'],
  },
};

describe.each(Object.entries(EXPECTED))('ownership table of %s', (name, areas) => {
  const rows = tableOf(name);
  it.each(Object.entries(areas))('%s', (area, statuses) => {
    expect(rows.filter((r) => r.area === area).map((r) => r.status)).toEqual(statuses);
  });
  it('has a row for every area that applies, evidence behind every row it can prove', () => {
    for (const area of ['compute-placement', 'durable-storage', 'control-plane'] as const)
      expect(rows.some((r) => r.area === area)).toBe(true);
    for (const r of rows)
      if (r.status === 'inside' && r.area !== 'control-plane')
        expect(r.evidence.length, `${r.area} ${r.what}`).toBeGreaterThan(0);
  });
  it('is sorted by area in the order buyers read it', () => {
    const order = rows.map((r) => OWNERSHIP_AREAS.indexOf(r.area));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('MSK broker storage in three AZs is one row', () => {
  it('msk-replicator: one durable-storage row per cluster, its three AZ ids', () => {
    const rows = tableOf('msk-replicator').filter((r) => r.area === 'durable-storage');
    expect(rows.map((r) => r.where.azIds)).toEqual([
      ['use1-az1', 'use1-az2', 'use1-az4'],
      ['usw2-az1', 'usw2-az2', 'usw2-az3'],
    ]);
  });
});

describe('markdown escapes every name', () => {
  it('a hostile party name and client name cannot break the table or inject markup', () => {
    const hostile = 'Evil | <script>alert(1)</script> `x` [y](z) \u0007bell';
    const boundary = BoundarySchema.parse({
      ...kafkaBoundary([{ name: hostile, role: 'producer', cluster: 'orders', azId: 'euw1-az1' }]),
      version: 1,
      name: `estate ${hostile}`,
      inside: { accounts: [{ id: '111111111111' }] },
      parties: [{ name: hostile, role: 'vendor', accounts: ['222222222222'] }],
    });
    const a = analyze(readSnapshot(kafkaVpc().source('hostile')), boundary, RULES, 'all');
    const md = renderOwnershipMarkdown(
      ownershipTable({
        inventory: a.inventory,
        boundary,
        owners: new Owners(boundary, a.inventory),
        records: a.records(),
        findings: a.report.findings,
      }),
      boundary.name,
    );
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('\u0007');
    // Every table line keeps its eight columns: no unescaped pipe in a cell.
    for (const line of md.split('\n').filter((l) => l.startsWith('| ')))
      expect(line.split(/(?<!\\)\|/).length - 2, line).toBe(8);
    expect(md).toContain('\\<script\\>');
  });
});

describe('ownmap map', () => {
  it('md by default, json on request, byte-identical runs, exit 0', () => {
    const md = ownmap(['map', ...estateArgs('msk-replicator')]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Ownership map: payments-streaming/);
    expect(md.stdout).toContain('| Failover authority | inside: arn:aws:iam::402938475610:role');
    const json = ownmap(['map', ...estateArgs('msk-replicator'), '--format', 'json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { format: string; rows: OwnershipRow[] };
    expect(parsed.format).toBe('ownmap-ownership/1');
    expect(new Set(parsed.rows.map((r) => r.area)).size).toBeGreaterThanOrEqual(7);
    expect(ownmap(['map', ...estateArgs('msk-replicator'), '--format', 'json']).stdout).toBe(
      json.stdout,
    );
  });
  it('a bad boundary file is one line and exit 2', () => {
    const r = ownmap([
      'map',
      'fixtures/estates/msk-replicator/snapshot',
      '--boundary',
      'fixtures/estates/msk-replicator/README.md',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
