import type { RuleCase } from '../../test/support/cases.js';
import { estate, keyArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const MEMBER = '333333333333';
const STRANGER = '999999999999';
const ORG = 'o-a1b2c3d4e5';
const KEY = '5b8e2c41-7d3a-4f96-a0e8-2c9b1d7f4e63';
const ARN = keyArn(KEY);

const data = { keys: ['alias/kafka-*'] };
const vendor = [{ name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] }];

/** The default statement (the key account's root) plus the given ones. */
const keyPolicy = (...extra: object[]) => ({
  Version: '2012-10-17',
  Id: 'key-consolepolicy-3',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${INSIDE}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    ...extra,
  ],
});
const allowUse = (principal: unknown, extra: object = {}) => ({
  Sid: 'Allow use of the key',
  Effect: 'Allow',
  Principal: principal,
  Action: ['kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
  Resource: '*',
  ...extra,
});

export default [
  {
    name: 'the key policy lets a declared vendor decrypt: medium',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      policy: keyPolicy(allowUse({ AWS: `arn:aws:iam::${VENDOR}:root` })),
    }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message: `Data key alias/kafka-tier: account ${VENDOR} (streamco) can kms:Decrypt, kms:GenerateDataKey`,
      },
    ],
  },
  {
    name: 'the key policy lets a role of an undeclared account decrypt: high',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      policy: keyPolicy(allowUse({ AWS: `arn:aws:iam::${STRANGER}:role/analytics` })),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message: `account ${STRANGER} (undeclared) as arn:aws:iam::${STRANGER}:role/analytics can kms:Decrypt`,
      },
    ],
  },
  {
    name: 'Principal AWS "*" without conditions: anonymous critical, any other account high',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      policy: keyPolicy(allowUse({ AWS: '*' })),
    }),
    boundary: { data },
    expect: [
      { resource: ARN, severity: 'critical', message: 'anonymous (any principal, signed or not)' },
      { resource: ARN, severity: 'high', message: 'any other AWS account can kms:Decrypt' },
    ],
  },
  {
    name: 'default key policy (inside root only) passes; an outside grant on a non-data key is ignored',
    estate: estate()
      .key(KEY, { aliases: ['kafka-tier'] })
      .key('0e4f6a8c-2b1d-4c3e-9f5a-7d8b6c4e2a10', {
        aliases: ['website'],
        policy: keyPolicy(allowUse({ AWS: `arn:aws:iam::${STRANGER}:root` })),
      }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'Principal "*" narrowed by kms:CallerAccount (inside) and kms:ViaService: passes',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      policy: keyPolicy(
        allowUse(
          { AWS: '*' },
          {
            Condition: {
              StringEquals: {
                'kms:CallerAccount': INSIDE,
                'kms:ViaService': 's3.eu-west-1.amazonaws.com',
              },
            },
          },
        ),
      ),
    }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'a Deny on kms:Decrypt for the vendor removes its grant',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      policy: keyPolicy(allowUse({ AWS: `arn:aws:iam::${VENDOR}:root` }), {
        Sid: 'DenyOutsideCallers',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:*',
        Resource: '*',
        Condition: { StringNotEquals: { 'kms:CallerAccount': INSIDE } },
      }),
    }),
    boundary: { data, parties: vendor },
    expect: [],
  },
  {
    name: 'aws:PrincipalOrgID of the inside organization: passes',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'brokers' }] })
      .key(KEY, {
        aliases: ['kafka-tier'],
        policy: keyPolicy(
          allowUse({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } }),
        ),
      }),
    boundary: { data, inside: { accounts: [{ id: INSIDE }], organizations: [ORG] } },
    expect: [],
  },
  {
    name: 'an encryption-context condition ownmap does not evaluate: unknown',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      policy: keyPolicy(
        allowUse(
          { AWS: `arn:aws:iam::${STRANGER}:root` },
          { Condition: { StringEquals: { 'kms:EncryptionContext:tenant': 'globex' } } },
        ),
      ),
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: `whether account ${STRANGER} (undeclared) can kms:Decrypt, kms:GenerateDataKey is unknown`,
      },
    ],
  },
  {
    name: 'get-key-policy failed: unknown',
    estate: estate()
      .key(KEY, { aliases: ['kafka-tier'] })
      .gap({
        account: INSIDE,
        region: 'eu-west-1',
        service: 'kms',
        operation: 'get-key-policy',
        param: KEY,
      }),
    boundary: { data },
    expect: [{ resource: ARN, status: 'unknown', message: 'Could not check: kms get-key-policy' }],
  },
  {
    name: 'grants to an outside role: vendor medium, undeclared high; inside and service grantees pass',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      grants: [
        {
          Name: 'streamco-reader',
          GranteePrincipal: `arn:aws:iam::${VENDOR}:role/streamco-agent`,
          Operations: ['Decrypt', 'DescribeKey'],
        },
        {
          Name: 'etl',
          GranteePrincipal: `arn:aws:iam::${STRANGER}:role/etl`,
          Operations: ['Decrypt', 'GenerateDataKey'],
          Constraints: { EncryptionContextSubset: { topic: 'orders' } },
        },
        {
          Name: 'broker',
          GranteePrincipal: `arn:aws:iam::${INSIDE}:role/automq-broker`,
          Operations: ['Decrypt', 'GenerateDataKey'],
        },
        {
          GranteePrincipal: 'kafka.eu-west-1.amazonaws.com',
          Operations: ['Decrypt', 'GenerateDataKey', 'CreateGrant'],
        },
      ],
    }),
    boundary: { data, parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message:
          'grant etl lets arn:aws:iam::999999999999:role/etl (undeclared) Decrypt, GenerateDataKey (with encryption-context constraints)',
      },
      {
        resource: ARN,
        severity: 'medium',
        message: `grant streamco-reader lets arn:aws:iam::${VENDOR}:role/streamco-agent (streamco) Decrypt.`,
      },
    ],
  },
  {
    name: 'a grant that only allows Encrypt and DescribeKey to an outside role passes',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      grants: [
        {
          Name: 'producer-encrypt',
          GranteePrincipal: `arn:aws:iam::${STRANGER}:role/producer`,
          Operations: ['Encrypt', 'DescribeKey'],
        },
      ],
    }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'an unnamed grant is named by its GrantId',
    estate: estate().key(KEY, {
      aliases: ['kafka-tier'],
      grants: [{ GranteePrincipal: `arn:aws:iam::${STRANGER}:root`, Operations: ['CreateGrant'] }],
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message:
          /grant [0-9a-f]{64} lets arn:aws:iam::999999999999:root \(undeclared\) CreateGrant\.$/,
      },
    ],
  },
  {
    name: 'list-grants failed: unknown (outside grants could hide there)',
    estate: estate()
      .key(KEY, { aliases: ['kafka-tier'] })
      .gap({
        account: INSIDE,
        region: 'eu-west-1',
        service: 'kms',
        operation: 'list-grants',
        param: KEY,
      }),
    boundary: { data },
    expect: [{ resource: ARN, status: 'unknown', message: 'Could not check: kms list-grants' }],
  },
] satisfies RuleCase[];
