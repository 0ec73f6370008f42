import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildInventory } from '../src/inventory/build.js';
import type { Inventory } from '../src/inventory/model.js';
import * as R from '../src/inventory/raw.js';
import { entryForStem } from '../src/snapshot/contract.js';
import { ManifestSchema } from '../src/snapshot/manifest.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import {
  awsKafkaKeyArn,
  azIdFor,
  DEFAULT_ACCOUNT,
  type Estate,
  estate,
  keyArn,
  mskClusterArn,
  regionCode,
  roleArn,
  trailArn,
} from './support/estate.js';

/** The zod schema of each file the builder may write, by file stem. */
const SCHEMAS: Record<string, z.ZodType> = {
  'ec2-describe-availability-zones': R.AvailabilityZones,
  'ec2-describe-vpcs': R.Vpcs,
  'ec2-describe-subnets': R.Subnets,
  'ec2-describe-route-tables': R.RouteTables,
  'ec2-describe-internet-gateways': R.InternetGateways,
  'ec2-describe-egress-only-internet-gateways': R.EgressOnlyInternetGateways,
  'ec2-describe-nat-gateways': R.NatGateways,
  'ec2-describe-vpc-endpoints': R.VpcEndpoints,
  'ec2-describe-vpc-peering-connections': R.VpcPeeringConnections,
  'ec2-describe-transit-gateways': R.TransitGateways,
  'ec2-describe-transit-gateway-attachments': R.TransitGatewayAttachments,
  'ec2-describe-transit-gateway-peering-attachments': R.TransitGatewayPeeringAttachments,
  'ec2-describe-transit-gateway-route-tables': R.TransitGatewayRouteTables,
  'ec2-describe-network-interfaces': R.NetworkInterfaces,
  'ec2-describe-instances': R.Instances,
  'ec2-describe-security-groups': R.SecurityGroups,
  'ec2-describe-network-acls': R.NetworkAcls,
  'ec2-describe-prefix-lists': R.PrefixLists,
  'ec2-describe-managed-prefix-lists': R.ManagedPrefixLists,
  'kms-list-keys': R.KmsListKeys,
  'kms-list-aliases': R.KmsListAliases,
  'kms-describe-key': R.KmsDescribeKey,
  'kms-get-key-policy': R.KmsGetKeyPolicy,
  'kms-list-grants': R.KmsListGrants,
  'cloudtrail-describe-trails': R.DescribeTrails,
  'cloudtrail-get-trail-status': R.TrailStatus,
  'cloudtrail-get-event-selectors': R.EventSelectors,
  'kafka-list-clusters-v2': R.KafkaListClustersV2,
  'kafka-list-clusters': R.KafkaListClusters,
  'kafka-list-replicators': R.KafkaListReplicators,
  'kafka-get-cluster-policy': R.KafkaClusterPolicy,
  'sts-get-caller-identity': R.CallerIdentity,
  's3-list-buckets': R.ListBuckets,
  's3-get-bucket-location': R.BucketLocation,
  's3-get-bucket-policy': R.BucketPolicy,
  's3-get-bucket-policy-status': R.BucketPolicyStatus,
  's3-get-public-access-block': R.PublicAccessBlock,
  's3-get-bucket-encryption': R.BucketEncryption,
  's3-get-bucket-replication': R.BucketReplication,
  's3-get-bucket-ownership-controls': R.BucketOwnershipControls,
  's3control-get-public-access-block': R.PublicAccessBlock,
  'iam-list-roles': R.ListRoles,
  'iam-get-account-authorization-details': R.AccountAuthorizationDetails,
  'organizations-describe-organization': R.DescribeOrganization,
  'organizations-list-accounts': R.ListAccounts,
};

const A = DEFAULT_ACCOUNT;
const B = '222222222222';
const C = '333333333333';
const G = 'us-east-1';

interface Case {
  name: string;
  build: () => Estate;
  check: (inv: Inventory, files: Record<string, unknown>) => void;
}

const policy = (principal: string) => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: '*' },
  ],
});

