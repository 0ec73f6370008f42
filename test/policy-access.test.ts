import { describe, expect, it } from 'vitest';
import { analyzePolicy, type PolicyKind } from '../src/policy/access.js';
import { BUCKET, INSIDE, KEY, ORG, resolver, STRANGER, VENDOR } from './support/policy.js';

const ROLE = `arn:aws:iam::${INSIDE}:role/support-access`;
const CLUSTER = `arn:aws:kafka:eu-west-1:${INSIDE}:cluster/orders/abcd1234-ab12-cd34-ef56-abcdef123456-2`;

const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
/** The documented perimeter shape: Deny every S3 action on the bucket unless the condition holds. */
const denyAllUnless = (Condition: object) => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [BUCKET, `${BUCKET}/*`],
  Condition,
});
const allowAll = (extra: object = {}) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: `${BUCKET}/*`,
  ...extra,
});

interface Case {
  name: string;
  kind?: PolicyKind;
  resource?: string;
  policy: unknown;
  /** Callers (by the start of their label) that get outside access. */
  outside: string[];
  public?: boolean;
  /** Expect at least one unknown answer. */
  unknown?: boolean;
}

const run = (c: Case) =>
  analyzePolicy({
    kind: c.kind ?? 's3-bucket',
    policy: c.policy,
    resource: c.resource ?? BUCKET,
    resourceAccount: INSIDE,
    resolver,
  });

