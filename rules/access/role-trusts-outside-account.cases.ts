import type { RuleCase } from '../../test/support/cases.js';
import { estate, roleArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const STRANGER = '333333333333';
const MEMBER = '444444444444';
const ORG = 'o-a1b2c3d4e5';

/** A trust policy with one statement per entry, as iam list-roles prints it (decoded). */
const trust = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const assume = (principal: unknown, extra: object = {}) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  ...extra,
});

export default [
  {
    name: 'a role trusting the root of an undeclared account is open and high',
    estate: estate().role('kafka-admin', {
      trust: trust(assume({ AWS: `arn:aws:iam::${STRANGER}:root` })),
    }),
    expect: [
      {
        resource: roleArn('kafka-admin'),
        severity: 'high',
        message: `trusts account ${STRANGER} (undeclared) through arn:aws:iam::${STRANGER}:root`,
      },
    ],
  },
  {
    name: 'service and same-account principals pass',
    estate: estate()
      .role('msk-broker', { trust: trust(assume({ Service: 'ec2.amazonaws.com' })) })
      .role('ops-breakglass', {
        trust: trust(
          assume({ AWS: `arn:aws:iam::${INSIDE}:role/sso/AWSReservedSSO_Admin_0a1b2c` }),
        ),
      }),
    expect: [],
  },
  {
    name: 'a declared vendor is open but medium, and named with its role',
    estate: estate().role('automq-control-plane', {
      trust: trust(
        assume(
          { AWS: `arn:aws:iam::${VENDOR}:role/automq-console` },
          {
            Sid: 'AutoMQConsole',
            Condition: { StringEquals: { 'sts:ExternalId': 'automq-7f3c2a' } },
          },
        ),
      ),
    }),
    boundary: { parties: [{ name: 'AutoMQ', role: 'vendor', accounts: [VENDOR] }] },
    expect: [
      {
        resource: roleArn('automq-control-plane'),
        severity: 'medium',
        message:
          /trusts account 222222222222 \(AutoMQ, vendor\) .* in statement AutoMQConsole \(with conditions/,
      },
    ],
  },
  {
    name: 'a bare 12-digit account id as principal counts like its root',
    estate: estate().role('partner-reader', {
      trust: trust(assume({ AWS: STRANGER })),
    }),
    expect: [
      {
        resource: roleArn('partner-reader'),
        severity: 'high',
        message: `trusts account ${STRANGER} (undeclared) through ${STRANGER}.`,
      },
    ],
  },
  {
    name: 'Principal AWS "*" trusts anyone and is critical',
    estate: estate().role('lambda-any', { trust: trust(assume({ AWS: '*' })) }),
    expect: [
      {
        resource: roleArn('lambda-any'),
        severity: 'critical',
        message: 'trusts any AWS principal (*).',
      },
    ],
  },
  {
    name: 'a bare Principal "*" with a condition is still critical, and says so',
    estate: estate().role('wide-open', {
      trust: trust(assume('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })),
    }),
    expect: [
      {
        resource: roleArn('wide-open'),
        severity: 'critical',
        message: 'trusts any AWS principal (*) (with conditions',
      },
    ],
  },
  {
    name: 'two outside accounts in one role give two findings on the role',
    estate: estate().role('shared-reader', {
      trust: trust(
        assume({ AWS: [`arn:aws:iam::${VENDOR}:root`, `arn:aws:iam::${STRANGER}:root`] }),
        assume({ AWS: `arn:aws:iam::${STRANGER}:user/ci` }),
      ),
    }),
    boundary: { parties: [{ name: 'AutoMQ', role: 'vendor', accounts: [VENDOR] }] },
    expect: [
      { resource: roleArn('shared-reader'), severity: 'high', message: 'undeclared' },
      { resource: roleArn('shared-reader'), severity: 'medium', message: 'AutoMQ, vendor' },
    ],
  },
  {
    name: 'an account inside through organization membership is inside',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'streaming-prod' }] })
      .role('cross-account-deployer', {
        trust: trust(assume({ AWS: `arn:aws:iam::${MEMBER}:role/deployer` })),
      }),
    boundary: { inside: { organizations: [ORG], accounts: [] } },
    expect: [],
  },
  {
    name: 'an account listed under inside.accounts is inside',
    estate: estate().role('log-shipper', {
      trust: trust(assume({ AWS: `arn:aws:iam::${MEMBER}:role/log-archive-writer` })),
    }),
    boundary: {
      inside: {
        accounts: [
          { id: INSIDE, name: 'platform' },
          { id: MEMBER, name: 'log-archive' },
        ],
      },
    },
    expect: [],
  },
  {
    name: 'roles of an account outside the boundary are not this rule’s business',
    estate: estate().role('vendor-side', {
      account: VENDOR,
      trust: trust(assume({ AWS: `arn:aws:iam::${STRANGER}:root` })),
    }),
    expect: [],
  },
  {
    name: 'Deny statements and federated or service principals are not trust',
    estate: estate().role('github-deploy', {
      trust: trust(
        assume(
          { Federated: `arn:aws:iam::${INSIDE}:oidc-provider/token.actions.githubusercontent.com` },
          {
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            },
          },
        ),
        { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${STRANGER}:root` }, Action: '*' },
      ),
    }),
    expect: [],
  },
  {
    name: 'approvedRegions empty changes nothing for a global IAM rule',
    estate: estate().role('kafka-admin', {
      trust: trust(assume({ AWS: `arn:aws:iam::${STRANGER}:root` })),
    }),
    boundary: { approvedRegions: [] },
    expect: [{ resource: roleArn('kafka-admin'), severity: 'high' }],
  },
  {
    name: 'list-roles failed: unknown for the account, never a pass',
    estate: estate()
      .bucket('platform-kafka-tiered')
      .gap({ account: INSIDE, region: 'us-east-1', service: 'iam', operation: 'list-roles' }),
    expect: [
      {
        resource: `arn:aws:iam:us-east-1:${INSIDE}:*`,
        status: 'unknown',
        message: 'iam list-roles failed in 111111111111/us-east-1 with AccessDenied',
      },
    ],
  },
] satisfies RuleCase[];
