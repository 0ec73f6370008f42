import { INSIDE, KEY, ORG, STRANGER, VENDOR } from '../support/policy.js';
import {
  ANONYMOUS,
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
  VENDOR_ACCOUNT,
} from './case.js';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// Each operator family in a bucket policy. A key that is not in the request makes a matching
// operator false and a negated one (StringNotEquals, ArnNotLike, NotIpAddress, ...) true.
// Several values for one key are ORed (NORed for a negated operator); several keys and
// several operators are ANDed. Keys ownmap cannot know (aws:CurrentTime, s3:max-keys, ...)
// leave the answer unknown.
export const conditionOperators: Group = {
  section: 'Condition operators, each family',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  cases: [
    // String
    {
      name: 'StringEquals aws:PrincipalAccount keeps only the named account',
      policy: policy(allowAll({ Condition: { StringEquals: { 'aws:PrincipalAccount': VENDOR } } })),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'StringEquals with several values ORs them',
      policy: policy(
        allowAll({
          Condition: { StringEquals: { 'aws:PrincipalAccount': [INSIDE, VENDOR, STRANGER] } },
        }),
      ),
      outside: [VENDOR_ACCOUNT, `account ${STRANGER}`],
      public: false,
    },
    {
      name: 'StringNotEquals aws:PrincipalAccount on an Allow lets everyone else in',
      policy: policy(
        allowAll({ Condition: { StringNotEquals: { 'aws:PrincipalAccount': INSIDE } } }),
      ),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'StringEqualsIgnoreCase kms:ViaService in capitals still matches the service',
      kind: 'kms-key',
      resource: KEY,
      policy: policy({
        Effect: 'Allow',
        Principal: { AWS: root(VENDOR) },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEqualsIgnoreCase: { 'kms:ViaService': 'S3.EU-WEST-1.AMAZONAWS.COM' } },
      }),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['kms:Decrypt'] },
    },
    {
      name: 'StringNotLike aws:PrincipalArn on a Deny lets the named vendor role through',
      policy: policy(allowTo(VENDOR, 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
        Condition: { StringNotLike: { 'aws:PrincipalArn': role(VENDOR, 'exporter') } },
      }),
      outside: [VENDOR_ACCOUNT],
    },
    // ARN
    {
      name: 'ArnEquals aws:PrincipalArn of a vendor role',
      policy: policy(
        allowAll({ Condition: { ArnEquals: { 'aws:PrincipalArn': role(VENDOR, 'exporter') } } }),
      ),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'ArnLike aws:PrincipalArn of inside roles keeps outsiders out',
      policy: policy(
        allowAll({
          Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${INSIDE}:role/etl-*` } },
        }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'ArnNotEquals aws:PrincipalArn on a Deny (the documented NotPrincipal replacement)',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
        Condition: {
          ArnNotEquals: { 'aws:PrincipalArn': [role(INSIDE, 'etl'), role(VENDOR, 'exporter')] },
        },
      }),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    // Numeric
    {
      name: 'NumericLessThanEquals s3:max-keys (unknown key) is unknown',
      policy: policy({
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::acme-data',
        Condition: { NumericLessThanEquals: { 's3:max-keys': '10' } },
      }),
      outside: [],
      unknown: true,
      undecided: EVERYONE,
    },
    {
      name: 'NumericLessThan aws:MultiFactorAuthAge is unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'a false condition ANDed with an unknown one is false',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: {
            StringEquals: { 'aws:PrincipalAccount': STRANGER },
            NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
          },
        }),
      ),
      outside: [],
      undecided: [],
    },
    {
      name: 'a Numeric operator with a value that is not a number is unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { NumericGreaterThan: { 'aws:MultiFactorAuthAge': 'one hour' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    // Date
    {
      name: 'DateLessThan aws:CurrentTime is unknown (the analysis has no clock)',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'a Deny with DateGreaterThan aws:EpochTime makes the vendor grant unknown',
      policy: policy(allowTo(root(VENDOR), 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
        Condition: { DateGreaterThan: { 'aws:EpochTime': '1893456000' } },
      }),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'a Date operator with a value that is not a date is unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { DateLessThan: { 'aws:TokenIssueTime': 'next tuesday' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    // Bool
    {
      name: 'Bool aws:SecureTransport "true" does not narrow who',
      policy: policy(allowAll({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'Bool with a JSON boolean value',
      policy: policy(allowAll({ Condition: { Bool: { 'aws:SecureTransport': true } } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'Bool aws:MultiFactorAuthPresent is unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    // Binary
    {
      name: 'BinaryEquals on a key ownmap does not know is unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { BinaryEquals: { 'aws:RequestTag/blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'BinaryEquals with a value that is not base64 is unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { BinaryEquals: { 'aws:RequestTag/blob': 'not base64!' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    // IP address
    {
      name: 'IpAddress with NotIpAddress: a range except one address',
      policy: policy(
        allowAll({
          Condition: {
            IpAddress: { 'aws:SourceIp': '54.240.143.0/24' },
            NotIpAddress: { 'aws:SourceIp': '54.240.143.188/32' },
          },
        }),
      ),
      outside: EVERYONE,
      public: false,
    },
    {
      name: 'NotIpAddress on an Allow is every other address: public',
      policy: policy(allowAll({ Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'an IpAddress value that is not an address is unknown',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/33' } } })),
      outside: [],
      unknown: true,
      undecided: EVERYONE,
    },
    {
      name: 'an unknown operator is unknown, never fine',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { StringSortOfEquals: { 'aws:PrincipalAccount': VENDOR } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
// ...IfExists: true when the key is absent, else the operator's answer. Null "true": the key
// is absent; Null "false": the key is present.
export const ifExistsAndNull: Group = {
  section: '...IfExists and Null',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
  cases: [
    {
      name: 'StringEqualsIfExists aws:SourceVpce on an Allow is true off the endpoint: public',
      policy: policy(
        allowAll({ Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-inside' } } }),
      ),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'StringNotEqualsIfExists aws:SourceVpc on a Deny still denies the internet',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEqualsIfExists: { 'aws:SourceVpc': 'vpc-inside' } }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'IpAddressIfExists with StringEqualsIfExists (the documented pair)',
      policy: policy(
        allowAll({
          Condition: {
            IpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' },
            StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-inside' },
          },
        }),
      ),
      // From the internet only the /24 gets in (SourceVpc is absent there); through a VPC
      // endpoint only vpc-inside, which is the boundary's own.
      outside: EVERYONE,
      public: false,
    },
    {
      name: 'ArnLikeIfExists aws:PrincipalArn: anonymous requests lack the key',
      policy: policy(
        allowAll({
          Condition: { ArnLikeIfExists: { 'aws:PrincipalArn': `arn:aws:iam::${INSIDE}:role/*` } },
        }),
      ),
      outside: [ANONYMOUS],
      public: true,
    },
    {
      name: 'BoolIfExists aws:MultiFactorAuthPresent (unknown key) on a Deny leaves it unknown',
      policy: policy(allowTo(root(VENDOR), 's3:GetObject'), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'NullIfExists is not an operator: unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { NullIfExists: { 'aws:SourceVpce': 'true' } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'Null aws:SourceVpce "false" on an Allow with the inside endpoint',
      policy: policy(
        allowAll({
          Condition: {
            Null: { 'aws:SourceVpce': 'false' },
            StringEquals: { 'aws:SourceVpce': 'vpce-inside' },
          },
        }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'Null aws:PrincipalArn "true" on an Allow is anonymous only',
      policy: policy(allowAll({ Condition: { Null: { 'aws:PrincipalArn': 'true' } } })),
      outside: [ANONYMOUS],
      public: true,
    },
    {
      name: 'Deny Null s3:x-amz-server-side-encryption (unknown key) leaves uploads unknown',
      policy: policy(allowTo(root(VENDOR), ['s3:GetObject', 's3:PutObject']), {
        Sid: 'DenyUnencryptedUploads',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: OBJECTS,
        Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
      }),
      outside: [VENDOR_ACCOUNT],
      undecided: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject'] },
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
// ForAllValues is true when every request value matches, and also when the key is missing or
// empty (the documented pitfall); ForAnyValue is false when the key is missing. Set operators
// are meant for multivalued keys only.
export const setOperators: Group = {
  section: 'ForAnyValue / ForAllValues',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  cases: [
    {
      name: 'ForAllValues on a key missing off the endpoint is vacuously true: public',
      policy: policy(
        allowAll({
          Condition: { 'ForAllValues:StringEquals': { 'aws:SourceVpce': ['vpce-inside'] } },
        }),
      ),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'ForAnyValue on the same missing key is false: private',
      policy: policy(
        allowAll({
          Condition: { 'ForAnyValue:StringEquals': { 'aws:SourceVpce': ['vpce-inside'] } },
        }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'ForAnyValue:StringLike aws:PrincipalOrgPaths under the inside organization',
      policy: policy(
        allowAll({
          Condition: {
            'ForAnyValue:StringLike': {
              'aws:PrincipalOrgPaths': [`${ORG}/r-ab12/ou-ab12-11111111/*`],
            },
          },
        }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'ForAnyValue on an unknown multivalued key is unknown',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Condition: { 'ForAnyValue:StringEquals': { 'aws:CalledVia': ['athena.amazonaws.com'] } },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// "Context key names are not case-sensitive": aws:SourceIP is aws:SourceIp. Operator names
// are written as the operators page spells them; nothing says they are case-insensitive, so
// a lower-case one must stay undecided rather than be read either way.
export const caseOfKeys: Group = {
  section: 'Case of condition keys and operators',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html',
  cases: [
    {
      name: 'AWS:sourceVPCE is aws:SourceVpce (private only)',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEquals: { 'AWS:sourceVPCE': 'vpce-inside' } }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'aws:principalorgid in lower case is aws:PrincipalOrgID',
      policy: policy(allowAll({ Condition: { StringEquals: { 'aws:principalorgid': ORG } } })),
      outside: [],
      public: false,
      unknown: false,
    },
    {
      name: 'AWS:SECURETRANSPORT in capitals still does not narrow who',
      policy: policy(allowAll(), denyAllUnless({ Bool: { 'AWS:SECURETRANSPORT': 'false' } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'Aws:SourceIP in mixed case keeps a /24 non-public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'Aws:SourceIP': '203.0.113.0/24' } } })),
      outside: EVERYONE,
      public: false,
      unknown: false,
    },
    {
      name: 'an operator in lower case is undecided, never read as private',
      policy: policy(
        allowAll(),
        denyAllUnless({ stringnotequals: { 'aws:SourceVpce': 'vpce-inside' } }),
      ),
      outside: [],
      unknown: true,
      undecided: EVERYONE,
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
// A policy variable is replaced by the request's value of its key. ownmap does not know the
// caller's user name or tags, so a variable it cannot resolve leaves the answer unknown,
// unless no value could change it.
export const policyVariables: Group = {
  section: 'Policy variables',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  cases: [
    {
      name: 'a variable in a vendor role pattern is unknown',
      policy: policy(
        allowAll({
          Condition: {
            StringLike: {
              'aws:PrincipalArn': `arn:aws:iam::${VENDOR}:role/\${aws:PrincipalTag/team}-*`,
            },
          },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'a variable that cannot matter: an inside user ARN whatever the name',
      policy: policy(
        allowAll({
          Condition: {
            ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${INSIDE}:user/\${aws:username}` },
          },
        }),
      ),
      outside: [],
      unknown: false,
    },
    {
      name: 'a variable with a default value is still unresolved',
      policy: policy(
        allowAll({
          Condition: {
            StringEquals: {
              'aws:PrincipalArn': `arn:aws:iam::${VENDOR}:role/\${aws:PrincipalTag/role, 'reader'}`,
            },
          },
        }),
      ),
      outside: [],
      undecided: [VENDOR_ACCOUNT],
    },
    {
      name: 'a variable in the Resource: the vendor reads its users\u2019 home prefixes',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject', {
          Resource: `arn:aws:s3:::acme-data/home/\${aws:username}/*`,
        }),
      ),
      outside: [VENDOR_ACCOUNT],
    },
  ],
};
