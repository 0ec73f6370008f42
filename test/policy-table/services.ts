import { INSIDE, KEY, ORG, STRANGER, VENDOR } from '../support/policy.js';
import {
  allowTo,
  CLUSTER,
  EVERYONE,
  federated,
  type Group,
  OBJECTS,
  policy,
  ROLE,
  role,
  root,
  STRANGER_ACCOUNT,
  service,
  VENDOR_ACCOUNT,
} from './case.js';

const KMS_USE = ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 'kms:ReEncryptFrom'];

const keyPolicy = (...Statement: object[]) => ({
  Version: '2012-10-17',
  Id: 'key-consolepolicy-3',
  Statement,
});
const enableIam = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: root(INSIDE) },
  Action: 'kms:*',
  Resource: '*',
};

// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
// https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
// The :root of the key's own account delegates to that account's IAM policies: no outside
// access. A :root (or role) of another account in the key policy lets that account use the
// key. kms:CallerAccount is the caller's account; kms:ViaService is the service the request
// comes through (any caller can use the service).
export const kmsKeyPolicies: Group = {
  section: 'KMS key policies',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
  cases: [
    {
      name: 'the default key policy gives nothing outside',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy(enableIam),
      outside: [],
      unknown: false,
    },
    {
      name: 'the default key policy with the inside account id (short form)',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy({ ...enableIam, Principal: { AWS: INSIDE } }),
      outside: [],
    },
    {
      name: 'the console default: administrators and users are inside roles',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy(
        enableIam,
        {
          Sid: 'Allow access for Key Administrators',
          Effect: 'Allow',
          Principal: { AWS: role(INSIDE, 'KeyAdmin') },
          Action: [
            'kms:Create*',
            'kms:Describe*',
            'kms:Enable*',
            'kms:List*',
            'kms:Put*',
            'kms:Update*',
            'kms:Revoke*',
            'kms:Disable*',
            'kms:Get*',
            'kms:Delete*',
            'kms:TagResource',
            'kms:UntagResource',
            'kms:ScheduleKeyDeletion',
            'kms:CancelKeyDeletion',
          ],
          Resource: '*',
        },
        {
          Sid: 'Allow use of the key',
          Effect: 'Allow',
          Principal: { AWS: role(INSIDE, 'KeyUser') },
          Action: [
            'kms:Encrypt',
            'kms:Decrypt',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:DescribeKey',
          ],
          Resource: '*',
        },
        {
          Sid: 'Allow attachment of persistent resources',
          Effect: 'Allow',
          Principal: { AWS: role(INSIDE, 'KeyUser') },
          Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
          Resource: '*',
          Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        },
      ),
      outside: [],
      undecided: [],
    },
    {
      name: 'the documented external-account use statement: the vendor root',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy(enableIam, {
        Sid: 'Allow an external account to use this KMS key',
        Effect: 'Allow',
        Principal: { AWS: root(VENDOR) },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:DescribeKey',
        ],
        Resource: '*',
      }),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: KMS_USE },
    },
    {
      name: 'Decrypt for the vendor root is outside decrypt',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy({
        Sid: 'VendorDecrypt',
        Effect: 'Allow',
        Principal: { AWS: root(VENDOR) },
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Resource: '*',
      }),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['kms:Decrypt'] },
    },
    {
      name: 'an undeclared account role as key administrator administers the key',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy(enableIam, {
        Sid: 'Allow access for Key Administrators',
        Effect: 'Allow',
        Principal: { AWS: role(STRANGER, 'KeyAdmin') },
        Action: ['kms:Create*', 'kms:Put*', 'kms:Disable*', 'kms:ScheduleKeyDeletion'],
        Resource: '*',
      }),
      outside: [STRANGER_ACCOUNT],
      actions: {
        [STRANGER_ACCOUNT]: [
          'kms:CreateGrant',
          'kms:PutKeyPolicy',
          'kms:ScheduleKeyDeletion',
          'kms:DisableKey',
        ],
      },
    },
    {
      name: 'the external-account grant statement (kms:GrantIsForAWSResource) is undecided',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy(enableIam, {
        Sid: 'Allow attachment of persistent resources in an external account',
        Effect: 'Allow',
        Principal: { AWS: root(VENDOR) },
        Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
      }),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'kms:CallerAccount of the key account keeps use inside',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy({
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
    {
      name: 'the AWS managed key shape (any principal, CallerAccount and ViaService)',
      kind: 'kms-key',
      resource: KEY,
      policy: {
        Version: '2012-10-17',
        Id: 'auto-ebs-2',
        Statement: [
          {
            Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: [
              'kms:Encrypt',
              'kms:Decrypt',
              'kms:ReEncrypt*',
              'kms:GenerateDataKey*',
              'kms:CreateGrant',
              'kms:DescribeKey',
            ],
            Resource: '*',
            Condition: {
              StringEquals: {
                'kms:ViaService': 'ec2.eu-west-1.amazonaws.com',
                'kms:CallerAccount': INSIDE,
              },
            },
          },
          {
            Sid: 'Allow direct access to key metadata to the account',
            Effect: 'Allow',
            Principal: { AWS: root(INSIDE) },
            Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
            Resource: '*',
          },
        ],
      },
      outside: [],
    },
    {
      name: 'kms:CallerAccount of the vendor lets the vendor decrypt',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': VENDOR } },
      }),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['kms:Decrypt', 'kms:GenerateDataKey'] },
    },
    {
      name: 'kms:ViaService alone does not say who: anyone through S3',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
      }),
      outside: EVERYONE,
    },
    {
      name: 'kms:ViaService with a wildcard for the vendor root',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy({
        Effect: 'Allow',
        Principal: { AWS: root(VENDOR) },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } },
      }),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'the vendor root with kms:CallerAccount of the key account: never the vendor',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy({
        Effect: 'Allow',
        Principal: { AWS: root(VENDOR) },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': INSIDE } },
      }),
      outside: [],
    },
    {
      name: 'a Deny unless kms:CallerAccount is the key account removes the vendor',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy(
        enableIam,
        {
          Effect: 'Allow',
          Principal: { AWS: role(VENDOR, 'decryptor') },
          Action: 'kms:Decrypt',
          Resource: '*',
        },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:*',
          Resource: '*',
          Condition: { StringNotEquals: { 'kms:CallerAccount': INSIDE } },
        },
      ),
      outside: [],
    },
    {
      name: 'the CloudTrail key statement pinned by aws:SourceArn',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy(enableIam, {
        Sid: 'Allow CloudTrail to encrypt logs',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: {
          StringEquals: {
            'aws:SourceArn': `arn:aws:cloudtrail:eu-west-1:${INSIDE}:trail/main`,
          },
          StringLike: {
            'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${INSIDE}:trail/*`,
          },
        },
      }),
      outside: [],
      undecided: [],
    },
    {
      name: 'a vendor Decrypt with an encryption context condition is undecided',
      kind: 'kms-key',
      resource: KEY,
      policy: keyPolicy({
        Effect: 'Allow',
        Principal: { AWS: root(VENDOR) },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:EncryptionContext:Department': 'IT' } },
      }),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
  ],
};

