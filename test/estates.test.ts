import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { analyze } from '../src/analyze.js';
import { parseBoundary } from '../src/boundary/load.js';
import { loadClusterConfigs, loadClusterTopics } from '../src/cli/configs.js';
import { renderJson } from '../src/report/json.js';
import { openSnapshotDir } from '../src/snapshot/reader.js';

const DR_CLUSTER =
  'arn:aws:kafka:us-west-2:402938475610:cluster/payments-dr/3bff170d-7479-4d47-97d9-ee2bd91c769d-3';
const PAYMENTS =
  'arn:aws:kafka:us-east-1:402938475610:cluster/payments/8a792362-258d-4b50-92d3-8401060f91be-7';
const AUTOMQ_KEY = 'arn:aws:kms:eu-west-1:210987654321:key/7c1e4b2a-93d5-4f6e-8a0b-2d4c6e8f1a3b';
const AUTOMQ_NAT = 'arn:aws:ec2:eu-west-1:210987654321:natgateway/nat-0d37eb142c6c0dc78';
const KPROD_NAT = 'arn:aws:ec2:us-west-2:334455667788:natgateway/nat-0b6d2f8a1c94e7305';
const STREAMING_KEY =
  'arn:aws:kms:eu-central-1:606060606002:key/b7e1f5e5-f888-40ca-b075-05031160f3bf';
const MSK_KEY = 'arn:aws:kms:us-east-1:402938475610:key/68e4e81f-7bf3-4366-80fe-d3eaa306a92d';

type Row = [ruleId: string, status: 'open' | 'unknown' | 'suppressed', resource: string];

