import { INSIDE, STRANGER, VENDOR } from '../support/policy.js';
import {
  ANONYMOUS,
  ANY_ACCOUNT,
  allowAll,
  allowTo,
  BUCKET_AND_OBJECTS,
  EVERYONE,
  type Group,
  OBJECTS,
  policy,
  role,
  root,
  S3_ALL,
  STRANGER_ACCOUNT,
  VENDOR_ACCOUNT,
} from './case.js';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// Every request is implicitly denied; an Allow is needed; an explicit Deny in any statement
// overrides every Allow. A resource-based policy that names another account's principal
// lets that account in (cross-account access).
export const evaluationLogic: Group = {
  section: 'IAM policy evaluation logic (explicit deny, allow needed)',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
  cases: [
    {
      name: 'no statement grants anything outside',
      policy: policy(allowTo(root(INSIDE), 's3:*')),
      outside: [],
      public: false,
    },
    {
      name: 'Principal * on GetObject is public',
      policy: policy(allowAll()),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'an empty Statement list is an implicit deny',
      policy: { Version: '2012-10-17', Statement: [] },
      outside: [],
      public: false,
      unknown: false,
    },
    {
      name: 'a Deny alone grants nothing (an Allow is needed)',
      policy: policy({
        Sid: 'DenyInsecure',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
      outside: [],
      public: false,
    },
    {
      name: 'an explicit Deny for everyone wins over the Allow',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: OBJECTS,
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
        Resource: OBJECTS,
      }),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'a Deny naming the vendor removes only the vendor',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        Principal: { AWS: root(VENDOR) },
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: [ANONYMOUS, ANY_ACCOUNT],
      public: true,
    },
    {
      name: 'a wildcard Deny (s3:Get*) removes a GetObject Allow',
      policy: policy(allowTo(VENDOR, 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:Get*',
        Resource: OBJECTS,
      }),
      outside: [],
    },
    {
      name: 'a Deny of deletes leaves the rest of an s3:* Allow',
      policy: policy(allowTo(VENDOR, 's3:*', { Resource: BUCKET_AND_OBJECTS }), {
        Effect: 'Deny',
        Principal: { AWS: VENDOR },
        Action: 's3:Delete*',
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: [VENDOR_ACCOUNT],
      actions: {
        [VENDOR_ACCOUNT]: S3_ALL.filter((a) => !a.startsWith('s3:Delete')),
      },
    },
    {
      name: 'a Deny whose condition does not hold for the caller removes nothing',
      policy: policy(allowTo(VENDOR, 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: OBJECTS,
        Condition: { StringEquals: { 'aws:PrincipalAccount': STRANGER } },
      }),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'a grant to the vendor account is outside access, not public',
      policy: policy(allowTo(VENDOR, 's3:GetObject')),
      outside: [VENDOR_ACCOUNT],
      public: false,
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject'] },
    },
    {
      name: 'a grant to a role of an undeclared account',
      policy: policy(allowTo(role(STRANGER, 'reader'), 's3:GetObject')),
      outside: [STRANGER_ACCOUNT],
      public: false,
    },
    {
      name: 'two Allows: the vendor reads, an undeclared account writes',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject'),
        allowTo(root(STRANGER), 's3:PutObject'),
      ),
      outside: [VENDOR_ACCOUNT, STRANGER_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject'], [STRANGER_ACCOUNT]: ['s3:PutObject'] },
    },
    {
      name: 'an Allow on another bucket grants nothing on this one',
      policy: policy(
        allowTo(VENDOR, 's3:*', {
          Resource: ['arn:aws:s3:::acme-exchange', 'arn:aws:s3:::acme-exchange/*'],
        }),
      ),
      outside: [],
    },
    {
      name: 'Action "*" gives every action',
      policy: policy(allowTo(VENDOR, '*', { Resource: BUCKET_AND_OBJECTS })),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: S3_ALL },
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
// "*" and {"AWS": "*"} are everyone, anonymous included; an account is named by its id or
// its :root ARN (which delegates to the whole account); a role, user or role session ARN
// names a principal of that account; values are a string or an array of strings.
export const principalElement: Group = {
  section: 'Principal element forms',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
  cases: [
    {
      name: '"Principal": "*"',
      policy: policy(allowAll()),
      outside: EVERYONE,
      public: true,
    },
    {
      name: '"Principal": {"AWS": "*"}',
      policy: policy(allowAll({ Principal: { AWS: '*' } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: '{"AWS": ["*"]} (array form)',
      policy: policy(allowAll({ Principal: { AWS: ['*'] } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'an account id (the short form of :root)',
      policy: policy(allowTo(VENDOR, 's3:GetObject')),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'an account :root ARN',
      policy: policy(allowTo(root(VENDOR), 's3:GetObject')),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'a role ARN with a path',
      policy: policy(allowTo(role(VENDOR, 'integration/exporter'), 's3:GetObject')),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'an IAM user ARN',
      policy: policy(allowTo(`arn:aws:iam::${STRANGER}:user/alice`, 's3:GetObject')),
      outside: [STRANGER_ACCOUNT],
    },
    {
      name: 'an assumed-role session ARN',
      policy: policy(
        allowTo(`arn:aws:sts::${STRANGER}:assumed-role/reader/batch-session`, 's3:GetObject'),
      ),
      outside: [STRANGER_ACCOUNT],
    },
    {
      name: 'an STS federated user ARN',
      policy: policy(allowTo(`arn:aws:sts::${VENDOR}:federated-user/bob`, 's3:GetObject')),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'an array of an inside and an outside account: only the outside one',
      policy: policy(allowTo([root(INSIDE), root(VENDOR)], 's3:GetObject')),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'an array of two outside accounts (id and ARN mixed)',
      policy: policy(allowTo([VENDOR, role(STRANGER, 'reader')], 's3:GetObject')),
      outside: [VENDOR_ACCOUNT, STRANGER_ACCOUNT],
    },
    {
      name: 'the inside account id',
      policy: policy(allowTo(INSIDE, 's3:*')),
      outside: [],
    },
    {
      name: 'an inside role',
      policy: policy(allowTo(role(INSIDE, 'etl'), ['s3:GetObject', 's3:PutObject'])),
      outside: [],
    },
    {
      name: 'a Service principal as a string',
      policy: policy({
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: OBJECTS,
      }),
      outside: ['service config.amazonaws.com'],
      public: false,
    },
    {
      name: 'Service principals as an array',
      policy: policy({
        Effect: 'Allow',
        Principal: { Service: ['config.amazonaws.com', 'cloudtrail.amazonaws.com'] },
        Action: 's3:PutObject',
        Resource: OBJECTS,
      }),
      outside: ['service config.amazonaws.com', 'service cloudtrail.amazonaws.com'],
    },
    {
      name: 'AWS and Service in one Principal',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: root(VENDOR), Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: OBJECTS,
        Condition: { StringEquals: { 'aws:SourceAccount': INSIDE } },
      }),
      // aws:SourceAccount is present only for service principals: the vendor's own request
      // lacks it, so the StringEquals is false for it; the service is pinned to the inside.
      outside: [],
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
// NotPrincipal with Deny denies everyone except the principals named; the account ARN of a
// principal that is not denied must be named too.
export const notPrincipal: Group = {
  section: 'NotPrincipal with Deny',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
  cases: [
    {
      name: 'Deny NotPrincipal the inside root leaves only inside access',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        NotPrincipal: { AWS: root(INSIDE) },
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: [],
      public: false,
    },
    {
      name: 'Deny NotPrincipal the vendor role and its account leaves the vendor',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        NotPrincipal: { AWS: [role(VENDOR, 'exporter'), root(VENDOR)] },
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'Deny NotPrincipal the inside and vendor roots',
      policy: policy(allowAll({ Action: ['s3:GetObject', 's3:PutObject'] }), {
        Effect: 'Deny',
        NotPrincipal: { AWS: [root(INSIDE), root(VENDOR)] },
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject', 's3:PutObject'] },
    },
    {
      name: 'Deny NotPrincipal on writes only leaves public reads',
      policy: policy(allowAll({ Action: ['s3:GetObject', 's3:PutObject'] }), {
        Effect: 'Deny',
        NotPrincipal: { AWS: root(INSIDE) },
        Action: 's3:PutObject',
        Resource: OBJECTS,
      }),
      outside: EVERYONE,
      public: true,
      actions: { [ANONYMOUS]: ['s3:GetObject'], [VENDOR_ACCOUNT]: ['s3:GetObject'] },
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
// NotAction matches every action except those listed (in any service).
export const notAction: Group = {
  section: 'NotAction',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
  cases: [
    {
      name: 'Allow NotAction everything but DeleteBucket is public',
      policy: policy({
        Effect: 'Allow',
        Principal: '*',
        NotAction: 's3:DeleteBucket',
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: EVERYONE,
      public: true,
      actions: { [ANONYMOUS]: S3_ALL.filter((a) => a !== 's3:DeleteBucket') },
    },
    {
      name: 'Allow NotAction Delete* and Put* leaves reads and lists',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: VENDOR },
        NotAction: ['s3:Delete*', 's3:Put*'],
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'] },
    },
    {
      name: 'Deny NotAction GetObject leaves only GetObject of an s3:* Allow',
      policy: policy(allowAll({ Action: 's3:*', Resource: BUCKET_AND_OBJECTS }), {
        Effect: 'Deny',
        Principal: '*',
        NotAction: 's3:GetObject',
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: EVERYONE,
      public: true,
      actions: { [ANONYMOUS]: ['s3:GetObject'] },
    },
    {
      name: 'Deny NotAction kms:* denies every S3 action',
      policy: policy(allowTo(VENDOR, 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        NotAction: 'kms:*',
        Resource: '*',
      }),
      outside: [],
    },
    {
      name: 'Allow NotAction iam:* is every S3 action',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: root(STRANGER) },
        NotAction: 'iam:*',
        Resource: BUCKET_AND_OBJECTS,
      }),
      outside: [STRANGER_ACCOUNT],
      actions: { [STRANGER_ACCOUNT]: S3_ALL },
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
// Resource ARNs may hold * and ? wildcards; an object ARN is bucket/key, so the bucket ARN
// alone covers no object; NotResource matches every resource except those listed.
export const resourceElement: Group = {
  section: 'Resource and NotResource, wildcards in Resource',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
  cases: [
    {
      name: 'public read of one prefix is public',
      policy: policy(allowAll({ Resource: 'arn:aws:s3:::acme-data/public/*' })),
      outside: EVERYONE,
      public: true,
      actions: { [ANONYMOUS]: ['s3:GetObject'] },
    },
    {
      name: 'a wildcard in the bucket name matches this bucket',
      policy: policy(allowTo(VENDOR, 's3:GetObject', { Resource: 'arn:aws:s3:::acme-*/*' })),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'Resource "*"',
      policy: policy(allowTo(VENDOR, 's3:GetObject', { Resource: '*' })),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: '? wildcards in a key prefix',
      policy: policy(
        allowTo(VENDOR, 's3:GetObject', { Resource: 'arn:aws:s3:::acme-data/logs/2024-??/*' }),
      ),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'the bucket ARN alone covers no object',
      policy: policy(allowTo(VENDOR, 's3:GetObject', { Resource: 'arn:aws:s3:::acme-data' })),
      outside: [],
    },
    {
      name: 'the objects ARN alone covers no bucket action',
      policy: policy(allowTo(VENDOR, ['s3:ListBucket', 's3:PutBucketPolicy'])),
      outside: [],
    },
    {
      name: 'Allow NotResource one prefix still grants the rest of the bucket',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: VENDOR },
        Action: 's3:GetObject',
        NotResource: 'arn:aws:s3:::acme-data/private/*',
      }),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'Allow NotResource the bucket and its objects grants nothing here',
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: VENDOR },
        Action: 's3:*',
        NotResource: BUCKET_AND_OBJECTS,
      }),
      outside: [],
    },
    {
      name: 'Deny NotResource: everything outside the bucket is denied, the bucket is not',
      policy: policy(allowTo(VENDOR, 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        NotResource: BUCKET_AND_OBJECTS,
      }),
      outside: [VENDOR_ACCOUNT],
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// Action names may hold wildcards (* or ?); the prefix and the action name are case-insensitive.
export const actionElement: Group = {
  section: 'Action element and wildcards in Action',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
  cases: [
    {
      name: 's3:Get* is the reads',
      policy: policy(allowTo(VENDOR, 's3:Get*')),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject', 's3:GetObjectVersion'] },
    },
    {
      name: 's3:*Object is get, put and delete of objects',
      policy: policy(allowTo(VENDOR, 's3:*Object')),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] },
    },
    {
      name: 's3:Put* on the bucket is the administrative writes',
      policy: policy(allowTo(VENDOR, 's3:Put*', { Resource: 'arn:aws:s3:::acme-data' })),
      outside: [VENDOR_ACCOUNT],
      actions: {
        [VENDOR_ACCOUNT]: [
          's3:PutBucketPolicy',
          's3:PutBucketAcl',
          's3:PutEncryptionConfiguration',
          's3:PutReplicationConfiguration',
        ],
      },
    },
    {
      name: 's3:GetObject* includes GetObjectVersion',
      policy: policy(allowTo(VENDOR, 's3:GetObject*')),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject', 's3:GetObjectVersion'] },
    },
    {
      name: 'a ? wildcard matches one character',
      policy: policy(allowTo(VENDOR, 's3:?etObject')),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject'] },
    },
    {
      name: 'action names are case-insensitive',
      policy: policy(allowTo(VENDOR, 'S3:getobject')),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject'] },
    },
    {
      name: 'an action of another service grants nothing',
      policy: policy(allowTo(VENDOR, 's3-object-lambda:GetObject')),
      outside: [],
    },
  ],
};
