import type { RuleCase } from '../../test/support/cases.js';
import { estate } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const MEMBER = '333333333333';
const DR = '555555555555';
const STRANGER = '999999999999';
const ORG = 'o-a1b2c3d4e5';

const dataBuckets = { buckets: ['acme-kafka-tier-*'] };

export default [
  {
    name: 'data bucket replicates to a bucket in an undeclared account',
    estate: estate().bucket('acme-kafka-tier-euw1', {
      replication: {
        rules: [{ id: 'offsite', destBucket: 'offsite-copy-7731', destAccount: STRANGER }],
      },
    }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'open',
        severity: 'high',
        message: `Data bucket acme-kafka-tier-euw1 replicates (rule offsite) to offsite-copy-7731 in account ${STRANGER} (undeclared), outside the boundary.`,
      },
    ],
  },
  {
    name: 'a bucket that is not data replicating outside is medium',
    estate: estate().bucket('acme-build-cache', {
      replication: { rules: [{ destBucket: 'offsite-copy-7731', destAccount: STRANGER }] },
    }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-build-cache',
        severity: 'medium',
        message: 'Bucket acme-build-cache replicates (rule replicate-offsite-copy-7731)',
      },
    ],
  },
  {
    name: 'replication to a declared vendor names the party and its role',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', {
        replication: {
          rules: [{ destBucket: 'streamco-ingest-euw1', destAccount: VENDOR, ownerOverride: true }],
        },
      })
      .bucket('streamco-ingest-euw1', { account: VENDOR }),
    boundary: {
      parties: [{ name: 'streamco', role: 'vendor', accounts: [VENDOR] }],
      data: dataBuckets,
    },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        severity: 'high',
        message: 'in account 222222222222 (streamco, vendor), outside the boundary',
      },
    ],
  },
  {
    name: 'same-account replication within the approved region passes',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', {
        replication: { rules: [{ destBucket: 'acme-kafka-tier-euw1-replica' }] },
      })
      .bucket('acme-kafka-tier-euw1-replica'),
    boundary: { data: dataBuckets },
    expect: [],
  },
  {
    name: 'cross-region replication to an inside bucket in us-east-1',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', {
        replication: { rules: [{ id: 'crr-use1', destBucket: 'acme-kafka-tier-use1' }] },
      })
      .bucket('acme-kafka-tier-use1', { region: 'us-east-1' }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        severity: 'high',
        message: 'to acme-kafka-tier-use1 in us-east-1, outside the approved regions (eu-west-1)',
      },
    ],
  },
  {
    name: 'approvedRegions empty: cross-region replication inside the boundary passes',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', {
        replication: { rules: [{ destBucket: 'acme-kafka-tier-use1' }] },
      })
      .bucket('acme-kafka-tier-use1', { region: 'us-east-1' }),
    boundary: { approvedRegions: [], data: dataBuckets },
    expect: [],
  },
  {
    name: 'a Disabled replication rule copies nothing',
    estate: estate().bucket('acme-kafka-tier-euw1', {
      replication: {
        rules: [{ destBucket: 'offsite-copy-7731', destAccount: STRANGER, status: 'Disabled' }],
      },
    }),
    boundary: { data: dataBuckets },
    expect: [],
  },
  {
    name: 'inside through organization membership: replication to a member account passes',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'backup' }] })
      .bucket('acme-kafka-tier-euw1', {
        replication: { rules: [{ destBucket: 'acme-backup-euw1', destAccount: MEMBER }] },
      })
      .bucket('acme-backup-euw1', { account: MEMBER }),
    boundary: { inside: { organizations: [ORG], accounts: [] }, data: dataBuckets },
    expect: [],
  },
  {
    name: 'several rules: only the one leaving the boundary is reported',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', {
        replication: {
          rules: [
            { id: 'local', destBucket: 'acme-kafka-tier-euw1-replica' },
            { id: 'partner', destBucket: 'partner-landing', destAccount: STRANGER },
          ],
        },
      })
      .bucket('acme-kafka-tier-euw1-replica'),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        message: '(rule partner) to partner-landing',
      },
    ],
  },
  {
    name: "an outside account replicating its own buckets is not this rule's business",
    estate: estate().bucket('streamco-ingest-euw1', {
      account: VENDOR,
      replication: { rules: [{ destBucket: 'elsewhere', destAccount: STRANGER }] },
    }),
    boundary: { parties: [{ name: 'streamco', role: 'vendor', accounts: [VENDOR] }] },
    expect: [],
  },
  {
    name: 'destination not in the snapshot and no Account in the rule: owner unknown',
    estate: estate().bucket('acme-kafka-tier-euw1', {
      replication: { rules: [{ destBucket: 'mystery-replica' }] },
    }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'unknown',
        message: 'its owner cannot be proven',
      },
    ],
  },
  {
    name: 'destination in an inside account that was not scanned: region unknown',
    estate: estate().bucket('acme-kafka-tier-euw1', {
      replication: { rules: [{ destBucket: 'acme-dr-replica', destAccount: DR }] },
    }),
    boundary: {
      inside: {
        accounts: [
          { id: INSIDE, name: 'platform' },
          { id: DR, name: 'dr' },
        ],
      },
      data: dataBuckets,
    },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'unknown',
        severity: 'high',
        message: "the destination's region is unknown (the snapshot does not hold the bucket)",
      },
    ],
  },
  {
    name: 'gap: get-bucket-replication failed for an inside data bucket',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', {
        replication: { rules: [{ destBucket: 'offsite-copy-7731', destAccount: STRANGER }] },
      })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3',
        operation: 'get-bucket-replication',
        param: 'acme-kafka-tier-euw1',
      }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'unknown',
        severity: 'high',
        message: 'get-bucket-replication failed',
      },
    ],
  },
  {
    name: 'gap: get-bucket-replication failed for a bucket of an outside account: nothing to decide',
    estate: estate().bucket('streamco-ingest-euw1', { account: VENDOR }).gap({
      account: VENDOR,
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-replication',
      param: 'streamco-ingest-euw1',
    }),
    boundary: { parties: [{ name: 'streamco', role: 'vendor', accounts: [VENDOR] }] },
    expect: [],
  },
  {
    name: 'gap: get-bucket-location failed for the destination and list-buckets has no region',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', {
        replication: { rules: [{ destBucket: 'acme-kafka-tier-dr' }] },
      })
      .bucket('acme-kafka-tier-dr', { region: 'us-east-1', listRegion: false })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3',
        operation: 'get-bucket-location',
        param: 'acme-kafka-tier-dr',
      }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'unknown',
        message: 's3 get-bucket-location failed in 111111111111/us-east-1 (AccessDenied)',
      },
    ],
  },
  {
    name: 'gap: get-bucket-location failed for the source: the outside destination still decides',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', {
        noLocation: true,
        replication: { rules: [{ destBucket: 'offsite-copy-7731', destAccount: STRANGER }] },
      })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3',
        operation: 'get-bucket-location',
        param: 'acme-kafka-tier-euw1',
      }),
    boundary: { data: dataBuckets },
    expect: [{ resource: 'arn:aws:s3:::acme-kafka-tier-euw1', status: 'open', severity: 'high' }],
  },
  {
    name: 'gap: list-buckets failed in an inside account',
    estate: estate()
      .account(INSIDE)
      .gap({ account: INSIDE, region: 'us-east-1', service: 's3', operation: 'list-buckets' }),
    expect: [
      {
        resource: `arn:aws:s3:us-east-1:${INSIDE}:*`,
        status: 'unknown',
        message: 'the replication of its buckets is unknown',
      },
    ],
  },
  {
    name: 'the snapshot owner of the destination beats the Account the rule claims',
    estate: estate()
      .bucket('platform-kafka-data', {
        replication: {
          rules: [{ id: 'dr', destBucket: 'vendor-dst', destAccount: '111111111111' }],
        },
      })
      .bucket('vendor-dst', { account: '222222222222' }),
    boundary: { parties: [{ name: 'Vendor', role: 'vendor', accounts: ['222222222222'] }] },
    expect: [
      {
        resource: 'arn:aws:s3:::platform-kafka-data',
        message: 'the rule names account 111111111111, but account 222222222222 lists the bucket',
      },
    ],
  },
  {
    name: 'replicas encrypted with a key in an outside account are open',
    estate: estate()
      .bucket('platform-kafka-data', {
        replication: {
          rules: [
            {
              id: 'dr',
              destBucket: 'platform-kafka-dr',
              destAccount: '111111111111',
              replicaKmsKeyId:
                'arn:aws:kms:eu-west-1:222222222222:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
            },
          ],
        },
      })
      .bucket('platform-kafka-dr'),
    expect: [
      { resource: 'arn:aws:s3:::platform-kafka-data', message: 'replicas are encrypted with key' },
    ],
  },
] satisfies RuleCase[];
