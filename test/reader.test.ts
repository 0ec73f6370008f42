import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { buildInventory } from '../src/inventory/build.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import { memorySource } from '../src/snapshot/source.js';

const A = '111111111111';
const vpcs = {
  Vpcs: [
    { VpcId: 'vpc-0a1b2c3d4e5f60718', OwnerId: A, CidrBlock: '10.0.0.0/16', State: 'available' },
  ],
};
const identity = { UserId: 'AIDAEXAMPLE', Account: A, Arn: `arn:aws:iam::${A}:user/auditor` };
const trailArn = `arn:aws:cloudtrail:eu-west-1:${A}:trail/org`;

describe('snapshot reader', () => {
  it.each([
    {
      name: 'ownmap layout with a manifest',
      files: {
        'manifest.json': {
          format: 'ownmap-snapshot/1',
          createdAt: '2026-11-20T00:00:00Z',
          accounts: [{ id: A, name: 'prod' }],
          regions: ['eu-west-1'],
          gaps: [],
        },
        [`${A}/eu-west-1/ec2-describe-vpcs.json`]: vpcs,
        [`${A}/eu-west-1/cloudtrail-get-trail-status/${encodeURIComponent(trailArn)}.json`]: {
          IsLogging: true,
        },
      },
      layout: 'ownmap',
      manifest: true,
    },
    {
      name: 'ownmap layout without a manifest (hand-made with the AWS CLI)',
      files: {
        [`${A}/eu-west-1/ec2-describe-vpcs.json`]: vpcs,
        [`${A}/eu-west-1/cloudtrail-get-trail-status/${encodeURIComponent(trailArn)}.json`]: {
          IsLogging: true,
        },
      },
      layout: 'ownmap',
      manifest: false,
    },
    {
      name: 'CloudMapper collect layout: named account folders, parameter files without .json',
      files: {
        'account-data/prod/us-east-1/sts-get-caller-identity.json': identity,
        'account-data/prod/eu-west-1/ec2-describe-vpcs.json': vpcs,
        [`account-data/prod/eu-west-1/cloudtrail-get-trail-status/${encodeURIComponent(trailArn)}`]:
          { IsLogging: true },
      },
      layout: 'cloudmapper',
      manifest: false,
    },
  ])('$name', ({ files, layout, manifest }) => {
    const snap = readSnapshot(memorySource(files));
    expect(snap.layout).toBe(layout);
    expect(snap.manifestPresent).toBe(manifest);
    expect(snap.accounts).toEqual([A]);
    expect(snap.regionsOf(A)).toContain('eu-west-1');
    expect(snap.get(A, 'eu-west-1', 'ec2', 'describe-vpcs')?.data).toEqual(vpcs);
    expect(snap.params(A, 'eu-west-1', 'cloudtrail', 'get-trail-status')).toEqual([trailArn]);
    expect(snap.get(A, 'eu-west-1', 'cloudtrail', 'get-trail-status', trailArn)?.data).toEqual({
      IsLogging: true,
    });
    expect(snap.get(A, 'eu-west-1', 'ec2', 'describe-subnets')).toBeUndefined();
    expect(snap.manifest.accounts.map((a) => a.id)).toEqual([A]);
  });

  it('reads gaps from the manifest', () => {
    const gap = {
      account: A,
      region: 'eu-west-1',
      service: 's3',
      operation: 'get-bucket-policy',
      param: 'b1',
      code: 'AccessDenied',
      message: 'denied',
    };
    const snap = readSnapshot(
      memorySource({
        'manifest.json': { format: 'ownmap-snapshot/1', gaps: [gap] },
        [`${A}/eu-west-1/ec2-describe-vpcs.json`]: vpcs,
      }),
    );
    expect(snap.gaps).toEqual([gap]);
  });

  it('ignores files outside the contract and folders that are not accounts', () => {
    const snap = readSnapshot(
      memorySource({
        [`${A}/eu-west-1/ec2-describe-vpcs.json`]: vpcs,
        [`${A}/eu-west-1/notes.json`]: {},
        'scratch/readme.txt': 'x',
      }),
    );
    expect(snap.accounts).toEqual([A]);
    expect(snap.fileCount).toBe(1);
  });

  it.each([
    {
      name: 'invalid JSON',
      file: `${A}/eu-west-1/ec2-describe-vpcs.json`,
      text: '{"Vpcs": [',
      want: /ec2-describe-vpcs\.json: expected JSON/,
    },
    {
      name: 'an empty file',
      file: `${A}/eu-west-1/ec2-describe-vpcs.json`,
      text: '  ',
      want: /ec2-describe-vpcs\.json: expected JSON, the file is empty/,
    },
    {
      name: 'a wrong shape',
      file: `${A}/eu-west-1/ec2-describe-vpcs.json`,
      text: '{"Vpcs": [{"VpcId": 7}]}',
      want: /ec2-describe-vpcs\.json at \/Vpcs\/0\/VpcId: expected string/,
    },
    {
      name: 'a missing list',
      file: `${A}/eu-west-1/ec2-describe-subnets.json`,
      text: '{"Subnet": []}',
      want: /ec2-describe-subnets\.json at \/Subnets: expected array/,
    },
    {
      name: 'a policy that is not JSON',
      file: `${A}/us-east-1/s3-get-bucket-policy/b1.json`,
      text: '{"Policy": "{not json"}',
      want: /s3-get-bucket-policy\/b1\.json at \/Policy: expected a policy document/,
    },
    {
      name: 'a bad manifest',
      file: 'manifest.json',
      text: '{"format": "other/2"}',
      want: /manifest\.json at \/format: expected one of "ownmap-snapshot\/1"/,
    },
    {
      name: 'an identity of another account',
      file: `${A}/us-east-1/sts-get-caller-identity.json`,
      text: JSON.stringify({ ...identity, Account: '222222222222' }),
      want: /sts-get-caller-identity\.json at \/Account: expected 111111111111/,
    },
  ])('names the file, pointer and expectation for $name', ({ file, text, want }) => {
    const source = memorySource({
      [`${A}/us-east-1/s3-list-buckets.json`]: { Buckets: [{ Name: 'b1' }] },
      [file]: text,
    });
    const run = () => buildInventory(readSnapshot(source));
    expect(run).toThrow(InputError);
    expect(run).toThrow(want);
  });

  it('rejects a CloudMapper account folder it cannot identify', () => {
    expect(() =>
      readSnapshot(memorySource({ 'account-data/prod/eu-west-1/ec2-describe-vpcs.json': vpcs })),
    ).toThrow(/account folder account-data\/prod\/: expected a 12-digit account id/);
  });
});

