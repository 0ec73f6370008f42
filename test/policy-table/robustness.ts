import { INSIDE, ORG, VENDOR } from '../support/policy.js';
import {
  allowAll,
  allowTo,
  BUCKET_AND_OBJECTS,
  denyAllUnless,
  EVERYONE,
  type Group,
  OBJECTS,
  policy,
  role,
  root,
  service,
  VENDOR_ACCOUNT,
} from './case.js';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
// Service-specific keys and global keys that depend on the caller's session, tags or request
// are not in the snapshot: a statement whose answer hangs on one is unknown, never fine.
export const unknownKeys: Group = {
  section: 'Condition keys ownmap does not evaluate',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
  cases: [
    {
      name: 'an object tag condition on a public grant is unknown',
      policy: policy(
        allowAll({
          Condition: { StringEquals: { 's3:ExistingObjectTag/classification': 'public' } },
        }),
      ),
      outside: [],
      unknown: true,
      undecided: EVERYONE,
    },
    {
      name: 'a Deny on uploads without SSE-KMS: reads decided, uploads undecided',
      policy: policy(allowTo(root(VENDOR), ['s3:GetObject', 's3:PutObject']), {
        Sid: 'DenyObjectsThatAreNotSSEKMS',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: OBJECTS,
        Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      }),
      outside: [VENDOR_ACCOUNT],
      undecided: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject'] },
    },
    {
      name: 'a Deny below TLS 1.2 (s3:TlsVersion) leaves the vendor undecided',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject'),
        denyAllUnless({ NumericLessThan: { 's3:TlsVersion': 1.2 } }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'aws:PrincipalTag on a public grant is unknown',
      policy: policy(
        allowAll({ Condition: { StringEquals: { 'aws:PrincipalTag/department': 'finance' } } }),
      ),
      outside: [],
      undecided: EVERYONE,
    },
    {
      name: 'aws:ViaAWSService for the vendor is unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { Bool: { 'aws:ViaAWSService': 'true' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'aws:SourceOrgID on a service grant is unknown',
      policy: policy({
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: OBJECTS,
        Condition: { StringEquals: { 'aws:SourceOrgID': ORG } },
      }),
      outside: [],
      undecided: [service('delivery.logs.amazonaws.com')],
    },
    {
      name: 'a misspelt key (aws:SourceVpcee) is unknown, not a VPC endpoint check',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEquals: { 'aws:SourceVpcee': 'vpce-inside' } }),
      ),
      outside: [],
      unknown: true,
      undecided: EVERYONE,
    },
    {
      name: 'an unknown key on an inside-only grant is reported, but nothing is undecided',
      policy: policy(
        allowTo(role(INSIDE, 'etl'), 's3:GetObject', {
          Condition: { StringEquals: { 's3:ExistingObjectTag/stage': 'raw' } },
        }),
      ),
      outside: [],
      unknown: true,
      undecided: [],
    },
    {
      name: 'an unknown key in a Deny that does not apply to the caller changes nothing',
      policy: policy(allowTo(root(VENDOR), 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:DeleteObject',
        Resource: OBJECTS,
        Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      }),
      outside: [VENDOR_ACCOUNT],
      undecided: [],
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// The grammar allows a single value where a list is expected, and numbers and booleans as
// condition values; Effect is exactly "Allow" or "Deny". A policy document arrives as a JSON
// object or as the JSON string the APIs return. What cannot be read is said, never thrown.
export const malformed: Group = {
  section: 'Malformed but parseable documents',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
  cases: [
    { name: 'not JSON', policy: '{"Statement": [', outside: [], unknown: true },
    { name: 'an empty string', policy: '', outside: [], unknown: true },
    { name: 'a JSON array, not an object', policy: '[]', outside: [], unknown: true },
    { name: 'no Statement', policy: { Version: '2012-10-17' }, outside: [], unknown: true },
    {
      name: 'a statement without Effect is skipped and reported',
      policy: policy({ Principal: '*', Action: 's3:GetObject', Resource: OBJECTS }),
      outside: [],
      unknown: true,
    },
    {
      name: 'Effect in lower case is not an Effect',
      policy: policy(allowAll({ Effect: 'allow' })),
      outside: [],
      unknown: true,
    },
    {
      name: 'a single statement object',
      policy: { Version: '2012-10-17', Statement: allowAll() },
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'the document as a JSON string (as GetBucketPolicy returns it)',
      policy: JSON.stringify(policy(allowAll())),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'a JSON string with a single statement object and single-string values',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: VENDOR },
          Action: 's3:GetObject',
          Resource: OBJECTS,
        },
      }),
      outside: [VENDOR_ACCOUNT],
      unknown: false,
    },
    {
      name: 'one-element arrays everywhere read as single values',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: [root(VENDOR)] },
        Action: ['s3:GetObject'],
        Resource: [OBJECTS],
        Condition: { StringEquals: { 'aws:PrincipalAccount': [VENDOR] } },
      }),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject'] },
    },
    {
      name: 'a number as a condition value (an account id)',
      kind: 'kms-key',
      resource: `arn:aws:kms:eu-west-1:${INSIDE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': Number(INSIDE) } },
      }),
      outside: [],
    },
    {
      name: 'a statement that is not an object is skipped, the others still count',
      policy: { Version: '2012-10-17', Statement: [null, allowTo(VENDOR, 's3:GetObject')] },
      outside: [VENDOR_ACCOUNT],
      unknown: true,
    },
    {
      name: 'a Condition that is an array skips its statement and says so',
      policy: policy(allowAll({ Condition: [{ Bool: { 'aws:SecureTransport': 'true' } }] })),
      outside: [],
      unknown: true,
    },
    {
      name: 'an operator with no keys is undecided',
      policy: policy(allowTo(root(VENDOR), 's3:GetObject', { Condition: { StringEquals: {} } })),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'an empty list of condition values is undecided',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { StringEquals: { 'aws:PrincipalAccount': [] } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'a Deny that cannot be read makes the grants it might remove undecided',
      policy: policy(allowTo(root(VENDOR), 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
        Condition: { StringNotEquals: { 'aws:SourceVpce': { id: 'vpce-inside' } } },
      }),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
  ],
};
