import type { z } from 'zod';
import { inputError } from '../errors.js';
import { GLOBAL_REGION } from '../snapshot/contract.js';
import { cmp, type Snapshot, zodToInputError } from '../snapshot/reader.js';
import type {
  Bucket,
  Diagnostic,
  Inventory,
  Item,
  KmsKey,
  MskCluster,
  PolicyDoc,
  Src,
  Trail,
} from './model.js';
import * as R from './raw.js';

/** Turn a snapshot into a typed, validated inventory. Pure over the snapshot's reads. */
export function buildInventory(snap: Snapshot): Inventory {
  const diagnostics: Diagnostic[] = [];
  const inv: Inventory = {
    snapshot: {
      label: snap.label,
      layout: snap.layout,
      createdAt: snap.manifest.createdAt,
      accounts: mergeAccounts(snap),
      regions: [...new Set([...snap.manifest.regions, ...snap.regions])].sort(),
    },
    gaps: [...snap.gaps],
    diagnostics,
    azIds: new Map(),
    availabilityZones: [],
    vpcs: [],
    subnets: [],
    routeTables: [],
    internetGateways: [],
    egressOnlyInternetGateways: [],
    natGateways: [],
    vpcEndpoints: [],
    vpcPeerings: [],
    transitGateways: [],
    tgwAttachments: [],
    tgwPeeringAttachments: [],
    tgwRouteTables: [],
    networkInterfaces: [],
    instances: [],
    volumes: [],
    securityGroups: [],
    networkAcls: [],
    prefixLists: [],
    managedPrefixLists: [],
    kmsKeys: [],
    trails: [],
    buckets: [],
    accountPublicAccessBlock: new Map(),
    roles: [],
    managedPolicies: new Map(),
    organizations: [],
    orgAccounts: [],
    mskClusters: [],
    replicators: [],
    identities: [],
  };

  function load<S extends z.ZodType>(
    schema: S,
    account: string,
    region: string,
    service: string,
    operation: string,
    param?: string,
  ): { data: z.output<S>; file: string } | undefined {
    const f = snap.get(account, region, service, operation, param);
    if (!f) return undefined;
    const parsed = schema.safeParse(f.data);
    if (!parsed.success) throw zodToInputError(parsed.error, f.file);
    return { data: parsed.data, file: f.file };
  }

  const trailsByArn = new Map<string, Trail>();

  for (const account of snap.accounts) {
    for (const region of snap.regionsOf(account)) {
      const items = <S extends z.ZodType, K extends keyof z.output<S> & string>(
        schema: S,
        op: string,
        key: K,
        id: (t: ElementOf<z.output<S>[K]>) => string,
        tagsOf: (t: ElementOf<z.output<S>[K]>) => { Key: string; Value: string }[] | undefined = (
          t,
        ) => (t as { Tags?: { Key: string; Value: string }[] }).Tags,
      ): Item<ElementOf<z.output<S>[K]>>[] => {
        const f = load(schema, account, region, 'ec2', op);
        if (!f) return [];
        const list = f.data[key] as ElementOf<z.output<S>[K]>[];
        return list.map((raw, i) => ({
          account,
          region,
          id: id(raw),
          raw,
          tags: tagMap(tagsOf(raw)),
          src: { file: f.file, pointer: `/${key}/${i}` },
        }));
      };

      // Availability zones first: everything placed later resolves its AZ id here.
      for (const az of items(
        R.AvailabilityZones,
        'describe-availability-zones',
        'AvailabilityZones',
        (z) => z.ZoneId,
      )) {
        inv.availabilityZones.push(az);
        inv.azIds.set(`${account}|${region}|${az.raw.ZoneName}`, az.raw.ZoneId);
      }
      const azIdOf = (
        explicit: string | undefined,
        name: string | undefined,
        file: string,
      ): string | undefined => {
        if (explicit) return explicit;
        if (!name) return undefined;
        const found = inv.azIds.get(`${account}|${region}|${name}`);
        if (!found) {
          diagnostics.push({
            level: 'warning',
            code: 'az-id-unresolved',
            message: `${account}/${region}: AZ name ${name} has no AZ id (no AvailabilityZoneId and no ec2-describe-availability-zones entry); same-AZ checks treat it as unknown`,
            file,
          });
        }
        return found;
      };

      append(
        inv.vpcs,
        items(R.Vpcs, 'describe-vpcs', 'Vpcs', (v) => v.VpcId),
      );
      for (const s of items(R.Subnets, 'describe-subnets', 'Subnets', (s) => s.SubnetId)) {
        inv.subnets.push(
          Object.assign(s, {
            vpcId: s.raw.VpcId,
            azName: s.raw.AvailabilityZone,
            azId: azIdOf(s.raw.AvailabilityZoneId, s.raw.AvailabilityZone, s.src.file),
          }),
        );
      }
      append(
        inv.routeTables,
        items(R.RouteTables, 'describe-route-tables', 'RouteTables', (t) => t.RouteTableId),
      );
      append(
        inv.internetGateways,
        items(
          R.InternetGateways,
          'describe-internet-gateways',
          'InternetGateways',
          (g) => g.InternetGatewayId,
        ),
      );
      append(
        inv.egressOnlyInternetGateways,
        items(
          R.EgressOnlyInternetGateways,
          'describe-egress-only-internet-gateways',
          'EgressOnlyInternetGateways',
          (g) => g.EgressOnlyInternetGatewayId,
        ),
      );
      append(
        inv.natGateways,
        items(R.NatGateways, 'describe-nat-gateways', 'NatGateways', (n) => n.NatGatewayId),
      );
      append(
        inv.vpcEndpoints,
        items(R.VpcEndpoints, 'describe-vpc-endpoints', 'VpcEndpoints', (e) => e.VpcEndpointId),
      );
      append(
        inv.vpcPeerings,
        items(
          R.VpcPeeringConnections,
          'describe-vpc-peering-connections',
          'VpcPeeringConnections',
          (p) => p.VpcPeeringConnectionId,
        ),
      );
      append(
        inv.transitGateways,
        items(
          R.TransitGateways,
          'describe-transit-gateways',
          'TransitGateways',
          (t) => t.TransitGatewayId,
        ),
      );
      append(
        inv.tgwAttachments,
        items(
          R.TransitGatewayAttachments,
          'describe-transit-gateway-attachments',
          'TransitGatewayAttachments',
          (t) => t.TransitGatewayAttachmentId,
        ),
      );
      append(
        inv.tgwPeeringAttachments,
        items(
          R.TransitGatewayPeeringAttachments,
          'describe-transit-gateway-peering-attachments',
          'TransitGatewayPeeringAttachments',
          (t) => t.TransitGatewayAttachmentId,
        ),
      );
      for (const t of items(
        R.TransitGatewayRouteTables,
        'describe-transit-gateway-route-tables',
        'TransitGatewayRouteTables',
        (t) => t.TransitGatewayRouteTableId,
      )) {
        const routes = load(
          R.TransitGatewayRoutes,
          account,
          region,
          'ec2',
          'search-transit-gateway-routes',
          t.id,
        );
        const assoc = load(
          R.TransitGatewayRouteTableAssociations,
          account,
          region,
          'ec2',
          'get-transit-gateway-route-table-associations',
          t.id,
        );
        const props = load(
          R.TransitGatewayRouteTablePropagations,
          account,
          region,
          'ec2',
          'get-transit-gateway-route-table-propagations',
          t.id,
        );
        inv.tgwRouteTables.push({
          ...t,
          routes: routes?.data.Routes.map((raw, i) => ({
            raw,
            src: { file: routes.file, pointer: `/Routes/${i}` },
          })),
          associations: assoc?.data.Associations.map((raw, i) => ({
            raw,
            src: { file: assoc.file, pointer: `/Associations/${i}` },
          })),
          propagations: props?.data.TransitGatewayRouteTablePropagations.map((raw, i) => ({
            raw,
            src: { file: props.file, pointer: `/TransitGatewayRouteTablePropagations/${i}` },
          })),
        });
      }
      for (const e of items(
        R.NetworkInterfaces,
        'describe-network-interfaces',
        'NetworkInterfaces',
        (n) => n.NetworkInterfaceId,
        (n) => n.TagSet,
      )) {
        const privateIps = uniq([
          e.raw.PrivateIpAddress,
          ...e.raw.PrivateIpAddresses.map((p) => p.PrivateIpAddress),
          ...e.raw.Ipv6Addresses.map((p) => p.Ipv6Address),
        ]);
        const publicIps = uniq([
          e.raw.Association?.PublicIp,
          ...e.raw.PrivateIpAddresses.map((p) => p.Association?.PublicIp),
        ]);
        inv.networkInterfaces.push(
          Object.assign(e, {
            subnetId: e.raw.SubnetId,
            vpcId: e.raw.VpcId,
            azId: azIdOf(e.raw.AvailabilityZoneId, e.raw.AvailabilityZone, e.src.file),
            privateIps,
            publicIps,
          }),
        );
      }
      const vols = load(R.Volumes, account, region, 'ec2', 'describe-volumes');
      vols?.data.Volumes.forEach((raw, i) => {
        inv.volumes.push({
          account,
          region,
          id: raw.VolumeId,
          raw,
          tags: tagMap(raw.Tags),
          src: { file: vols.file, pointer: `/Volumes/${i}` },
          azId: azIdOf(raw.AvailabilityZoneId, raw.AvailabilityZone, vols.file),
          instanceIds: raw.Attachments.flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
        });
      });
      const inst = load(R.Instances, account, region, 'ec2', 'describe-instances');
      if (inst) {
        inst.data.Reservations.forEach((res, ri) => {
          res.Instances.forEach((raw, ii) => {
            inv.instances.push({
              account,
              region,
              id: raw.InstanceId,
              raw,
              tags: tagMap(raw.Tags),
              src: { file: inst.file, pointer: `/Reservations/${ri}/Instances/${ii}` },
              subnetId: raw.SubnetId,
              vpcId: raw.VpcId,
              azId: azIdOf(
                raw.Placement?.AvailabilityZoneId,
                raw.Placement?.AvailabilityZone,
                inst.file,
              ),
            });
          });
        });
      }
      append(
        inv.securityGroups,
        items(R.SecurityGroups, 'describe-security-groups', 'SecurityGroups', (g) => g.GroupId),
      );
      append(
        inv.networkAcls,
        items(R.NetworkAcls, 'describe-network-acls', 'NetworkAcls', (n) => n.NetworkAclId),
      );
      append(
        inv.prefixLists,
        items(R.PrefixLists, 'describe-prefix-lists', 'PrefixLists', (p) => p.PrefixListId),
      );
      for (const p of items(
        R.ManagedPrefixLists,
        'describe-managed-prefix-lists',
        'PrefixLists',
        (p) => p.PrefixListId,
      )) {
        const entries = load(
          R.ManagedPrefixListEntries,
          account,
          region,
          'ec2',
          'get-managed-prefix-list-entries',
          p.id,
        );
        inv.managedPrefixLists.push({
          ...p,
          entries: entries?.data.Entries.map((e, i) => ({
            cidr: e.Cidr,
            src: { file: entries.file, pointer: `/Entries/${i}` },
          })),
        });
      }

      loadKms(account, region);
      loadTrails(account, region);
      loadKafka(account, region);
    }
  }

  function loadKms(account: string, region: string): void {
    const keys = load(R.KmsListKeys, account, region, 'kms', 'list-keys');
    const aliases = load(R.KmsListAliases, account, region, 'kms', 'list-aliases');
    const aliasesOf = new Map<string, string[]>();
    for (const a of aliases?.data.Aliases ?? []) {
      if (!a.TargetKeyId) continue;
      const list = aliasesOf.get(a.TargetKeyId) ?? [];
      list.push(a.AliasName);
      aliasesOf.set(a.TargetKeyId, list);
    }
    const ids = new Set<string>((keys?.data.Keys ?? []).map((k) => k.KeyId));
    const listedAt = new Map((keys?.data.Keys ?? []).map((k, i) => [k.KeyId, i]));
    for (const p of snap.params(account, region, 'kms', 'describe-key')) ids.add(keyIdOf(p));
    for (const id of [...ids].sort()) {
      const listed = listedAt.get(id) ?? -1;
      // Per-key files are named by key id, or by key ARN by tools that pass the ARN.
      const perKey = <S extends z.ZodType>(schema: S, op: string) =>
        load(schema, account, region, 'kms', op, id) ??
        load(schema, account, region, 'kms', op, `arn:aws:kms:${region}:${account}:key/${id}`);
      const desc = perKey(R.KmsDescribeKey, 'describe-key');
      const pol = perKey(R.KmsGetKeyPolicy, 'get-key-policy');
      const grants = perKey(R.KmsListGrants, 'list-grants');
      const md = desc?.data.KeyMetadata;
      const key: KmsKey = {
        account: md?.AWSAccountId ?? account,
        region,
        id,
        arn:
          md?.Arn ??
          keys?.data.Keys[listed]?.KeyArn ??
          `arn:aws:kms:${region}:${account}:key/${id}`,
        manager: md?.KeyManager,
        state: md?.KeyState,
        description: md?.Description,
        aliases: (aliasesOf.get(id) ?? []).sort(),
        described: desc !== undefined,
        policy: pol ? policyDoc(pol.data.Policy, pol.file, '/Policy') : undefined,
        grants: grants?.data.Grants.map((raw, i) => ({
          raw,
          src: { file: grants.file, pointer: `/Grants/${i}` },
        })),
        src: desc
          ? { file: desc.file, pointer: '/KeyMetadata' }
          : keys && listed >= 0
            ? { file: keys.file, pointer: `/Keys/${listed}` }
            : { file: `${account}/${region}/kms-list-keys.json`, pointer: '' },
      };
      inv.kmsKeys.push(key);
    }
  }

  function loadTrails(account: string, region: string): void {
    const f = load(R.DescribeTrails, account, region, 'cloudtrail', 'describe-trails');
    if (!f) return;
    f.data.trailList.forEach((raw, i) => {
      const arn = raw.TrailARN;
      const ownerAccount = arn.split(':')[4] ?? account;
      const home = raw.HomeRegion ?? region;
      let trail = trailsByArn.get(arn);
      const src = { file: f.file, pointer: `/trailList/${i}` };
      if (!trail) {
        trail = {
          account: ownerAccount,
          region: home,
          src,
          arn,
          name: raw.Name,
          ownerAccount,
          homeRegion: home,
          bucketName: raw.S3BucketName,
          isMultiRegion: raw.IsMultiRegionTrail === true,
          isOrganizationTrail: raw.IsOrganizationTrail === true,
          raw,
          status: undefined,
          selectors: undefined,
          seenIn: [],
        };
        trailsByArn.set(arn, trail);
        inv.trails.push(trail);
      } else if (account === ownerAccount && region === home) {
        // Prefer the trail as its own account and home region describe it.
        trail.src = src;
        trail.raw = raw;
      }
      trail.seenIn.push({ account, region });
      const status = load(R.TrailStatus, account, region, 'cloudtrail', 'get-trail-status', arn);
      if (status && (!trail.status || (account === ownerAccount && region === home))) {
        trail.status = {
          isLogging: status.data.IsLogging,
          src: { file: status.file, pointer: '/IsLogging' },
        };
      }
      const sel = load(R.EventSelectors, account, region, 'cloudtrail', 'get-event-selectors', arn);
      if (sel && (!trail.selectors || (account === ownerAccount && region === home))) {
        trail.selectors = { raw: sel.data, src: { file: sel.file, pointer: '' } };
      }
    });
  }

  function loadKafka(account: string, region: string): void {
    const v2 = load(R.KafkaListClustersV2, account, region, 'kafka', 'list-clusters-v2');
    const v1 = load(R.KafkaListClusters, account, region, 'kafka', 'list-clusters');
    const seen = new Set<string>();
    const add = (
      raw: unknown,
      arn: string,
      name: string,
      type: string,
      state: string | undefined,
      subnets: string[],
      kmsKeyArn: string | undefined,
      src: Src,
    ) => {
      if (seen.has(arn)) return;
      seen.add(arn);
      const nodes = load(R.KafkaListNodes, account, region, 'kafka', 'list-nodes', arn);
      const boot = load(
        R.KafkaBootstrapBrokers,
        account,
        region,
        'kafka',
        'get-bootstrap-brokers',
        arn,
      );
      const pol = load(R.KafkaClusterPolicy, account, region, 'kafka', 'get-cluster-policy', arn);
      const cluster: MskCluster = {
        account: arn.split(':')[4] ?? account,
        region: arn.split(':')[3] ?? region,
        src,
        arn,
        name,
        type,
        state,
        subnets,
        kmsKeyArn,
        raw,
        nodes: nodes?.data.NodeInfoList.filter((n) => n.BrokerNodeInfo).map((n, i) => ({
          brokerId: n.BrokerNodeInfo?.BrokerId,
          subnetId: n.BrokerNodeInfo?.ClientSubnet,
          ip: n.BrokerNodeInfo?.ClientVpcIpAddress,
          eniId: n.BrokerNodeInfo?.AttachedENIId,
          endpoints: n.BrokerNodeInfo?.Endpoints ?? [],
          src: { file: nodes.file, pointer: `/NodeInfoList/${i}` },
        })),
        bootstrap: boot ? { raw: boot.data, src: { file: boot.file, pointer: '' } } : undefined,
        policy: pol ? policyDoc(pol.data.Policy, pol.file, '/Policy') : undefined,
      };
      inv.mskClusters.push(cluster);
    };
    v2?.data.ClusterInfoList.forEach((c, i) => {
      const subnets =
        c.Provisioned?.BrokerNodeGroupInfo?.ClientSubnets ??
        c.Serverless?.VpcConfigs.flatMap((v) => v.SubnetIds) ??
        [];
      add(
        c,
        c.ClusterArn,
        c.ClusterName,
        c.ClusterType ?? 'PROVISIONED',
        c.State,
        subnets,
        c.Provisioned?.EncryptionInfo?.EncryptionAtRest?.DataVolumeKMSKeyId,
        { file: v2.file, pointer: `/ClusterInfoList/${i}` },
      );
    });
    v1?.data.ClusterInfoList.forEach((c, i) => {
      add(
        c,
        c.ClusterArn,
        c.ClusterName,
        'PROVISIONED',
        c.State,
        c.BrokerNodeGroupInfo?.ClientSubnets ?? [],
        c.EncryptionInfo?.EncryptionAtRest?.DataVolumeKMSKeyId,
        { file: v1.file, pointer: `/ClusterInfoList/${i}` },
      );
    });

    const reps = load(R.KafkaListReplicators, account, region, 'kafka', 'list-replicators');
    reps?.data.Replicators.forEach((r, i) => {
      const d = load(
        R.KafkaDescribeReplicator,
        account,
        region,
        'kafka',
        'describe-replicator',
        r.ReplicatorArn,
      );
      inv.replicators.push({
        account,
        region,
        arn: r.ReplicatorArn,
        name: r.ReplicatorName ?? r.ReplicatorArn,
        state: d?.data.ReplicatorState ?? r.ReplicatorState,
        role: d?.data.ServiceExecutionRoleArn,
        clusters: (d?.data.KafkaClusters ?? [])
          .filter((k) => k.AmazonMskCluster)
          .map((k) => ({ arn: k.AmazonMskCluster!.MskClusterArn, alias: k.KafkaClusterAlias })),
        flows: (d?.data.ReplicationInfoList ?? []).map((f) => ({
          sourceAlias: f.SourceKafkaClusterAlias,
          targetAlias: f.TargetKafkaClusterAlias,
        })),
        described: d !== undefined,
        src: d ? { file: d.file, pointer: '' } : { file: reps.file, pointer: `/Replicators/${i}` },
      });
    });
  }

  // Global calls (under us-east-1 of each account).
  for (const account of snap.accounts) {
    const g = GLOBAL_REGION;
    const id = load(R.CallerIdentity, account, g, 'sts', 'get-caller-identity');
    if (id) {
      inv.identities.push({
        account,
        arn: id.data.Arn,
        src: { file: id.file, pointer: '/Account' },
      });
      if (id.data.Account !== account) {
        throw inputError(
          id.file,
          '/Account',
          `expected ${account} (the folder's account id), got ${id.data.Account}`,
        );
      }
    }
    const list = load(R.ListBuckets, account, g, 's3', 'list-buckets');
    const names = new Map<string, number>();
    list?.data.Buckets.forEach((b, i) => {
      names.set(b.Name, i);
    });
    // Without a bucket list, the per-bucket calls name the account's buckets. With one, a
    // bucket it does not list was only looked up (a trail's or replica's bucket): not owned.
    if (!list)
      for (const p of snap.params(account, g, 's3', 'get-bucket-location')) names.set(p, -1);
    for (const [name, idx] of [...names].sort((a, b) => cmp(a[0], b[0]))) {
      inv.buckets.push(
        loadBucket(
          account,
          name,
          idx,
          list?.file,
          idx >= 0 ? list?.data.Buckets[idx]?.BucketRegion : undefined,
        ),
      );
    }
    const pab = load(R.PublicAccessBlock, account, g, 's3control', 'get-public-access-block');
    if (pab) {
      inv.accountPublicAccessBlock.set(account, {
        config: pab.data.PublicAccessBlockConfiguration,
        src: { file: pab.file, pointer: '/PublicAccessBlockConfiguration' },
      });
    }
    const roles = load(R.ListRoles, account, g, 'iam', 'list-roles');
    roles?.data.Roles.forEach((r, i) => {
      const doc = r.AssumeRolePolicyDocument;
      inv.roles.push({
        account: r.Arn.split(':')[4] ?? account,
        region: g,
        arn: r.Arn,
        name: r.RoleName,
        src: { file: roles.file, pointer: `/Roles/${i}` },
        trust:
          doc === undefined
            ? undefined
            : typeof doc === 'string'
              ? policyDoc(safeDecode(doc), roles.file, `/Roles/${i}/AssumeRolePolicyDocument`)
              : { doc, src: { file: roles.file, pointer: `/Roles/${i}/AssumeRolePolicyDocument` } },
      });
    });
    const authz = load(
      R.AccountAuthorizationDetails,
      account,
      g,
      'iam',
      'get-account-authorization-details',
    );
    if (authz) addAuthorizationDetails(inv, account, authz.file, authz.data);
    const org = load(R.DescribeOrganization, account, g, 'organizations', 'describe-organization');
    if (org) {
      inv.organizations.push({
        id: org.data.Organization.Id,
        masterAccountId: org.data.Organization.MasterAccountId,
        account,
        src: { file: org.file, pointer: '/Organization' },
      });
    }
    const accts = load(R.ListAccounts, account, g, 'organizations', 'list-accounts');
    accts?.data.Accounts.forEach((a, i) => {
      inv.orgAccounts.push({
        id: a.Id,
        name: a.Name,
        arn: a.Arn,
        orgId: a.Arn?.match(/:account\/(o-[a-z0-9]+)\//)?.[1] ?? org?.data.Organization.Id,
        status: a.Status ?? a.State,
        src: { file: accts.file, pointer: `/Accounts/${i}` },
      });
    });
  }

  function loadBucket(
    account: string,
    name: string,
    idx: number,
    listFile: string | undefined,
    listedRegion: string | undefined,
  ): Bucket {
    const g = GLOBAL_REGION;
    const loc = load(R.BucketLocation, account, g, 's3', 'get-bucket-location', name);
    const head = load(R.HeadBucket, account, g, 's3', 'head-bucket', name);
    let region: string | undefined;
    let regionSrc: Src | undefined;
    if (loc) {
      const c = loc.data.LocationConstraint;
      region =
        c === null || c === undefined || c === '' ? 'us-east-1' : c === 'EU' ? 'eu-west-1' : c;
      regionSrc = { file: loc.file, pointer: '/LocationConstraint' };
    } else if (head?.data.BucketRegion) {
      region = head.data.BucketRegion;
      regionSrc = { file: head.file, pointer: '/BucketRegion' };
    } else if (listedRegion && listFile) {
      region = listedRegion;
      regionSrc = { file: listFile, pointer: `/Buckets/${idx}/BucketRegion` };
    }
    const pol = load(R.BucketPolicy, account, g, 's3', 'get-bucket-policy', name);
    const status = load(R.BucketPolicyStatus, account, g, 's3', 'get-bucket-policy-status', name);
    const pab = load(R.PublicAccessBlock, account, g, 's3', 'get-public-access-block', name);
    const enc = load(R.BucketEncryption, account, g, 's3', 'get-bucket-encryption', name);
    const rep = load(R.BucketReplication, account, g, 's3', 'get-bucket-replication', name);
    const own = load(
      R.BucketOwnershipControls,
      account,
      g,
      's3',
      'get-bucket-ownership-controls',
      name,
    );
    const rule = enc?.data.ServerSideEncryptionConfiguration.Rules[0];
    const src: Src =
      idx >= 0 && listFile
        ? { file: listFile, pointer: `/Buckets/${idx}` }
        : { file: loc?.file ?? `${account}/${g}/s3-list-buckets.json`, pointer: '' };
    return {
      name,
      arn: `arn:aws:s3:::${name}`,
      account,
      region,
      regionSrc,
      src,
      policy: pol ? policyDoc(pol.data.Policy, pol.file, '/Policy') : undefined,
      policyStatus: status
        ? {
            isPublic: status.data.PolicyStatus.IsPublic,
            src: { file: status.file, pointer: '/PolicyStatus/IsPublic' },
          }
        : undefined,
      publicAccessBlock: pab
        ? {
            config: pab.data.PublicAccessBlockConfiguration,
            src: { file: pab.file, pointer: '/PublicAccessBlockConfiguration' },
          }
        : undefined,
      encryption: enc
        ? {
            algorithm: rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
            kmsKeyId: rule?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID,
            bucketKey: rule?.BucketKeyEnabled === true,
            src: { file: enc.file, pointer: '/ServerSideEncryptionConfiguration/Rules/0' },
          }
        : undefined,
      replication: rep
        ? {
            role: rep.data.ReplicationConfiguration.Role,
            rules: rep.data.ReplicationConfiguration.Rules.map((raw, i) => ({
              raw,
              src: { file: rep.file, pointer: `/ReplicationConfiguration/Rules/${i}` },
            })),
            src: { file: rep.file, pointer: '/ReplicationConfiguration' },
          }
        : undefined,
      ownership: own
        ? {
            objectOwnership: own.data.OwnershipControls.Rules[0]?.ObjectOwnership,
            src: { file: own.file, pointer: '/OwnershipControls/Rules/0' },
          }
        : undefined,
    };
  }

  inv.buckets.sort((a, b) => cmp(a.name, b.name) || cmp(a.account, b.account));
  for (const b of inv.buckets) {
    if (!b.region) {
      diagnostics.push({
        level: 'warning',
        code: 'bucket-region-unknown',
        message: `bucket ${b.name} (account ${b.account}): no s3-get-bucket-location, s3-head-bucket or BucketRegion; its region is unknown`,
        file: b.src.file,
      });
    }
  }
  return inv;
}

/** push(...list) passes every element as an argument: too many for a large region. */
function append<T>(target: T[], list: readonly T[]): void {
  for (const x of list) target.push(x);
}

type ElementOf<T> = T extends readonly (infer U)[] ? U : never;

function mergeAccounts(snap: Snapshot): { id: string; name: string | undefined }[] {
  const names = new Map<string, string | undefined>();
  for (const a of snap.manifest.accounts) names.set(a.id, a.name);
  for (const a of snap.accounts) if (!names.has(a)) names.set(a, undefined);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => cmp(a.id, b.id));
}

