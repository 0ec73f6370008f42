import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { BoundarySchema } from '../src/boundary/schema.js';
import { EDGE_KINDS, NODE_KINDS } from '../src/graph/kinds.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import { estate } from './support/estate.js';

const A = '111111111111';
const V = '222222222222';
const boundary = BoundarySchema.parse({
  version: 1,
  name: 'g',
  inside: { accounts: [{ id: A }] },
  parties: [{ name: 'Vendor', role: 'vendor', accounts: [V] }],
  data: { buckets: ['data-*'] },
});
const e = estate()
  .vpc('vpc-0a1b2c3d4e5f60718', { cidr: '10.0.0.0/16' })
  .subnet('subnet-0a1b2c3d4e5f60718', {
    vpc: 'vpc-0a1b2c3d4e5f60718',
    az: 'eu-west-1a',
    azId: 'euw1-az3',
  })
  .key('1234abcd-12ab-34cd-56ef-1234567890ab', { aliases: ['alias/data'] })
  .bucket('data-1', {
    sse: 'aws:kms',
    kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    replication: { rules: [{ id: 'dr', destBucket: 'vendor-copy', destAccount: V }] },
  })
  .bucket('logs-1')
  .trail('main', { bucket: 'logs-1' })
  .role('vendor-access', {
    trust: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${V}:root` }, Action: 'sts:AssumeRole' },
      ],
    },
  });
const { graph } = analyze(readSnapshot(e.source()), boundary, [], 'all');

const edgesOf = (kind: string) =>
  graph.filterEdges((_k, a) => a.kind === kind).map((k) => [graph.source(k), graph.target(k)]);

describe('ownership graph', () => {
  it('uses only declared node and edge kinds', () => {
    graph.forEachNode((_k, a) => expect(Object.keys(NODE_KINDS)).toContain(a.kind));
    graph.forEachEdge((_k, a) => expect(Object.keys(EDGE_KINDS)).toContain(a.kind));
  });

  it.each([
    ['owner:inside', `account:${A}`],
    [`account:${A}`, `region:${A}:eu-west-1`],
    [`region:${A}:eu-west-1`, 'arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-0a1b2c3d4e5f60718'],
    [
      'arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-0a1b2c3d4e5f60718',
      'arn:aws:ec2:eu-west-1:111111111111:subnet/subnet-0a1b2c3d4e5f60718',
    ],
    [`region:${A}:eu-west-1`, 'arn:aws:s3:::data-1'],
    ['owner:party:Vendor', `account:${V}`],
  ])('contains %s → %s', (from, to) => {
    expect(edgesOf('contains')).toContainEqual([from, to]);
  });

  it('places a subnet in its AZ by id', () => {
    expect(edgesOf('in-az')).toContainEqual([
      'arn:aws:ec2:eu-west-1:111111111111:subnet/subnet-0a1b2c3d4e5f60718',
      'az:euw1-az3',
    ]);
  });

  it('links keys, trails, replication and trust', () => {
    expect(edgesOf('encrypts')).toContainEqual([
      'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'arn:aws:s3:::data-1',
    ]);
    expect(edgesOf('logs-to')).toContainEqual([
      'arn:aws:cloudtrail:eu-west-1:111111111111:trail/main',
      'arn:aws:s3:::logs-1',
    ]);
    expect(edgesOf('replicates-to')).toContainEqual([
      'arn:aws:s3:::data-1',
      'arn:aws:s3:::vendor-copy',
    ]);
    expect(edgesOf('trusts')).toContainEqual([
      'arn:aws:iam::111111111111:role/vendor-access',
      `account:${V}`,
    ]);
  });

  it('marks data-bearing nodes with the reason, and referenced-only nodes as not scanned', () => {
    expect(graph.getNodeAttribute('arn:aws:s3:::data-1', 'dataBearing')).toEqual([
      "matches data.buckets pattern 'data-*'",
    ]);
    expect(
      graph.getNodeAttribute(
        'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        'dataBearing',
      ),
    ).toEqual(['encrypts data bucket data-1']);
    expect(graph.getNodeAttribute('arn:aws:s3:::logs-1', 'dataBearing')).toBeUndefined();
    expect(graph.getNodeAttributes('arn:aws:s3:::vendor-copy')).toMatchObject({
      scanned: false,
      owner: 'Vendor',
      ownerKind: 'party',
    });
  });
});