const groups: Record<string, Case[]> = {
  // IAM User Guide, "Policy evaluation logic": explicit Deny wins, an Allow is needed.
  'policy evaluation logic': [
    {
      name: 'no statement grants anything',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${INSIDE}:root` },
        Action: 's3:*',
        Resource: `${BUCKET}/*`,
      }),
      outside: [],
      public: false,
    },
    {
      name: 'Principal * on GetObject is public',
      policy: policy(allowAll()),
      outside: ['anonymous', 'any other AWS account', `account ${VENDOR}`],
      public: true,
    },
    {
      name: 'an explicit Deny for everyone wins over the Allow',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: `${BUCKET}/*`,
      }),
      outside: [],
      public: false,
    },
    {
      name: 'a Deny on another action does not remove the Allow',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `${BUCKET}/*`,
      }),
      outside: ['anonymous', 'any other AWS account', `account ${VENDOR}`],
      public: true,
    },
    {
      name: 'a grant to the vendor account is outside access, not public',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: VENDOR },
        Action: 's3:GetObject',
        Resource: `${BUCKET}/*`,
      }),
      outside: [`account ${VENDOR}`],
      public: false,
    },
    {
      name: 'a grant to a role of an undeclared account',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${STRANGER}:role/reader` },
        Action: 's3:GetObject',
        Resource: `${BUCKET}/*`,
      }),
      outside: [`account ${STRANGER}`],
    },
  ],
  // IAM User Guide, "NotPrincipal": Deny with NotPrincipal denies everyone but the listed.
  'NotPrincipal and NotAction': [
    {
      name: 'Deny NotPrincipal inside root leaves only inside access',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        NotPrincipal: { AWS: `arn:aws:iam::${INSIDE}:root` },
        Action: 's3:*',
        Resource: [BUCKET, `${BUCKET}/*`],
      }),
      outside: [],
      public: false,
    },
    {
      name: 'Allow NotAction on everything but DeleteBucket is public',
      policy: policy({
        Effect: 'Allow',
        Principal: '*',
        NotAction: 's3:DeleteBucket',
        Resource: [BUCKET, `${BUCKET}/*`],
      }),
      outside: ['anonymous', 'any other AWS account', `account ${VENDOR}`],
      public: true,
    },
  ],
  // S3 User Guide, "Controlling access from VPC endpoints with bucket policies".
  'VPC endpoint bucket policies': [
    {
      name: 'Deny unless aws:SourceVpce is the inside endpoint: private only',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEquals: { 'aws:SourceVpce': 'vpce-inside' } }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'the same with a mixed-case key is still private only',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEquals: { 'AWS:sourceVPCE': 'vpce-inside' } }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'an endpoint the vendor owns is an outside path',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEquals: { 'aws:SourceVpce': ['vpce-inside', 'vpce-vendor'] } }),
      ),
      outside: [`account ${VENDOR}`],
    },
    {
      name: 'an endpoint not in the snapshot is unknown, not private',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEquals: { 'aws:SourceVpce': 'vpce-0unknown' } }),
      ),
      outside: [],
      unknown: true,
    },
    {
      name: 'Allow only with aws:SourceVpc of the inside VPC',
      policy: policy(allowAll({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-inside' } } })),
      outside: [],
    },
  ],
  // IAM User Guide, "aws:PrincipalOrgID" and data perimeter policies with ...IfExists.
  'organization perimeter': [
    {
      name: 'Allow * with aws:PrincipalOrgID of the inside organization',
      policy: policy(allowAll({ Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })),
      outside: [],
      public: false,
    },
    {
      name: 'Deny outside the org unless an AWS service (IfExists, PrincipalIsAWSService)',
      policy: policy(
        allowAll(),
        denyAllUnless({
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG },
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        }),
      ),
      outside: [],
    },
    {
      name: 'Allow with aws:PrincipalAccount of the vendor',
      policy: policy(allowAll({ Condition: { StringEquals: { 'aws:PrincipalAccount': VENDOR } } })),
      outside: [`account ${VENDOR}`],
      public: false,
    },
  ],
  // IAM User Guide, condition keys that are not boundary controls.
  'controls that are not boundaries': [
    {
      name: 'aws:SecureTransport does not make a public grant private',
      policy: policy(allowAll({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
      outside: ['anonymous', 'any other AWS account', `account ${VENDOR}`],
      public: true,
    },
    {
      name: 'sts:ExternalId lets the vendor assume the role',
      kind: 'role-trust',
      resource: ROLE,
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'secret-123' } },
      }),
      outside: [`account ${VENDOR}`],
    },
    {
      name: 'a narrow aws:SourceIp grant is outside access but not public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })),
      outside: ['anonymous', 'any other AWS account', `account ${VENDOR}`],
      public: false,
    },
    {
      name: 'a /4 aws:SourceIp grant is public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/4' } } })),
      outside: ['anonymous', 'any other AWS account', `account ${VENDOR}`],
      public: true,
    },
    {
      name: 'an unknown condition key is unknown, naming the key',
      policy: policy(
        allowAll({
          Condition: { StringEquals: { 's3:ExistingObjectTag/classification': 'public' } },
        }),
      ),
      outside: [],
      unknown: true,
    },
  ],
  // KMS Developer Guide, "Default key policy": the root statement delegates to the key account.
  'KMS key policies': [
    {
      name: 'the default key policy gives nothing outside',
      kind: 'kms-key',
      resource: KEY,
      policy: policy({
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${INSIDE}:root` },
        Action: 'kms:*',
        Resource: '*',
      }),
      outside: [],
    },
    {
      name: 'Decrypt for the vendor root is outside decrypt',
      kind: 'kms-key',
      resource: KEY,
      policy: policy({
        Sid: 'VendorDecrypt',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Resource: '*',
      }),
      outside: [`account ${VENDOR}`],
    },
    {
      name: 'kms:CallerAccount of the key account keeps use inside',
      kind: 'kms-key',
      resource: KEY,
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:CallerAccount': INSIDE,
            'kms:ViaService': 's3.eu-west-1.amazonaws.com',
          },
        },
      }),
      outside: [],
    },
  ],
  // MSK Developer Guide, "cluster policies" (multi-VPC private connectivity).
  'MSK cluster policies': [
    {
      name: 'a cross-account cluster policy grants the vendor',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam::${VENDOR}:root`] },
        Action: [
          'kafka:CreateVpcConnection',
          'kafka:GetBootstrapBrokers',
          'kafka:DescribeClusterV2',
          'kafka-cluster:Connect',
        ],
        Resource: CLUSTER,
      }),
      outside: [`account ${VENDOR}`],
    },
  ],
  // IAM User Guide, role trust policies for services: the confused deputy.
  'service principals': [
    {
      name: 'a service principal without aws:SourceAccount acts for anyone',
      policy: policy({
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${BUCKET}/*`,
      }),
      outside: ['service logging.s3.amazonaws.com'],
    },
    {
      name: 'a service principal pinned with aws:SourceAccount does not',
      policy: policy({
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${BUCKET}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': INSIDE } },
      }),
      outside: [],
    },
  ],
  // Robustness: what cannot be read is said, never thrown.
  'malformed documents': [
    { name: 'not JSON', policy: '{"Statement": [', outside: [] },
    {
      name: 'a statement without Effect is skipped and reported',
      policy: policy({ Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` }),
      outside: [],
    },
    {
      name: 'a single statement object',
      policy: { Version: '2012-10-17', Statement: allowAll() },
      outside: ['anonymous', 'any other AWS account', `account ${VENDOR}`],
      public: true,
    },
  ],
};

describe.each(Object.entries(groups))('%s', (_group, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const a = run(c);
    const callers = [...new Set(a.outsideAccess.map((g) => g.caller))];
    for (const who of c.outside)
      expect(
        callers.some((x) => x.startsWith(who)),
        `${who} in ${JSON.stringify(callers)}`,
      ).toBe(true);
    expect(callers.length, JSON.stringify(callers)).toBe(c.outside.length);
    if (c.public !== undefined) expect(a.public).toBe(c.public);
    if (c.unknown !== undefined)
      expect(a.unknown.length > 0 || a.problems.length > 0).toBe(c.unknown);
  });
});

describe('grants on part of a resource are found', () => {
  it.each([
    {
      name: 'public read of one prefix is public',
      policy: { Statement: [allowAll({ Resource: `${BUCKET}/public/*` })] },
      public: true,
    },
    {
      name: 'vendor read of one topic pattern (uuid wildcard) is outside access',
      kind: 'msk-cluster' as const,
      resource: CLUSTER,
      policy: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: VENDOR },
            Action: 'kafka-cluster:ReadData',
            Resource: `arn:aws:kafka:eu-west-1:${INSIDE}:topic/orders/*/settlements.*`,
          },
        ],
      },
      public: false,
    },
  ])('$name', ({ policy: p, kind, resource, public: pub }) => {
    const a = analyzePolicy({
      kind: kind ?? 's3-bucket',
      policy: p,
      resource: resource ?? BUCKET,
      resourceAccount: INSIDE,
      resolver,
    });
    expect(a.public).toBe(pub);
    expect(a.outsideAccess.length).toBeGreaterThan(0);
  });
});

describe('an organization outside the boundary', () => {
  it('Allow * restricted to a foreign organization is outside access for accounts that may be in it', () => {
    const p = {
      Statement: [
        allowAll({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-vendororg99' } } }),
      ],
    };
    const a = analyzePolicy({
      kind: 's3-bucket',
      policy: p,
      resource: BUCKET,
      resourceAccount: INSIDE,
      resolver: { ...resolver, insideOrganizations: () => [ORG] },
    });
    expect(a.public).toBe(false);
    expect(a.outsideAccess.map((g) => g.caller)).toContain('any other AWS account');
  });
  it('the inside organization is not a foreign one', () => {
    const p = {
      Statement: [allowAll({ Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })],
    };
    const a = analyzePolicy({
      kind: 's3-bucket',
      policy: p,
      resource: BUCKET,
      resourceAccount: INSIDE,
      resolver: { ...resolver, insideOrganizations: () => [ORG] },
    });
    expect(a.outsideAccess).toEqual([]);
  });
});