/** Each bundled estate and the findings its README promises, no more and no fewer. */
const ESTATES: Record<string, Row[]> = {
  'automq-byoc': [
    ['data-bucket-key-not-inside', 'open', 'arn:aws:s3:::acme-automq-ops-euw1'],
    // Record paths: zone-aware routing is off, so the analytics group reads from leaders in
    // other AZs.
    ['consumer-fetches-across-az', 'open', 'cluster:orders'],
    // Packet paths: the brokers reach their KMS key through the NAT gateway in euw1-az3 (no KMS
    // endpoint); the az1 and az2 private subnets route to that NAT; both clients reach brokers
    // in other AZs.
    ['data-traffic-off-private-path', 'open', AUTOMQ_KEY],
    ['nat-gateway-in-another-az', 'open', AUTOMQ_NAT],
    [
      'path-crosses-az',
      'open',
      'arn:aws:ec2:eu-west-1:210987654321:subnet/subnet-0bdf775b60b5f326a',
    ],
    [
      'path-crosses-az',
      'open',
      'arn:aws:ec2:eu-west-1:210987654321:subnet/subnet-0f03ce7471dc8563b',
    ],
    ['path-crosses-az', 'open', AUTOMQ_KEY],
    // AutoMQ's control plane can assume the role; its permissions are not in the snapshot.
    [
      'outside-can-assume-data-role',
      'open',
      'arn:aws:iam::210987654321:role/automq-byoc-control-plane',
    ],
  ],
  'kafka-tiered-nat': [
    ['data-outside-approved-regions', 'open', 'arn:aws:s3:::kprod-kafka-tiered-backup-use1'],
    ['undeclared-account', 'open', 'arn:aws:iam::999988887777:root'],
    ['data-bucket-key-not-inside', 'open', 'arn:aws:s3:::kprod-kafka-tiered-backup-use1'],
    ['data-bucket-key-not-inside', 'open', 'arn:aws:s3:::kprod-kafka-tiered-usw2'],
    ['data-bucket-without-data-event-trail', 'open', 'arn:aws:s3:::kprod-kafka-tiered-backup-use1'],
    ['data-bucket-without-data-event-trail', 'open', 'arn:aws:s3:::kprod-kafka-tiered-usw2'],
    ['no-multi-region-trail', 'open', 'arn:aws:iam::334455667788:root'],
    ['outside-can-read-data', 'open', 'arn:aws:s3:::kprod-kafka-tiered-usw2'],
    // Packet paths: tiered-storage traffic leaves through the one NAT gateway (usw2-az1), which
    // the az2 and az3 broker subnets reach across an AZ.
    ['data-traffic-off-private-path', 'open', 'arn:aws:s3:::kprod-kafka-tiered-usw2'],
    ['nat-gateway-in-another-az', 'open', KPROD_NAT],
    ['path-crosses-az', 'open', 'arn:aws:s3:::kprod-kafka-tiered-usw2'],
    // Apache Kafka keeps its log on the brokers; tiered storage is on (info).
    ['durable-log-on-broker-disk', 'open', 'cluster:kprod'],
    // Record paths: RF 3 over 3 AZs, leader fetching, and broker 3's data volume in clear.
    ['replication-crosses-az', 'open', 'cluster:kprod'],
    ['consumer-fetches-across-az', 'open', 'cluster:kprod'],
    ['durable-hop-unencrypted', 'open', 'disk:kprod@usw2-az3'],
    // The declared clients reach two of three brokers across an AZ (leaders live everywhere).
    [
      'path-crosses-az',
      'open',
      'arn:aws:ec2:us-west-2:334455667788:subnet/subnet-04a7d3e9c1f25b860',
    ],
    [
      'path-crosses-az',
      'open',
      'arn:aws:ec2:us-west-2:334455667788:subnet/subnet-04a7d3e9c1f25b860',
    ],
    [
      'path-crosses-az',
      'open',
      'arn:aws:ec2:us-west-2:334455667788:subnet/subnet-09e1b6c4a72d3f815',
    ],
    [
      'path-crosses-az',
      'open',
      'arn:aws:ec2:us-west-2:334455667788:subnet/subnet-0d58f2a3b6e9c1704',
    ],
  ],
  'msk-replicator': [
    ['bucket-replicates-outside', 'open', 'arn:aws:s3:::payments-archive-use1'],
    // MSK Replicator copies payments (us-east-1) into payments-dr (us-west-2, not approved).
    [
      'record-replicated-across-regions',
      'open',
      'arn:aws:kafka:us-east-1:402938475610:cluster/payments/8a792362-258d-4b50-92d3-8401060f91be-7',
    ],
    [
      'data-outside-approved-regions',
      'open',
      'arn:aws:kafka:us-west-2:402938475610:cluster/payments-dr/3bff170d-7479-4d47-97d9-ee2bd91c769d-3',
    ],
    [
      'data-outside-approved-regions',
      'open',
      'arn:aws:kms:us-west-2:402938475610:key/ff271d90-648b-4b51-9242-ffe8cd222987',
    ],
    [
      'undeclared-account',
      'unknown',
      'arn:aws:kafka:us-west-2:402938475610:cluster/payments-dr/3bff170d-7479-4d47-97d9-ee2bd91c769d-3',
    ],
    // The cluster policy of payments-dr could not be read (a gap): who can use it is unknown.
    ['outside-can-read-data', 'unknown', DR_CLUSTER],
    ['outside-can-write-data', 'unknown', DR_CLUSTER],
    // The vendor decrypts through the key policy and through a grant, and reads settlements topics.
    ['outside-can-decrypt-data', 'open', MSK_KEY],
    ['outside-can-decrypt-data', 'open', MSK_KEY],
    [
      'outside-can-read-data',
      'open',
      'arn:aws:kafka:us-east-1:402938475610:cluster/payments/8a792362-258d-4b50-92d3-8401060f91be-7',
    ],
    // The cluster policy: StreamOps connects (medium); MSK Replicator's service principal has no
    // aws:SourceAccount guard (low); the DR cluster's policy is a gap.
    ['cluster-policy-grants-outside-account', 'open', PAYMENTS],
    ['cluster-policy-grants-outside-account', 'open', PAYMENTS],
    ['cluster-policy-grants-outside-account', 'unknown', DR_CLUSTER],
  ],
  'multi-account-tgw': [
    ['undeclared-account', 'open', 'arn:aws:iam::727272727272:root'],
    [
      'trail-delivers-outside',
      'unknown',
      'arn:aws:cloudtrail:eu-central-1:606060606002:trail/datapartner-soc-feed',
    ],
    ['trail-delivers-outside', 'unknown', 'arn:aws:cloudtrail:eu-west-1:606060606003:*'],
    ['data-bucket-without-data-event-trail', 'unknown', 'arn:aws:s3:::analytics-curated-euw1'],
    // Network links to outside accounts: the pending attachment of 727272727272 to the shared
    // transit gateway, and the active peering with DataPartner; two private subnets of
    // 606060606001 in euc1-az1 and euc1-az3 share its NAT gateway in euc1-az2.
    [
      'network-link-to-outside-account',
      'open',
      'arn:aws:ec2:eu-central-1:606060606001:transit-gateway-attachment/tgw-attach-0d331056e3ef2bc34',
    ],
    [
      'network-link-to-outside-account',
      'open',
      'arn:aws:ec2:eu-central-1:606060606002:vpc-peering-connection/pcx-04f22480931179fc4',
    ],
    [
      'nat-gateway-in-another-az',
      'open',
      'arn:aws:ec2:eu-central-1:606060606001:natgateway/nat-01f667299d721574a',
    ],
    // Central egress: the brokers of streaming-kafka reach their KMS key through the transit
    // gateway, the hub's attachment subnet and its NAT gateway in euc1-az2 (no KMS endpoint).
    ['data-traffic-off-private-path', 'open', STREAMING_KEY],
    ['path-crosses-account', 'open', STREAMING_KEY],
    ['path-crosses-az', 'open', STREAMING_KEY],
    ['durable-log-on-broker-disk', 'open', 'cluster:streaming-kafka'],
    // The analytics VPC's S3 gateway endpoint keeps the default full-access policy.
    [
      'endpoint-allows-outside-buckets',
      'open',
      'arn:aws:ec2:eu-central-1:606060606003:vpc-endpoint/vpce-04a8a8efc240b7091',
    ],
  ],
};

