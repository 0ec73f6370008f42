import graphology from 'graphology';
import type { Owners } from '../boundary/owners.js';
import type { Lookup } from '../inventory/lookup.js';
import type { Inventory, Src } from '../inventory/model.js';
import { namedPrincipals } from '../policy/trust.js';
import { accountOfArn, bucketOfArn } from '../util/arn.js';
import type { DataBearing } from './data.js';
import type { EdgeKind, NodeKind } from './kinds.js';

export interface NodeAttrs {
  kind: NodeKind;
  label: string;
  account?: string;
  region?: string;
  /** AZ id (never the AZ name). */
  azId?: string;
  /** Owner name: `inside`, a party's name, or `undeclared`. */
  owner: string;
  ownerKind: 'inside' | 'party' | 'undeclared' | 'none';
  arn?: string;
  src?: Src;
  /** False for nodes only referenced (a peer VPC, a bucket in an unscanned account). */
  scanned: boolean;
  /** Why this node holds records, when it does. */
  dataBearing?: string[];
  tags?: Record<string, string>;
}

export interface EdgeAttrs {
  kind: EdgeKind;
  label?: string;
  /** Route destination (CIDR or prefix list) for `route` edges. */
  destination?: string;
  src?: Src;
}

// graphology ships CJS with a default export; this works under NodeNext ESM.
const { MultiDirectedGraph } = graphology as unknown as typeof import('graphology');
export type OwnershipGraph = InstanceType<typeof MultiDirectedGraph<NodeAttrs, EdgeAttrs>>;

const ec2Arn = (region: string, account: string, type: string, id: string) =>
  `arn:aws:ec2:${region}:${account}:${type}/${id}`;

