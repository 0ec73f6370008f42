/**
 * Pitfalls: cases an earlier evaluator got wrong against the documentation, each `why`
 * citing the page (and what was wrong). They run as one group. OPEN_QUESTIONS holds the
 * cases where the documentation is not clear enough to pin an answer; they are not run.
 */
import { INSIDE, ORG, STRANGER, VENDOR } from '../support/policy.js';
import {
  ANONYMOUS,
  ANY_ACCOUNT,
  allowAll,
  allowTo,
  BUCKET_AND_OBJECTS,
  type Disagreement,
  denyAllUnless,
  EVERYONE,
  type Group,
  OBJECTS,
  policy,
  role,
  root,
  STRANGER_ACCOUNT,
  service,
  VENDOR_ACCOUNT,
} from './case.js';

/** An account whose id fits 3333*: the evaluator makes one up, outside the boundary. */
const ACCOUNT_FITTING = 'account 333300000000 (undeclared)';

const PITFALLS: Disagreement[] = [
  {
    name: 'a Deny naming one role of an account leaves its other principals allowed',
    policy: policy(allowTo(root(VENDOR), 's3:GetObject'), {
      ...denyAllUnless({}),
      Principal: { AWS: role(VENDOR, 'untrusted') },
      Condition: undefined,
    }),
    outside: [VENDOR_ACCOUNT],
    why:
      'IAM UG, Principal element (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html): ' +
      'a role ARN in Principal matches that role only; the account root in the Allow grants every ' +
      'principal the account authorises. An earlier evaluator applied the Deny to the whole account.',
  },
  {
    name: 'an Allow and a Deny unless-endpoint on the same vendor role: no access from outside',
    policy: policy(allowTo(role(VENDOR, 'reader'), 's3:GetObject'), {
      ...denyAllUnless({ StringNotEquals: { 'aws:SourceVpce': 'vpce-inside' } }),
      Principal: { AWS: role(VENDOR, 'reader') },
    }),
    outside: [],
    why:
      'IAM UG, policy evaluation logic: the Deny names the same role the Allow names, so the role ' +
      'is denied off the endpoint, which only the inside account uses; no other vendor principal ' +
      'is allowed.',
  },
  {
    name: 'StringLike aws:PrincipalAccount "3333*" lets in any account whose id fits',
    policy: policy(allowAll({ Condition: { StringLike: { 'aws:PrincipalAccount': '3333*' } } })),
    outside: [ACCOUNT_FITTING],
    public: false,
    why:
      'IAM UG, condition operators (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html): ' +
      'StringLike matches any account id that starts with 3333; such accounts exist outside the ' +
      'boundary. An earlier evaluator asked only about accounts named in full.',
  },
  {
    name: 'ArnLike aws:PrincipalArn with an account pattern lets in roles of fitting accounts',
    policy: policy(
      allowAll({
        Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::3333*:role/reader' } },
      }),
    ),
    outside: [ACCOUNT_FITTING],
    public: false,
    why:
      'IAM UG, aws:PrincipalArn: ArnLike compares each ARN field with wildcards, so a role named ' +
      'reader in any account whose id starts with 3333 gets in.',
  },
  {
    name: 'more request contexts than ownmap tries: undecided, never "no access"',
    policy: policy(
      allowAll({
        Condition: {
          StringLike: {
            'aws:Referer': Array.from({ length: 70 }, (_, i) => `https://site${i}.example.com/*`),
          },
        },
      }),
      {
        ...denyAllUnless({
          StringNotEquals: {
            'aws:UserAgent': Array.from({ length: 70 }, (_, i) => `agent-${i}`),
          },
        }),
      },
    ),
    outside: [],
    undecided: [ANONYMOUS, ANY_ACCOUNT, VENDOR_ACCOUNT],
    why:
      'ownmap tries at most 4,096 combinations of caller-chosen values (here 71 x 71); past that it ' +
      'must say it does not know. An earlier evaluator stopped enumerating and answered no access.',
  },
  {
    name: 'ArnLike aws:PrincipalArn naming an undeclared account role grants that account',
    policy: policy(
      allowAll({ Condition: { ArnLike: { 'aws:PrincipalArn': role(STRANGER, 'reader') } } }),
    ),
    outside: [STRANGER_ACCOUNT],
    public: false,
    why:
      'IAM UG, global condition keys, aws:PrincipalArn ' +
      '(https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn): ' +
      'the key is the ARN of the calling role, so role/reader of 333333333333 gets in. The evaluator ' +
      'returns no outside access: only 12-digit condition values add an account as a caller, so an ' +
      'account named only inside an ARN value is never asked about.',
  },
  {
    name: 'ArnLike aws:PrincipalArn with a wildcard account matches a role any account can create',
    policy: policy(
      allowAll({ Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/reader' } } }),
    ),
    outside: [ANY_ACCOUNT, VENDOR_ACCOUNT],
    public: false,
    why:
      'IAM UG, condition operators, ARN operators (per-segment wildcard match) and aws:PrincipalArn: ' +
      'any account can name a role "reader", and its ARN matches arn:aws:iam::*:role/reader. The ' +
      'evaluator returns no outside access: it only tries role/ownmap-any-role and the literal ' +
      'ARNs of the caller\u2019s own account, never a name built to match the pattern.',
  },
  {
    name: 'a StringNotLike role-name exception on a Deny lets a matching vendor role through',
    policy: policy(allowTo(root(VENDOR), 's3:GetObject'), {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: BUCKET_AND_OBJECTS,
      Condition: { StringNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${VENDOR}:role/etl-*` } },
    }),
    outside: [VENDOR_ACCOUNT],
    why:
      'IAM UG, condition operators, StringNotLike: the Deny applies only when the caller ARN does ' +
      'not match, so the vendor role etl-loader is not denied and the vendor Allow stands. The ' +
      'evaluator returns no outside access (it drops wildcard values from the ARNs it tries).',
  },
  {
    name: 'a data perimeter with a role-name exception (ArnNotLike) lets that role in from any account',
    policy: policy(
      allowAll(),
      denyAllUnless({
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG },
        ArnNotLikeIfExists: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass' },
      }),
    ),
    outside: [ANY_ACCOUNT, VENDOR_ACCOUNT],
    public: false,
    why:
      'IAM UG, condition operators (conditions are ANDed) and data perimeters: a principal whose ' +
      'role is named BreakGlass makes ArnNotLikeIfExists false, so the Deny does not apply to it, ' +
      'in any account. The evaluator returns no outside access.',
  },
  {
    name: 'StringEqualsIfExists aws:PrincipalOrgID on an Allow lets in accounts with no organization',
    policy: policy(
      allowAll({ Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': ORG } } }),
    ),
    outside: EVERYONE,
    public: true,
    why:
      'IAM UG, aws:PrincipalOrgID: "included in the request context only if the principal is a ' +
      'member of an organization"; ...IfExists is true when the key is absent. A principal of an ' +
      'account outside any organization gets in, as anonymous does. The evaluator returns only ' +
      'anonymous: it gives every outside account of unknown organization a made-up other ' +
      'organization, never no organization.',
  },
  {
    name: 'ForAllValues:StringLike aws:PrincipalOrgPaths: vacuously true for accounts with no organization',
    policy: policy(
      allowAll({
        Condition: { 'ForAllValues:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/*`] } },
      }),
    ),
    outside: EVERYONE,
    public: true,
    why:
      'IAM UG, single-valued vs multivalued context keys: ForAllValues "also returns true if there ' +
      'are no context keys in the request"; aws:PrincipalOrgPaths is present only for members of ' +
      'an organization. Anonymous callers and accounts with no organization get in. The evaluator ' +
      'returns only anonymous (same cause as the IfExists case).',
  },
  {
    name: 'ForAnyValue aws:PrincipalOrgPaths of a foreign organization is outside access',
    policy: policy(
      allowAll({
        Condition: {
          'ForAnyValue:StringLike': {
            'aws:PrincipalOrgPaths': ['o-vendororg99/r-ab12/ou-ab12-11111111/*'],
          },
        },
      }),
    ),
    outside: [ANY_ACCOUNT, VENDOR_ACCOUNT],
    public: false,
    why:
      'IAM UG, aws:PrincipalOrgPaths: principals of accounts under that OU of o-vendororg99 get ' +
      'in, and that organization is outside the boundary. The evaluator returns no outside access: ' +
      'it treats a foreign aws:PrincipalOrgID as reachable by outside accounts but not a foreign ' +
      'organization path.',
  },
  {
    name: 'Bool (not BoolIfExists) aws:PrincipalIsAWSService in a perimeter lets anonymous in',
    policy: policy(
      allowAll(),
      denyAllUnless({
        StringNotEquals: { 'aws:PrincipalOrgID': ORG },
        Bool: { 'aws:PrincipalIsAWSService': 'false' },
      }),
    ),
    // The exemption also lets any AWS service through, for any account (confused deputy).
    outside: [ANONYMOUS, service('any AWS service')],
    public: true,
    why:
      'IAM UG, aws:PrincipalIsAWSService: "Anonymous requests do not include this key"; Bool on an ' +
      'absent key is false, so the Deny does not apply to anonymous requests and the public Allow ' +
      'stands (the documented perimeter uses BoolIfExists for this reason). The evaluator sets the ' +
      'key to "false" for anonymous callers and returns no outside access.',
  },
  {
    name: 'Deny unless aws:SourceVpce is present (Null) does not stop other accounts\u2019 endpoints',
    policy: policy(allowAll(), denyAllUnless({ Null: { 'aws:SourceVpce': 'true' } })),
    outside: EVERYONE,
    public: true,
    why:
      'IAM UG, aws:SourceVpce: present whenever the request comes through a VPC endpoint, any ' +
      'endpoint; anyone can create an S3 endpoint in their own VPC, so the Deny only removes ' +
      'requests from the internet and the grant stays public (S3: no fixed aws:SourceVpce value). ' +
      'The evaluator returns unknown for every caller ("VPC endpoint true is not in the ' +
      'snapshot"): it reads the Null operator\u2019s "true" as an endpoint id, and otherwise only ' +
      'builds endpoint paths for endpoint ids the policy names.',
  },
  {
    name: 'StringLike aws:SourceVpce "vpce-*" matches an endpoint of any account',
    policy: policy(allowAll({ Condition: { StringLike: { 'aws:SourceVpce': 'vpce-*' } } })),
    outside: EVERYONE,
    public: true,
    why:
      'IAM UG, aws:SourceVpce is a sensitive key ("the use of wildcards ... does not have any valid ' +
      'use cases"); vpce-* matches every endpoint, including one in any other account\u2019s VPC. ' +
      'The evaluator returns unknown ("VPC endpoint vpce-* is not in the snapshot") instead of ' +
      'outside access.',
  },
  {
    name: 'Deny NotResource one public prefix: that prefix stays public',
    policy: policy(allowAll(), {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      NotResource: 'arn:aws:s3:::acme-data/public/*',
    }),
    outside: EVERYONE,
    public: true,
    why:
      'IAM UG, NotResource: the Deny matches every resource except acme-data/public/*, so objects ' +
      'under public/ keep the public GetObject. The evaluator returns no outside access: it never ' +
      'probes an object under a NotResource pattern of a Deny.',
  },
  {
    name: 'Deny NotPrincipal naming a vendor role without its account denies the vendor too',
    policy: policy(allowAll(), {
      Effect: 'Deny',
      NotPrincipal: { AWS: role(VENDOR, 'exporter') },
      Action: 's3:*',
      Resource: BUCKET_AND_OBJECTS,
    }),
    outside: [],
    public: false,
    why:
      'IAM UG, NotPrincipal: "When you use NotPrincipal, you must also specify the account ARN of ' +
      'the not-denied principal. Otherwise, the policy might deny access to the entire account ' +
      'that contains the principal." The evaluator matches NotPrincipal by account, so it excludes ' +
      'the whole vendor account from the Deny and returns outside access for the vendor.',
  },
  {
    name: 'a CanonicalUser principal is an account ownmap cannot name: unknown, not fine',
    policy: policy(
      allowAll({
        Principal: {
          CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
        },
      }),
    ),
    outside: [],
    unknown: true,
    why:
      'IAM UG, Principal element and policy grammar: CanonicalUser in an S3 bucket policy names ' +
      'the account with that canonical user id. ownmap cannot map it to an account, so the answer ' +
      'is unknown. The evaluator ignores the statement: no outside access, no unknown, no problem.',
  },
  {
    name: 'a CloudFront origin access identity principal: unknown, not fine',
    policy: policy(
      allowAll({
        Principal: {
          AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E15MNIMTCFKK4C',
        },
      }),
    ),
    outside: [],
    unknown: true,
    why:
      'CloudFront Developer Guide, restricting access to an S3 origin (legacy OAI): this principal ' +
      'lets the OAI, and so whoever owns the distribution using it, read the objects. ownmap ' +
      'cannot tell who that is. The evaluator ignores the statement silently.',
  },
  {
    name: 'Allow {"AWS": "*"} with aws:PrincipalIsAWSService "true": any service, for any account',
    policy: policy(
      allowTo('*', 's3:PutObject', {
        Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } },
      }),
    ),
    outside: ['service'],
    public: false,
    why:
      'IAM UG, aws:PrincipalIsAWSService and the confused deputy page: every AWS service principal ' +
      'passes, acting for whichever account\u2019s resource triggers it. The evaluator has no ' +
      'service caller unless the policy names one, and returns no outside access, no unknown.',
  },
  {
    name: 'a service principal pinned to the vendor account (aws:SourceAccount) writes for the vendor',
    policy: policy({
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: OBJECTS,
      Condition: { StringEquals: { 'aws:SourceAccount': VENDOR } },
    }),
    outside: [service('logging.s3.amazonaws.com')],
    public: false,
    why:
      'S3 UG, server access logging permissions, and IAM UG aws:SourceAccount ("the account ID of ' +
      'the resource making a service-to-service request"): the vendor\u2019s buckets can deliver ' +
      'logs into this bucket. The evaluator returns no outside access: it tries a service only on ' +
      'behalf of an unnamed account and treats every pinned account as the boundary\u2019s own.',
  },
  {
    name: 'a service principal pinned to a vendor trail (aws:SourceArn) writes for the vendor',
    policy: policy({
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: OBJECTS,
      Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:cloudtrail:*:${VENDOR}:trail/*` } },
    }),
    outside: [service('cloudtrail.amazonaws.com')],
    public: false,
    why:
      'CloudTrail UG, S3 bucket policy for CloudTrail, and IAM UG aws:SourceArn: trails of ' +
      '222222222222 deliver into this bucket. The evaluator returns no outside access (same ' +
      'cause as the aws:SourceAccount case).',
  },
  {
    name: 'aws:Referer is set by the caller: a referer-restricted public read is public',
    policy: policy(
      allowAll({
        Sid: 'AllowGetRequestsReferredByExampleSite',
        Condition: { StringLike: { 'aws:Referer': ['https://www.example.com/*'] } },
      }),
    ),
    outside: EVERYONE,
    public: true,
    why:
      'IAM UG, aws:referer: "Unauthorized parties can use modified or custom browsers to provide ' +
      'any aws:referer value that they choose" and it "should not be used to prevent unauthorized ' +
      'parties from making direct AWS requests" (the S3 UG example notes the same). Like ' +
      'aws:SecureTransport it is the caller\u2019s choice. The evaluator returns unknown for every ' +
      'caller instead of public access.',
  },
  {
    name: 'StringEqualsIgnoreCase of the inside organization id in capitals is the inside organization',
    policy: policy(
      allowAll({
        Condition: { StringEqualsIgnoreCase: { 'aws:PrincipalOrgID': ORG.toUpperCase() } },
      }),
    ),
    outside: [],
    public: false,
    why:
      'IAM UG, condition operators: StringEqualsIgnoreCase ignores case, so O-INSIDE1234 matches ' +
      'only principals of o-inside1234 (Organizations API: an organization id is "o-" and ' +
      'lower-case letters or digits). The evaluator compares the value with the inside ' +
      'organizations case-sensitively, takes O-INSIDE1234 for a foreign organization, and returns ' +
      'outside access for any other AWS account and the vendor.',
  },
  {
    name: 'StringEquals on an organization id in capitals matches no organization',
    policy: policy(
      allowAll({ Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG.toUpperCase() } } }),
    ),
    outside: [],
    public: false,
    why:
      'Organizations API reference, Organization Id: "o-" followed by 10 to 32 lower-case letters ' +
      'or digits; StringEquals is case-sensitive, so no principal\u2019s aws:PrincipalOrgID equals ' +
      'O-INSIDE1234. The evaluator returns outside access for any other AWS account and the ' +
      'vendor (it supposes an outside account may belong to that organization).',
  },
];

export const pitfalls: Group = {
  section: 'Documented pitfalls (each case cites its page in why)',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
  cases: PITFALLS,
};

/**
 * Not run: for an anonymous caller, the evaluator leaves aws:PrincipalAccount out of the
 * request, so an IfExists test on it passes and the bucket is reported public. If the key
 * does hold "anonymous" for unsigned requests, that answer over-reports (never hides) access;
 * it stays the conservative one until the documentation settles it.
 */
export const OPEN_QUESTIONS: Disagreement[] = [
  {
    name: 'the anonymous caller\u2019s aws:PrincipalAccount is "anonymous", not absent',
    policy: policy(
      allowAll({ Condition: { StringEqualsIfExists: { 'aws:PrincipalAccount': INSIDE } } }),
    ),
    outside: [],
    public: false,
    why:
      'IAM UG, aws:PrincipalAccount: "For anonymous requests, the request context returns ' +
      'anonymous" and the key is present for all requests, so the IfExists test is made and fails ' +
      'for anonymous callers. The evaluator treats the key as absent for anonymous callers and ' +
      'returns public access for them.',
  },
];