describe('inventory', () => {
  const loc = (v: unknown) => ({ LocationConstraint: v });
  it.each([
    { constraint: null, region: 'us-east-1' },
    { constraint: '', region: 'us-east-1' },
    { constraint: 'EU', region: 'eu-west-1' },
    { constraint: 'eu-central-1', region: 'eu-central-1' },
  ])('bucket location $constraint → $region', ({ constraint, region }) => {
    const inv = buildInventory(
      readSnapshot(
        memorySource({
          [`${A}/us-east-1/s3-list-buckets.json`]: {
            Buckets: [{ Name: 'b1', CreationDate: '2025-01-01T00:00:00+00:00' }],
          },
          [`${A}/us-east-1/s3-get-bucket-location/b1.json`]: loc(constraint),
        }),
      ),
    );
    expect(inv.buckets[0]?.region).toBe(region);
    expect(inv.buckets[0]?.regionSrc?.pointer).toBe('/LocationConstraint');
  });

  it('falls back to head-bucket, then says the region is unknown', () => {
    const inv = buildInventory(
      readSnapshot(
        memorySource({
          [`${A}/us-east-1/s3-list-buckets.json`]: { Buckets: [{ Name: 'b1' }, { Name: 'b2' }] },
          [`${A}/us-east-1/s3-head-bucket/b1.json`]: {
            BucketRegion: 'ap-south-1',
            AccessPointAlias: false,
          },
        }),
      ),
    );
    expect(inv.buckets.map((b) => b.region)).toEqual(['ap-south-1', undefined]);
    expect(inv.diagnostics.map((d) => d.code)).toEqual(['bucket-region-unknown']);
  });

  it.each([
    {
      name: 'from the subnet',
      subnet: { AvailabilityZoneId: 'euw1-az3' },
      azs: undefined,
      want: 'euw1-az3',
      diag: [],
    },
    {
      name: 'through describe-availability-zones for old data',
      subnet: {},
      azs: [{ ZoneName: 'eu-west-1a', ZoneId: 'euw1-az2' }],
      want: 'euw1-az2',
      diag: [],
    },
    {
      name: 'unresolved, and said so',
      subnet: {},
      azs: undefined,
      want: undefined,
      diag: ['az-id-unresolved'],
    },
  ])('AZ id $name', ({ subnet, azs, want, diag }) => {
    const files: Record<string, unknown> = {
      [`${A}/eu-west-1/ec2-describe-subnets.json`]: {
        Subnets: [
          {
            SubnetId: 'subnet-0aa',
            VpcId: 'vpc-0a1',
            AvailabilityZone: 'eu-west-1a',
            CidrBlock: '10.0.0.0/24',
            ...subnet,
          },
        ],
      },
    };
    if (azs)
      files[`${A}/eu-west-1/ec2-describe-availability-zones.json`] = { AvailabilityZones: azs };
    const inv = buildInventory(readSnapshot(memorySource(files)));
    expect(inv.subnets[0]?.azId).toBe(want);
    expect(inv.diagnostics.map((d) => d.code)).toEqual(diag);
  });

  it('keeps one trail per ARN, preferring its home region entry', () => {
    const trail = (home: string) => ({
      trailList: [
        {
          Name: 'org',
          TrailARN: trailArn,
          S3BucketName: 'logs',
          HomeRegion: home,
          IsMultiRegionTrail: true,
          IsOrganizationTrail: true,
        },
      ],
    });
    const inv = buildInventory(
      readSnapshot(
        memorySource({
          [`${A}/eu-central-1/cloudtrail-describe-trails.json`]: trail('eu-west-1'),
          [`${A}/eu-west-1/cloudtrail-describe-trails.json`]: trail('eu-west-1'),
        }),
      ),
    );
    expect(inv.trails).toHaveLength(1);
    expect(inv.trails[0]?.src.file).toBe(`${A}/eu-west-1/cloudtrail-describe-trails.json`);
    expect(inv.trails[0]?.seenIn).toHaveLength(2);
  });
});
