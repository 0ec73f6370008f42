import type { RuleCase } from '../../test/support/cases.js';
import { estate, mskClusterArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const MEMBER = '333333333333';
const STRANGER = '999999999999';
const ORG = 'o-a1b2c3d4e5';
const BUCKET = 'acme-kafka-tier-euw1';
const ARN = `arn:aws:s3:::${BUCKET}`;
const VPCE = 'vpce-0a1b2c3d4e5f60718';
const VPC = 'vpc-0f1e2d3c4b5a69788';

const data = { buckets: ['acme-kafka-tier-*'] };
const vendor = [{ name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] }];

const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allowRead = (principal: unknown, extra: object = {}) => ({
  Sid: 'Read',
  Effect: 'Allow',
  Principal: principal,
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: [ARN, `${ARN}/*`],
  ...extra,
});

/** The documented VPC-endpoint-only bucket policy: anyone may read, but only through the endpoint. */
const vpceOnly = policy(allowRead('*'), {
  Sid: 'Access-to-specific-VPCE-only',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [ARN, `${ARN}/*`],
  Condition: { StringNotEquals: { 'aws:SourceVpce': VPCE } },
});

export default [
  {
    name: 'a declared vendor can read: medium, names the party',
    estate: estate().bucket(BUCKET, {
      policy: policy(allowRead({ AWS: `arn:aws:iam::${VENDOR}:root` })),
    }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message: `account ${VENDOR} (streamco) can s3:GetObject, s3:ListBucket via any network path (statement Read)`,
      },
    ],
  },
  {
    name: 'an undeclared account can read: high',
    estate: estate().bucket(BUCKET, {
      policy: policy(allowRead({ AWS: `arn:aws:iam::${STRANGER}:role/etl` })),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: `account ${STRANGER} (undeclared) as arn:aws:iam::${STRANGER}:role/etl can s3:GetObject`,
      },
    ],
  },
  {
    name: 'Principal "*": anonymous is critical, and any other account is high',
    estate: estate().bucket(BUCKET, { policy: policy(allowRead('*')), isPublic: true }),
    boundary: { data },
    expect: [
      { resource: ARN, severity: 'critical', message: 'anonymous (any principal, signed or not)' },
      { resource: ARN, severity: 'high', message: 'any other AWS account can s3:GetObject' },
    ],
  },
  {
    name: 'the same grant on a bucket that is not data-bearing is not reported',
    estate: estate().bucket('acme-website-assets', {
      policy: policy(allowRead({ AWS: `arn:aws:iam::${STRANGER}:root` })),
    }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'a Deny for every principal outside the inside account removes the vendor grant',
    estate: estate().bucket(BUCKET, {
      policy: policy(allowRead({ AWS: `arn:aws:iam::${VENDOR}:root` }), {
        Sid: 'DenyOutside',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [ARN, `${ARN}/*`],
        Condition: { StringNotEquals: { 'aws:PrincipalAccount': INSIDE } },
      }),
    }),
    boundary: { data, parties: vendor },
    expect: [],
  },
  {
    name: 'VPC-endpoint-only policy with the endpoint of an inside account: passes',
    estate: estate().bucket(BUCKET, { policy: vpceOnly }).vpcEndpoint(VPCE, { vpc: VPC }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'VPC-endpoint-only policy whose endpoint is not in the snapshot: unknown',
    estate: estate().bucket(BUCKET, { policy: vpceOnly }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: `VPC endpoint ${VPCE} is not in the snapshot, so its owner is unknown`,
      },
      {
        resource: ARN,
        status: 'unknown',
        message: `VPC endpoint ${VPCE} is not in the snapshot`,
      },
    ],
  },
  {
    name: 'aws:PrincipalOrgID of the inside organization (inside by membership): passes',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'analytics' }] })
      .bucket(BUCKET, {
        policy: policy(
          allowRead('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } }),
        ),
      }),
    boundary: { data, inside: { accounts: [{ id: INSIDE }], organizations: [ORG] } },
    expect: [],
  },
  {
    name: 'a member account of the inside organization named as principal: passes',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'analytics' }] })
      .bucket(BUCKET, {
        policy: policy(allowRead({ AWS: `arn:aws:iam::${MEMBER}:role/analytics-reader` })),
      }),
    boundary: { data, inside: { accounts: [{ id: INSIDE }], organizations: [ORG] } },
    expect: [],
  },
  {
    name: 'a condition key ownmap does not evaluate: unknown, not a pass',
    estate: estate().bucket(BUCKET, {
      policy: policy(
        allowRead(
          { AWS: `arn:aws:iam::${VENDOR}:root` },
          { Condition: { StringEquals: { 's3:ExistingObjectTag/share': 'streamco' } } },
        ),
      ),
    }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: `whether account ${VENDOR} (streamco) can s3:GetObject, s3:ListBucket is unknown`,
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
    name: 'an MSK cluster policy that lets a vendor read topics',
    estate: estate().mskCluster('orders', {
      policy: policy({
        Sid: 'StreamcoConsume',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
        Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
        Resource: [mskClusterArn('orders'), `arn:aws:kafka:eu-west-1:${INSIDE}:topic/orders/*`],
      }),
    }),
    boundary: { parties: vendor },
    expect: [
      {
        resource: mskClusterArn('orders'),
        severity: 'medium',
        message: /^MSK cluster .*streamco.*kafka-cluster:Connect/,
      },
    ],
  },
] satisfies RuleCase[];
