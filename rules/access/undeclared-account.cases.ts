import type { RuleCase } from '../../test/support/cases.js';
import { estate, keyArn, mskClusterArn, uuidFor } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const STRANGER = '333333333333';
const MEMBER = '444444444444';
const ORG = 'o-a1b2c3d4e5';
const root = (account: string) => `arn:aws:iam::${account}:root`;

const BUCKET = 'platform-kafka-tiered-euw1';
const KEY = uuidFor('case:undeclared-account:data-key');

/** A bucket policy letting one principal read the bucket's objects. */
const readPolicy = (principal: string, extra: object = {}) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'CrossAccountRead',
      Effect: 'Allow',
      Principal: { AWS: principal },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
      ...extra,
    },
  ],
});

const vendor = { parties: [{ name: 'AutoMQ', role: 'vendor' as const, accounts: [VENDOR] }] };

export default [
  {
    name: 'a bucket policy naming an unknown account is open',
    estate: estate().bucket(BUCKET, { policy: readPolicy(root(STRANGER)) }),
    expect: [
      {
        resource: root(STRANGER),
        message: `Account ${STRANGER} is named in 1 place (bucket policy of arn:aws:s3:::${BUCKET})`,
      },
    ],
  },
  {
    name: 'an estate that names only inside accounts passes',
    estate: estate()
      .bucket(BUCKET, { policy: readPolicy(`arn:aws:iam::${INSIDE}:role/kafka-broker`) })
      .key(KEY, { aliases: ['platform-data'] })
      .role('kafka-broker'),
    expect: [],
  },
  {
    name: 'a declared party is not undeclared',
    estate: estate().bucket(BUCKET, { policy: readPolicy(`arn:aws:iam::${VENDOR}:role/automq`) }),
    boundary: vendor,
    expect: [],
  },
  {
    name: 'an account inside through organization membership is not undeclared',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [{ id: MEMBER, name: 'streaming-prod' }] })
      .role('deployer', {
        trust: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${MEMBER}:role/ci` },
              Action: 'sts:AssumeRole',
            },
          ],
        },
      }),
    boundary: { inside: { organizations: [ORG], accounts: [] } },
    expect: [],
  },
  {
    name: 'an account listed under inside.accounts is not undeclared',
    estate: estate().peering('pcx-0a1b2c3d4e5f60718', {
      requester: { account: INSIDE, vpc: 'vpc-0aaaaaaaaaaaaaaa1' },
      accepter: { account: MEMBER, vpc: 'vpc-0bbbbbbbbbbbbbbb2' },
    }),
    boundary: {
      inside: {
        accounts: [
          { id: INSIDE, name: 'platform' },
          { id: MEMBER, name: 'analytics' },
        ],
      },
    },
    expect: [],
  },
  {
    name: 'a VPC peering to an undeclared account names the accepter',
    estate: estate().peering('pcx-0a1b2c3d4e5f60718', {
      requester: { account: INSIDE, vpc: 'vpc-0aaaaaaaaaaaaaaa1' },
      accepter: { account: STRANGER, vpc: 'vpc-0ccccccccccccccc3' },
    }),
    expect: [
      { resource: root(STRANGER), message: 'VPC peering accepter of pcx-0a1b2c3d4e5f60718' },
    ],
  },
  {
    name: 'a KMS grant to a role in an undeclared account',
    estate: estate().key(KEY, {
      grants: [
        {
          Name: 'tiered-storage-reader',
          GranteePrincipal: `arn:aws:iam::${STRANGER}:role/reader`,
          Operations: ['Decrypt', 'GenerateDataKey'],
        },
      ],
    }),
    expect: [{ resource: root(STRANGER), message: `KMS grant grantee of ${keyArn(KEY)}` }],
  },
  {
    name: 'a replication rule to an undeclared destination account',
    estate: estate().bucket(BUCKET, {
      replication: {
        rules: [{ destBucket: 'dr-kafka-tiered-euw1', destAccount: STRANGER, ownerOverride: true }],
      },
    }),
    expect: [{ resource: root(STRANGER), message: 'bucket replication destination' }],
  },
  {
    name: 'a condition value (aws:SourceAccount) counts as a reference',
    estate: estate().bucket(BUCKET, {
      policy: readPolicy(`arn:aws:iam::${INSIDE}:root`, {
        Condition: { StringEquals: { 'aws:SourceAccount': STRANGER } },
      }),
    }),
    expect: [{ resource: root(STRANGER), message: 'bucket policy of' }],
  },
  {
    name: 'an MSK cluster policy and a transit gateway owner from one account: one finding',
    estate: estate()
      .mskCluster('payments', {
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: root(STRANGER) },
              Action: ['kafka:CreateVpcConnection', 'kafka:DescribeClusterV2'],
              Resource: mskClusterArn('payments'),
            },
          ],
        },
      })
      .tgwAttachment('tgw-attach-0d1e2f3a4b5c6d7e8', {
        tgw: 'tgw-0f1e2d3c4b5a69788',
        tgwOwner: STRANGER,
        resourceOwner: INSIDE,
      }),
    expect: [
      {
        resource: root(STRANGER),
        message:
          /named in 2 places \(.*MSK cluster policy of .*transit gateway owner of tgw-attach-0d1e2f3a4b5c6d7e8\)/,
      },
    ],
  },
  {
    name: 'more than three places are summarised',
    estate: estate()
      .bucket(BUCKET, { policy: readPolicy(root(STRANGER)) })
      .bucket('platform-kafka-wal-euw1', {
        replication: { rules: [{ destBucket: 'dr-wal', destAccount: STRANGER }] },
      })
      .key(KEY, { grants: [{ GranteePrincipal: root(STRANGER), Operations: ['Decrypt'] }] })
      .role('reader', {
        trust: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: STRANGER }, Action: 'sts:AssumeRole' }],
        },
      }),
    expect: [{ resource: root(STRANGER), message: /named in 4 places \(.*; …\)/ }],
  },
  {
    name: 'a scanned account that the boundary does not place is undeclared',
    estate: estate().bucket('sandbox-scratch', { account: STRANGER }),
    boundary: { approvedRegions: [] },
    expect: [{ resource: root(STRANGER), message: `scanned account of ${STRANGER}` }],
  },
  {
    name: 'a bucket policy that failed to load is unknown; known references stay open',
    estate: estate()
      .bucket(BUCKET, { policy: readPolicy(root(STRANGER)) })
      .bucket('platform-kafka-wal-euw1', { policy: readPolicy(root(INSIDE)) })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3',
        operation: 'get-bucket-policy',
        param: 'platform-kafka-wal-euw1',
      }),
    expect: [
      { resource: root(STRANGER) },
      {
        resource: 'arn:aws:s3:::platform-kafka-wal-euw1',
        status: 'unknown',
        message: 's3 get-bucket-policy (platform-kafka-wal-euw1) failed',
      },
    ],
  },
  {
    name: 'a key policy that failed to load is unknown',
    estate: estate().key(KEY).gap({
      account: INSIDE,
      region: 'eu-west-1',
      service: 'kms',
      operation: 'get-key-policy',
      param: KEY,
    }),
    expect: [{ resource: keyArn(KEY), status: 'unknown' }],
  },
  {
    name: 'list-buckets failed: every bucket policy of the account is unseen, so unknown',
    estate: estate()
      .role('kafka-broker')
      .gap({ account: INSIDE, region: 'us-east-1', service: 's3', operation: 'list-buckets' }),
    expect: [
      {
        resource: `arn:aws:s3:us-east-1:${INSIDE}:*`,
        status: 'unknown',
        message: 's3 list-buckets failed',
      },
    ],
  },
  {
    name: 'list-keys failed: key policies and grants are unseen, so unknown',
    estate: estate()
      .role('kafka-broker')
      .gap({ account: INSIDE, region: 'eu-west-1', service: 'kms', operation: 'list-keys' }),
    expect: [{ resource: `arn:aws:kms:eu-west-1:${INSIDE}:*`, status: 'unknown' }],
  },
] satisfies RuleCase[];
