import type { RuleCase } from '../../test/support/cases.js';
import { estate, trailArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const MGMT = '555555555555';
const OUTSIDE = '333333333333';
const VENDOR = '222222222222';
const ORG = 'o-a1b2c3d4e5';

const TIERED = 'platform-kafka-tiered-euw1';
const ARN = `arn:aws:s3:::${TIERED}`;
const LOGS = 'platform-cloudtrail-logs';
/** An advanced selector on every S3 object, reads only (true) or writes only (false). */
const s3Data = (readOnly: boolean) => ({
  Name: readOnly ? 'S3 reads' : 'S3 writes',
  FieldSelectors: [
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
    { Field: 'readOnly', Equals: [String(readOnly)] },
  ],
});
/** The boundary names the Kafka buckets as data. */
const dataBuckets = { data: { buckets: ['platform-kafka-*'] } };

export default [
  {
    name: 'a data bucket with only a management-event trail is open',
    estate: estate().bucket(TIERED).bucket(LOGS).trail('platform-audit', { bucket: LOGS }),
    boundary: dataBuckets,
    expect: [
      {
        resource: ARN,
        message: `No logging trail records S3 data events for data bucket ${TIERED} (${INSIDE}, eu-west-1)`,
      },
    ],
  },
  {
    name: 'a basic selector on the bucket passes',
    estate: estate()
      .bucket(TIERED)
      .bucket(LOGS)
      .trail('platform-audit', { bucket: LOGS, dataEvents: [TIERED] }),
    boundary: dataBuckets,
    expect: [],
  },
  {
    name: 'a basic selector on all buckets (arn:aws:s3) passes',
    estate: estate().bucket(TIERED).trail('platform-audit', { dataEvents: 'all-s3' }),
    boundary: dataBuckets,
    expect: [],
  },
  {
    name: 'a basic selector on another bucket only is open',
    estate: estate()
      .bucket(TIERED)
      .bucket('platform-kafka-wal-euw1')
      .trail('platform-audit', { dataEvents: ['platform-kafka-wal-euw1'] }),
    boundary: dataBuckets,
    expect: [{ resource: ARN }],
  },
  {
    name: 'an advanced selector on the bucket prefix passes',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', {
        advanced: [
          {
            Name: 'Kafka object access',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
              { Field: 'resources.ARN', StartsWith: [`${ARN}/`] },
            ],
          },
        ],
      }),
    boundary: dataBuckets,
    expect: [],
  },
  {
    name: 'an advanced selector that excludes the bucket is open',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', {
        advanced: [
          {
            Name: 'All S3 objects but Kafka',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
              { Field: 'resources.ARN', NotStartsWith: [`${ARN}/`] },
            ],
          },
        ],
      }),
    boundary: dataBuckets,
    expect: [{ resource: ARN }],
  },
  {
    name: 'a trail that logs the bucket but is stopped does not count',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', { dataEvents: [TIERED], logging: false }),
    boundary: dataBuckets,
    expect: [{ resource: ARN, status: 'open' }],
  },
  {
    name: 'a single-region trail homed in another region does not cover the bucket',
    estate: estate()
      .bucket(TIERED)
      .trail('use1-audit', { homeRegion: 'us-east-1', multiRegion: false, dataEvents: 'all-s3' }),
    boundary: dataBuckets,
    expect: [{ resource: ARN }],
  },
  {
    name: 'a single-region trail in the bucket region covers it',
    estate: estate()
      .bucket(TIERED)
      .trail('euw1-audit', { multiRegion: false, dataEvents: [TIERED] }),
    boundary: dataBuckets,
    expect: [],
  },
  {
    name: 'an organization trail of the management account covers a member inside by membership',
    estate: estate()
      .organization(ORG, { management: MGMT, members: [{ id: INSIDE, name: 'streaming-prod' }] })
      .bucket(TIERED)
      .trail('org-audit', {
        account: MGMT,
        organization: true,
        dataEvents: 'all-s3',
        alsoSeenIn: [{ account: INSIDE, region: 'eu-west-1' }],
      }),
    boundary: { ...dataBuckets, inside: { organizations: [ORG], accounts: [] } },
    expect: [],
  },
  {
    name: 'an organization trail does not cover an account outside its organization',
    estate: estate()
      .organization(ORG, { management: MGMT, members: [] })
      .bucket(TIERED)
      .trail('org-audit', { account: MGMT, organization: true, dataEvents: 'all-s3' }),
    boundary: {
      ...dataBuckets,
      inside: {
        organizations: [ORG],
        accounts: [{ id: INSIDE, name: 'platform' }],
      },
    },
    expect: [{ resource: ARN }],
  },
  {
    name: 'data buckets of a party or an undeclared account, and non-data buckets, are not checked',
    estate: estate()
      .bucket('platform-kafka-tiered-vendor', { account: OUTSIDE })
      .bucket('platform-kafka-tiered-byoc', { account: VENDOR })
      .bucket('platform-scratch')
      .trail('platform-audit'),
    boundary: {
      ...dataBuckets,
      parties: [{ name: 'AutoMQ', role: 'vendor', accounts: [VENDOR] }],
    },
    expect: [],
  },
  {
    name: 'a bucket that holds records of a Kafka cluster is a data bucket, whatever approvedRegions',
    estate: estate()
      .bucket('automq-s3stream-use1', { region: 'us-east-1' })
      .trail('platform-audit', { dataEvents: [TIERED] }),
    boundary: {
      approvedRegions: [],
      kafka: {
        clusters: [{ name: 'automq-prod', kind: 'automq', buckets: ['automq-s3stream-use1'] }],
      },
    },
    expect: [
      {
        resource: 'arn:aws:s3:::automq-s3stream-use1',
        message: `(${INSIDE}, us-east-1)`,
      },
    ],
  },
  {
    name: 'describe-trails failed in the account: unknown, a trail there may log it',
    estate: estate().bucket(TIERED).gap({
      account: INSIDE,
      region: 'eu-west-1',
      service: 'cloudtrail',
      operation: 'describe-trails',
    }),
    boundary: dataBuckets,
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: 'describe-trails failed in 111111111111/eu-west-1 (AccessDenied)',
      },
    ],
  },
  {
    name: 'the covering trail’s event selectors failed to load: unknown',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', { dataEvents: [TIERED] })
      .gap({
        account: INSIDE,
        region: 'eu-west-1',
        service: 'cloudtrail',
        operation: 'get-event-selectors',
        param: trailArn('platform-audit'),
      }),
    boundary: dataBuckets,
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: 'its event selectors are not in the snapshot',
      },
    ],
  },
  {
    name: 'the only data-event trail’s status failed to load: unknown, not a pass',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', { dataEvents: [TIERED] })
      .gap({
        account: INSIDE,
        region: 'eu-west-1',
        service: 'cloudtrail',
        operation: 'get-trail-status',
        param: trailArn('platform-audit'),
      }),
    boundary: dataBuckets,
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: 'its logging status is not in the snapshot',
      },
    ],
  },
  {
    name: 'a gap elsewhere does not matter once a logging trail proves coverage',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', { dataEvents: 'all-s3' })
      .trail('euw1-extra', { multiRegion: false })
      .gap({
        account: INSIDE,
        region: 'eu-west-1',
        service: 'cloudtrail',
        operation: 'get-event-selectors',
        param: trailArn('euw1-extra'),
      }),
    boundary: dataBuckets,
    expect: [],
  },
  {
    name: 'bucket region unknown: a multi-region data-event trail still proves coverage',
    estate: estate()
      .bucket(TIERED, { noLocation: true })
      .trail('platform-audit', { dataEvents: [TIERED] })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3',
        operation: 'get-bucket-location',
        param: TIERED,
      }),
    boundary: dataBuckets,
    expect: [],
  },
  {
    name: 'bucket region unknown and only a single-region trail logs it: unknown',
    estate: estate()
      .bucket(TIERED, { noLocation: true })
      .trail('euw1-audit', { multiRegion: false, dataEvents: [TIERED] })
      .gap({
        account: INSIDE,
        region: 'us-east-1',
        service: 's3',
        operation: 'get-bucket-location',
        param: TIERED,
      }),
    boundary: dataBuckets,
    expect: [{ resource: ARN, status: 'unknown', message: 'its region is not in the snapshot' }],
  },
  {
    name: 'bucket region unknown and no trail logs data events at all: open',
    estate: estate().bucket(TIERED, { noLocation: true }).trail('platform-audit'),
    boundary: dataBuckets,
    expect: [{ resource: ARN, message: `(${INSIDE}, region unknown)` }],
  },
  {
    name: 'an advanced selector that logs only reads is open: writes leave no trail',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', { advanced: [s3Data(true)] }),
    boundary: dataBuckets,
    expect: [{ resource: ARN, message: `Trails log only reads of data bucket ${TIERED}` }],
  },
  {
    name: 'an advanced selector that logs only writes is open: reads leave no trail',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', { advanced: [s3Data(false)] }),
    boundary: dataBuckets,
    expect: [{ resource: ARN, message: `Trails log only writes of data bucket ${TIERED}` }],
  },
  {
    name: 'reads logged by one trail and writes by another pass',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-reads', { advanced: [s3Data(true)] })
      .trail('platform-writes', { advanced: [s3Data(false)] }),
    boundary: dataBuckets,
    expect: [],
  },
  {
    name: 'a basic selector on one prefix of the bucket is open: the rest is not logged',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', { dataEvents: [`${TIERED}/topics`] }),
    boundary: dataBuckets,
    expect: [{ resource: ARN }],
  },
  {
    name: 'an advanced selector narrowed to DeleteObject is open',
    estate: estate()
      .bucket(TIERED)
      .trail('platform-audit', {
        advanced: [
          {
            Name: 'Deletes only',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
              { Field: 'eventName', Equals: ['DeleteObject'] },
            ],
          },
        ],
      }),
    boundary: dataBuckets,
    expect: [{ resource: ARN }],
  },
] satisfies RuleCase[];
