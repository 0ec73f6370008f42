import type { RuleCase } from '../../test/support/cases.js';
import { estate, keyArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const MEMBER = '333333333333';
const STRANGER = '999999999999';
const ORG = 'o-a1b2c3d4e5';
const CMK = '3a7d9f02-6c1e-4b58-9e24-81f0c5d3a6b7';
const AWS_S3 = 'c41e8b7a-0d29-4f63-b5a1-6e9d2c8f0374';

const dataBuckets = { buckets: ['acme-kafka-tier-*'] };

export default [
  {
    name: 'data bucket with SSE-S3 (AES256)',
    estate: estate().bucket('acme-kafka-tier-euw1', { sse: 'AES256' }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'open',
        severity: 'medium',
        message: 'uses S3-managed keys (SSE-S3)',
      },
    ],
  },
  {
    name: 'data bucket with an inside customer managed key passes; a non-data bucket on SSE-S3 is ignored',
    estate: estate()
      .key(CMK, { aliases: ['kafka-tier'] })
      .bucket('acme-kafka-tier-euw1', { kmsKeyId: keyArn(CMK), bucketKeyEnabled: true })
      .bucket('acme-website-assets', { sse: 'AES256' }),
    boundary: { data: dataBuckets },
    expect: [],
  },
  {
    name: 'SSE-KMS without KMSMasterKeyID: the AWS managed aws/s3 key',
    estate: estate().bucket('acme-kafka-tier-euw1', { sse: 'aws:kms' }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        severity: 'medium',
        message: 'uses SSE-KMS with the AWS managed key aws/s3 (no KMSMasterKeyID)',
      },
    ],
  },
  {
    name: 'KMSMasterKeyID naming the AWS managed key, described in the snapshot',
    estate: estate()
      .key(AWS_S3, { manager: 'AWS', aliases: ['aws/s3'] })
      .bucket('acme-kafka-tier-euw1', { kmsKeyId: keyArn(AWS_S3) }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        severity: 'medium',
        message: 'encrypted with the AWS managed key alias/aws/s3',
      },
    ],
  },
  {
    name: 'KMSMasterKeyID is the alias ARN of aws/s3 and the key is not in the snapshot',
    estate: estate().bucket('acme-kafka-tier-euw1', {
      kmsKeyId: `arn:aws:kms:eu-west-1:${INSIDE}:alias/aws/s3`,
    }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'open',
        message: 'AWS managed key arn:aws:kms:eu-west-1:111111111111:alias/aws/s3',
      },
    ],
  },
  {
    name: 'key in an undeclared account is high',
    estate: estate().bucket('acme-kafka-tier-euw1', {
      kmsKeyId: keyArn(CMK, STRANGER),
    }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        severity: 'high',
        message: `in account ${STRANGER} (undeclared), outside the boundary`,
      },
    ],
  },
  {
    name: 'a severity set in the boundary file caps every variant',
    estate: estate().bucket('acme-kafka-tier-euw1', { kmsKeyId: keyArn(CMK, STRANGER) }),
    boundary: {
      data: dataBuckets,
      rules: { severity: { 'data-bucket-key-not-inside': 'low' } },
    },
    expect: [{ resource: 'arn:aws:s3:::acme-kafka-tier-euw1', severity: 'low' }],
  },
  {
    name: 'key of a declared vendor is still outside, and high',
    estate: estate()
      .key(CMK, { account: VENDOR, aliases: ['streamco-byok'] })
      .bucket('acme-kafka-tier-euw1', { kmsKeyId: keyArn(CMK, VENDOR) }),
    boundary: {
      parties: [{ name: 'streamco', role: 'vendor', accounts: [VENDOR] }],
      data: dataBuckets,
    },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        severity: 'high',
        message: `in account ${VENDOR} (streamco), outside the boundary`,
      },
    ],
  },
  {
    name: 'inside through organization membership: a key in a member security account passes',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'security' }] })
      .key(CMK, { account: MEMBER, aliases: ['kafka-tier'] })
      .bucket('acme-kafka-tier-euw1', { kmsKeyId: keyArn(CMK, MEMBER) }),
    boundary: { inside: { organizations: [ORG], accounts: [] }, data: dataBuckets },
    expect: [],
  },
  {
    name: 'a bucket named as a cluster store, encrypted by alias name, passes',
    estate: estate()
      .key(CMK, { aliases: ['automq-wal'] })
      .bucket('automq-wal-orders', { kmsKeyId: 'alias/automq-wal' }),
    boundary: {
      kafka: { clusters: [{ name: 'orders', kind: 'automq', buckets: ['automq-wal-orders'] }] },
    },
    expect: [],
  },
  {
    name: 'DSSE-KMS with an inside customer managed key passes',
    estate: estate()
      .key(CMK)
      .bucket('acme-kafka-tier-euw1', { sse: 'aws:kms:dsse', kmsKeyId: keyArn(CMK) }),
    boundary: { data: dataBuckets },
    expect: [],
  },
  {
    name: 'a data bucket owned outside the boundary is left to data-in-outside-account',
    estate: estate().bucket('acme-kafka-tier-euw1', { account: STRANGER, sse: 'AES256' }),
    boundary: { data: dataBuckets },
    expect: [],
  },
  {
    name: 'an algorithm ownmap does not know (aws:fsx) is unknown, not a pass',
    estate: estate()
      .bucket('acme-kafka-tier-euw1')
      .file('111111111111/us-east-1/s3-get-bucket-encryption/acme-kafka-tier-euw1.json', {
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:fsx' },
              BucketKeyEnabled: false,
            },
          ],
        },
      }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'unknown',
        severity: 'medium',
        message: 'uses aws:fsx default encryption, which ownmap does not recognise',
      },
    ],
  },
  {
    name: 'encryption response missing without a recorded gap: unknown',
    estate: estate().bucket('acme-kafka-tier-euw1', { sse: null }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'unknown',
        message: 'has no s3-get-bucket-encryption response',
      },
    ],
  },
  {
    name: 'gap: get-bucket-encryption failed for a data bucket',
    estate: estate()
      .bucket('acme-kafka-tier-euw1', { kmsKeyId: keyArn(CMK) })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3',
        operation: 'get-bucket-encryption',
        param: 'acme-kafka-tier-euw1',
      }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'unknown',
        severity: 'high',
        message: 's3 get-bucket-encryption failed in 111111111111/us-east-1 (AccessDenied)',
      },
    ],
  },
  {
    name: 'gap: get-bucket-encryption failed for a bucket that is not data: nothing to decide',
    estate: estate().bucket('acme-website-assets').gap({
      account: INSIDE,
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-encryption',
      param: 'acme-website-assets',
    }),
    boundary: { data: dataBuckets },
    expect: [],
  },
  {
    name: 'gap: describe-key failed for the inside key of a data bucket',
    estate: estate()
      .key(CMK)
      .bucket('acme-kafka-tier-euw1', { kmsKeyId: keyArn(CMK) })
      .gap({
        account: INSIDE,
        region: 'eu-west-1',
        service: 'kms',
        operation: 'describe-key',
        param: CMK,
      }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: 'arn:aws:s3:::acme-kafka-tier-euw1',
        status: 'unknown',
        severity: 'medium',
        message: 'kms describe-key failed in 111111111111/eu-west-1 (AccessDenied)',
      },
    ],
  },
  {
    name: 'gap: describe-key failed for a key of an outside account: the ARN already decides',
    estate: estate()
      .key(CMK, { account: STRANGER })
      .bucket('acme-kafka-tier-euw1', { kmsKeyId: keyArn(CMK, STRANGER) })
      .gap({
        account: STRANGER,
        region: 'eu-west-1',
        service: 'kms',
        operation: 'describe-key',
        param: CMK,
      }),
    boundary: { data: dataBuckets },
    expect: [{ resource: 'arn:aws:s3:::acme-kafka-tier-euw1', status: 'open', severity: 'high' }],
  },
  {
    name: 'gap: list-buckets failed in an inside account while data buckets are named by pattern',
    estate: estate()
      .account(INSIDE)
      .gap({ account: INSIDE, region: 'us-east-1', service: 's3', operation: 'list-buckets' }),
    boundary: { data: dataBuckets },
    expect: [
      {
        resource: `arn:aws:s3:us-east-1:${INSIDE}:*`,
        status: 'unknown',
        message: 'a data bucket matching acme-kafka-tier-* may be there',
      },
    ],
  },
] satisfies RuleCase[];
