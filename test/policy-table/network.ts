import { INSIDE, ORG, STRANGER, VENDOR } from '../support/policy.js';
import {
  ANONYMOUS,
  ANY_ACCOUNT,
  allowAll,
  allowTo,
  BUCKET_AND_OBJECTS,
  denyAllUnless,
  EVERYONE,
  type Group,
  OBJECTS,
  policy,
  root,
  S3_BUCKET_ACTIONS,
  service,
  VENDOR_ACCOUNT,
} from './case.js';

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html
// The documented shapes: Deny s3:* on the bucket and its objects unless aws:SourceVpce (or
// aws:SourceVpc) is the given endpoint (VPC). Both keys are present only for requests sent
// through a VPC endpoint, so the internet is denied. Only the owner of an endpoint sends
// requests through it: an inside endpoint is a private path, a vendor's endpoint is not.
export const s3VpcEndpoint: Group = {
  section: 'S3 bucket policies restricting access to VPC endpoints',
  doc: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
  cases: [
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
      name: 'the documented Access-to-specific-VPCE-only statement with a vendor Allow',
      policy: {
        Version: '2012-10-17',
        Id: 'Policy1415115909152',
        Statement: [
          allowTo(root(VENDOR), 's3:GetObject'),
          denyAllUnless(
            { StringNotEquals: { 'aws:SourceVpce': 'vpce-inside' } },
            { Sid: 'Access-to-specific-VPCE-only' },
          ),
        ],
      },
      outside: [],
      public: false,
    },
    {
      name: 'Deny unless aws:SourceVpc is the inside VPC: private only',
      policy: policy(
        allowAll({ Action: 's3:*', Resource: BUCKET_AND_OBJECTS }),
        denyAllUnless(
          { StringNotEquals: { 'aws:SourceVpc': 'vpc-inside' } },
          { Sid: 'Access-to-specific-VPC-only' },
        ),
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
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'a VPC the vendor owns is an outside path',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEquals: { 'aws:SourceVpc': ['vpc-inside', 'vpc-vendor'] } }),
      ),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'only the vendor endpoint: the vendor, nobody else',
      policy: policy(
        allowAll({ Action: ['s3:GetObject', 's3:PutObject'] }),
        denyAllUnless({ StringNotEquals: { 'aws:SourceVpce': 'vpce-vendor' } }),
      ),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject', 's3:PutObject'] },
    },
    {
      name: 'Allow only with aws:SourceVpce of the inside endpoint',
      policy: policy(
        allowAll({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-inside' } } }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'Allow only with aws:SourceVpc of the inside VPC',
      policy: policy(allowAll({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-inside' } } })),
      outside: [],
      public: false,
    },
    {
      name: 'Allow with aws:SourceVpce of the vendor endpoint',
      policy: policy(
        allowAll({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-vendor' } } }),
      ),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'Allow with aws:SourceVpc of either VPC: the vendor through its own',
      policy: policy(
        allowAll({
          Condition: { StringEquals: { 'aws:SourceVpc': ['vpc-inside', 'vpc-vendor'] } },
        }),
      ),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'the mixed-case key is still private only',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEquals: { 'AWS:sourceVPCE': 'vpce-inside' } }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'StringNotEqualsIfExists aws:SourceVpce on the Deny is still private only',
      policy: policy(
        allowAll(),
        denyAllUnless({ StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-inside' } }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'both keys in one StringNotEquals (AND): the inside endpoint or the inside VPC',
      policy: policy(
        allowAll(),
        denyAllUnless({
          StringNotEquals: { 'aws:SourceVpce': 'vpce-inside', 'aws:SourceVpc': 'vpc-inside' },
        }),
      ),
      outside: [],
      public: false,
    },
    {
      name: 'a Deny on objects only leaves the bucket actions public',
      policy: policy(
        allowAll({ Action: 's3:*', Resource: BUCKET_AND_OBJECTS }),
        denyAllUnless(
          { StringNotEquals: { 'aws:SourceVpce': 'vpce-inside' } },
          { Resource: OBJECTS },
        ),
      ),
      outside: EVERYONE,
      public: true,
      actions: { [ANONYMOUS]: S3_BUCKET_ACTIONS },
    },
    {
      name: 'the inside endpoint or the corporate range: the range is an outside path',
      policy: policy(
        allowAll(),
        denyAllUnless({
          StringNotEquals: { 'aws:SourceVpce': 'vpce-inside' },
          NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
        }),
      ),
      outside: EVERYONE,
      public: false,
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
      name: 'a VPC not in the snapshot is unknown, not private',
      policy: policy(
        allowAll({ Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0unknown' } } }),
      ),
      outside: [],
      unknown: true,
    },
  ],
};

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport
// The documented "deny insecure transport" statement (Deny when aws:SecureTransport is false)
// removes access only from callers who do not use TLS: any caller can use TLS.
export const secureTransport: Group = {
  section: 'aws:SecureTransport',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport',
  cases: [
    {
      name: 'Deny when SecureTransport is false does not make a public read private',
      policy: policy(
        allowAll(),
        denyAllUnless(
          { Bool: { 'aws:SecureTransport': 'false' } },
          { Sid: 'AllowSSLRequestsOnly' },
        ),
      ),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'Deny when SecureTransport is false leaves the vendor its access',
      policy: policy(
        allowTo(root(VENDOR), ['s3:GetObject', 's3:PutObject']),
        denyAllUnless({ Bool: { 'aws:SecureTransport': 'false' } }),
      ),
      outside: [VENDOR_ACCOUNT],
      actions: { [VENDOR_ACCOUNT]: ['s3:GetObject', 's3:PutObject'] },
    },
    {
      name: 'BoolIfExists form of the same',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject'),
        denyAllUnless({ BoolIfExists: { 'aws:SecureTransport': 'false' } }),
      ),
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'a JSON boolean false in the Deny',
      policy: policy(allowAll(), denyAllUnless({ Bool: { 'aws:SecureTransport': false } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'an Allow only over plain HTTP is still public',
      policy: policy(allowAll({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'TLS only and the inside account only: nothing outside',
      policy: policy(
        allowTo(root(INSIDE), 's3:*', { Resource: BUCKET_AND_OBJECTS }),
        denyAllUnless({ Bool: { 'aws:SecureTransport': 'false' } }),
      ),
      outside: [],
    },
  ],
};

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
// S3 calls a policy non-public when it limits access to fixed values, such as a set of
// CIDRs in aws:SourceIp; a range broader than /8 (IPv4) or /32 (IPv6) is public. Either
// way everyone sending from the range has access.
export const sourceIp: Group = {
  section: 'aws:SourceIp and the meaning of public',
  doc: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
  cases: [
    {
      name: 'a /24 is outside access but not public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })),
      outside: EVERYONE,
      public: false,
    },
    {
      name: 'a single address without a prefix is not public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.7' } } })),
      outside: EVERYONE,
      public: false,
    },
    {
      name: 'a /8 is not public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '54.0.0.0/8' } } })),
      outside: EVERYONE,
      public: false,
    },
    {
      name: 'a /7 is public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '54.0.0.0/7' } } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'a /4 is public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/4' } } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: '0.0.0.0/0 is public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'an IPv6 /32 is not public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } } })),
      outside: EVERYONE,
      public: false,
    },
    {
      name: 'an IPv6 /24 is public',
      policy: policy(allowAll({ Condition: { IpAddress: { 'aws:SourceIp': '2001:d00::/24' } } })),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'one wide range among narrow ones is public',
      policy: policy(
        allowAll({
          Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '128.0.0.0/1'] } },
        }),
      ),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'a Deny of one bad range leaves the public grant public',
      policy: policy(allowAll(), {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BUCKET_AND_OBJECTS,
        Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
      }),
      outside: EVERYONE,
      public: true,
    },
    {
      name: 'Deny outside a /24 (NotIpAddress) makes the grant non-public',
      policy: policy(
        allowAll(),
        denyAllUnless({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
      ),
      outside: EVERYONE,
      public: false,
    },
  ],
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_data-perimeters.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
// The identity perimeter: Deny unless aws:PrincipalOrgID is the organization (IfExists),
// with aws:PrincipalIsAWSService (BoolIfExists "false") so that service principals pass.
// aws:PrincipalOrgID is present only for principals in an organization; anonymous requests
// carry neither it nor aws:PrincipalIsAWSService.
export const dataPerimeter: Group = {
  section: 'Data perimeter policies (aws:PrincipalOrgID, service exceptions)',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_data-perimeters.html',
  cases: [
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
      // The exemption lets any AWS service through, acting for any account: the confused
      // deputy that the data-perimeter guide closes with aws:SourceAccount / aws:SourceOrgID.
      outside: [service('any AWS service')],
      public: false,
    },
    {
      name: 'the perimeter with the vendor listed as a trusted account',
      policy: policy(
        allowAll(),
        denyAllUnless(
          {
            StringNotEqualsIfExists: {
              'aws:PrincipalOrgID': ORG,
              'aws:PrincipalAccount': [VENDOR],
            },
            BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
          },
          { Sid: 'EnforceIdentityPerimeter' },
        ),
      ),
      outside: [VENDOR_ACCOUNT, service('any AWS service')],
      public: false,
    },
    {
      name: 'the perimeter removes a vendor grant when the vendor is not listed',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject'),
        denyAllUnless({
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG },
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        }),
      ),
      outside: [],
    },
    {
      name: 'the perimeter lets a service principal pinned to the inside account write',
      policy: policy(
        {
          Sid: 'AWSCloudTrailWrite',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::acme-data/AWSLogs/${INSIDE}/*`,
          Condition: { StringEquals: { 'aws:SourceAccount': INSIDE } },
        },
        denyAllUnless({
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG },
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        }),
      ),
      outside: [],
    },
    {
      name: 'the perimeter does not stop a service principal acting for any account',
      policy: policy(
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: OBJECTS,
        },
        denyAllUnless({
          StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG },
          BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
        }),
      ),
      outside: [service('cloudtrail.amazonaws.com')],
    },
    {
      name: 'Deny StringNotEquals aws:PrincipalAccount (the documented account allow-list)',
      policy: policy(
        allowAll(),
        denyAllUnless(
          { StringNotEquals: { 'aws:PrincipalAccount': [INSIDE, VENDOR] } },
          { Sid: 'DenyAccessFromPrincipalNotInSpecificAccount' },
        ),
      ),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'Allow with aws:PrincipalAccount of the vendor',
      policy: policy(allowAll({ Condition: { StringEquals: { 'aws:PrincipalAccount': VENDOR } } })),
      outside: [VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'Allow * restricted to a foreign organization: accounts that may be in it',
      policy: policy(
        allowAll({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-vendororg99' } } }),
      ),
      outside: [ANY_ACCOUNT, VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'Allow * with both the inside and a foreign organization',
      policy: policy(
        allowAll({ Condition: { StringEquals: { 'aws:PrincipalOrgID': [ORG, 'o-vendororg99'] } } }),
      ),
      outside: [ANY_ACCOUNT, VENDOR_ACCOUNT],
      public: false,
    },
    {
      name: 'the documented PrincipalServiceName exception: outsiders stay out',
      policy: policy(
        allowAll({
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::acme-data/AWSLogs/${INSIDE}/*`,
        }),
        {
          Sid: 'ExpectedNetworkServicePrincipal',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::acme-data/AWSLogs/${INSIDE}/*`,
          Condition: {
            StringNotEqualsIfExists: {
              'aws:SourceVpc': 'vpc-inside',
              'aws:PrincipalServiceName': 'cloudtrail.amazonaws.com',
            },
          },
        },
      ),
      // Outside accounts stay out; CloudTrail itself gets in for any account's trail (no
      // aws:SourceArn pins it), which the confused-deputy guide says to close.
      outside: [service('cloudtrail.amazonaws.com')],
      public: false,
    },
    {
      name: 'a network perimeter (corporate range or inside VPC) leaves the range',
      policy: policy(
        allowTo(root(VENDOR), 's3:GetObject'),
        denyAllUnless(
          {
            NotIpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' },
            StringNotEqualsIfExists: { 'aws:SourceVpc': 'vpc-inside' },
            BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
          },
          { Sid: 'EnforceNetworkPerimeter' },
        ),
      ),
      // A network perimeter does not say who: the vendor sending from the range gets in.
      outside: [VENDOR_ACCOUNT],
    },
    {
      name: 'an undeclared account named only in a condition is a caller too',
      policy: policy(
        allowAll({ Condition: { StringEquals: { 'aws:PrincipalAccount': STRANGER } } }),
      ),
      outside: [`account ${STRANGER}`],
      public: false,
    },
  ],
};