const TOPICS = `arn:aws:kafka:eu-west-1:${INSIDE}:topic/orders/*`;
const GROUPS = `arn:aws:kafka:eu-west-1:${INSIDE}:group/orders/*`;
const MSK_ALL = [
  'kafka-cluster:Connect',
  'kafka-cluster:DescribeCluster',
  'kafka:CreateVpcConnection',
  'kafka:GetBootstrapBrokers',
  'kafka:DescribeCluster',
  'kafka:DescribeClusterV2',
  'kafka-cluster:ReadData',
  'kafka-cluster:WriteData',
  'kafka-cluster:DescribeTopic',
  'kafka-cluster:AlterGroup',
];
const msk = (aws: string | string[], Action: string | string[], Resource: string) => ({
  Effect: 'Allow',
  Principal: { AWS: aws },
  Action,
  Resource,
});

// https://docs.aws.amazon.com/msk/latest/developerguide/mvpc-cluster-owner-action-policy.html
// https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html
// A cluster policy names the client accounts; cluster actions on the cluster ARN, data actions
// on topic/<cluster-name>/<cluster-uuid>/<topic> and group/... ARNs (the uuid often *).
export const mskClusterPolicies: Group = {
  section: 'MSK cluster policies',
  doc: 'https://docs.aws.amazon.com/msk/latest/developerguide/mvpc-cluster-owner-action-policy.html',
  cases: [
    {
      name: 'the documented basic cluster policy for the vendor: cluster, topics and groups',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(
        msk(
          VENDOR,
          [
            'kafka:CreateVpcConnection',
            'kafka:GetBootstrapBrokers',
            'kafka:DescribeCluster',
            'kafka:DescribeClusterV2',
            'kafka-cluster:*',
          ],
          CLUSTER,
        ),
        msk(VENDOR, 'kafka-cluster:*', TOPICS),
        msk(VENDOR, 'kafka-cluster:*', GROUPS),
      ),
      outside: [VENDOR_ACCOUNT],
      public: false,
      actions: { [VENDOR_ACCOUNT]: MSK_ALL },
    },
    {
      name: 'a cross-account cluster policy grants the vendor (root ARN array)',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(
        msk(
          [root(VENDOR)],
          [
            'kafka:CreateVpcConnection',
            'kafka:GetBootstrapBrokers',
            'kafka:DescribeClusterV2',
            'kafka-cluster:Connect',
          ],
          CLUSTER,
        ),
      ),
      outside: [VENDOR_ACCOUNT],
      actions: {
        [VENDOR_ACCOUNT]: [
          'kafka:CreateVpcConnection',
          'kafka:GetBootstrapBrokers',
          'kafka:DescribeClusterV2',
          'kafka-cluster:Connect',
        ],
      },
    },
    {
      name: 'the connectivity actions only: no data actions',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(
        msk(
          VENDOR,
          ['kafka:CreateVpcConnection', 'kafka:GetBootstrapBrokers', 'kafka:DescribeClusterV2'],
          CLUSTER,
        ),
      ),
      outside: [VENDOR_ACCOUNT],
      actions: {
        [VENDOR_ACCOUNT]: [
          'kafka:CreateVpcConnection',
          'kafka:GetBootstrapBrokers',
          'kafka:DescribeClusterV2',
        ],
      },
    },
    {
      name: 'vendor read of one topic pattern (uuid wildcard) is outside access',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(
        msk(
          VENDOR,
          'kafka-cluster:ReadData',
          `arn:aws:kafka:eu-west-1:${INSIDE}:topic/orders/*/settlements.*`,
        ),
      ),
      outside: [VENDOR_ACCOUNT],
      public: false,
      actions: { [VENDOR_ACCOUNT]: ['kafka-cluster:ReadData'] },
    },
    {
      name: 'topics of another cluster name grant nothing here',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(
        msk(VENDOR, 'kafka-cluster:*', `arn:aws:kafka:eu-west-1:${INSIDE}:topic/payments/*`),
      ),
      outside: [],
    },
    {
      name: 'a Deny of WriteData leaves the vendor reading',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(
        msk(VENDOR, ['kafka-cluster:Connect', 'kafka-cluster:*Topic*', 'kafka-cluster:*Data'], '*'),
        {
          Effect: 'Deny',
          Principal: { AWS: VENDOR },
          Action: 'kafka-cluster:WriteData',
          Resource: TOPICS,
        },
      ),
      outside: [VENDOR_ACCOUNT],
      actions: {
        [VENDOR_ACCOUNT]: [
          'kafka-cluster:Connect',
          'kafka-cluster:ReadData',
          'kafka-cluster:DescribeTopic',
        ],
      },
    },
    {
      name: 'an inside account only',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(msk(INSIDE, 'kafka-cluster:*', '*')),
      outside: [],
    },
    {
      name: 'a role of an undeclared account',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(msk(role(STRANGER, 'consumer'), 'kafka-cluster:*', '*')),
      outside: [STRANGER_ACCOUNT],
      actions: {
        [STRANGER_ACCOUNT]: [
          'kafka-cluster:Connect',
          'kafka-cluster:DescribeCluster',
          'kafka-cluster:ReadData',
          'kafka-cluster:WriteData',
          'kafka-cluster:DescribeTopic',
          'kafka-cluster:AlterGroup',
        ],
      },
    },
    {
      name: 'a region and uuid wildcard in the cluster ARN',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy(
        msk(VENDOR, 'kafka:GetBootstrapBrokers', `arn:aws:kafka:*:${INSIDE}:cluster/orders/*`),
      ),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['kafka:GetBootstrapBrokers'] },
    },
    {
      name: 'the vendor with aws:PrincipalOrgID of the inside organization: never the vendor',
      kind: 'msk-cluster',
      resource: CLUSTER,
      policy: policy({
        ...msk(VENDOR, 'kafka-cluster:*', '*'),
        Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
      }),
      outside: [],
    },
  ],
};