const run = (name: string) => {
  const dir = `fixtures/estates/${name}`;
  const boundary = parseBoundary(
    readFileSync(`${dir}/boundary.yaml`, 'utf8'),
    `${dir}/boundary.yaml`,
  );
  // As the CLI does: the broker configurations the boundary file names are read too.
  const configs = loadClusterConfigs(boundary, `${dir}/boundary.yaml`);
  const topics = loadClusterTopics(boundary, `${dir}/boundary.yaml`);
  return analyze(openSnapshotDir(`${dir}/snapshot`), boundary, RULES, 'all', configs, topics);
};

describe.each(Object.entries(ESTATES))('estate %s', (name, rows) => {
  const { report, graph } = run(name);

  it('reports exactly the findings its README promises', () => {
    const got = report.findings.map((f) => [f.ruleId, f.status, f.resource.arn]);
    expect(got.sort()).toEqual([...rows].sort());
  });

  it('has no rule errors and evidence on every finding', () => {
    expect(report.errors).toEqual([]);
    for (const f of report.findings) {
      expect(f.evidence.length, f.id).toBeGreaterThan(0);
      for (const e of f.evidence)
        expect(e.excerpt, `${f.id} ${e.file}#${e.pointer}`).not.toBeUndefined();
    }
  });

  it('places every subnet, instance and ENI in an AZ id, never an AZ name', () => {
    graph.forEachNode((_key, a) => {
      if (a.kind === 'subnet' && a.scanned) expect(a.azId).toMatch(/^[a-z]{2,}\d*-az\d+$/);
      if (a.azId) expect(a.azId).not.toMatch(/^[a-z]{2}-[a-z]+-\d[a-z]$/);
    });
  });

  it('is deterministic: two runs give identical bytes', () => {
    expect(renderJson(run(name).report)).toBe(renderJson(report));
  });
});

/**
 * The record paths each estate's README states: cluster → [cross-AZ bytes per produced byte,
 * cross-AZ $/month, cross-region $/month, NAT $/month, elasticity model] (null: no rate given).
 */
const RECORDS: Record<
  string,
  [string, number, number | null, number | null, number | null, string][]
> = {
  'automq-byoc': [['orders', 1.333333333, 2803.2, 0, 0, 'shared-storage']],
  'kafka-tiered-nat': [['kprod', 3.833333333, 4029.6, 0, 1773.9, 'shared-nothing']],
  'msk-replicator': [
    ['payments', 2.916666667, 578.16, 630.72, 0, 'shared-nothing'],
    // No producer of its own: MSK Replicator writes into it at the source's 12 MB/s.
    ['payments-dr', 2.666666667, 420.48, 0, 0, 'shared-nothing'],
  ],
  'multi-account-tgw': [['streaming-kafka', 2.416666667, 1524.24, 0, 0, 'shared-nothing']],
};

describe.each(Object.entries(RECORDS))('record paths of %s', (name, rows) => {
  it('gives the figures its README states', () => {
    const got = run(name)
      .records()
      .map((c) => [
        c.name,
        c.crossAz.perProducedByte,
        c.crossAz.usdPerMonth,
        c.crossRegion.usdPerMonth,
        c.nat.usdPerMonth,
        c.elasticity.model,
      ]);
    expect(got).toEqual(rows);
  });
});

describe('a CloudMapper collect directory reads as the same estate', () => {
  it('automq-byoc in CloudMapper layout gives the same findings', () => {
    const src = 'fixtures/estates/automq-byoc/snapshot';
    const dst = mkdtempSync(join(tmpdir(), 'ownmap-cm-'));
    const names: Record<string, string> = {
      '210987654321': 'streaming-prod',
      '210987650001': 'log-archive',
      '210987650000': 'management',
    };
    for (const account of readdirSync(src).filter((d) => /^\d{12}$/.test(d))) {
      for (const region of readdirSync(join(src, account))) {
        for (const entry of readdirSync(join(src, account, region), { withFileTypes: true })) {
          const from = join(src, account, region, entry.name);
          const to = join(dst, 'account-data', names[account]!, region, entry.name);
          if (entry.isDirectory()) {
            mkdirSync(to, { recursive: true });
            for (const f of readdirSync(from))
              cpSync(join(from, f), join(to, f.replace(/\.json$/, '')));
          } else cpSync(from, to);
        }
      }
    }
    const boundary = parseBoundary(
      readFileSync('fixtures/estates/automq-byoc/boundary.yaml', 'utf8'),
      'boundary.yaml',
    );
    const { report } = analyze(openSnapshotDir(dst), boundary, RULES, 'all');
    expect(report.snapshot.layout).toBe('cloudmapper');
    expect(report.findings.map((f) => [f.ruleId, f.status, f.resource.arn]).sort()).toEqual(
      [...ESTATES['automq-byoc']!].sort(),
    );
  });
});