/**
 * Role permissions from get-account-authorization-details: merged into the roles list-roles
 * gave (a role only this file names is added), and managed policies' default versions kept.
 */
function addAuthorizationDetails(
  inv: Inventory,
  account: string,
  file: string,
  data: z.output<typeof R.AccountAuthorizationDetails>,
): void {
  const doc = (value: string | Record<string, unknown>, pointer: string): PolicyDoc =>
    typeof value === 'string'
      ? policyDoc(safeDecode(value), file, pointer)
      : { doc: value, src: { file, pointer } };
  data.Policies.forEach((p, i) => {
    const v = p.PolicyVersionList.findIndex(
      (x) =>
        x.IsDefaultVersion === true || (p.DefaultVersionId && x.VersionId === p.DefaultVersionId),
    );
    const version = v === -1 ? undefined : p.PolicyVersionList[v];
    if (inv.managedPolicies.has(p.Arn) && !version?.Document) return;
    inv.managedPolicies.set(p.Arn, {
      arn: p.Arn,
      name: p.PolicyName,
      doc: version?.Document
        ? doc(version.Document, `/Policies/${i}/PolicyVersionList/${v}/Document`)
        : undefined,
    });
  });
  const byArn = new Map(inv.roles.filter((x) => x.account === account).map((x) => [x.arn, x]));
  data.RoleDetailList.forEach((r, i) => {
    const permissions = {
      inline: r.RolePolicyList.map((p, j) => ({
        name: p.PolicyName,
        ...doc(p.PolicyDocument, `/RoleDetailList/${i}/RolePolicyList/${j}/PolicyDocument`),
      })),
      attached: r.AttachedManagedPolicies.map((p) => p.PolicyArn),
      boundary: r.PermissionsBoundary?.PermissionsBoundaryArn,
      src: { file, pointer: `/RoleDetailList/${i}` },
    };
    const known = byArn.get(r.Arn);
    if (known) {
      known.permissions = permissions;
      return;
    }
    const trust = r.AssumeRolePolicyDocument;
    inv.roles.push({
      account: r.Arn.split(':')[4] ?? account,
      region: GLOBAL_REGION,
      arn: r.Arn,
      name: r.RoleName,
      src: { file, pointer: `/RoleDetailList/${i}` },
      trust:
        trust === undefined
          ? undefined
          : doc(trust, `/RoleDetailList/${i}/AssumeRolePolicyDocument`),
      permissions,
    });
  });
}

/** A policy held as a JSON string inside an API response. Malformed JSON is bad input. */
function policyDoc(text: string, file: string, pointer: string): PolicyDoc {
  try {
    return { doc: JSON.parse(text), src: { file, pointer } };
  } catch {
    throw inputError(file, pointer, 'expected a policy document as a JSON string');
  }
}

/** IAM returns trust policies URL-encoded; the CLI decodes them. Accept either. */
function safeDecode(text: string): string {
  if (text.trimStart().startsWith('{')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function keyIdOf(param: string): string {
  const m = param.match(/:key\/(.+)$/);
  return m ? m[1]! : param;
}

function tagMap(tags: { Key: string; Value: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) out[t.Key] = t.Value;
  return out;
}

function uniq(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}
