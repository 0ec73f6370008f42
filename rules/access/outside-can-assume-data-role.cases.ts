import type { RuleCase } from '../../test/support/cases.js';
import { estate, keyArn, roleArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const STRANGER = '999999999999';
const ORG = 'o-a1b2c3d4e5';
const BUCKET = 'acme-kafka-tier-euw1';
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE = 'streamco-support';
const ARN = roleArn(ROLE);
const VPCE = 'vpce-0a1b2c3d4e5f60718';

const data = { buckets: ['acme-kafka-*'], keys: ['alias/acme-kafka-*'] };
const vendor = [{ name: 'streamco', role: 'support' as const, accounts: [VENDOR] }];
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const trustAccount = (account: string, extra: object = {}) =>
  doc({
    Sid: 'SupportAccess',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${account}:root` },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'acme-7f3e' } },
    ...extra,
  });
const readBucket = doc({
  Sid: 'ReadTier',
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
});
const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';
const s3Full = doc({ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' });
const READ_ONLY = 'arn:aws:iam::aws:policy/AWSSupportAccess';
const supportOnly = doc({ Effect: 'Allow', Action: ['support:*'], Resource: '*' });

export default [
  {
    name: 'a declared support party can assume a role that reads the data bucket: medium',
    estate: estate()
      .bucket(BUCKET)
      .role(ROLE, {
        trust: trustAccount(VENDOR),
        permissions: { inline: { 'read-tier': readBucket } },
      }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message: `Role ${ROLE}: account ${VENDOR} (streamco) can sts:AssumeRole via any network path (statement SupportAccess, when {"StringEquals":{"sts:ExternalId":"acme-7f3e"}}); the role can read bucket ${BUCKET}.`,
      },
    ],
  },
  {
    name: 'an undeclared account, AmazonS3FullAccess attached: high, read and write',
    estate: estate()
      .bucket(BUCKET)
      .role(ROLE, {
        trust: trustAccount(STRANGER),
        permissions: { attached: [{ arn: S3_FULL, document: s3Full }] },
      }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: `the role can read bucket ${BUCKET}; write bucket ${BUCKET}.`,
      },
    ],
  },
  {
    name: 'a role that can only open support cases: low, says it cannot touch data',
    estate: estate()
      .bucket(BUCKET)
      .role(ROLE, {
        trust: trustAccount(VENDOR),
        permissions: { attached: [{ arn: READ_ONLY, document: supportOnly }] },
      }),
    boundary: { data, parties: vendor },
    expect: [{ resource: ARN, severity: 'low', message: 'cannot read, write or decrypt' }],
  },
  {
    name: 'a permissions boundary without S3 takes the data away: low',
    estate: estate()
      .bucket(BUCKET)
      .role(ROLE, {
        trust: trustAccount(VENDOR),
        permissions: {
          attached: [{ arn: S3_FULL, document: s3Full }],
          boundary: {
            arn: `arn:aws:iam::${INSIDE}:policy/support-boundary`,
            document: supportOnly,
          },
        },
      }),
    boundary: { data, parties: vendor },
    expect: [{ resource: ARN, severity: 'low' }],
  },
  {
    name: 'the bucket policy holds requests to an inside endpoint: the role cannot reach it from outside',
    estate: estate()
      .vpcEndpoint(VPCE, { vpc: 'vpc-0f1e2d3c4b5a69788' })
      .bucket(BUCKET, {
        policy: doc({
          Sid: 'Access-to-specific-VPCE-only',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
          Condition: { StringNotEquals: { 'aws:SourceVpce': VPCE } },
        }),
      })
      .role(ROLE, {
        trust: trustAccount(VENDOR),
        permissions: { inline: { 'read-tier': readBucket } },
      }),
    boundary: { data, parties: vendor },
    expect: [{ resource: ARN, severity: 'low', message: 'cannot read, write or decrypt' }],
  },
  {
    name: 'kms:Decrypt on the data key, whose policy delegates to the account: decrypt',
    estate: estate()
      .key(KEY_ID, { aliases: ['acme-kafka-tier'] })
      .role(ROLE, {
        trust: trustAccount(VENDOR),
        permissions: {
          inline: {
            decrypt: doc({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn(KEY_ID) }),
          },
        },
      }),
    boundary: { data, parties: vendor },
    expect: [{ resource: ARN, severity: 'medium', message: 'decrypt key alias/acme-kafka-tier' }],
  },
  {
    name: 'a key policy naming the role grants decrypt without any IAM permission',
    estate: estate()
      .key(KEY_ID, {
        aliases: ['acme-kafka-tier'],
        policy: doc(
          {
            Sid: 'Enable IAM User Permissions',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${INSIDE}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'SupportDecrypt',
            Effect: 'Allow',
            Principal: { AWS: ARN },
            Action: 'kms:Decrypt',
            Resource: '*',
          },
        ),
      })
      .role(ROLE, { trust: trustAccount(VENDOR), permissions: { inline: {} } }),
    boundary: { data, parties: vendor },
    expect: [{ resource: ARN, severity: 'medium', message: 'decrypt key alias/acme-kafka-tier' }],
  },
  {
    name: 'a key policy that gives the account only kms:DescribeKey: no decrypt, low',
    estate: estate()
      .key(KEY_ID, {
        aliases: ['acme-kafka-tier'],
        policy: doc({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${INSIDE}:root` },
          Action: 'kms:DescribeKey',
          Resource: '*',
        }),
      })
      .role(ROLE, {
        trust: trustAccount(VENDOR),
        permissions: {
          inline: { decrypt: doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }) },
        },
      }),
    boundary: { data, parties: vendor },
    expect: [{ resource: ARN, severity: 'low' }],
  },
  {
    name: 'two trust statements for one account: one finding with both',
    estate: estate()
      .bucket(BUCKET)
      .role(ROLE, {
        trust: doc(
          {
            Sid: 'Console',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
            Action: 'sts:AssumeRole',
            Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
          },
          {
            Sid: 'Automation',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': 'acme-7f3e' } },
          },
        ),
        permissions: { inline: { 'read-tier': readBucket } },
      }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message:
          /via (any network path or the internet from 203\.0\.113\.0|the internet from 203\.0\.113\.0 or any network path) \(statement Console, statement Automation/,
      },
    ],
  },
  {
    name: 'an inline policy with a condition the evaluator cannot know: the role may read',
    estate: estate()
      .bucket(BUCKET)
      .role(ROLE, {
        trust: trustAccount(VENDOR),
        permissions: {
          inline: {
            tagged: doc({
              Sid: 'Tagged',
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: '*',
              Condition: { StringEquals: { 's3:ExistingObjectTag/share': 'support' } },
            }),
          },
        },
      }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message:
          /the role may read bucket acme-kafka-tier-euw1 \(possibly: policy tagged, statement Tagged: .*ExistingObjectTag/,
      },
    ],
  },
  {
    name: 'no authorization details in the snapshot: reported, taken as able to touch data',
    estate: estate().role(ROLE, { trust: trustAccount(STRANGER) }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: 'no iam-get-account-authorization-details file',
      },
    ],
  },
  {
    name: 'trust held to the inside organization (aws:PrincipalOrgID): passes',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [] })
      .bucket(BUCKET)
      .role(ROLE, {
        trust: doc({
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
        }),
        permissions: { inline: { 'read-tier': readBucket } },
      }),
    boundary: { data, inside: { accounts: [{ id: INSIDE }], organizations: [ORG] } },
    expect: [],
  },
  {
    name: 'Principal AWS "*" without conditions: critical for anyone',
    estate: estate()
      .bucket(BUCKET)
      .role(ROLE, {
        trust: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
        permissions: { inline: { 'read-tier': readBucket } },
      }),
    boundary: { data },
    expect: [
      { resource: ARN, severity: 'critical', message: 'anonymous' },
      { resource: ARN, severity: 'high', message: 'any other AWS account' },
    ],
  },
  {
    name: 'a GitHub OIDC trust with no subject condition: any repository can assume it',
    estate: estate()
      .bucket(BUCKET)
      .role(ROLE, {
        trust: doc({
          Effect: 'Allow',
          Principal: {
            Federated: `arn:aws:iam::${INSIDE}:oidc-provider/token.actions.githubusercontent.com`,
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          },
        }),
        permissions: { inline: { 'read-tier': readBucket } },
      }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message:
          /federated identities of .*token\.actions\.githubusercontent\.com can sts:AssumeRoleWithWebIdentity.*the role can read bucket acme-kafka-tier-euw1/,
      },
    ],
  },
  {
    name: 'service roles and inside accounts are not outside parties',
    estate: estate()
      .bucket(BUCKET)
      .role('kafka-broker', {
        trust: doc({
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
        permissions: { inline: { 'read-tier': readBucket } },
      })
      .role('ops', {
        trust: trustAccount(INSIDE),
        permissions: { inline: { 'read-tier': readBucket } },
      }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'list-roles failed: unknown',
    estate: estate()
      .account(INSIDE)
      .gap({ account: INSIDE, region: 'us-east-1', service: 'iam', operation: 'list-roles' }),
    expect: [
      {
        resource: `arn:aws:iam:us-east-1:${INSIDE}:*`,
        status: 'unknown',
        message: 'Could not check: iam list-roles',
      },
    ],
  },
] satisfies RuleCase[];