/** Build the ownership graph. Pure: the same inputs give the same graph, node for node. */
export function buildGraph(
  inv: Inventory,
  owners: Owners,
  lookup: Lookup,
  data: DataBearing,
): OwnershipGraph {
  const g: OwnershipGraph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });

  const ownerFields = (account: string | undefined) => {
    if (!account) return { owner: 'undeclared', ownerKind: 'none' as const };
    const o = owners.of(account);
    return { owner: o.name, ownerKind: o.kind };
  };
  const node = (
    key: string,
    attrs: Omit<NodeAttrs, 'owner' | 'ownerKind' | 'scanned'> & { scanned?: boolean },
  ) => {
    if (g.hasNode(key)) {
      const cur = g.getNodeAttributes(key);
      if (!cur.scanned && attrs.scanned !== false)
        g.replaceNodeAttributes(key, { ...cur, ...attrs, scanned: true });
      return key;
    }
    g.addNode(key, { scanned: true, ...ownerFields(attrs.account), ...attrs });
    return key;
  };
  const edge = (
    kind: EdgeKind,
    from: string,
    to: string,
    extra: Omit<EdgeAttrs, 'kind'> = {},
    disc = '',
  ) => {
    if (!g.hasNode(from) || !g.hasNode(to) || from === to) return;
    const key = `${kind}:${from}->${to}${disc ? `#${disc}` : ''}`;
    // merge: one look-up where hasEdge + addEdgeWithKey made two (the first edge wins).
    g.mergeEdgeWithKey(key, from, to, g.hasEdge(key) ? {} : { kind, ...extra });
  };

  const scannedNames = new Map(inv.snapshot.accounts.map((a) => [a.id, a.name]));
  const scannedIds = new Set(inv.snapshot.accounts.map((a) => a.id));
  // ownership hierarchy: owner → account → region
  // Every resource asks for its account and region: build each once (or upgrade it once
  // from referenced-only to scanned), not once per resource.
  const built = new Map<string, boolean>();
  const seen = (key: string, scanned: boolean): boolean => {
    const prev = built.get(key);
    if (prev === true || prev === scanned) return true;
    built.set(key, scanned);
    return false;
  };
  const accountNode = (id: string, scanned: boolean) => {
    if (seen(`account:${id}`, scanned)) return `account:${id}`;
    const o = owners.of(id);
    const ownerKey = `owner:${o.kind === 'party' ? `party:${o.name}` : o.kind}`;
    node(ownerKey, { kind: 'owner', label: o.name });
    const key = node(`account:${id}`, {
      kind: 'account',
      label: owners.nameOf(id) ?? scannedNames.get(id) ?? id,
      account: id,
      scanned,
    });
    edge('contains', ownerKey, key);
    return key;
  };
  const regionNode = (account: string, region: string, scanned = true) => {
    if (seen(`region:${account}:${region}`, scanned)) return `region:${account}:${region}`;
    const acct = accountNode(account, scanned);
    const key = node(`region:${account}:${region}`, {
      kind: 'region',
      label: region,
      account,
      region,
      scanned,
    });
    edge('contains', acct, key);
    return key;
  };
  const azNode = (azId: string | undefined) =>
    azId ? node(`az:${azId}`, { kind: 'az', label: azId, azId }) : undefined;

  for (const a of inv.snapshot.accounts) accountNode(a.id, true);
  node('internet', { kind: 'internet', label: 'Internet' });

  const vpcKey = new Map<string, string>();
  for (const v of inv.vpcs) {
    const acct = v.raw.OwnerId ?? v.account;
    const key = node(ec2Arn(v.region, acct, 'vpc', v.id), {
      kind: 'vpc',
      label: v.tags.Name ?? v.id,
      account: acct,
      region: v.region,
      arn: ec2Arn(v.region, acct, 'vpc', v.id),
      src: v.src,
      tags: v.tags,
    });
    vpcKey.set(v.id, key);
    edge('contains', regionNode(acct, v.region), key);
  }
  const subnetKey = new Map<string, string>();
  for (const s of inv.subnets) {
    const acct = s.raw.OwnerId ?? s.account;
    const arn = s.raw.SubnetArn ?? ec2Arn(s.region, acct, 'subnet', s.id);
    const key = node(arn, {
      kind: 'subnet',
      label: s.tags.Name ?? s.id,
      account: acct,
      region: s.region,
      ...(s.azId ? { azId: s.azId } : {}),
      arn,
      src: s.src,
      tags: s.tags,
    });
    subnetKey.set(s.id, key);
    const parent = vpcKey.get(s.vpcId);
    if (parent) edge('contains', parent, key);
    const az = azNode(s.azId);
    if (az) edge('in-az', key, az);
  }
  const placed = (
    key: string,
    subnetId: string | undefined,
    vpcId: string | undefined,
    region: string,
    account: string,
  ) => {
    const parent =
      (subnetId && subnetKey.get(subnetId)) ||
      (vpcId && vpcKey.get(vpcId)) ||
      regionNode(account, region);
    edge('contains', parent, key);
  };

  const targetKey = new Map<string, string>();
  for (const i of inv.internetGateways) {
    const arn = ec2Arn(i.region, i.raw.OwnerId ?? i.account, 'internet-gateway', i.id);
    const key = node(arn, {
      kind: 'internet-gateway',
      label: i.tags.Name ?? i.id,
      account: i.raw.OwnerId ?? i.account,
      region: i.region,
      arn,
      src: i.src,
    });
    targetKey.set(i.id, key);
    const vpc = i.raw.Attachments[0]?.VpcId;
    placed(key, undefined, vpc, i.region, i.account);
    edge('route', key, 'internet');
  }
  for (const i of inv.egressOnlyInternetGateways) {
    const arn = ec2Arn(i.region, i.account, 'egress-only-internet-gateway', i.id);
    const key = node(arn, {
      kind: 'egress-only-internet-gateway',
      label: i.tags.Name ?? i.id,
      account: i.account,
      region: i.region,
      arn,
      src: i.src,
    });
    targetKey.set(i.id, key);
    placed(key, undefined, i.raw.Attachments[0]?.VpcId, i.region, i.account);
    edge('route', key, 'internet');
  }
  for (const n of inv.natGateways) {
    const arn = ec2Arn(n.region, n.account, 'natgateway', n.id);
    const sub = n.raw.SubnetId ? lookup.subnetById.get(n.raw.SubnetId) : undefined;
    const key = node(arn, {
      kind: 'nat-gateway',
      label: n.tags.Name ?? n.id,
      account: n.account,
      region: n.region,
      ...(sub?.azId ? { azId: sub.azId } : {}),
      arn,
      src: n.src,
    });
    targetKey.set(n.id, key);
    placed(key, n.raw.SubnetId, n.raw.VpcId, n.region, n.account);
  }
  for (const e of inv.vpcEndpoints) {
    const acct = e.raw.OwnerId ?? e.account;
    const arn = ec2Arn(e.region, acct, 'vpc-endpoint', e.id);
    const key = node(arn, {
      kind: 'vpc-endpoint',
      label: `${e.id} (${e.raw.ServiceName ?? 'endpoint'})`,
      account: acct,
      region: e.region,
      arn,
      src: e.src,
      tags: e.tags,
    });
    targetKey.set(e.id, key);
    placed(key, undefined, e.raw.VpcId, e.region, acct);
  }
  for (const p of inv.vpcPeerings) {
    const arn = ec2Arn(p.region, p.account, 'vpc-peering-connection', p.id);
    const key = node(arn, {
      kind: 'vpc-peering',
      label: p.tags.Name ?? p.id,
      account: p.raw.RequesterVpcInfo?.OwnerId ?? p.account,
      region: p.raw.RequesterVpcInfo?.Region ?? p.region,
      arn,
      src: p.src,
    });
    targetKey.set(p.id, key);
    for (const side of [p.raw.RequesterVpcInfo, p.raw.AccepterVpcInfo]) {
      if (!side?.VpcId || !side.OwnerId) continue;
      const region = side.Region ?? p.region;
      let vk = vpcKey.get(side.VpcId);
      if (!vk) {
        vk = node(ec2Arn(region, side.OwnerId, 'vpc', side.VpcId), {
          kind: 'vpc',
          label: side.VpcId,
          account: side.OwnerId,
          region,
          scanned: false,
        });
        vpcKey.set(side.VpcId, vk);
        edge('contains', regionNode(side.OwnerId, region, false), vk);
      }
      edge('peers', vk, key, { src: p.src });
    }
  }
  for (const t of inv.transitGateways) {
    const acct = t.raw.OwnerId ?? t.account;
    const arn = t.raw.TransitGatewayArn ?? ec2Arn(t.region, acct, 'transit-gateway', t.id);
    const key = node(arn, {
      kind: 'transit-gateway',
      label: t.tags.Name ?? t.id,
      account: acct,
      region: t.region,
      arn,
      src: t.src,
    });
    targetKey.set(t.id, key);
    edge('contains', regionNode(acct, t.region), key);
  }
  for (const a of inv.tgwAttachments) {
    const tgwOwner = a.raw.TransitGatewayOwnerId ?? a.account;
    if (a.raw.TransitGatewayId && !targetKey.has(a.raw.TransitGatewayId)) {
      const arn = ec2Arn(a.region, tgwOwner, 'transit-gateway', a.raw.TransitGatewayId);
      targetKey.set(
        a.raw.TransitGatewayId,
        node(arn, {
          kind: 'transit-gateway',
          label: a.raw.TransitGatewayId,
          account: tgwOwner,
          region: a.region,
          arn,
          scanned: false,
        }),
      );
      edge(
        'contains',
        regionNode(tgwOwner, a.region, false),
        targetKey.get(a.raw.TransitGatewayId)!,
      );
    }
    const arn = ec2Arn(a.region, tgwOwner, 'transit-gateway-attachment', a.id);
    const key = node(arn, {
      kind: 'tgw-attachment',
      label: a.tags.Name ?? a.id,
      account: a.raw.ResourceOwnerId ?? a.account,
      region: a.region,
      arn,
      src: a.src,
    });
    const tgw = a.raw.TransitGatewayId ? targetKey.get(a.raw.TransitGatewayId) : undefined;
    if (tgw) edge('tgw-attach', key, tgw, { src: a.src });
    if (a.raw.ResourceType === 'vpc' && a.raw.ResourceId) {
      const vk = vpcKey.get(a.raw.ResourceId);
      if (vk) edge('tgw-attach', vk, key, { src: a.src });
    }
  }
  for (const a of inv.tgwPeeringAttachments) {
    const req = a.raw.RequesterTgwInfo;
    const acc = a.raw.AccepterTgwInfo;
    if (!req?.TransitGatewayId || !acc?.TransitGatewayId) continue;
    const ends = [req, acc].map((side) => {
      const id = side.TransitGatewayId!;
      const owner = side.OwnerId ?? a.account;
      const region = side.Region ?? a.region;
      if (!targetKey.has(id)) {
        const arn = ec2Arn(region, owner, 'transit-gateway', id);
        targetKey.set(
          id,
          node(arn, {
            kind: 'transit-gateway',
            label: id,
            account: owner,
            region,
            arn,
            scanned: false,
          }),
        );
        edge('contains', regionNode(owner, region, false), targetKey.get(id)!);
      }
      return targetKey.get(id)!;
    });
    edge('tgw-attach', ends[0]!, ends[1]!, { src: a.src, label: a.id }, a.id);
  }
  for (const t of inv.tgwRouteTables) {
    const arn = ec2Arn(t.region, t.account, 'transit-gateway-route-table', t.id);
    const key = node(arn, {
      kind: 'tgw-route-table',
      label: t.tags.Name ?? t.id,
      account: t.account,
      region: t.region,
      arn,
      src: t.src,
    });
    const tgw = t.raw.TransitGatewayId ? targetKey.get(t.raw.TransitGatewayId) : undefined;
    if (tgw) edge('contains', tgw, key);
  }

  // route tables: subnet → table → targets
  for (const rt of inv.routeTables) {
    const acct = rt.raw.OwnerId ?? rt.account;
    const arn = ec2Arn(rt.region, acct, 'route-table', rt.id);
    const key = node(arn, {
      kind: 'route-table',
      label: rt.tags.Name ?? rt.id,
      account: acct,
      region: rt.region,
      arn,
      src: rt.src,
    });
    placed(key, undefined, rt.raw.VpcId, rt.region, acct);
    rt.raw.Associations.forEach((as, i) => {
      const src = { file: rt.src.file, pointer: `${rt.src.pointer}/Associations/${i}` };
      if (as.SubnetId && subnetKey.has(as.SubnetId))
        edge('uses-route-table', subnetKey.get(as.SubnetId)!, key, { src });
      if (as.Main && vpcKey.has(rt.raw.VpcId))
        edge('uses-route-table', vpcKey.get(rt.raw.VpcId)!, key, { src, label: 'main' });
    });
    rt.raw.Routes.forEach((r, i) => {
      const target =
        r.GatewayId ??
        r.NatGatewayId ??
        r.TransitGatewayId ??
        r.VpcPeeringConnectionId ??
        r.EgressOnlyInternetGatewayId ??
        r.NetworkInterfaceId ??
        r.InstanceId;
      if (!target || target === 'local') return;
      const dest =
        r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '?';
      const tk = targetKey.get(target);
      if (tk)
        edge(
          'route',
          key,
          tk,
          {
            destination: dest,
            src: { file: rt.src.file, pointer: `${rt.src.pointer}/Routes/${i}` },
          },
          dest,
        );
    });
  }

  // compute
  for (const i of inv.instances) {
    const arn = ec2Arn(i.region, i.account, 'instance', i.id);
    const key = node(arn, {
      kind: 'instance',
      label: i.tags.Name ?? i.id,
      account: i.account,
      region: i.region,
      ...(i.azId ? { azId: i.azId } : {}),
      arn,
      src: i.src,
      tags: i.tags,
    });
    targetKey.set(i.id, key);
    placed(key, i.subnetId, i.vpcId, i.region, i.account);
  }
  for (const e of inv.networkInterfaces) {
    const acct = e.raw.OwnerId ?? e.account;
    const arn = ec2Arn(e.region, acct, 'network-interface', e.id);
    const key = node(arn, {
      kind: 'network-interface',
      label: e.id,
      account: acct,
      region: e.region,
      ...(e.azId ? { azId: e.azId } : {}),
      arn,
      src: e.src,
    });
    targetKey.set(e.id, key);
    placed(key, e.subnetId, e.vpcId, e.region, acct);
    const inst = e.raw.Attachment?.InstanceId;
    if (inst && targetKey.has(inst)) edge('attached', key, targetKey.get(inst)!);
  }
  for (const e of inv.vpcEndpoints)
    for (const n of e.raw.NetworkInterfaceIds) {
      if (targetKey.has(n)) edge('attached', targetKey.get(n)!, targetKey.get(e.id)!);
    }
  for (const n of inv.natGateways)
    for (const a of n.raw.NatGatewayAddresses) {
      if (a.NetworkInterfaceId && targetKey.has(a.NetworkInterfaceId))
        edge('attached', targetKey.get(a.NetworkInterfaceId)!, targetKey.get(n.id)!);
    }

  // data: buckets, keys, clusters
  const bucketNode = (
    name: string,
    account: string | undefined,
    region: string | undefined,
    scanned: boolean,
    src?: Src,
  ) => {
    const key = `arn:aws:s3:::${name}`;
    node(key, {
      kind: 'bucket',
      label: name,
      ...(account ? { account } : {}),
      ...(region ? { region } : {}),
      arn: key,
      scanned,
      ...(src ? { src } : {}),
    });
    if (account && !g.inEdges(key).some((e) => g.getEdgeAttribute(e, 'kind') === 'contains')) {
      // A bucket whose region is unknown still belongs to its account.
      edge(
        'contains',
        region ? regionNode(account, region, scanned) : accountNode(account, scanned),
        key,
      );
    }
    const reasons = data.buckets.get(name);
    if (reasons) g.setNodeAttribute(key, 'dataBearing', reasons);
    return key;
  };
  for (const b of inv.buckets) bucketNode(b.name, b.account, b.region, true, b.src);
  for (const k of inv.kmsKeys) {
    const key = node(k.arn, {
      kind: 'kms-key',
      label: k.aliases[0] ?? k.id,
      account: k.account,
      region: k.region,
      arn: k.arn,
      src: k.src,
    });
    edge('contains', regionNode(k.account, k.region), key);
  }
  const keyNode = (ref: {
    ref: string;
    account: string;
    region: string;
    key?: { arn: string } | undefined;
  }) => {
    if (ref.key) return ref.key.arn;
    const account = accountOfArn(ref.ref) ?? ref.account;
    const key = ref.ref.startsWith('arn:')
      ? ref.ref
      : `arn:aws:kms:${ref.region}:${account}:${ref.ref.startsWith('alias/') ? ref.ref : `key/${ref.ref}`}`;
    node(key, {
      kind: 'kms-key',
      label: ref.ref,
      account,
      region: ref.region,
      arn: key,
      scanned: false,
    });
    edge('contains', regionNode(account, ref.region, false), key);
    return key;
  };
  for (const [, k] of data.keys) g.setNodeAttribute(keyNode(k.ref), 'dataBearing', k.reasons);
  for (const b of inv.buckets) {
    const bk = `arn:aws:s3:::${b.name}`;
    const keyRef = lookup.keyOfBucket(b);
    if (keyRef && b.encryption) edge('encrypts', keyNode(keyRef), bk, { src: b.encryption.src });
    for (const r of b.replication?.rules ?? []) {
      const dest = bucketOfArn(r.raw.Destination.Bucket);
      if (!dest) continue;
      const known = lookup.bucketByName.get(dest);
      const dk = known
        ? `arn:aws:s3:::${dest}`
        : bucketNode(dest, r.raw.Destination.Account, undefined, false);
      edge(
        'replicates-to',
        bk,
        dk,
        { src: r.src, label: r.raw.ID ?? 'replication' },
        r.raw.ID ?? String(r.src.pointer),
      );
    }
  }
  for (const c of inv.mskClusters) {
    const key = node(c.arn, {
      kind: 'msk-cluster',
      label: c.name,
      account: c.account,
      region: c.region,
      arn: c.arn,
      src: c.src,
      ...(data.clusters.has(c.arn) ? { dataBearing: data.clusters.get(c.arn)! } : {}),
    });
    edge('contains', regionNode(c.account, c.region), key);
    if (c.kmsKeyArn)
      edge('encrypts', keyNode(lookup.resolveKey(c.kmsKeyArn, c.account, c.region)), key);
    for (const n of c.nodes ?? []) {
      const sub = n.subnetId ? lookup.subnetById.get(n.subnetId) : undefined;
      const bk = node(`${c.arn}/broker/${n.brokerId ?? '?'}`, {
        kind: 'msk-broker',
        label: `${c.name} broker ${n.brokerId ?? '?'}`,
        account: c.account,
        region: c.region,
        ...(sub?.azId ? { azId: sub.azId } : {}),
        src: n.src,
      });
      placed(bk, n.subnetId, undefined, c.region, c.account);
      edge('contains', key, bk);
      if (n.eniId && targetKey.has(n.eniId)) edge('attached', targetKey.get(n.eniId)!, bk);
    }
  }
  for (const r of inv.replicators) {
    const key = node(r.arn, {
      kind: 'msk-replicator',
      label: r.name,
      account: r.account,
      region: r.region,
      arn: r.arn,
      src: r.src,
    });
    edge('contains', regionNode(r.account, r.region), key);
    const byAlias = new Map(r.clusters.map((c) => [c.alias, c.arn]));
    const clusterKey = (arn: string) => {
      if (!g.hasNode(arn)) {
        const acct = accountOfArn(arn) ?? r.account;
        const region = arn.split(':')[3] ?? r.region;
        node(arn, {
          kind: 'msk-cluster',
          label: arn.split('/')[1] ?? arn,
          account: acct,
          region,
          arn,
          scanned: false,
        });
        edge('contains', regionNode(acct, region, false), arn);
      }
      return arn;
    };
    for (const f of r.flows) {
      const from = f.sourceAlias ? byAlias.get(f.sourceAlias) : r.clusters[0]?.arn;
      const to = f.targetAlias ? byAlias.get(f.targetAlias) : r.clusters[1]?.arn;
      if (from && to)
        edge(
          'replicates-to',
          clusterKey(from),
          clusterKey(to),
          { src: r.src, label: r.name },
          r.arn,
        );
    }
  }
  for (const t of inv.trails) {
    const key = node(t.arn, {
      kind: 'trail',
      label: t.name,
      account: t.ownerAccount,
      region: t.homeRegion,
      arn: t.arn,
      src: t.src,
    });
    edge('contains', regionNode(t.ownerAccount, t.homeRegion, scannedIds.has(t.ownerAccount)), key);
    if (t.bucketName) {
      const known = lookup.bucketByName.get(t.bucketName);
      const bk = known
        ? `arn:aws:s3:::${t.bucketName}`
        : bucketNode(t.bucketName, undefined, undefined, false);
      edge('logs-to', key, bk, { src: t.src });
    }
  }
  for (const r of inv.roles) {
    const key = node(r.arn, {
      kind: 'iam-role',
      label: r.name,
      account: r.account,
      arn: r.arn,
      src: r.src,
    });
    edge('contains', accountNode(r.account, true), key);
    for (const p of r.trust ? namedPrincipals(r.trust.doc) : []) {
      if (p.effect !== 'Allow' || !p.account || p.account === r.account) continue;
      const known = scannedIds.has(p.account);
      edge(
        'trusts',
        key,
        accountNode(p.account, known),
        { src: r.trust!.src, label: p.value },
        p.account,
      );
    }
  }
  return g;
}
