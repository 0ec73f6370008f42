import type { RuleCase } from '../../test/support/cases.js';
import { estate, trailArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const SOC = '222222222222';
const STRANGER = '333333333333';
const ARCHIVE = '444444444444';
const MGMT = '555555555555';
const ORG = 'o-a1b2c3d4e5';

const soc = { parties: [{ name: 'Contoso SOC', role: 'support' as const, accounts: [SOC] }] };

export default [
  {
    name: 'a trail delivering to a bucket of an undeclared account is open',
    estate: estate()
      .trail('platform-audit', { bucket: 'shared-cloudtrail-333333333333' })
      .bucket('shared-cloudtrail-333333333333', { account: STRANGER }),
    expect: [
      {
        resource: trailArn('platform-audit'),
        message: `Trail platform-audit delivers to bucket shared-cloudtrail-333333333333 in account ${STRANGER} (undeclared), outside the boundary.`,
      },
    ],
  },
  {
    name: 'a trail delivering to its own account passes',
    estate: estate()
      .trail('platform-audit', { bucket: 'platform-cloudtrail-logs' })
      .bucket('platform-cloudtrail-logs'),
    expect: [],
  },
  {
    name: 'a log-archive account listed under inside.accounts is inside',
    estate: estate()
      .trail('platform-audit', { bucket: 'log-archive-cloudtrail' })
      .bucket('log-archive-cloudtrail', { account: ARCHIVE }),
    boundary: {
      inside: {
        accounts: [
          { id: INSIDE, name: 'platform' },
          { id: ARCHIVE, name: 'log-archive' },
        ],
      },
    },
    expect: [],
  },
  {
    name: 'an organization trail delivering to a log-archive member is inside by membership',
    estate: estate()
      .organization(ORG, {
        management: MGMT,
        members: [
          { id: INSIDE, name: 'streaming-prod' },
          { id: ARCHIVE, name: 'log-archive' },
        ],
      })
      .trail('org-audit', {
        account: MGMT,
        organization: true,
        bucket: 'aws-controltower-logs-444444444444-eu-west-1',
        alsoSeenIn: [{ account: INSIDE, region: 'eu-west-1' }],
      })
      .bucket('aws-controltower-logs-444444444444-eu-west-1', { account: ARCHIVE }),
    boundary: { inside: { organizations: [ORG], accounts: [] } },
    expect: [],
  },
  {
    name: 'a declared party holding the logs is still outside, and named',
    estate: estate()
      .trail('platform-audit', { bucket: 'contoso-soc-ingest-euw1' })
      .bucket('contoso-soc-ingest-euw1', { account: SOC }),
    boundary: soc,
    expect: [
      {
        resource: trailArn('platform-audit'),
        severity: 'high',
        message: 'in account 222222222222 (Contoso SOC), outside the boundary',
      },
    ],
  },
  {
    name: 'a bucket no scanned account lists: unknown, its owner cannot be proven',
    estate: estate().trail('platform-audit', { bucket: 'mystery-cloudtrail-bucket' }),
    expect: [
      {
        resource: trailArn('platform-audit'),
        status: 'unknown',
        message: 'which no scanned account lists',
      },
    ],
  },
  {
    name: 'trails owned by an account outside the boundary are not checked',
    estate: estate()
      .trail('vendor-audit', { account: SOC, bucket: 'shared-cloudtrail-333333333333' })
      .bucket('shared-cloudtrail-333333333333', { account: STRANGER }),
    boundary: soc,
    expect: [],
  },
  {
    name: 'a log bucket in a region outside approvedRegions is not this rule’s concern',
    estate: estate()
      .trail('platform-audit', { bucket: 'platform-cloudtrail-use1' })
      .bucket('platform-cloudtrail-use1', { region: 'us-east-1' }),
    boundary: { approvedRegions: [] },
    expect: [],
  },
  {
    name: 'list-buckets failed in the log account: the gap and the trail are unknown',
    estate: estate()
      .account(ARCHIVE, 'log-archive')
      .trail('platform-audit', { bucket: 'log-archive-cloudtrail' })
      .gap({ account: ARCHIVE, region: 'us-east-1', service: 's3', operation: 'list-buckets' }),
    expect: [
      { resource: trailArn('platform-audit'), status: 'unknown' },
      {
        resource: `arn:aws:s3:us-east-1:${ARCHIVE}:*`,
        status: 'unknown',
        message: 's3 list-buckets failed in 444444444444/us-east-1',
      },
    ],
  },
  {
    name: 'describe-trails failed: unknown for that account and region',
    estate: estate().bucket('platform-cloudtrail-logs').gap({
      account: INSIDE,
      region: 'eu-west-1',
      service: 'cloudtrail',
      operation: 'describe-trails',
    }),
    expect: [
      {
        resource: `arn:aws:cloudtrail:eu-west-1:${INSIDE}:*`,
        status: 'unknown',
        message: 'cloudtrail describe-trails failed',
      },
    ],
  },
] satisfies RuleCase[];