const trust = (Principal: object, Action: string | string[], Condition?: object) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal, Action, ...(Condition ? { Condition } : {}) }],
});
const GITHUB = `arn:aws:iam::${INSIDE}:oidc-provider/token.actions.githubusercontent.com`;
const SAML = `arn:aws:iam::${INSIDE}:saml-provider/CorpIdP`;

// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
// A trust policy says who may assume the role. sts:ExternalId guards against the confused
// deputy but is no boundary: the account named still assumes the role. aws:PrincipalOrgID
// of the inside organization keeps outside accounts out. Web identities assume with
// AssumeRoleWithWebIdentity; conditions on the provider's keys (aud, sub) decide which.
export const roleTrust: Group = {
  section: 'Role trust policies',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  cases: [
    {
      name: 'sts:ExternalId lets the vendor assume the role',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: root(VENDOR) }, 'sts:AssumeRole', {
        StringEquals: { 'sts:ExternalId': 'secret-123' },
      }),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['sts:AssumeRole'] },
    },
    {
      name: 'sts:ExternalId on a vendor role ARN',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: role(VENDOR, 'ownmap-scanner') }, 'sts:AssumeRole', {
        StringEquals: { 'sts:ExternalId': '3f2c7a' },
      }),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'an undeclared account root without conditions',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: root(STRANGER) }, ['sts:AssumeRole', 'sts:TagSession']),
      outside: [STRANGER_ACCOUNT],
      actions: { [STRANGER_ACCOUNT]: ['sts:AssumeRole', 'sts:TagSession'] },
    },
    {
      name: 'aws:PrincipalOrgID of the inside organization blocks the vendor',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: root(VENDOR) }, 'sts:AssumeRole', {
        StringEquals: { 'aws:PrincipalOrgID': ORG },
      }),
      outside: [],
    },
    {
      name: 'any principal with aws:PrincipalOrgID of the inside organization',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: '*' }, 'sts:AssumeRole', {
        StringEquals: { 'aws:PrincipalOrgID': ORG },
      }),
      outside: [],
    },
    {
      name: 'any principal without conditions: anyone can assume it',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: '*' }, 'sts:AssumeRole'),
      outside: EVERYONE,
    },
    {
      name: 'the inside account root',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: root(INSIDE) }, 'sts:AssumeRole'),
      outside: [],
    },
    {
      name: 'aws:PrincipalArn of an inside role on a wildcard principal',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: '*' }, 'sts:AssumeRole', {
        ArnEquals: { 'aws:PrincipalArn': role(INSIDE, 'deployer') },
      }),
      outside: [],
    },
    {
      name: 'MFA required (unknown key) for the vendor is undecided',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ AWS: root(VENDOR) }, 'sts:AssumeRole', {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'a service principal without aws:SourceAccount (confused deputy)',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ Service: 'scheduler.amazonaws.com' }, 'sts:AssumeRole'),
      outside: [service('scheduler.amazonaws.com')],
    },
    {
      name: 'a service principal pinned with aws:SourceAccount',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ Service: 'scheduler.amazonaws.com' }, 'sts:AssumeRole', {
        StringEquals: { 'aws:SourceAccount': INSIDE },
      }),
      outside: [],
    },
    {
      name: 'a service principal pinned with aws:SourceArn',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ Service: 'scheduler.amazonaws.com' }, 'sts:AssumeRole', {
        ArnLike: { 'aws:SourceArn': `arn:aws:scheduler:eu-west-1:${INSIDE}:schedule-group/*` },
      }),
      outside: [],
    },
    {
      // A token's subject names the repository that asked for it: an outsider's is their own.
      name: 'GitHub OIDC with aud and sub pinned to a repository: outsiders stay out',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ Federated: GITHUB }, 'sts:AssumeRoleWithWebIdentity', {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/orders:*' },
      }),
      outside: [],
      undecided: [],
    },
    {
      name: 'an OIDC provider without conditions: any identity it issues',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ Federated: GITHUB }, 'sts:AssumeRoleWithWebIdentity'),
      outside: [federated(GITHUB)],
      actions: { [federated(GITHUB)]: ['sts:AssumeRoleWithWebIdentity'] },
    },
    {
      name: 'Cognito identity pool federation is undecided (aud, amr)',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust(
        { Federated: 'cognito-identity.amazonaws.com' },
        'sts:AssumeRoleWithWebIdentity',
        {
          StringEquals: {
            'cognito-identity.amazonaws.com:aud': 'eu-west-1:0c7e2d4a-1111-2222-3333-444455556666',
          },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      ),
      outside: [],
      undecided: [federated('cognito-identity.amazonaws.com')],
    },
    {
      // A SAML provider registered in an inside account is the boundary's own identity provider.
      name: 'SAML federation through an inside account’s provider is not outside',
      kind: 'role-trust',
      resource: ROLE,
      policy: trust({ Federated: SAML }, 'sts:AssumeRoleWithSAML', {
        StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
      }),
      outside: [],
      undecided: [],
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
// A service principal acts for whichever account's resource triggers it; aws:SourceAccount
// and aws:SourceArn pin it to the boundary's own resources.
export const servicePrincipals: Group = {
  section: 'Service principals and the confused deputy',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  cases: [
    {
      name: 'a service principal without aws:SourceAccount acts for anyone',
      policy: policy({
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: OBJECTS,
      }),
      outside: [service('logging.s3.amazonaws.com')],
      public: false,
    },
    {
      name: 'a service principal pinned with aws:SourceAccount does not',
      policy: policy({
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: OBJECTS,
        Condition: { StringEquals: { 'aws:SourceAccount': INSIDE } },
      }),
      outside: [],
    },
    {
      name: 'the documented server access logging statement (SourceArn and SourceAccount)',
      policy: policy({
        Sid: 'S3ServerAccessLogsPolicy',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::acme-data/access-logs/*',
        Condition: {
          ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::acme-orders' },
          StringEquals: { 'aws:SourceAccount': INSIDE },
        },
      }),
      outside: [],
      unknown: false,
    },
    {
      name: 'the documented CloudTrail bucket statement with aws:SourceArn',
      policy: policy(
        {
          Sid: 'AWSCloudTrailAclCheck',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:GetBucketAcl',
          Resource: 'arn:aws:s3:::acme-data',
          Condition: {
            StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:eu-west-1:${INSIDE}:trail/main` },
          },
        },
        {
          Sid: 'AWSCloudTrailWrite',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::acme-data/AWSLogs/${INSIDE}/*`,
          Condition: {
            StringEquals: {
              's3:x-amz-acl': 'bucket-owner-full-control',
              'aws:SourceArn': `arn:aws:cloudtrail:eu-west-1:${INSIDE}:trail/main`,
            },
          },
        },
      ),
      outside: [],
      undecided: [],
    },
    {
      name: 'the older CloudTrail statement without aws:SourceArn is undecided (s3:x-amz-acl)',
      policy: policy({
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::acme-data/AWSLogs/${INSIDE}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }),
      outside: [],
      undecided: [service('cloudtrail.amazonaws.com')],
    },
    {
      name: 'an AWS principal is not a service: aws:SourceAccount is absent for it',
      policy: policy(
        allowTo(root(VENDOR), 's3:PutObject', {
          Condition: { StringEquals: { 'aws:SourceAccount': VENDOR } },
        }),
      ),
      outside: [],
    },
  ],
};
