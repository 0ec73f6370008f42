import type { RuleCase } from '../../test/support/cases.js';
import { estate, mskClusterArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const MEMBER = '333333333333';
const STRANGER = '999999999999';
const ORG = 'o-a1b2c3d4e5';
const BUCKET = 'acme-kafka-wal-euw1';
const ARN = `arn:aws:s3:::${BUCKET}`;
const VPCE = 'vpce-0c2d4e6f8a0b1c3d5';
const VPC = 'vpc-04b3c2d1e0f9a8b7c';

const data = { buckets: ['acme-kafka-wal-*'] };
const vendor = [{ name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] }];

const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (principal: unknown, Action: string | string[], extra: object = {}) => ({
  Sid: 'Write',
  Effect: 'Allow',
  Principal: principal,
  Action,
  Resource: [ARN, `${ARN}/*`],
  ...extra,
});

export default [
  {
    name: 'a declared vendor can put and delete objects: medium',
    estate: estate().bucket(BUCKET, {
      policy: policy(
        allow({ AWS: `arn:aws:iam::${VENDOR}:role/streamco-agent` }, [
          's3:PutObject',
          's3:DeleteObject',
        ]),
      ),
    }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message: `account ${VENDOR} (streamco) as arn:aws:iam::${VENDOR}:role/streamco-agent can s3:PutObject, s3:DeleteObject via any network path`,
      },
    ],
  },
  {
    name: 'an undeclared account with s3:* can also rewrite the bucket policy: high',
    estate: estate().bucket(BUCKET, {
      policy: policy(allow({ AWS: STRANGER }, 's3:*')),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: /account 999999999999 \(undeclared\) can .*s3:PutBucketPolicy/,
      },
    ],
  },
  {
    name: 'anyone can put objects: anonymous critical, any other account high',
    estate: estate().bucket(BUCKET, {
      policy: policy(allow('*', 's3:PutObject')),
      isPublic: true,
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'critical',
        message: 'anonymous (any principal, signed or not) can s3:PutObject',
      },
      { resource: ARN, severity: 'high', message: 'any other AWS account can s3:PutObject' },
    ],
  },
  {
    name: 'a read-only outside grant is not a write finding',
    estate: estate().bucket(BUCKET, {
      policy: policy(
        allow({ AWS: `arn:aws:iam::${STRANGER}:root` }, ['s3:GetObject', 's3:ListBucket']),
      ),
    }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'an explicit Deny on the vendor for write actions removes the grant',
    estate: estate().bucket(BUCKET, {
      policy: policy(allow({ AWS: `arn:aws:iam::${VENDOR}:root` }, 's3:PutObject'), {
        Sid: 'NoVendorWrites',
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
        Action: ['s3:Put*', 's3:Delete*'],
        Resource: [ARN, `${ARN}/*`],
      }),
    }),
    boundary: { data, parties: vendor },
    expect: [],
  },
  {
    name: 'writes only through an inside VPC endpoint (documented Deny on aws:SourceVpce): passes',
    estate: estate()
      .bucket(BUCKET, {
        policy: policy(allow('*', ['s3:PutObject', 's3:DeleteObject']), {
          Sid: 'Access-to-specific-VPCE-only',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [ARN, `${ARN}/*`],
          Condition: { StringNotEquals: { 'aws:SourceVpce': VPCE } },
        }),
      })
      .vpcEndpoint(VPCE, { vpc: VPC }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'aws:PrincipalOrgID of the inside organization: passes',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'brokers' }] })
      .bucket(BUCKET, {
        policy: policy(
          allow('*', 's3:PutObject', {
            Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
          }),
        ),
      }),
    boundary: { data, inside: { accounts: [{ id: INSIDE }], organizations: [ORG] } },
    expect: [],
  },
  {
    name: 'a condition on a key ownmap does not evaluate: unknown',
    estate: estate().bucket(BUCKET, {
      policy: policy(
        allow({ AWS: `arn:aws:iam::${STRANGER}:root` }, 's3:PutObject', {
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
        }),
      ),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: `whether account ${STRANGER} (undeclared) can s3:PutObject is unknown`,
      },
    ],
  },
  {
    name: 'get-bucket-policy failed for the data bucket: unknown',
    estate: estate().bucket(BUCKET).gap({
      account: INSIDE,
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-policy',
      param: BUCKET,
    }),
    boundary: { data },
    expect: [
      { resource: ARN, status: 'unknown', message: 'Could not check: s3 get-bucket-policy' },
    ],
  },
  {
    name: 'an MSK cluster policy that lets an undeclared account write topics: high',
    estate: estate().mskCluster('orders', {
      policy: policy({
        Sid: 'PartnerProduce',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${STRANGER}:role/producer` },
        Action: ['kafka-cluster:Connect', 'kafka-cluster:WriteData'],
        Resource: [mskClusterArn('orders'), `arn:aws:kafka:eu-west-1:${INSIDE}:topic/orders/*`],
      }),
    }),
    expect: [
      {
        resource: mskClusterArn('orders'),
        severity: 'high',
        message: 'can kafka-cluster:WriteData',
      },
    ],
  },
] satisfies RuleCase[];
