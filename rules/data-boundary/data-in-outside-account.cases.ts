import type { RuleCase } from '../../test/support/cases.js';
import { awsKafkaKeyArn, estate, keyArn, mskClusterArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const MEMBER = '333333333333';
const STRANGER = '999999999999';
const ORG = 'o-a1b2c3d4e5';
const KEY = '5d2f7c1a-93e4-4b8a-a6f0-3c9e1b7d2a58';

const vendor = { name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] };

export default [
  {
    name: 'data bucket listed by an undeclared account',
    estate: estate().account(STRANGER).bucket('acme-kafka-tier-euw1', { account: STRANGER }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'open',
        severity: 'high',
        message: `is owned by account ${STRANGER}, which belongs to an undeclared owner`,
      },
    ],
  },
  {
    name: 'data bucket inside passes; a bucket that is not data in another account is ignored',
    estate: estate()
      .bucket('acme-kafka-tier-euw1')
      .bucket('streamco-billing-exports', { account: VENDOR }),
    boundary: { parties: [vendor], data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [],
  },
  {
    name: 'data bucket of a declared vendor names the party and its role',
    estate: estate().bucket('automq-wal-orders', { account: VENDOR }),
    boundary: {
      parties: [vendor],
      kafka: { clusters: [{ name: 'orders', kind: 'automq', buckets: ['automq-wal-*'] }] },
    },
    expect: [
      {
        resource: 'arn:aws:s3:::automq-wal-orders',
        message:
          'holds records of cluster orders) is owned by account 222222222222, which belongs to streamco (vendor)',
      },
    ],
  },
  {
    name: 'inside through organization membership: a member account bucket passes, a non-member fires',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'analytics' }] })
      .bucket('analytics-kafka-tier', { account: MEMBER })
      .bucket('partner-kafka-tier', { account: STRANGER }),
    boundary: {
      inside: { organizations: [ORG], accounts: [] },
      data: { buckets: ['*-kafka-tier'] },
    },
    expect: [{ resource: 'arn:aws:s3:::partner-kafka-tier', message: 'an undeclared owner' }],
  },
  {
    name: 'a party recognised by its organization id',
    estate: estate()
      .organization('o-zz9y8x7w6v', { management: VENDOR, members: [{ id: STRANGER }] })
      .bucket('acme-kafka-tier-byoc', { account: STRANGER }),
    boundary: {
      parties: [
        { name: 'streamco', role: 'vendor', accounts: [], organizations: ['o-zz9y8x7w6v'] },
      ],
      data: { buckets: ['acme-kafka-tier-*'] },
    },
    expect: [
      { resource: 'arn:aws:s3:::acme-kafka-tier-byoc', message: 'belongs to streamco (vendor)' },
    ],
  },
  {
    name: 'inside data bucket encrypted with a key ARN in an undeclared account',
    estate: estate().bucket('acme-kafka-tier-euw1', {
      kmsKeyId: keyArn(KEY, STRANGER, 'eu-west-1'),
    }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      {
        resource: keyArn(KEY, STRANGER, 'eu-west-1'),
        message: `(encrypts data bucket acme-kafka-tier-euw1) is in account ${STRANGER}, which belongs to an undeclared owner`,
      },
    ],
  },
  {
    name: 'data key matched by alias in a vendor account; the inside key with the same alias passes',
    estate: estate()
      .key(KEY, { account: VENDOR, aliases: ['kafka-data'] })
      .key('8c3b6e20-1f5d-4a97-b2c8-7e4d0a9f1b36', { aliases: ['kafka-data'] }),
    boundary: { parties: [vendor], data: { keys: ['alias/kafka-data'] } },
    expect: [
      {
        resource: keyArn(KEY, VENDOR),
        message: 'Data key alias/kafka-data',
      },
    ],
  },
  {
    name: 'MSK cluster in a vendor account: the cluster and its aws/kafka key',
    estate: estate().mskCluster('orders', { account: VENDOR }).mskCluster('payments'),
    boundary: { parties: [vendor] },
    expect: [
      {
        resource: mskClusterArn('orders', VENDOR),
        message:
          'MSK cluster orders runs in account 222222222222, which belongs to streamco (vendor)',
      },
      { resource: awsKafkaKeyArn(VENDOR), message: 'encrypts the volumes of MSK cluster orders' },
    ],
  },
  {
    name: 'inside MSK cluster whose volumes use a support party key',
    estate: estate().mskCluster('orders', { kmsKeyArn: keyArn(KEY, '444444444444') }),
    boundary: {
      parties: [{ name: 'opsdesk', role: 'support', accounts: ['444444444444'] }],
    },
    expect: [
      {
        resource: keyArn(KEY, '444444444444'),
        message: 'which belongs to opsdesk (support): that owner can decrypt or disable',
      },
    ],
  },
  {
    name: 'a bucket the boundary names for a cluster but no scanned account lists is unknown',
    estate: estate().bucket('acme-kafka-tier-euw1'),
    boundary: {
      kafka: { clusters: [{ name: 'orders', kind: 'kafka', buckets: ['orders-tiered-storage'] }] },
    },
    expect: [
      {
        resource: 'arn:aws:s3:::orders-tiered-storage',
        status: 'unknown',
        message: 'its owner cannot be proven',
      },
    ],
  },
  {
    name: 'gap: list-buckets failed in a vendor account while data buckets are named by pattern',
    estate: estate()
      .bucket('acme-kafka-tier-euw1')
      .account(VENDOR)
      .gap({ account: VENDOR, region: 'us-east-1', service: 's3', operation: 'list-buckets' }),
    boundary: { parties: [vendor], data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [
      {
        resource: `arn:aws:s3:us-east-1:${VENDOR}:*`,
        status: 'unknown',
        message: 'a bucket matching acme-kafka-tier-* may be there',
      },
    ],
  },
  {
    name: 'gap: list-buckets failed in an inside account cannot hide an outside bucket',
    estate: estate()
      .account(INSIDE)
      .gap({ account: INSIDE, region: 'us-east-1', service: 's3', operation: 'list-buckets' }),
    boundary: { data: { buckets: ['acme-kafka-tier-*'] } },
    expect: [],
  },
  {
    name: 'gap: list-clusters-v2 failed in a vendor account region',
    estate: estate().account(VENDOR).gap({
      account: VENDOR,
      region: 'eu-west-1',
      service: 'kafka',
      operation: 'list-clusters-v2',
    }),
    boundary: { parties: [vendor] },
    expect: [
      {
        resource: `arn:aws:kafka:eu-west-1:${VENDOR}:*`,
        status: 'unknown',
        message: 'an MSK cluster may be there',
      },
    ],
  },
  {
    name: 'gap: list-aliases failed in a vendor account while data keys are named by alias',
    estate: estate()
      .key(KEY, { account: VENDOR, aliases: ['kafka-data'] })
      .gap({ account: VENDOR, region: 'eu-west-1', service: 'kms', operation: 'list-aliases' }),
    boundary: { parties: [vendor], data: { keys: ['alias/kafka-data'] } },
    expect: [
      {
        resource: `arn:aws:kms:eu-west-1:${VENDOR}:*`,
        status: 'unknown',
        message: 'a key matching alias/kafka-data may be there',
      },
    ],
  },
  {
    name: 'gap: describe-key failed for a vendor key: list-keys still proves its account',
    estate: estate().key(KEY, { account: VENDOR }).gap({
      account: VENDOR,
      region: 'eu-west-1',
      service: 'kms',
      operation: 'describe-key',
      param: KEY,
    }),
    boundary: { parties: [vendor], data: { keys: [KEY] } },
    expect: [{ resource: keyArn(KEY, VENDOR), status: 'open' }],
  },
] satisfies RuleCase[];
