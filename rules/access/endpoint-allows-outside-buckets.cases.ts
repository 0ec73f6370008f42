import type { RuleCase } from '../../test/support/cases.js';
import { estate } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const ORG = 'o-a1b2c3d4e5';
const VPC = 'vpc-0f1e2d3c4b5a69788';
const VPCE = 'vpce-0a1b2c3d4e5f60718';
const ARN = `arn:aws:ec2:eu-west-1:${INSIDE}:vpc-endpoint/${VPCE}`;
const DATA = 'acme-kafka-tier-euw1';

const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Resource: unknown, extra: object = {}) => ({
  Sid: 'Allow',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:*',
  Resource,
  ...extra,
});
const org = { inside: { accounts: [{ id: INSIDE }], organizations: [ORG] } };
const vendor = [{ name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] }];
const withOrg = () => estate().organization(ORG, { management: INSIDE, members: [] });

export default [
  {
    name: 'the default full-access policy: any bucket anywhere, high',
    estate: estate().vpcEndpoint(VPCE, { vpc: VPC }),
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message:
          /lets account 111111111111 \(inside\) and any other AWS account s3:GetObject, s3:ListBucket, s3:PutObject on any bucket outside the boundary .*records can leave/,
      },
    ],
  },
  {
    name: 'only the boundary’s own buckets, named: passes',
    estate: estate()
      .bucket(DATA)
      .vpcEndpoint(VPCE, {
        vpc: VPC,
        policy: policy(allow([`arn:aws:s3:::${DATA}`, `arn:aws:s3:::${DATA}/*`])),
      }),
    expect: [],
  },
  {
    name: 'aws:ResourceOrgID and aws:PrincipalOrgID of the inside organization: passes',
    estate: withOrg().vpcEndpoint(VPCE, {
      vpc: VPC,
      policy: policy(
        allow('*', {
          Condition: {
            StringEquals: { 'aws:ResourceOrgID': ORG, 'aws:PrincipalOrgID': ORG },
          },
        }),
      ),
    }),
    boundary: org,
    expect: [],
  },
  {
    name: 'aws:PrincipalOrgID alone: inside principals can still write anywhere',
    estate: withOrg().vpcEndpoint(VPCE, {
      vpc: VPC,
      policy: policy(allow('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })),
    }),
    boundary: org,
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: /lets account 111111111111 \(inside\) s3:GetObject.*any bucket outside/,
      },
    ],
  },
  {
    name: 'mixed-case s3:resourceaccount of the inside account: passes',
    estate: estate().vpcEndpoint(VPCE, {
      vpc: VPC,
      policy: policy(allow('*', { Condition: { StringEquals: { 'S3:ResourceAccount': INSIDE } } })),
    }),
    expect: [],
  },
  {
    name: 's3:ResourceAccount also names the vendor: writes to the vendor, medium',
    estate: estate().vpcEndpoint(VPCE, {
      vpc: VPC,
      policy: policy(
        allow('*', { Condition: { StringEquals: { 's3:ResourceAccount': [INSIDE, VENDOR] } } }),
      ),
    }),
    boundary: { parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message: `on buckets of account ${VENDOR} (streamco)`,
      },
    ],
  },
  {
    name: 'a wildcard bucket name: anyone can create a bucket that fits it',
    estate: estate().vpcEndpoint(VPCE, {
      vpc: VPC,
      policy: policy(allow(['arn:aws:s3:::acme-*', 'arn:aws:s3:::acme-*/*'])),
    }),
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: 'a bucket outside the boundary named to match acme-*',
      },
    ],
  },
  {
    name: 'read-only access to a vendor bucket in the snapshot: low',
    estate: estate()
      .bucket('streamco-artifacts', { account: VENDOR })
      .vpcEndpoint(VPCE, {
        vpc: VPC,
        policy: policy(allow('arn:aws:s3:::streamco-artifacts/*', { Action: 's3:GetObject' })),
      }),
    boundary: { parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'low',
        message: `s3:GetObject on bucket streamco-artifacts (account ${VENDOR})`,
      },
    ],
  },
  {
    name: 'the documented Amazon Linux and ECR buckets are AWS’s own: passes',
    estate: estate().vpcEndpoint(VPCE, {
      vpc: VPC,
      policy: policy(
        allow(
          [
            'arn:aws:s3:::amazonlinux.eu-west-1.amazonaws.com/*',
            'arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*',
            'arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*',
          ],
          { Action: 's3:GetObject' },
        ),
      ),
    }),
    expect: [],
  },
  {
    name: 'a named bucket not in the snapshot: unknown, not a pass',
    estate: estate().vpcEndpoint(VPCE, {
      vpc: VPC,
      policy: policy(allow('arn:aws:s3:::partner-drop-zone/*', { Action: 's3:PutObject' })),
    }),
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: 'bucket partner-drop-zone is not in the snapshot',
      },
      {
        resource: ARN,
        status: 'unknown',
        message: 'bucket partner-drop-zone is not in the snapshot',
      },
    ],
  },
  {
    name: 'a Deny on PutObject outside the organization keeps writes in, reads stay: low',
    estate: withOrg().vpcEndpoint(VPCE, {
      vpc: VPC,
      policy: policy(allow('*'), {
        Sid: 'DenyWritesOutside',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:ResourceOrgID': ORG } },
      }),
    }),
    boundary: org,
    expect: [{ resource: ARN, severity: 'low', message: 's3:GetObject, s3:ListBucket on any' }],
  },
  {
    name: 'an endpoint of another service, or of an outside account, is not checked',
    estate: estate()
      .vpcEndpoint('vpce-0b1b2c3d4e5f60719', {
        vpc: VPC,
        type: 'Interface',
        service: 'com.amazonaws.eu-west-1.kms',
      })
      .vpcEndpoint('vpce-0c1b2c3d4e5f60710', { vpc: 'vpc-0a0a0a0a0a0a0a0a0', account: VENDOR }),
    boundary: { parties: vendor },
    expect: [],
  },
  {
    name: 'no PolicyDocument in the listing: unknown',
    estate: estate().vpcEndpoint(VPCE, { vpc: VPC, policy: null }),
    expect: [{ resource: ARN, status: 'unknown', message: 'holds no PolicyDocument' }],
  },
  {
    name: 'describe-vpc-endpoints failed: unknown',
    estate: estate().account(INSIDE).gap({
      account: INSIDE,
      region: 'eu-west-1',
      service: 'ec2',
      operation: 'describe-vpc-endpoints',
    }),
    expect: [
      {
        resource: `arn:aws:ec2:eu-west-1:${INSIDE}:*`,
        status: 'unknown',
        message: 'Could not check: ec2 describe-vpc-endpoints',
      },
    ],
  },
] satisfies RuleCase[];
