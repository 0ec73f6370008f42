import type { RuleCase } from '../../test/support/cases.js';
import { estate, trailArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const MEMBER = '444444444444';
const MGMT = '555555555555';
const OUTSIDE = '333333333333';
const SOC = '222222222222';
const ORG = 'o-a1b2c3d4e5';
const root = (account: string) => `arn:aws:iam::${account}:root`;

export default [
  {
    name: 'an account with only a single-region trail is open',
    estate: estate().account(INSIDE, 'platform').trail('euw1-audit', { multiRegion: false }),
    expect: [
      {
        resource: root(INSIDE),
        message: `Account ${INSIDE} (platform) has no multi-region trail, neither its own nor an organization trail.`,
      },
    ],
  },
  {
    name: 'a logging multi-region trail of the account passes',
    estate: estate().trail('platform-audit'),
    expect: [],
  },
  {
    name: 'an account whose describe-trails is empty is open',
    estate: estate().account(INSIDE).empty('cloudtrail', 'describe-trails'),
    expect: [{ resource: root(INSIDE), message: 'has no multi-region trail' }],
  },
  {
    name: 'a multi-region trail that is stopped is open',
    estate: estate().trail('platform-audit', { logging: false }),
    expect: [
      {
        resource: root(INSIDE),
        message: 'has multi-region trails, but none is logging management events',
      },
    ],
  },
  {
    name: 'one stopped and one logging multi-region trail pass',
    estate: estate()
      .trail('old-audit', { logging: false })
      .trail('platform-audit', { homeRegion: 'us-east-1' }),
    expect: [],
  },
  {
    name: 'an organization trail covers every member inside through the organization',
    estate: estate()
      .organization(ORG, {
        management: MGMT,
        members: [
          { id: INSIDE, name: 'streaming-prod' },
          { id: MEMBER, name: 'streaming-dev' },
        ],
      })
      .account(INSIDE)
      .account(MEMBER)
      .trail('org-audit', {
        account: MGMT,
        organization: true,
        alsoSeenIn: [
          { account: INSIDE, region: 'eu-west-1' },
          { account: MEMBER, region: 'eu-west-1' },
        ],
      }),
    boundary: { inside: { organizations: [ORG], accounts: [] } },
    expect: [],
  },
  {
    name: 'an organization trail does not cover an inside account outside its organization',
    estate: estate()
      .organization(ORG, { management: MGMT, members: [{ id: MEMBER }] })
      .account(INSIDE)
      .account(MEMBER)
      .trail('org-audit', { account: MGMT, organization: true }),
    boundary: {
      inside: { organizations: [ORG], accounts: [{ id: INSIDE, name: 'platform' }] },
    },
    expect: [{ resource: root(INSIDE), message: 'neither its own nor an organization trail' }],
  },
  {
    name: 'a multi-region trail that is not an organization trail covers only its own account',
    estate: estate()
      .trail('platform-audit')
      .account(MEMBER, 'analytics')
      .trail('analytics-euw1', { account: MEMBER, multiRegion: false }),
    boundary: {
      inside: {
        accounts: [
          { id: INSIDE, name: 'platform' },
          { id: MEMBER, name: 'analytics' },
        ],
      },
    },
    expect: [{ resource: root(MEMBER), message: `Account ${MEMBER} (analytics)` }],
  },
  {
    name: 'accounts outside the boundary, declared or not, are not checked',
    estate: estate()
      .trail('platform-audit')
      .account(OUTSIDE, 'unknown-sandbox')
      .account(SOC, 'contoso-soc'),
    boundary: { parties: [{ name: 'Contoso SOC', role: 'support', accounts: [SOC] }] },
    expect: [],
  },
  {
    name: 'a trail homed outside approvedRegions still counts (approvedRegions empty)',
    estate: estate().trail('platform-audit', { homeRegion: 'us-east-1' }),
    boundary: { approvedRegions: [] },
    expect: [],
  },
  {
    name: 'describe-trails failed in a region: unknown, not open',
    estate: estate().trail('euw1-audit', { multiRegion: false }).gap({
      account: INSIDE,
      region: 'us-east-1',
      service: 'cloudtrail',
      operation: 'describe-trails',
    }),
    expect: [
      {
        resource: root(INSIDE),
        status: 'unknown',
        message: 'cloudtrail describe-trails failed in us-east-1 (AccessDenied)',
      },
    ],
  },
  {
    name: 'the only multi-region trail’s status failed to load: unknown, not a pass',
    estate: estate()
      .trail('platform-audit')
      .gap({
        account: INSIDE,
        region: 'eu-west-1',
        service: 'cloudtrail',
        operation: 'get-trail-status',
        param: trailArn('platform-audit'),
      }),
    expect: [
      {
        resource: root(INSIDE),
        status: 'unknown',
        message:
          'its logging status is not in the snapshot (get-trail-status failed in 111111111111/eu-west-1 with AccessDenied)',
      },
    ],
  },
  {
    name: 'a multi-region trail without any get-trail-status file: unknown',
    estate: estate().trail('platform-audit', { logging: null }),
    expect: [
      {
        resource: root(INSIDE),
        status: 'unknown',
        message: /platform-audit covers it, but its logging status is not in the snapshot\.$/,
      },
    ],
  },
  {
    name: 'a status gap on a second trail does not matter when one is logging',
    estate: estate()
      .trail('platform-audit')
      .trail('old-audit', { homeRegion: 'us-east-1' })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 'cloudtrail',
        operation: 'get-trail-status',
        param: trailArn('old-audit', INSIDE, 'us-east-1'),
      }),
    expect: [],
  },
  {
    name: 'a logging multi-region trail whose selectors exclude management events is open',
    estate: estate().trail('platform-audit', {
      advanced: [
        {
          Name: 'S3 data only',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          ],
        },
      ],
    }),
    expect: [{ resource: root(INSIDE), message: 'none is logging management events' }],
  },
  {
    name: 'a multi-region trail logging only read management events is open',
    estate: estate().trail('platform-audit', {
      advanced: [
        {
          Name: 'Management reads',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['true'] },
          ],
        },
      ],
    }),
    expect: [{ resource: root(INSIDE) }],
  },
  {
    name: 'management events with KMS events excluded (a common cost cut) still pass',
    estate: estate().trail('platform-audit', {
      advanced: [
        {
          Name: 'Management without KMS',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
          ],
        },
      ],
    }),
    expect: [],
  },
  {
    name: 'an organization trail listed in a member account covers it without Organizations data',
    estate: estate().trail('org-audit', {
      account: MGMT,
      organization: true,
      alsoSeenIn: [{ account: INSIDE, region: 'eu-west-1' }],
    }),
    boundary: { inside: { accounts: [{ id: INSIDE }, { id: MGMT }] } },
    expect: [],
  },
] satisfies RuleCase[];