const CASES: Case[] = [
  {
    name: 'role permissions: inline, attached (default version), boundary, and a policy the file lacks',
    build: () =>
      estate().role('support', {
        trust: { Version: '2012-10-17', Statement: [] },
        permissions: {
          inline: { read: { Version: '2012-10-17', Statement: [] } },
          attached: [
            { arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', document: { Statement: [] } },
            { arn: `arn:aws:iam::${A}:policy/not-listed`, document: null },
          ],
          boundary: { arn: `arn:aws:iam::${A}:policy/fence`, document: { Statement: [] } },
        },
      }),
    check(inv, files) {
      const file = `${A}/${G}/iam-get-account-authorization-details.json`;
      expect(files[file]).toBeDefined();
      const role = inv.roles.find((r) => r.name === 'support')!;
      expect(role.src.file).toBe(`${A}/${G}/iam-list-roles.json`);
      expect(role.permissions).toMatchObject({
        inline: [
          {
            name: 'read',
            src: { file, pointer: '/RoleDetailList/0/RolePolicyList/0/PolicyDocument' },
          },
        ],
        attached: [
          'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
          `arn:aws:iam::${A}:policy/not-listed`,
        ],
        boundary: `arn:aws:iam::${A}:policy/fence`,
      });
      expect(
        inv.managedPolicies.get('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')?.doc?.src,
      ).toEqual({
        file,
        pointer: '/Policies/0/PolicyVersionList/0/Document',
      });
      expect(inv.managedPolicies.has(`arn:aws:iam::${A}:policy/not-listed`)).toBe(false);
    },
  },
  {
    name: 'bucket region from get-bucket-location (us-east-1 → null), list-buckets, or unknown',
    build: () =>
      estate()
        .bucket('data-euw1')
        .bucket('logs-use1', { region: 'us-east-1' })
        .bucket('listed-only', { region: 'eu-central-1', noLocation: true, listRegion: true })
        .bucket('nowhere', { noLocation: true }),
    check(inv, files) {
      expect(files[`${A}/${G}/s3-get-bucket-location/logs-use1.json`]).toEqual({
        LocationConstraint: null,
      });
      const region = Object.fromEntries(inv.buckets.map((b) => [b.name, b.region]));
      expect(region).toEqual({
        'data-euw1': 'eu-west-1',
        'logs-use1': 'us-east-1',
        'listed-only': 'eu-central-1',
        nowhere: undefined,
      });
      expect(inv.diagnostics.map((d) => d.code)).toEqual(['bucket-region-unknown']);
      const data = inv.buckets.find((b) => b.name === 'data-euw1')!;
      expect(data.account).toBe(A);
      expect(data.encryption).toMatchObject({
        algorithm: 'AES256',
        kmsKeyId: undefined,
        bucketKey: false,
      });
      expect(data.publicAccessBlock?.config).toEqual({
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      });
      expect(data.ownership?.objectOwnership).toBe('BucketOwnerEnforced');
      expect(data.policy).toBeUndefined();
      expect(data.replication).toBeUndefined();
    },
  },
  {
    name: 'bucket encryption, policy, public access block and replication',
    build: () =>
      estate()
        .bucket('wal', {
          sse: 'aws:kms',
          kmsKeyId: keyArn('k1'),
          bucketKeyEnabled: true,
          policy: policy(`arn:aws:iam::${B}:root`),
          publicAccessBlock: { BlockPublicPolicy: false },
          replication: {
            rules: [
              {
                destBucket: 'wal-replica',
                destAccount: B,
                ownerOverride: true,
                replicaKmsKeyId: keyArn('k2', B),
              },
              { id: 'off', status: 'Disabled', destBucket: 'other' },
            ],
          },
        })
        .bucket('plain', {
          sse: null,
          publicAccessBlock: null,
          objectOwnership: null,
          isPublic: true,
        })
        .bucket('kms-only', { kmsKeyId: 'alias/aws/s3' }),
    check(inv) {
      const [kmsOnly, plain, wal] = inv.buckets;
      expect(wal!.encryption).toMatchObject({
        algorithm: 'aws:kms',
        kmsKeyId: keyArn('k1'),
        bucketKey: true,
      });
      expect(wal!.policy?.doc).toEqual(policy(`arn:aws:iam::${B}:root`));
      expect(wal!.policyStatus?.isPublic).toBe(false);
      expect(wal!.publicAccessBlock?.config.BlockPublicPolicy).toBe(false);
      expect(wal!.publicAccessBlock?.config.RestrictPublicBuckets).toBe(true);
      expect(wal!.replication?.role).toBe(`arn:aws:iam::${A}:role/service-role/s3crr_role_for_wal`);
      expect(wal!.replication?.rules.map((r) => r.raw)).toMatchObject([
        {
          ID: 'replicate-wal-replica',
          Status: 'Enabled',
          Priority: 1,
          Destination: {
            Bucket: 'arn:aws:s3:::wal-replica',
            Account: B,
            AccessControlTranslation: { Owner: 'Destination' },
            EncryptionConfiguration: { ReplicaKmsKeyID: keyArn('k2', B) },
          },
        },
        { ID: 'off', Status: 'Disabled', Destination: { Bucket: 'arn:aws:s3:::other' } },
      ]);
      expect(plain!.encryption).toBeUndefined();
      expect(plain!.publicAccessBlock).toBeUndefined();
      expect(plain!.ownership).toBeUndefined();
      expect(plain!.policyStatus?.isPublic).toBe(true);
      expect(kmsOnly!.encryption).toMatchObject({ algorithm: 'aws:kms', kmsKeyId: 'alias/aws/s3' });
    },
  },
  {
    name: 'KMS keys: manager, aliases, policy, grants, state',
    build: () =>
      estate()
        .key('1234abcd-12ab-34cd-56ef-1234567890ab', {
          aliases: ['orders-data', 'alias/orders-legacy'],
          grants: [{ GranteePrincipal: `arn:aws:iam::${B}:role/reader`, Operations: ['Decrypt'] }],
        })
        .key('aws-s3-key', { manager: 'AWS', aliases: ['alias/aws/s3'] })
        .key('old', { account: B, region: 'eu-central-1', state: 'PendingDeletion' }),
    check(inv) {
      const byId = Object.fromEntries(inv.kmsKeys.map((k) => [k.id, k]));
      const cmk = byId['1234abcd-12ab-34cd-56ef-1234567890ab']!;
      expect(cmk).toMatchObject({
        account: A,
        region: 'eu-west-1',
        arn: keyArn('1234abcd-12ab-34cd-56ef-1234567890ab'),
        manager: 'CUSTOMER',
        state: 'Enabled',
        described: true,
        aliases: ['alias/orders-data', 'alias/orders-legacy'],
      });
      expect(cmk.policy?.doc).toMatchObject({
        Statement: [{ Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*' }],
      });
      expect(cmk.grants?.map((g) => g.raw)).toMatchObject([
        {
          KeyId: keyArn('1234abcd-12ab-34cd-56ef-1234567890ab'),
          GranteePrincipal: `arn:aws:iam::${B}:role/reader`,
          IssuingAccount: `arn:aws:iam::${A}:root`,
          Operations: ['Decrypt'],
        },
      ]);
      const aws = byId['aws-s3-key']!;
      expect(aws.manager).toBe('AWS');
      expect(aws.policy?.doc).toMatchObject({
        Statement: [
          {
            Principal: { AWS: '*' },
            Condition: {
              StringEquals: {
                'kms:CallerAccount': A,
                'kms:ViaService': 's3.eu-west-1.amazonaws.com',
              },
            },
          },
          {},
        ],
      });
      expect(aws.grants).toEqual([]);
      expect(byId.old).toMatchObject({
        account: B,
        region: 'eu-central-1',
        state: 'PendingDeletion',
      });
    },
  },
  {
    name: 'CloudTrail: data event selectors, advanced selectors, status, shadow listings',
    build: () =>
      estate()
        .trail('data', {
          dataEvents: ['wal', 'logs'],
          alsoSeenIn: [{ account: A, region: 'us-east-1' }],
        })
        .trail('everything', { dataEvents: 'all-s3', multiRegion: false, logging: false })
        .trail('mgmt', {
          account: B,
          homeRegion: 'us-east-1',
          organization: true,
          bucket: 'org-trail-logs',
        })
        .trail('adv', {
          advanced: [
            {
              Name: 'S3 data events',
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Data'] },
                { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
              ],
            },
          ],
        })
        .trail('blind', { logging: null, selectors: null }),
    check(inv, files) {
      const t = Object.fromEntries(inv.trails.map((x) => [x.name, x]));
      expect(t.data!.arn).toBe(trailArn('data'));
      expect(t.data!.isMultiRegion).toBe(true);
      expect(t.data!.seenIn).toEqual([
        { account: A, region: 'eu-west-1' },
        { account: A, region: 'us-east-1' },
      ]);
      expect(t.data!.status?.isLogging).toBe(true);
      expect(t.data!.selectors?.raw.EventSelectors).toEqual([
        {
          ReadWriteType: 'All',
          IncludeManagementEvents: true,
          DataResources: [
            { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::wal/', 'arn:aws:s3:::logs/'] },
          ],
          ExcludeManagementEventSources: [],
        },
      ]);
      expect(t.everything!.isMultiRegion).toBe(false);
      expect(t.everything!.status?.isLogging).toBe(false);
      expect(t.everything!.selectors?.raw.EventSelectors?.[0]?.DataResources).toEqual([
        { Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] },
      ]);
      expect(t.mgmt).toMatchObject({
        ownerAccount: B,
        homeRegion: 'us-east-1',
        isOrganizationTrail: true,
        bucketName: 'org-trail-logs',
      });
      expect(t.mgmt!.selectors?.raw.EventSelectors?.[0]?.DataResources).toEqual([]);
      expect(t.adv!.selectors?.raw.EventSelectors).toBeUndefined();
      expect(t.adv!.selectors?.raw.AdvancedEventSelectors?.[0]?.FieldSelectors).toHaveLength(2);
      expect(t.blind!.status).toBeUndefined();
      expect(t.blind!.selectors).toBeUndefined();
      // The shadow listing holds the trail only, not its status or selectors.
      expect(Object.keys(files).filter((p) => p.startsWith(`${A}/us-east-1/cloudtrail-`))).toEqual([
        `${A}/us-east-1/cloudtrail-describe-trails.json`,
      ]);
      const home = R.DescribeTrails.parse(files[`${A}/eu-west-1/cloudtrail-describe-trails.json`]);
      expect(home.trailList.map((x) => [x.Name, x.HasCustomEventSelectors])).toEqual([
        ['data', true],
        ['everything', true],
        ['adv', true],
        ['blind', false],
      ]);
    },
  },
  {
    name: 'IAM roles: merged list, decoded trust, paths',
    build: () =>
      estate()
        .role('broker', {
          trust: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${B}:root` },
                Action: 'sts:AssumeRole',
              },
            ],
          },
        })
        .role('service-role/replicator', {
          trust: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 's3.amazonaws.com' },
                Action: 'sts:AssumeRole',
              },
            ],
          },
        })
        .role('vendor-access', { account: C, trust: { Version: '2012-10-17', Statement: [] } }),
    check(inv, files) {
      const roles = R.ListRoles.parse(files[`${A}/${G}/iam-list-roles.json`]);
      expect(roles.Roles.map((r) => [r.RoleName, r.Path])).toEqual([
        ['broker', '/'],
        ['replicator', '/service-role/'],
      ]);
      expect(inv.roles.map((r) => r.arn)).toEqual([
        roleArn('broker'),
        roleArn('service-role/replicator'),
        roleArn('vendor-access', C),
      ]);
      expect(inv.roles[0]!.trust?.doc).toMatchObject({
        Statement: [{ Principal: { AWS: `arn:aws:iam::${B}:root` } }],
      });
      expect(inv.roles[2]!.account).toBe(C);
    },
  },
  {
    name: 'Organizations: management lists every account; member folders see the org',
    build: () =>
      estate()
        .account(A, 'streaming-prod')
        .account(C, 'management')
        .organization('o-a1b2c3d4e5', {
          management: C,
          members: [{ id: A }, { id: B, name: 'log-archive' }],
        }),
    check(inv, files) {
      expect(inv.organizations).toEqual([
        expect.objectContaining({ id: 'o-a1b2c3d4e5', masterAccountId: C, account: A }),
        expect.objectContaining({ id: 'o-a1b2c3d4e5', masterAccountId: C, account: C }),
      ]);
      expect(inv.orgAccounts.map((a) => [a.id, a.name, a.orgId, a.status])).toEqual([
        [C, 'management', 'o-a1b2c3d4e5', 'ACTIVE'],
        [A, 'streaming-prod', 'o-a1b2c3d4e5', 'ACTIVE'],
        [B, 'log-archive', 'o-a1b2c3d4e5', 'ACTIVE'],
      ]);
      // B holds no files: no folder, so no describe-organization there.
      expect(files[`${B}/${G}/organizations-describe-organization.json`]).toBeUndefined();
      expect(inv.snapshot.accounts).toEqual([
        { id: A, name: 'streaming-prod' },
        { id: C, name: 'management' },
      ]);
    },
  },
  {
    name: 'AZ ids: explicit, mapped through describe-availability-zones, derived, or unresolved',
    build: () =>
      estate()
        .vpc('vpc-1', { cidr: '10.42.0.0/16' })
        .availabilityZones(A, 'eu-west-1', { 'eu-west-1a': 'euw1-az2', 'eu-west-1b': 'euw1-az3' })
        .subnet('subnet-old', { vpc: 'vpc-1', az: 'eu-west-1a', azId: null })
        .subnet('subnet-explicit', { vpc: 'vpc-1', az: 'eu-west-1b', azId: 'euw1-az9' })
        .subnet('subnet-mapped', { vpc: 'vpc-1', az: 'eu-west-1b' })
        .subnet('subnet-derived', {
          vpc: 'vpc-2',
          az: 'eu-central-1c',
          account: B,
          region: 'eu-central-1',
        })
        .subnet('subnet-lost', {
          vpc: 'vpc-2',
          az: 'eu-central-1a',
          account: B,
          region: 'eu-central-1',
          azId: null,
        }),
    check(inv, files) {
      const old = R.Subnets.parse(files[`${A}/eu-west-1/ec2-describe-subnets.json`]).Subnets[0]!;
      expect('AvailabilityZoneId' in old).toBe(false);
      expect(old.CidrBlock).toMatch(/^10\.42\.\d+\.0\/24$/);
      const az = Object.fromEntries(inv.subnets.map((s) => [s.id, s.azId]));
      expect(az).toEqual({
        'subnet-old': 'euw1-az2',
        'subnet-explicit': 'euw1-az9',
        'subnet-mapped': 'euw1-az3',
        'subnet-derived': 'euc1-az3',
        'subnet-lost': undefined,
      });
      expect(inv.diagnostics.map((d) => d.code)).toEqual(['az-id-unresolved']);
      expect(inv.vpcs.map((v) => [v.id, v.raw.CidrBlock])).toEqual([['vpc-1', '10.42.0.0/16']]);
    },
  },
  {
    name: 'VPC peering and transit gateway attachments across accounts',
    build: () =>
      estate()
        .vpc('vpc-a', { cidr: '10.1.0.0/16' })
        .peering('pcx-1', {
          requester: { account: A, vpc: 'vpc-a' },
          accepter: { account: B, vpc: 'vpc-b', region: 'us-east-1', cidr: '10.2.0.0/16' },
        })
        .peering('pcx-2', {
          requester: { account: A, vpc: 'vpc-a' },
          accepter: { account: C, vpc: 'vpc-c', cidr: '10.3.0.0/16' },
          status: 'pending-acceptance',
        })
        .tgwAttachment('tgw-attach-1', {
          tgw: 'tgw-1',
          tgwOwner: C,
          resourceOwner: A,
          resourceId: 'vpc-a',
        }),
    check(inv) {
      const [p1, p2] = inv.vpcPeerings;
      expect(p1!.raw).toMatchObject({
        VpcPeeringConnectionId: 'pcx-1',
        RequesterVpcInfo: {
          OwnerId: A,
          VpcId: 'vpc-a',
          Region: 'eu-west-1',
          CidrBlock: '10.1.0.0/16',
        },
        AccepterVpcInfo: {
          OwnerId: B,
          VpcId: 'vpc-b',
          Region: 'us-east-1',
          CidrBlock: '10.2.0.0/16',
        },
        Status: { Code: 'active', Message: 'Active' },
      });
      expect(p2!.raw.Status).toEqual({
        Code: 'pending-acceptance',
        Message: `Pending Acceptance by ${C}`,
      });
      expect(p2!.raw.AccepterVpcInfo?.CidrBlock).toBeUndefined();
      expect(inv.tgwAttachments.map((t) => [t.account, t.raw])).toMatchObject([
        [
          A,
          {
            TransitGatewayAttachmentId: 'tgw-attach-1',
            TransitGatewayId: 'tgw-1',
            TransitGatewayOwnerId: C,
            ResourceOwnerId: A,
            ResourceType: 'vpc',
            ResourceId: 'vpc-a',
            State: 'available',
          },
        ],
      ]);
    },
  },
  {
    name: 'MSK: provisioned cluster in list-clusters-v2 with its policy',
    build: () =>
      estate()
        .mskCluster('orders', {
          subnets: ['subnet-1', 'subnet-2', 'subnet-3'],
          kmsKeyArn: keyArn('k1'),
          policy: policy(`arn:aws:iam::${B}:root`),
        })
        .mskCluster('defaults', { account: B }),
    check(inv) {
      const [orders, defaults] = inv.mskClusters;
      expect(orders).toMatchObject({
        arn: mskClusterArn('orders'),
        name: 'orders',
        type: 'PROVISIONED',
        state: 'ACTIVE',
        account: A,
        region: 'eu-west-1',
        subnets: ['subnet-1', 'subnet-2', 'subnet-3'],
        kmsKeyArn: keyArn('k1'),
      });
      expect(orders!.policy?.doc).toEqual(policy(`arn:aws:iam::${B}:root`));
      expect(defaults).toMatchObject({
        account: B,
        kmsKeyArn: awsKafkaKeyArn(B),
        policy: undefined,
      });
      expect(defaults!.subnets).toHaveLength(3);
    },
  },
  {
    name: 'gaps: recorded in the manifest, and the failed call leaves no file',
    build: () =>
      estate({ createdAt: '2027-01-02T03:04:05Z' })
        .bucket('b1')
        .gap({
          account: A,
          region: G,
          service: 's3',
          operation: 'get-bucket-location',
          param: 'b1',
        })
        .gap({
          account: B,
          region: 'eu-west-1',
          service: 'kms',
          operation: 'list-keys',
          code: 'UnauthorizedOperation',
          message: 'no',
        }),
    check(inv, files) {
      expect(files[`${A}/${G}/s3-get-bucket-location/b1.json`]).toBeUndefined();
      // list-buckets still says where the bucket is.
      expect(inv.buckets[0]!.region).toBe('eu-west-1');
      expect(inv.buckets[0]!.regionSrc?.file).toBe(`${A}/${G}/s3-list-buckets.json`);
      expect(inv.gaps).toEqual([
        {
          account: A,
          region: G,
          service: 's3',
          operation: 'get-bucket-location',
          param: 'b1',
          code: 'AccessDenied',
          message: expect.stringContaining('s3:GetBucketLocation'),
        },
        {
          account: B,
          region: 'eu-west-1',
          service: 'kms',
          operation: 'list-keys',
          code: 'UnauthorizedOperation',
          message: 'no',
        },
      ]);
      expect(inv.snapshot.createdAt).toBe('2027-01-02T03:04:05Z');
      expect(inv.snapshot.accounts.map((a) => a.id)).toEqual([A, B]);
      expect(ManifestSchema.parse(files['manifest.json']).regions).toEqual(['eu-west-1']);
    },
  },
  {
    name: 'escape hatches: raw files and empty listings',
    build: () =>
      estate()
        .account(A, 'prod')
        .empty('ec2', 'describe-vpcs')
        .empty('s3', 'list-buckets', { account: B })
        .accountPublicAccessBlock(A, { RestrictPublicBuckets: false })
        .file(`${A}/eu-west-1/ec2-describe-route-tables.json`, {
          RouteTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1', Routes: [], Associations: [] }],
        }),
    check(inv, files) {
      expect(files[`${A}/eu-west-1/ec2-describe-vpcs.json`]).toEqual({ Vpcs: [] });
      expect(files[`${B}/${G}/s3-list-buckets.json`]).toEqual({ Buckets: [] });
      expect(inv.routeTables.map((r) => r.id)).toEqual(['rtb-1']);
      expect(inv.accountPublicAccessBlock.get(A)?.config.RestrictPublicBuckets).toBe(false);
      expect(inv.identities.map((i) => i.account)).toEqual([A, B]);
      expect(inv.snapshot.accounts).toEqual([
        { id: A, name: 'prod' },
        { id: B, name: undefined },
      ]);
    },
  },
];

function stemOf(path: string): string {
  return path.split('/')[2]!.replace(/\.json$/, '');
}

describe('estate builder', () => {
  it.each(CASES)('$name', ({ build, check }) => {
    const e = build();
    const files = e.files();

    expect(ManifestSchema.safeParse(files['manifest.json']).success).toBe(true);
    for (const [path, value] of Object.entries(files)) {
      if (path === 'manifest.json') continue;
      const stem = stemOf(path);
      expect(entryForStem(stem), path).toBeDefined();
      const schema = SCHEMAS[stem];
      expect(schema, `no schema for ${stem}`).toBeDefined();
      const parsed = schema!.safeParse(value);
      expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
      // Per-resource files sit in a folder named by the call, as the contract says.
      expect(path.endsWith('.json')).toBe(true);
    }

    const snap = readSnapshot(e.source('case'));
    expect(snap.label).toBe('case');
    expect(snap.manifestPresent).toBe(true);
    check(buildInventory(snap), files);
  });

  it('is deterministic: the same calls give the same files', () => {
    const make = () =>
      estate()
        .bucket('b', { sse: 'aws:kms' })
        .key('k')
        .trail('t', { dataEvents: ['b'] })
        .mskCluster('m')
        .vpc('vpc-1')
        .subnet('subnet-1', { vpc: 'vpc-1', az: 'eu-west-1a' });
    expect(JSON.stringify(make().files())).toBe(JSON.stringify(make().files()));
    const e = make();
    expect(e.files()).toEqual(e.files());
  });

  it('list files accumulate; declaring a resource again replaces its entry', () => {
    const files = estate()
      .key('k1')
      .key('k2', { aliases: ['two'] })
      .key('k1', { aliases: ['one'] })
      .vpc('vpc-1', { cidr: '10.0.0.0/16' })
      .vpc('vpc-1', { cidr: '10.9.0.0/16' })
      .bucket('b', { policy: policy('*') })
      .bucket('b')
      .files();
    expect(
      R.KmsListKeys.parse(files[`${A}/eu-west-1/kms-list-keys.json`]).Keys.map((k) => k.KeyId),
    ).toEqual(['k1', 'k2']);
    expect(
      R.KmsListAliases.parse(files[`${A}/eu-west-1/kms-list-aliases.json`]).Aliases.map(
        (a) => a.AliasName,
      ),
    ).toEqual(['alias/two', 'alias/one']);
    expect(
      R.Vpcs.parse(files[`${A}/eu-west-1/ec2-describe-vpcs.json`]).Vpcs.map((v) => v.CidrBlock),
    ).toEqual(['10.9.0.0/16']);
    expect(files[`${A}/${G}/s3-get-bucket-policy/b.json`]).toBeUndefined();
  });

  it('names per-resource files with the URL-encoded parameter', () => {
    const files = estate()
      .trail('t')
      .mskCluster('m', { policy: policy('*') })
      .files();
    expect(
      files[`${A}/eu-west-1/cloudtrail-get-trail-status/${encodeURIComponent(trailArn('t'))}.json`],
    ).toBeDefined();
    expect(
      files[
        `${A}/eu-west-1/kafka-get-cluster-policy/${encodeURIComponent(mskClusterArn('m'))}.json`
      ],
    ).toBeDefined();
  });

  it('derives AZ ids from AZ names', () => {
    expect(regionCode('eu-west-1')).toBe('euw1');
    expect(regionCode('ap-southeast-2')).toBe('apse2');
    expect(regionCode('us-east-1')).toBe('use1');
    expect(azIdFor('eu-central-1', 'eu-central-1b')).toBe('euc1-az2');
  });
});
