import type { RuleCase } from '../../test/support/cases.js';
import { awsKafkaKeyArn, estate, keyArn, mskClusterArn } from '../../test/support/estate.js';

const VENDOR = '222222222222';
const MEMBER = '333333333333';
const STRANGER = '999999999999';
const KEY_US = '6f1c2a9e-4b7d-4e21-9c3a-1d5e8f0a7b42';
const KEY_EU = '0b8e4d12-7a3f-4c65-8e91-2f6a0c4d9e17';

export default [
  {
    name: 'data bucket in us-east-1 (LocationConstraint null) is outside eu-west-1',
    estate: estate().bucket('acme-kafka-tier-use1', { region: 'us-east-1' }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-use1',
        status: 'open',
        severity: 'high',
        message: "matches data.buckets pattern 'acme-kafka-tier-*') is in us-east-1",
      },
    ],
  },
  {
    name: 'data bucket in the approved region passes; a non-data bucket elsewhere is ignored',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', { region: 'eu-west-1' })
      .bucket('acme-website-assets', { region: 'us-east-1' }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [],
  },
  {
    name: 'bucket named as a cluster store (kafka.clusters[].buckets) in eu-central-1',
    estate: estate().bucket('automq-wal-orders', { region: 'eu-central-1' }),
    boundary: {
      kafka: {
        clusters: [{ name: 'orders', kind: 'automq', buckets: ['automq-wal-orders'] }],
      },
    },
    expect: [
      {
        resource: 'arn:aws:s3:::automq-wal-orders',
        message: 'holds records of cluster orders) is in eu-central-1',
      },
    ],
  },
  {
    name: 'legacy LocationConstraint "EU" reads as eu-west-1 and passes',
    estate: estate()
      .bucket('acme-kafka-tier-legacy', { region: 'eu-west-1' })
      .file('111111111111/us-east-1/s3-get-bucket-location/acme-kafka-tier-legacy.json', {
        LocationConstraint: 'EU',
      }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [],
  },
  {
    name: 'several approved regions: eu-central-1 passes, the message lists them all',
    estate: estate()
      .bucket('acme-kafka-tier-euc1', { region: 'eu-central-1' })
      .bucket('acme-kafka-tier-usw2', { region: 'us-west-2' }),
    boundary: {
      approvedRegions: ['eu-west-1', 'eu-central-1'],
      data: { buckets: ['acme-kafka-tier-*'] },
    },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-usw2',
        message: 'outside the approved regions (eu-west-1, eu-central-1)',
      },
    ],
  },
  {
    name: 'data key matched by alias in us-east-1; the eu-west-1 one passes',
    estate: estate()
      .key(KEY_US, { region: 'us-east-1', aliases: ['kafka-data'] })
      .key(KEY_EU, { region: 'eu-west-1', aliases: ['kafka-data'] }),
    boundary: { data: { keys: ['alias/kafka-data'] } },
    expect: [
      {
        resource: keyArn(KEY_US, '111111111111', 'us-east-1'),
        message:
          "Data key alias/kafka-data (matches data.keys pattern 'alias/kafka-data') is in us-east-1",
      },
    ],
  },
  {
    name: 'MSK cluster in us-east-1: the cluster and its aws/kafka volume key are both outside',
    estate: estate()
      .mskCluster('orders', { region: 'us-east-1' })
      .mskCluster('payments', { region: 'eu-west-1' }),
    expect: [
      {
        resource: mskClusterArn('orders', '111111111111', 'us-east-1'),
        message: 'MSK cluster orders stores records in us-east-1',
      },
      {
        resource: awsKafkaKeyArn('111111111111', 'us-east-1'),
        message: 'encrypts the volumes of MSK cluster orders) is in us-east-1',
      },
    ],
  },
  {
    name: 'MSK cluster with a customer key in us-east-1: the described key is reported by its alias',
    estate: estate()
      .key(KEY_US, { region: 'us-east-1', aliases: ['msk-orders'] })
      .mskCluster('orders', {
        region: 'us-east-1',
        kmsKeyArn: keyArn(KEY_US, '111111111111', 'us-east-1'),
      }),
    expect: [
      { resource: mskClusterArn('orders', '111111111111', 'us-east-1') },
      {
        resource: keyArn(KEY_US, '111111111111', 'us-east-1'),
        message: 'Data key alias/msk-orders (encrypts the volumes of MSK cluster orders)',
      },
    ],
  },
  {
    name: 'residency is about the region, not the owner: a vendor data bucket in us-east-1 fires',
    estate: estate().bucket('vendor-kafka-tier', { account: VENDOR, region: 'us-east-1' }),
    boundary: {
      parties: [{ name: 'streamco', role: 'vendor', accounts: [VENDOR] }],
      data: { buckets: ['vendor-kafka-tier'] },
    },
    expect: [{ resource: 'arn:aws:s3:::vendor-kafka-tier', message: 'is in us-east-1' }],
  },
  {
    name: 'inside through organization membership changes nothing: an org member bucket in us-west-2 fires',
    estate: estate()
      .organization('o-a1b2c3d4e5', {
        management: '111111111111',
        members: [{ id: MEMBER, name: 'analytics' }],
      })
      .bucket('analytics-kafka-tier', { account: MEMBER, region: 'us-west-2' }),
    boundary: {
      inside: { organizations: ['o-a1b2c3d4e5'], accounts: [] },
      data: { buckets: ['*-kafka-tier'] },
    },
    expect: [{ resource: 'arn:aws:s3:::analytics-kafka-tier', message: 'is in us-west-2' }],
  },
  {
    name: 'approvedRegions empty: no residency commitment, nothing to report',
    estate: estate()
      .bucket('acme-kafka-tier-use1', { region: 'us-east-1' })
      .mskCluster('orders', { region: 'ap-southeast-2' }),
    boundary: { approvedRegions: [], data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [],
  },
  {
    name: 'approvedRegions empty: a gap cannot change the answer, so it is not reported',
    estate: estate().bucket('acme-kafka-tier-x', { noLocation: true }).gap({
      account: '111111111111',
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-location',
      param: 'acme-kafka-tier-x',
    }),
    boundary: { approvedRegions: [], data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [],
  },
  {
    name: 'data bucket with no location anywhere in the snapshot is unknown',
    estate: estate().bucket('acme-kafka-tier-x', { noLocation: true }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-x',
        status: 'unknown',
        message: 'has no known region',
      },
    ],
  },
  {
    name: 'gap: get-bucket-location failed and list-buckets has no BucketRegion: unknown',
    estate: estate().bucket('acme-kafka-tier-x', { region: 'us-east-1', listRegion: false }).gap({
      account: '111111111111',
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-location',
      param: 'acme-kafka-tier-x',
    }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-x',
        status: 'unknown',
        message:
          'has no known region (s3 get-bucket-location failed in 111111111111/us-east-1 (AccessDenied))',
      },
    ],
  },
  {
    name: 'gap: get-bucket-location failed but list-buckets BucketRegion still proves us-east-1',
    estate: estate().bucket('acme-kafka-tier-x', { region: 'us-east-1' }).gap({
      account: '111111111111',
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-location',
      param: 'acme-kafka-tier-x',
    }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      { resource: 'arn:aws:s3:::acme-kafka-tier-x', status: 'open', message: 'is in us-east-1' },
    ],
  },
  {
    name: 'gap: get-bucket-location failed for a bucket that is not data: nothing to decide',
    estate: estate().bucket('acme-website-assets', { noLocation: true }).gap({
      account: '111111111111',
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-location',
      param: 'acme-website-assets',
    }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [],
  },
  {
    name: 'gap: list-clusters-v2 failed in us-east-1: a cluster may hide there',
    estate: estate().mskCluster('payments', { region: 'eu-west-1' }).gap({
      account: '111111111111',
      region: 'us-east-1',
      service: 'kafka',
      operation: 'list-clusters-v2',
    }),
    expect: [
      {
        resource: 'arn:aws:kafka:us-east-1:111111111111:*',
        status: 'unknown',
        message: 'list-clusters-v2',
      },
    ],
  },
  {
    name: 'gap: list-clusters-v2 failed in the approved region: a cluster there would pass anyway',
    estate: estate().mskCluster('payments', { region: 'eu-west-1' }).gap({
      account: '111111111111',
      region: 'eu-west-1',
      service: 'kafka',
      operation: 'list-clusters-v2',
    }),
    expect: [],
  },
  {
    name: 'gap: list-aliases failed in us-east-1 while data keys are named by alias',
    estate: estate()
      .key(KEY_US, { region: 'us-east-1', aliases: ['kafka-data'] })
      .gap({
        account: '111111111111',
        region: 'us-east-1',
        service: 'kms',
        operation: 'list-aliases',
      }),
    boundary: { data: { keys: ['alias/kafka-data'] } },
    expect: [
      {
        resource: 'arn:aws:kms:us-east-1:111111111111:*',
        status: 'unknown',
        message: 'list-aliases',
      },
    ],
  },
  {
    name: 'gap: list-buckets failed in an account while data buckets are named by pattern',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', { region: 'eu-west-1' })
      .gap({ account: STRANGER, region: 'us-east-1', service: 's3', operation: 'list-buckets' }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      {
        resource: `arn:aws:s3:us-east-1:${STRANGER}:*`,
        status: 'unknown',
        message: 'list-buckets',
      },
    ],
  },
  {
    name: 'a bucket the boundary names for a cluster but no scanned account lists is unknown',
    estate: estate().bucket('acme-kafka-tier-euw1', { region: 'eu-west-1' }),
    boundary: {
      kafka: { clusters: [{ name: 'orders', kind: 'kafka', buckets: ['orders-tiered-storage'] }] },
    },
    expect: [
      {
        resource: 'arn:aws:s3:::orders-tiered-storage',
        status: 'unknown',
        message: 'not in any scanned account',
      },
    ],
  },
  {
    name: 'gap: list-buckets failed, but every data bucket is named exactly and was found',
    estate: estate()
      .bucket('automq-wal-orders', { region: 'eu-west-1' })
      .gap({ account: STRANGER, region: 'us-east-1', service: 's3', operation: 'list-buckets' }),
    boundary: {
      kafka: { clusters: [{ name: 'orders', kind: 'automq', buckets: ['automq-wal-orders'] }] },
    },
    expect: [],
  },
  {
    name: 'data bucket in us-east-1 encrypted by bare key id: the bucket and its key both fire',
    estate: estate()
      .key(KEY_US, { region: 'us-east-1' })
      .bucket('acme-kafka-tier-use1', { region: 'us-east-1', kmsKeyId: KEY_US }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      { resource: 'arn:aws:s3:::acme-kafka-tier-use1' },
      {
        resource: keyArn(KEY_US, '111111111111', 'us-east-1'),
        message: `Data key ${KEY_US} (encrypts data bucket acme-kafka-tier-use1) is in us-east-1`,
      },
    ],
  },
  {
    name: 'bucket region unknown and its key named by bare id: one unknown, no guessed key region',
    estate: estate().bucket('acme-kafka-tier-x', { noLocation: true, kmsKeyId: KEY_EU }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [{ resource: 'arn:aws:s3:::acme-kafka-tier-x', status: 'unknown' }],
  },
  {
    name: 'a bucket only a broker configuration names (the AutoMQ WAL) is data-bearing too',
    estate: estate().bucket('acme-automq-wal-use1', { region: 'us-east-1' }),
    boundary: { kafka: { clusters: [{ name: 'orders', kind: 'automq' }] } },
    configs: {
      orders: {
        'node-0.properties': 's3.wal.path=0@s3://acme-automq-wal-use1?region=us-east-1',
      },
    },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-automq-wal-use1',
        message: 'holds the WAL (s3.wal.path) of cluster orders, per node-0.properties',
      },
    ],
  },
  {
    name: 'a WAL bucket no scanned account lists, in us-east-1 by its configuration: open',
    estate: estate().bucket('acme-automq-data-euw1'),
    boundary: { kafka: { clusters: [{ name: 'orders', kind: 'automq' }] } },
    configs: {
      orders: { 'node-0.properties': 's3.wal.path=0@s3://orders-wal-use1?region=us-east-1' },
    },
    expect: [
      {
        resource: 'arn:aws:s3:::orders-wal-use1',
        status: 'open',
        message: 'is in us-east-1 by s3.wal.path in node-0.properties',
      },
    ],
  },
  {
    name: 'a WAL bucket no scanned account lists, in an approved region by its configuration: unknown',
    estate: estate().bucket('acme-automq-data-euw1'),
    boundary: { kafka: { clusters: [{ name: 'orders', kind: 'automq' }] } },
    configs: {
      orders: { 'node-0.properties': 's3.wal.path=0@s3://orders-wal-euw1?region=eu-west-1' },
    },
    expect: [{ resource: 'arn:aws:s3:::orders-wal-euw1', status: 'unknown' }],
  },
] satisfies RuleCase[];
