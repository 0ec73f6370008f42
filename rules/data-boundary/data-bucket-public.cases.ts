import type { RuleCase } from '../../test/support/cases.js';
import { estate } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const MEMBER = '333333333333';
const ORG = 'o-a1b2c3d4e5';
const BUCKET = 'acme-kafka-tier-euw1';
const ARN = `arn:aws:s3:::${BUCKET}`;
const VPCE = 'vpce-0a1b2c3d4e5f60718';
const VPC = 'vpc-0f1e2d3c4b5a69788';

const data = { buckets: ['acme-kafka-tier-*'] };
const open = { RestrictPublicBuckets: false, BlockPublicPolicy: false };

const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const publicRead = (extra: object = {}) => ({
  Sid: 'PublicRead',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: `${ARN}/*`,
  ...extra,
});

export default [
  {
    name: 'public read policy, RestrictPublicBuckets off on the bucket, no account block',
    estate: estate().bucket(BUCKET, {
      policy: policy(publicRead()),
      publicAccessBlock: open,
      isPublic: true,
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        status: 'open',
        severity: 'critical',
        message: `Data bucket ${BUCKET} is public: its policy lets anyone s3:GetObject, and Block Public Access (RestrictPublicBuckets) is off`,
      },
    ],
  },
  {
    name: 'RestrictPublicBuckets on the bucket stops it (S3 agrees it is public): no finding',
    estate: estate().bucket(BUCKET, { policy: policy(publicRead()), isPublic: true }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'RestrictPublicBuckets on the account stops it: no finding',
    estate: estate()
      .bucket(BUCKET, { policy: policy(publicRead()), publicAccessBlock: open, isPublic: true })
      .accountPublicAccessBlock(INSIDE, { RestrictPublicBuckets: true }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'the account block is there but RestrictPublicBuckets is off there too: still public',
    estate: estate()
      .bucket(BUCKET, { policy: policy(publicRead()), publicAccessBlock: null, isPublic: true })
      .accountPublicAccessBlock(INSIDE, { RestrictPublicBuckets: false, BlockPublicPolicy: false }),
    boundary: { data },
    expect: [{ resource: ARN, severity: 'critical', message: 'is public' }],
  },
  {
    name: 'a public bucket that is not data-bearing is not this rule',
    estate: estate().bucket('acme-website-assets', {
      policy: policy({ ...publicRead(), Resource: 'arn:aws:s3:::acme-website-assets/*' }),
      publicAccessBlock: open,
      isPublic: true,
    }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'Principal "*" limited to the inside organization is not public',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER }] })
      .bucket(BUCKET, {
        policy: policy(publicRead({ Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } })),
        publicAccessBlock: open,
        isPublic: false,
      }),
    boundary: { data, inside: { accounts: [{ id: INSIDE }], organizations: [ORG] } },
    expect: [],
  },
  {
    name: 'the documented VPC-endpoint-only policy (inside endpoint) is not public',
    estate: estate()
      .bucket(BUCKET, {
        policy: policy(publicRead(), {
          Sid: 'Access-to-specific-VPCE-only',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [ARN, `${ARN}/*`],
          Condition: { StringNotEquals: { 'aws:SourceVpce': VPCE } },
        }),
        publicAccessBlock: open,
        isPublic: false,
      })
      .vpcEndpoint(VPCE, { vpc: VPC }),
    boundary: { data },
    expect: [],
  },
  {
    name: 'a vendor-only policy is not public, but S3 policy status says public: info finding',
    estate: estate().bucket(BUCKET, {
      policy: policy({ ...publicRead(), Principal: { AWS: `arn:aws:iam::${VENDOR}:root` } }),
      publicAccessBlock: open,
      isPublic: true,
    }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'info',
        message: `S3's policy status says bucket ${BUCKET} is public; ownmap's reading of its policy says it is not public.`,
      },
    ],
  },
  {
    name: 'public policy behind RestrictPublicBuckets but S3 policy status says not public: info only',
    estate: estate().bucket(BUCKET, { policy: policy(publicRead()), isPublic: false }),
    boundary: { data },
    expect: [
      {
        resource: ARN,
        severity: 'info',
        message: `S3's policy status says bucket ${BUCKET} is not public; ownmap's reading of its policy says it is public.`,
      },
    ],
  },
  {
    name: 'a SourceIp condition wider than /8 is still public',
    estate: estate().bucket(BUCKET, {
      policy: policy(publicRead({ Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/7' } } })),
      publicAccessBlock: open,
      isPublic: true,
    }),
    boundary: { data },
    expect: [{ resource: ARN, severity: 'critical', message: 'is public' }],
  },
  {
    name: 'get-public-access-block of the bucket failed: unknown, not public nor a pass',
    estate: estate()
      .bucket(BUCKET, { policy: policy(publicRead()), isPublic: true })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3',
        operation: 'get-public-access-block',
        param: BUCKET,
      }),
    boundary: { data },
    expect: [
      { resource: ARN, status: 'unknown', message: 'Could not check: s3 get-public-access-block' },
    ],
  },
  {
    name: 'get-bucket-policy failed: unknown',
    estate: estate().bucket(BUCKET, { publicAccessBlock: open }).gap({
      account: INSIDE,
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-policy',
      param: BUCKET,
    }),
    boundary: { data },
    expect: [
      { resource: ARN, status: 'unknown', message: 'Could not check: s3 get-bucket-policy' },
    ],
  },
  {
    name: 'the account-level block could not be read and the bucket does not restrict: unknown',
    estate: estate()
      .bucket(BUCKET, { policy: policy(publicRead()), publicAccessBlock: open, isPublic: true })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3control',
        operation: 'get-public-access-block',
      }),
    boundary: { data },
    expect: [
      { resource: ARN, status: 'unknown', message: 'account-level Block Public Access' },
      { resource: `arn:aws:s3control:us-east-1:${INSIDE}:*`, status: 'unknown' },
    ],
  },
] satisfies RuleCase[];
