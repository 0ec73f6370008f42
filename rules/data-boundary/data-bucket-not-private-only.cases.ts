import type { RuleCase } from '../../test/support/cases.js';
import { estate } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const STRANGER = '999999999999';
const BUCKET = 'acme-kafka-wal-euw1';
const ARN = `arn:aws:s3:::${BUCKET}`;
const VPCE = 'vpce-0a1b2c3d4e5f60718';
const VENDOR_VPCE = 'vpce-0f9e8d7c6b5a40312';
const VPC = 'vpc-0f1e2d3c4b5a69788';

const data = { buckets: ['acme-kafka-*'], requirePrivateAccess: true };
const vendor = [{ name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] }];
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
/** The S3 guide's "Restricting access to a specific VPC endpoint" statement. */
const denyUnless = (Condition: object, Sid = 'Access-to-specific-VPCE-only') => ({
  Sid,
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [ARN, `${ARN}/*`],
  Condition,
});
const withEndpoints = () =>
  estate()
    .vpcEndpoint(VPCE, { vpc: VPC })
    .vpcEndpoint(VENDOR_VPCE, { vpc: 'vpc-0a0b0c0d0e0f01234', account: VENDOR });

export default [
  {
    name: 'the documented Deny with an inside endpoint: passes',
    estate: withEndpoints().bucket(BUCKET, {
      policy: policy(denyUnless({ StringNotEquals: { 'aws:SourceVpce': VPCE } })),
    }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'a Deny on aws:SourceVpc of an inside VPC: passes',
    estate: estate()
      .vpc(VPC)
      .bucket(BUCKET, {
        policy: policy(denyUnless({ StringNotEquals: { 'aws:SourceVpc': VPC } }, 'VpcOnly')),
      }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'no bucket policy: reachable from anywhere, high',
    estate: estate().bucket(BUCKET),
    boundary: { data },
    expect: [{ resource: ARN, severity: 'high', message: 'has no bucket policy' }],
  },
  {
    name: 'a policy with Allows only: high, says there is no Deny',
    estate: estate().bucket(BUCKET, {
      policy: policy({
        Sid: 'BrokerRole',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${INSIDE}:role/broker` },
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: `${ARN}/*`,
      }),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: /via any network path; a VPC endpoint the policy does not name.*no Deny statement/,
      },
    ],
  },
  {
    name: 'an Allow held to the endpoint, with no Deny: IAM permissions still reach it from anywhere',
    estate: withEndpoints().bucket(BUCKET, {
      policy: policy({
        Sid: 'AllowViaEndpoint',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: `${ARN}/*`,
        Condition: { StringEquals: { 'aws:SourceVpce': VPCE } },
      }),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message:
          /via any network path; a VPC endpoint the policy does not name \(in any account\)\. The policy has no Deny statement/,
      },
    ],
  },
  {
    name: 'StringNotEqualsIfExists also denies requests that carry no endpoint id: passes',
    estate: withEndpoints().bucket(BUCKET, {
      policy: policy(denyUnless({ StringNotEqualsIfExists: { 'aws:SourceVpce': VPCE } })),
    }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'the Deny also admits the vendor’s endpoint: medium, names it',
    estate: withEndpoints().bucket(BUCKET, {
      policy: policy(denyUnless({ StringNotEquals: { 'aws:SourceVpce': [VPCE, VENDOR_VPCE] } })),
    }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message: `via VPC endpoint ${VENDOR_VPCE} (owner: streamco, account ${VENDOR})`,
      },
    ],
  },
  {
    name: 'a Deny that names only the broker role leaves the rest of the account: high',
    estate: withEndpoints().bucket(BUCKET, {
      policy: policy({
        ...denyUnless({ StringNotEquals: { 'aws:SourceVpce': VPCE } }, 'BrokerViaEndpoint'),
        Principal: { AWS: `arn:aws:iam::${INSIDE}:role/automq-broker` },
      }),
    }),
    boundary: { data },
    expect: [{ resource: ARN, severity: 'high', message: 'via any network path' }],
  },
  {
    name: 'the Deny exempts the vendor account: its reads come from its own network, high',
    estate: withEndpoints().bucket(BUCKET, {
      policy: policy(
        {
          Sid: 'VendorRead',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${STRANGER}:root` },
          Action: 's3:GetObject',
          Resource: `${ARN}/*`,
        },
        denyUnless({
          StringNotEquals: { 'aws:SourceVpce': VPCE, 'aws:PrincipalAccount': STRANGER },
        }),
      ),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: `via account ${STRANGER} (undeclared): any network path`,
      },
    ],
  },
  {
    name: 'a Deny whose condition is not an object: unknown, never "no Deny"',
    estate: withEndpoints().bucket(BUCKET, {
      policy: policy({
        ...denyUnless({}),
        Condition: [{ StringNotEquals: { 'aws:SourceVpce': VPCE } }],
      }),
    }),
    boundary: { data },
    expect: [{ resource: ARN, status: 'unknown', message: 'could not be read' }],
  },
  {
    name: 'a source-IP allow-list is not a private path: high',
    estate: estate().bucket(BUCKET, {
      policy: policy(denyUnless({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, 'Office')),
    }),
    boundary: { data },
    expect: [{ resource: ARN, severity: 'high', message: 'via the internet from 203.0.113.0' }],
  },
  {
    name: 'an endpoint that is not in the snapshot: unknown',
    estate: estate().bucket(BUCKET, {
      policy: policy(denyUnless({ StringNotEquals: { 'aws:SourceVpce': VPCE } })),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: `VPC endpoint ${VPCE} is not in the snapshot, so its owner is unknown`,
      },
    ],
  },
  {
    name: 'a Deny on a key the evaluator does not fill: unknown',
    estate: withEndpoints().bucket(BUCKET, {
      policy: policy(
        denyUnless({
          StringNotEquals: { 'aws:SourceVpce': VPCE, 's3:DataAccessPointAccount': INSIDE },
        }),
      ),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: /whether it can be reached via any network path is unknown/,
      },
      {
        resource: ARN,
        status: 'unknown',
        message: /VPC endpoint the policy does not name .* is unknown/,
      },
    ],
  },
  {
    name: 'the boundary does not ask for private access: nothing is checked',
    estate: estate().bucket(BUCKET),
    boundary: { data: { buckets: ['acme-kafka-*'] } },
    expect: [],
  },
  {
    name: 'a bucket that is not data-bearing is not checked',
    estate: estate().bucket('acme-website'),
    boundary: { data },
    expect: [],
  },
  {
    name: 'get-bucket-policy failed: unknown, not "no policy"',
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
] satisfies RuleCase[];
